package org.ortho4j.qmc.points;

import org.ortho4j.core.Check;
import org.ortho4j.core.random.SplitMix64;

/**
 * A base-2 digital net sequence (QMCPy {@code DigitalNetB2}; Sobol' with the default Joe–Kuo
 * matrices, see {@link Sobol}), optionally randomized (digital shift, linear matrix scramble,
 * both, or nested uniform scrambling) and of higher order by digit interlacing (spec qmc.md
 * 2.2–2.6).
 *
 * <p><b>Generation.</b> Each block of indices starts from one direct evaluation (an XOR of at
 * most m_max columns per coordinate) and then walks one XOR of a 64-bit word per coordinate per
 * point: in Gray order {@code x(i) = x(i-1) ^ C[tz(i)]}, in natural order
 * {@code x(i) = x(i-1) ^ (C[0] ^ .. ^ C[tz(i)])} (tz = trailing zeros; {@code i-1 ^ i} sets bits
 * 0..tz(i)). Any range {@code [nMin, nMax)} is allowed in both orders: QMCPy's natural order
 * requires nMin, nMax in {0} ∪ {2^k} only because its kernel writes the Gray walk to slot
 * {@code gray(i) - nMin}; the points here are the same wherever QMCPy accepts the range. A
 * digital shift is folded into the start state (the walk is XOR-linear), so NONE, DS, LMS and
 * LMS_DS all cost the same. NUS adds min(t, 53) multiply-adds per value (t for {@link #bits}).
 *
 * <p><b>Randomizations</b> (t = {@link #t()} output bits, tc = bits of the matrices):
 * <ul>
 *   <li>NONE: t = tc (t is only used for interlacing);</li>
 *   <li>DS: {@code (x << (t - tc)) ^ s}, s a uniform t-bit shift per (replication, coordinate);</li>
 *   <li>LMS: every coordinate's matrix is multiplied by a random t x tc matrix (unit lower
 *       triangular in its first tc rows, uniform below) — see
 *       {@link GeneratingMatrices#linearScramble}; LMS_DS adds a t-bit shift;</li>
 *   <li>NUS: nested uniform scrambling of the t-bit points {@code x << (t - tc)}: the flip bit
 *       of each node of the binary digit tree is a strongly universal hash of its digit prefix
 *       with per-(replication, coordinate, level) keys (see {@code Base2.nestedUniform}), so
 *       every point and every pair of points is distributed exactly as under Owen's scrambling
 *       (same mean and variance of any estimator). It is stateless: O(1) memory and independent
 *       of call order and threads. QMCPy instead grows a random tree lazily (O(n d) memory) and
 *       draws node bits in the order points are first requested, so its points depend on the
 *       sequence of calls.</li>
 * </ul>
 * <b>Higher order</b> ({@code alpha > 1}, dimension given as d): base coordinates 0..d·alpha-1
 * are interlaced into d coordinates (spec 2.6): NONE/DS interlace the raw matrices to
 * {@code t_alpha = min(alpha tc, t)} bits (DS then shifts to t bits); LMS/LMS_DS scramble each
 * base coordinate to t bits and interlace with t bits in and out; NUS scrambles the base points to
 * t bits and interlaces the points.
 *
 * <p><b>Floats.</b> A t-bit value xb becomes {@code (xb >>> max(0, t-53)) * 2^-min(t,53)}: exact,
 * never 1.0 (QMCPy's {@code ldexp} rounds and returns 1.0 for xb ≥ 2^63 - 2^9 when t = 63). For
 * DS, LMS_DS and NUS, whose points are uniform on [0,1)^d, a value 0 (probability 2^-min(t,53) per
 * coordinate) is replaced by half the resolution, so randomized points lie strictly in (0, 1).
 * NONE and LMS keep the origin as point 0; {@link #isRandomized()} is true only for DS, LMS_DS
 * and NUS.
 *
 * <p>Immutable and thread-safe. Build cost O(d m_max) (LMS: O(R d m_max t), NUS: O(R d t)).
 */
public final class DigitalNetB2 extends BlockPointSet {
    private final NetRandomization randomization;
    private final NetOrder order;
    private final int t;
    private final int alpha;
    private final int mMax;
    private final int width;          // walked words per point: d, or d * alpha for NUS with alpha > 1
    private final long[][] direct;    // per matrix set: [k * width + j] = column k of walked coordinate j
    private final long[][] step;      // per matrix set: natural = prefix XORs of direct, gray = direct
    private final long[][] shifts;    // [R][width] XORed into the start state (zeros when none)
    private final long[][] nusKeys;
    private final int tileRows;       // 2^b indices per tile of fillLinear, b <= mMax
    private final long[][] tileOffsets; // per matrix set: [o * d + j] = (x(i + o) ^ x(i))[j] for aligned i, o < tileRows   // [R][width * 2t]: a_q, b_q of walked coordinate c at c*2t + 2q (NUS only)
    private final boolean guard;
    private final int floatShift;
    private final double floatScale;

    private DigitalNetB2(Builder b, int[] coords, GeneratingMatrices src) {
        super(coords, b.replicationsValue(), src.nLimit());
        this.randomization = b.randomization;
        this.order = b.order;
        this.alpha = b.alpha;
        this.mMax = src.columns();
        int tc = src.bits();
        int R = replications;
        long seed = b.seedValue();
        int baseCount = alpha == 1 ? d : d * alpha;
        int[] baseCoords = alpha == 1 ? coords : identity(baseCount);
        long[][] mats;   // per set: [walked coordinate][k]
        switch (randomization) {
            case NONE -> {
                int ta = alpha == 1 ? tc : Math.min(alpha * tc, b.t);
                mats = new long[][] {flatten(alpha == 1 ? src.select(coords) : src.interlace(alpha, d, ta), 0)};
                this.t = ta;
            }
            case DS -> {
                int ta = alpha == 1 ? tc : Math.min(alpha * tc, b.t);
                mats = new long[][] {flatten(alpha == 1 ? src.select(coords) : src.interlace(alpha, d, ta), b.t - ta)};
                this.t = b.t;
            }
            case LMS, LMS_DS -> {
                this.t = b.t;
                mats = new long[R][];
                long[] rows = new long[t];
                for (int r = 0; r < R; r++) {
                    long[][] scrambled = new long[baseCount][mMax];
                    for (int c = 0; c < baseCount; c++) {
                        Base2.drawScrambleRows(Streams.stream(seed, Streams.LMS, r, baseCoords[c]), tc, t, rows, 0);
                        long[] col = src.raw(baseCoords[c]);
                        for (int k = 0; k < mMax; k++) scrambled[c][k] = Base2.scrambleColumn(rows, 0, col[k], t);
                    }
                    GeneratingMatrices g = GeneratingMatrices.ofMsb(scrambled, t);
                    mats[r] = flatten(alpha == 1 ? g : g.interlace(alpha, d, t), 0);
                }
            }
            case NUS -> {
                this.t = b.t;
                mats = new long[][] {flatten(src.select(baseCoords), t - tc)};
            }
            default -> throw new AssertionError(randomization);
        }
        this.width = randomization == NetRandomization.NUS ? baseCount : d;
        this.direct = new long[mats.length][];
        this.step = new long[mats.length][];
        for (int s = 0; s < mats.length; s++) {
            direct[s] = mats[s];
            step[s] = order == NetOrder.GRAY ? mats[s] : prefixXor(mats[s], mMax, width);
        }
        int log2Tile = 0;
        while (log2Tile < mMax && (d << log2Tile) < TILE_VALUES) log2Tile++;
        this.tileRows = 1 << log2Tile;
        this.tileOffsets = new long[mats.length][];
        for (int s = 0; s < mats.length; s++) tileOffsets[s] = tileOffsets(step[s], tileRows, d, width);
        this.shifts = new long[R][width];
        if (randomization == NetRandomization.DS || randomization == NetRandomization.LMS_DS) {
            for (int r = 0; r < R; r++)
                for (int j = 0; j < d; j++)
                    shifts[r][j] = b.shifts != null ? b.shifts[r][j] : Streams.bits(Streams.stream(seed, Streams.SHIFT, r, coords[j]), t);
        }
        if (randomization == NetRandomization.NUS) {
            nusKeys = new long[R][width * 2 * t];
            for (int r = 0; r < R; r++)
                for (int c = 0; c < width; c++) {
                    SplitMix64 rng = Streams.stream(seed, Streams.NUS, r, baseCoords[c]);
                    for (int q = 0; q < 2 * t; q++) nusKeys[r][c * 2 * t + q] = rng.nextLong();
                }
        } else {
            nusKeys = null;
        }
        this.guard = randomization == NetRandomization.DS || randomization == NetRandomization.LMS_DS
                || randomization == NetRandomization.NUS;
        this.floatShift = Base2.floatShift(t);
        this.floatScale = Base2.floatScale(t);
    }

    private static int[] identity(int n) {
        int[] c = new int[n];
        for (int j = 0; j < n; j++) c[j] = j;
        return c;
    }

    /** Columns transposed to {@code [k * w + j]}, each shifted left by {@code lshift}. */
    private static long[] flatten(GeneratingMatrices g, int lshift) {
        int w = g.dimensionLimit(), m = g.columns();
        long[] out = new long[m * w];
        for (int j = 0; j < w; j++) {
            long[] col = g.raw(j);
            for (int k = 0; k < m; k++) out[k * w + j] = col[k] << lshift;
        }
        return out;
    }

    /** Values per tile of {@code fillLinear}: tiles hold the fewest whole rows reaching this many. */
    private static final int TILE_VALUES = 128;

    /** {@code [o * d + j]}: the walk from 0 to o ({@code o = 0 .. rows-1}, XOR of steps) of coordinate j. */
    private static long[] tileOffsets(long[] stp, int rows, int d, int w) {
        long[] offs = new long[rows * d];
        for (int o = 1; o < rows; o++) {
            int base = Long.numberOfTrailingZeros(o) * w;
            for (int j = 0; j < d; j++) offs[o * d + j] = offs[(o - 1) * d + j] ^ stp[base + j];
        }
        return offs;
    }

    private static long[] prefixXor(long[] cols, int m, int w) {
        long[] p = cols.clone();
        for (int k = 1; k < m; k++)
            for (int j = 0; j < w; j++) p[k * w + j] ^= p[(k - 1) * w + j];
        return p;
    }

    // ------------------------------------------------------------------ builder

    /**
     * A builder for d coordinates with QMCPy's defaults: Joe–Kuo matrices, LMS_DS, natural order,
     * t = 63, alpha = 1, one replication, seed {@link PointSetBuilder#DEFAULT_SEED}.
     *
     * @param d number of coordinates, {@code >= 1}
     * @return the builder
     */
    public static Builder builder(int d) { return new Builder().dimension(d); }

    /** A builder with QMCPy's defaults and no coordinates yet (set {@code dimension} or {@code coordinates}). */
    public static Builder builder() { return new Builder(); }

    /** Options of a {@link DigitalNetB2}; not thread-safe. */
    public static final class Builder extends PointSetBuilder<Builder> {
        private GeneratingMatrices matrices;
        private NetRandomization randomization = NetRandomization.LMS_DS;
        private NetOrder order = NetOrder.RADICAL_INVERSE;
        private int t = 63;
        private int alpha = 1;
        private long[][] shifts;

        Builder() {}

        /**
         * The generating matrices (default {@link GeneratingMatrices#joeKuo21201()}).
         *
         * @param m the matrices; for alpha &gt; 1 they must not be interlaced already
         * @return this builder
         */
        public Builder matrices(GeneratingMatrices m) {
            this.matrices = Check.notNull("matrices", m);
            return this;
        }

        /**
         * The randomization (default LMS_DS).
         *
         * @param r the randomization
         * @return this builder
         */
        public Builder randomization(NetRandomization r) {
            this.randomization = Check.notNull("randomization", r);
            return this;
        }

        /**
         * The order (default RADICAL_INVERSE).
         *
         * @param o the order
         * @return this builder
         */
        public Builder order(NetOrder o) {
            this.order = Check.notNull("order", o);
            return this;
        }

        /**
         * Output bits after randomization (QMCPy {@code t}, default 63), from the matrices' bits to 64.
         *
         * @param t bits
         * @return this builder
         */
        public Builder t(int t) {
            this.t = Check.inRange("t", t, 1, 64);
            return this;
        }

        /**
         * Interlacing factor for a higher-order net (default 1).
         *
         * @param alpha {@code >= 1}; {@code > 1} requires {@link #dimension(int)}, not explicit coordinates
         * @return this builder
         */
        public Builder alpha(int alpha) {
            this.alpha = Check.positive("alpha", alpha);
            return this;
        }

        /**
         * Given digital shifts instead of random ones (for DS and LMS_DS), e.g. to reproduce
         * another implementation: {@code shifts[r][j]} is the t-bit shift of column j in
         * replication r. Copied.
         *
         * @param shifts {@code [replications][d]} unsigned values below 2^t
         * @return this builder
         */
        public Builder digitalShifts(long[][] shifts) {
            Check.notNull("shifts", shifts);
            long[][] c = new long[shifts.length][];
            for (int r = 0; r < c.length; r++) c[r] = Check.notNull("shifts[" + r + "]", shifts[r]).clone();
            this.shifts = c;
            return this;
        }

        /**
         * Validates the options and builds the net.
         *
         * @return the net
         * @throws IllegalArgumentException naming the option that is out of range: d (or a
         *     coordinate) beyond the matrices, t below the matrices' bits, alpha &gt; 1 with
         *     explicit coordinates, replications &gt; 1 without randomization, shifts of the wrong
         *     shape or randomization
         */
        public DigitalNetB2 build() {
            GeneratingMatrices src = matrices != null ? matrices : GeneratingMatrices.joeKuo21201();
            int tc = src.bits();
            if (t < tc) throw new IllegalArgumentException("t = " + t + ", expected in [" + tc + ", 64] (bits of the matrices to 64)");
            int[] coords;
            if (alpha == 1) {
                coords = resolveCoordinates(src.dimensionLimit(), src.source());
            } else {
                if (explicitCoordinates())
                    throw new IllegalArgumentException("coordinates are explicit, expected dimension(d) when alpha = " + alpha + " > 1");
                int d = dimensionValue();
                if ((long) d * alpha > src.dimensionLimit())
                    throw new IllegalArgumentException("d * alpha = " + (long) d * alpha + ", expected <= "
                            + src.dimensionLimit() + " (coordinates of " + src.source() + ")");
                coords = identity(d);
            }
            if (randomization == NetRandomization.NONE && replicationsValue() > 1)
                throw new IllegalArgumentException("replications = " + replicationsValue()
                        + ", expected 1 when randomization = NONE (the copies would be identical)");
            if (shifts != null) {
                if (randomization != NetRandomization.DS && randomization != NetRandomization.LMS_DS)
                    throw new IllegalArgumentException("digitalShifts given with randomization = " + randomization + ", expected DS or LMS_DS");
                Check.dimension("shifts.length", shifts.length, replicationsValue());
                for (int r = 0; r < shifts.length; r++) {
                    Check.dimension("shifts[" + r + "].length", shifts[r].length, coords.length);
                    for (long s : shifts[r])
                        if (t < 64 && (s >>> t) != 0)
                            throw new IllegalArgumentException("shifts[" + r + "] holds " + Long.toUnsignedString(s) + ", expected < 2^t = 2^" + t);
                }
            }
            return new DigitalNetB2(this, coords, src);
        }
    }

    // ------------------------------------------------------------------ accessors

    /** The randomization. */
    public NetRandomization randomization() { return randomization; }

    /** The order. */
    public NetOrder order() { return order; }

    /** Bits t of the integer points returned by {@link #bits}. */
    public int t() { return t; }

    /** The interlacing factor. */
    public int alpha() { return alpha; }

    /** Number of columns m_max of the generating matrices ({@code nLimit = 2^m_max}). */
    public int mMax() { return mMax; }

    /** True for DS, LMS_DS and NUS: every point is uniform on [0,1)^d and none is the origin. */
    @Override public boolean isRandomized() { return guard; }

    // ------------------------------------------------------------------ generation

    /** Receives the walked state of one index. */
    @FunctionalInterface
    private interface RowSink {
        void row(int k, long[] state);
    }

    /** The walked state of index {@code from}: the direct XOR of its columns, shift included. */
    private long[] start(int r, long from) {
        long[] cols = direct[direct.length == 1 ? 0 : r];
        long[] state = shifts[r].clone();
        long idx = order == NetOrder.GRAY ? from ^ (from >>> 1) : from;
        for (long bitsLeft = idx; bitsLeft != 0; bitsLeft &= bitsLeft - 1) {
            int base = Long.numberOfTrailingZeros(bitsLeft) * width;
            for (int j = 0; j < width; j++) state[j] ^= cols[base + j];
        }
        return state;
    }

    /**
     * Walks indices {@code from .. to-1} of replication r, handing the state of each (the walked
     * words, shift included) to the sink with its position k = 0, 1, ...
     */
    private void walk(int r, long from, long to, RowSink sink) {
        long[] stp = step[direct.length == 1 ? 0 : r];
        long[] state = start(r, from);
        for (long i = from; ; ) {
            sink.row((int) (i - from), state);
            if (++i >= to) break;
            int base = Long.numberOfTrailingZeros(i) * width;
            for (int j = 0; j < width; j++) state[j] ^= stp[base + j];
        }
    }

    /**
     * The hot path of NONE, DS, LMS and LMS_DS, in aligned tiles of {@link #tileRows} = 2^b indices.
     * For a tile base i (a multiple of 2^b) and o &lt; 2^b, {@code x(i + o) = x(i) ^ offsets[o]}
     * (natural: {@code i + o = i ^ o}; Gray: the Gray map is GF(2)-linear), so a tile is one
     * contiguous vector {@code y[o d + j] = x(i)[j] ^ offsets[o d + j]} of {@code 2^b d} words,
     * and the next tile is y XOR {@code x(i + 2^b) ^ x(i)} replicated 2^b times. One fused loop of
     * {@code 2^b d} (at least {@link #TILE_VALUES} for d below it) XORs, converts and stores each
     * value once, with no per-index loop overhead; rows before the first aligned tile and after the
     * last one are walked one at a time. XOR is exact, so the values are bit-identical to the
     * walk's.
     */
    private void fillLinear(int r, long from, long to, double[] out, int off) {
        int set = direct.length == 1 ? 0 : r;
        long[] stp = step[set];
        long[] state = start(r, from);
        int rowsPerTile = tileRows, w = d;
        long mask = rowsPerTile - 1L;
        long tile0 = (from + mask) & ~mask;   // first aligned tile base >= from
        long tiles = tile0 < to ? (to - tile0) / rowsPerTile : 0;
        if (tiles == 0) {
            walkRows(stp, state, from, to, out, off);
            return;
        }
        if (tile0 > from) {
            walkRows(stp, state, from, tile0, out, off);
            off += (int) (tile0 - from) * w;
            stepState(stp, state, tile0);
        }
        int tw = rowsPerTile * w;
        long[] offs = tileOffsets[set];
        long[] y = new long[tw];
        for (int q = 0, o = 0; o < rowsPerTile; o++)
            for (int j = 0; j < w; j++, q++) y[q] = state[j] ^ offs[q];
        long[][] replicated = new long[mMax][];
        long[] delta = new long[tw];         // zero for the first tile
        long i = tile0;
        for (long k = 0; k < tiles; k++, i += rowsPerTile, off += tw) {
            if (k > 0) {
                int level = Long.numberOfTrailingZeros(i);
                if (replicated[level] == null) replicated[level] = tileStep(stp, level * width, offs, tw - w, rowsPerTile);
                delta = replicated[level];
            }
            convertTile(y, delta, out, off, tw);
        }
        if (i < to) {
            System.arraycopy(y, tw - w, state, 0, w);   // x(i - 1)
            stepState(stp, state, i);
            walkRows(stp, state, i, to, out, off);
        }
    }

    /** {@code y ^= delta} over {@code n} words, each converted to a double at {@code out[off..]}. */
    private void convertTile(long[] y, long[] delta, double[] out, int off, int n) {
        int sh = floatShift;
        double scale = floatScale;
        if (!guard) {
            for (int q = 0; q < n; q++) {
                long s = y[q] ^ delta[q];
                y[q] = s;
                out[off + q] = (s >>> sh) * scale;
            }
            return;
        }
        long anyZero = 0;   // sign bit set iff some v = 0 (v < 2^53, so v - 1 < 0 only for v = 0)
        for (int q = 0; q < n; q++) {
            long s = y[q] ^ delta[q];
            y[q] = s;
            long v = s >>> sh;
            out[off + q] = v * scale;
            anyZero |= v - 1;
        }
        if (anyZero < 0) {
            // the zero guard, off the hot loop (probability about n 2^-min(t,53) per tile):
            // the exact value lies in [0, scale), replaced by the cell's midpoint scale/2
            for (int q = 0; q < n; q++)
                if (out[off + q] == 0) out[off + q] = 0.5 * scale;
        }
    }

    /** {@code state ^= step[tz(i)]}: the walk from index i-1 to i. */
    private void stepState(long[] stp, long[] state, long i) {
        int base = Long.numberOfTrailingZeros(i) * width;
        for (int j = 0; j < d; j++) state[j] ^= stp[base + j];
    }

    /**
     * {@code x(i) ^ x(i - 2^b)} for a tile base i with tz(i) = level, repeated {@code copies} times:
     * the walk from i - 2^b to i - 1 (the last row of the offsets) and one step to i.
     */
    private long[] tileStep(long[] stp, int base, long[] offs, int lastRow, int copies) {
        long[] rep = new long[copies * d];
        for (int j = 0; j < d; j++) rep[j] = stp[base + j] ^ offs[lastRow + j];
        for (int c = 1; c < copies; c++) System.arraycopy(rep, 0, rep, c * d, d);
        return rep;
    }

    /**
     * Rows {@code from .. to-1} one at a time, {@code state} = x(from) on entry and x(to-1) on
     * exit: one XOR and one conversion per value.
     */
    private void walkRows(long[] stp, long[] state, long from, long to, double[] out, int off) {
        int sh = floatShift, w = d;
        double scale = floatScale;
        for (long i = from; i < to; i++, off += w) {
            if (i > from) stepState(stp, state, i);
            for (int j = 0; j < w; j++) out[off + j] = Base2.toUnit(state[j], sh, scale, guard);
        }
    }

    /** Digits of the scramble to compute for an output of {@code outBits} leading bits. */
    private int nusLevels(int outBits) {
        return Math.min(t, (outBits + alpha - 1) / alpha);
    }

    /**
     * NUS output words of one walked row: scrambles the {@code width} walked words and, for
     * alpha &gt; 1, interlaces each group of alpha into one output word.
     *
     * @param scrambled scratch of length width
     * @param group     scratch of length alpha
     * @param out       receives the d t-bit output words
     */
    private void nusRow(int r, long[] state, int levels, long[] scrambled, long[] group, long[] out) {
        long[] keys = nusKeys[r], dst = alpha == 1 ? out : scrambled;
        for (int c = 0; c < width; c++) dst[c] = Base2.nestedUniform(state[c], keys, 2 * t * c, t, levels);
        if (alpha == 1) return;
        for (int j = 0; j < d; j++) {
            System.arraycopy(scrambled, j * alpha, group, 0, alpha);
            out[j] = Base2.interlace(group, 0, alpha, t, t);
        }
    }

    @Override
    void fillBlock(int r, long from, long to, double[] out, int off) {
        if (from >= to) return;
        int sh = floatShift;
        double scale = floatScale;
        if (randomization != NetRandomization.NUS) {
            fillLinear(r, from, to, out, off);
        } else {
            int levels = nusLevels(Math.min(t, Base2.DOUBLE_BITS));
            long[] scrambled = new long[width], group = new long[alpha], words = new long[d];
            walk(r, from, to, (k, st) -> {
                nusRow(r, st, levels, scrambled, group, words);
                int o = off + k * d;
                for (int j = 0; j < d; j++) out[o + j] = Base2.toUnit(words[j], sh, scale, true);
            });
        }
    }

    @Override
    int costPerValue() { return randomization == NetRandomization.NUS ? 8 * Math.min(t, Base2.DOUBLE_BITS) : 1; }

    /**
     * The t-bit integer points (QMCPy {@code return_binary=True}): {@code x = xb / 2^t} before
     * the float conversion. Allocates an {@code (nMax-nMin) x d} array; same cost as
     * {@link #points(int, long, long)} (NUS scrambles all t digits here).
     *
     * @param r    replication, 0..R-1
     * @param nMin first index
     * @param nMax end index (exclusive), at most {@link #nLimit()}
     * @return {@code [nMax-nMin][d]} unsigned t-bit integers
     */
    public long[][] bits(int r, long nMin, long nMax) {
        int n = checkRange(r, nMin, nMax);
        long[][] out = new long[n][d];
        int levels = nusLevels(t);
        boolean nus = randomization == NetRandomization.NUS;
        forBlocks(n, (i0, i1) -> {
            if (i0 >= i1) return;
            long[] scrambled = new long[width], group = new long[alpha];
            walk(r, nMin + i0, nMin + i1, (k, st) -> {
                if (nus) nusRow(r, st, levels, scrambled, group, out[i0 + k]);
                else System.arraycopy(st, 0, out[i0 + k], 0, d);
            });
        });
        return out;
    }

    /**
     * Integer points {@code nMin .. nMax-1} of replication 0; see {@link #bits(int, long, long)}.
     *
     * @param nMin first index
     * @param nMax end index (exclusive)
     * @return {@code [nMax-nMin][d]} unsigned t-bit integers
     */
    public long[][] bits(long nMin, long nMax) { return bits(0, nMin, nMax); }

    /**
     * The first n integer points of replication 0; see {@link #bits(int, long, long)}.
     *
     * @param n number of points
     * @return {@code [n][d]} unsigned t-bit integers
     */
    public long[][] bits(long n) { return bits(0, 0, n); }

    @Override
    public String toString() {
        return "DigitalNetB2(d=" + d + ", R=" + replications + ", " + randomization + ", " + order + ", t=" + t
                + ", alpha=" + alpha + ", nLimit=" + nLimit + ")";
    }
}
