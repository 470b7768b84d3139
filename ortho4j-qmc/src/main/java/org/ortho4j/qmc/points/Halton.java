package org.ortho4j.qmc.points;

import org.ortho4j.core.Check;
import org.ortho4j.core.random.SplitMix64;

/**
 * The Halton sequence as a generalized digital net with prime base b_c for coordinate index c
 * (the c-th prime, c &lt; 1000) and identity generating matrices, with QMCPy's randomizations
 * (spec qmc.md 2.7): see {@link HaltonRandomization}.
 *
 * <p><b>Digits.</b> Index i &lt; nLimit has at most {@code m_b = min{m : b^m ≥ nLim}} base-b
 * digits a_k. A linear matrix scramble gives {@code z = L a mod b} with L random (t x m_b, lower
 * triangular with nonzero diagonal in its first m_b rows, uniform below). QMCPy sizes every
 * coordinate's L with the m_max of the smallest base in use; the extra columns only meet digits
 * that are always 0, so the distribution is the same, and sizing by the coordinate's own base
 * keeps its randomization independent of the other coordinates requested. Digit maps (PERM, DS)
 * or nested scrambling (NUS) give the output digits y, and {@code x = sum_q y_q r_q} with
 * {@code r_0 = 1/b, r_{q+1} = r_q / b}. Unrandomized points are summed in increasing q (QMCPy's
 * {@code gdn_integer_to_float} and scipy's order) and equal scipy's
 * {@code Halton(scramble=False)} bit for bit; randomized ones use four partial sums (the same
 * value up to a few units of 2^-53, without the serial add chain). QRNG instead evaluates
 * {@code sum_{k<32} ((f a_k + s_k) mod b) b^-(k+1)} by Horner's rule from k = 31 down, as
 * {@code qrng}.
 *
 * <p><b>Precision and cost.</b> QMCPy keeps t = 63 digits after randomization; a double cannot
 * hold digits below 2^-53, so a randomized coordinate evaluates only
 * {@code Q_b = min(t, min{q : b^q ≥ 2^54})} digits (53 + 1 for base 2, 34 for base 3, 5 for base
 * 7919): the omitted tail is below 2^-54. Walking consecutive indices updates the digits of i
 * with carries and, for LMS, {@code z += P[c] mod b} with P[c] the column prefix sums of L and c
 * the carry length (the index increment adds 1 to digits 0..c mod b), so a value costs O(Q_b)
 * with LMS or NUS and O(number of digits of i) unrandomized or with PERM/DS alone (the mapped
 * zero digits above the index's leading digit are a precomputed tail sum). PERM and DS tables take O(R sum_c Q_b b) memory
 * (about 34 MB per replication for d = 1000, far below QMCPy's t b_max per coordinate).
 *
 * <p><b>NUS.</b> The permutation of the node reached by the digit prefix {@code z_0..z_{q-1}} is
 * the affine map {@code z -> (u z + v) mod b}, u in 1..b-1 and v in 0..b-1 drawn from
 * {@code mix(key_q ^ prefix)}: uniform and 2-transitive for prime b, so every point and every
 * pair of points has the same distribution as under nested uniform permutations (Owen 2003,
 * "Variance with alternative scramblings of digital nets"), hence the same variance; for b = 2
 * it is exactly nested uniform scrambling. Stateless: QMCPy's lazy tree of full permutations
 * gives the same pairwise distribution but depends on the order in which points are requested.
 *
 * <p><b>0/1 guard.</b> No coordinate is ever 1.0 (a rounded sum ≥ 1 becomes 1 - 2^-53); for the
 * randomizations whose points are uniform (all but NONE and LMS), a 0 becomes half the last digit
 * weight. Immutable and thread-safe.
 */
public final class Halton extends BlockPointSet {
    private static final double ONE_MINUS = Math.nextDown(1.0);

    private final HaltonRandomization randomization;
    private final int t;
    private final int mMax;
    private final Coordinate[][] columns;  // [R][d]

    private Halton(Builder b, int[] coords, long nLim, int mMax, int t) {
        super(coords, b.replicationsValue(), nLim);
        this.randomization = b.randomization;
        this.mMax = mMax;
        this.t = t;
        this.columns = new Coordinate[replications][d];
        for (int r = 0; r < replications; r++)
            for (int j = 0; j < d; j++) columns[r][j] = new Coordinate(randomization, coords[j], r, b.seedValue(), nLim, b.t);
    }

    /**
     * A builder for d coordinates with QMCPy's defaults: LMS_PERM, t = 63, nLim = 2^32, one
     * replication.
     *
     * @param d number of coordinates, 1..1000
     * @return the builder
     */
    public static Builder builder(int d) { return new Builder().dimension(d); }

    /** A builder with QMCPy's defaults and no coordinates yet. */
    public static Builder builder() { return new Builder(); }

    /** Options of a {@link Halton} sequence; not thread-safe. */
    public static final class Builder extends PointSetBuilder<Builder> {
        private HaltonRandomization randomization = HaltonRandomization.LMS_PERM;
        private int t = 63;
        private long nLim = 1L << 32;

        Builder() {}

        /**
         * The randomization (default LMS_PERM).
         *
         * @param r the randomization
         * @return this builder
         */
        public Builder randomization(HaltonRandomization r) {
            this.randomization = Check.notNull("randomization", r);
            return this;
        }

        /**
         * Digits after randomization (QMCPy {@code t}, default 63; raised to m_max if smaller).
         *
         * @param t 1..64
         * @return this builder
         */
        public Builder t(int t) {
            this.t = Check.inRange("t", t, 1, 64);
            return this;
        }

        /**
         * Number of points supported (QMCPy {@code n_lim}, default 2^32); fixes m_max.
         *
         * @param n 1..2^62 (at most 2^32 for QRNG)
         * @return this builder
         */
        public Builder nLim(long n) {
            if (n < 1 || n > 1L << 62) throw new IllegalArgumentException("nLim = " + n + ", expected in [1, 2^62]");
            this.nLim = n;
            return this;
        }

        /**
         * Validates the options and builds the sequence.
         *
         * @return the sequence
         * @throws IllegalArgumentException naming the option out of range: d or a coordinate
         *     beyond the 1000 prime bases (360 for QRNG), replications &gt; 1 with NONE or QRNG,
         *     nLim above 2^32 with QRNG
         */
        public Halton build() {
            boolean qrng = randomization == HaltonRandomization.QRNG;
            int[] coords = resolveCoordinates(qrng ? Primes.QRNG_LIMIT : Primes.HALTON_LIMIT,
                    qrng ? "the QRNG multiplier table (first 360 primes)" : "the first 1000 prime bases");
            int R = replicationsValue();
            if (randomization == HaltonRandomization.NONE && R > 1)
                throw new IllegalArgumentException("replications = " + R + ", expected 1 when randomization = NONE (the copies would be identical)");
            if (qrng && R > 1) throw new IllegalArgumentException("replications = " + R + ", expected 1 when randomization = QRNG");
            if (qrng && nLim > 1L << 32) throw new IllegalArgumentException("nLim = " + nLim + ", expected <= 2^32 when randomization = QRNG");
            int minBase = Integer.MAX_VALUE;
            for (int c : coords) minBase = Math.min(minBase, Primes.get(c));
            int m = digitsFor(nLim, minBase);
            return new Halton(this, coords, nLim, qrng ? 32 : m, Math.max(m, t));
        }
    }

    /** The smallest m with {@code base^m >= n} (QMCPy: ceil(log(n_lim) / log(base)), computed exactly). */
    static int digitsFor(long n, int base) {
        int m = 0;
        for (long p = 1; p < n; m++) p = p > Long.MAX_VALUE / base ? Long.MAX_VALUE : p * base;
        return Math.max(m, 1);
    }

    /** Digits of a randomized value in base b: {@code min(t, min{q : b^q >= 2^54})}. */
    static int floatDigits(int b, int t) {
        return Math.min(t, digitsFor(1L << 54, b));
    }

    /**
     * QRNG value of 32 base-b digits a (least significant first): Horner's rule from digit 31
     * down, {@code u = (u + (f a_k + s_k) mod b) / b}, as qrng's {@code ghalton}.
     */
    static double qrngHorner(int[] a, int f, int[] shift, int b) {
        double u = 0;
        for (int k = 31; k >= 0; k--) {
            u += (f * a[k] + shift[k]) % b;
            u /= b;
        }
        return u;
    }

    /**
     * The QRNG point coordinate of index i for coordinate index c with given shift digits (32
     * digits in 0..b-1); with zero shifts this is the deterministic generalized Halton sequence of
     * Faure and Lemieux.
     */
    static double qrngPoint(long i, int c, int[] shift) {
        int b = Primes.get(c);
        int[] a = new int[32];
        for (int k = 0; k < 32 && i > 0; k++, i /= b) a[k] = (int) (i % b);
        return qrngHorner(a, Primes.FAURE_LEMIEUX[c], shift, b);
    }

    /** The randomization. */
    public HaltonRandomization randomization() { return randomization; }

    /** Digits after randomization, {@code max(m_max, t)} (QMCPy's t). */
    public int t() { return t; }

    /** Digits m_max of an index (QMCPy's m_max; 32 for QRNG). */
    public int mMax() { return mMax; }

    /** The prime base of column j. */
    public int base(int j) {
        Check.inRange("j", j, 0, d - 1);
        return Primes.get(coords[j]);
    }

    /** True for every randomization but NONE and LMS (whose first point is the origin). */
    @Override
    public boolean isRandomized() {
        return randomization != HaltonRandomization.NONE && randomization != HaltonRandomization.LMS;
    }

    @Override
    void fillBlock(int r, long from, long to, double[] out, int off) {
        boolean guard = isRandomized();
        for (int j = 0; j < d; j++) columns[r][j].fill(from, to, out, off + j, d, guard);
    }

    @Override
    int chunkRows() { return Math.max(256, Math.min(4096, (1 << 16) / d)); }

    @Override
    int costPerValue() { return randomization == HaltonRandomization.NONE ? 4 : 32; }

    @Override
    public String toString() {
        return "Halton(d=" + d + ", R=" + replications + ", " + randomization + ", t=" + t + ", nLimit=" + nLimit + ")";
    }

    // ------------------------------------------------------------------ one coordinate

    /** The randomization of one (replication, coordinate) and its generation loop. */
    private static final class Coordinate {
        private final int b;
        private final int digits;      // K: digits of an index (m_max)
        private final int q;           // Q: digits evaluated (randomized)
        private final double[] recip;  // r_q = running 1/b^(q+1)
        private final int[] lms;       // L [q * K + k] or null
        private final int[] lmsStep;   // P [c * Q + q] = sum_{k<=c} L[q][k] mod b, or null
        private final short[] map;     // digit maps [q * b + z] (PERM, DS; identity for LMS alone) or null
        private final double[] zeroTail; // [m] = sum_{k=m}^{q-1} map_k(0) r_k, or null
        private final long[] nusKeys;  // Q level keys (NUS) or null
        private final int multiplier;  // QRNG f
        private final int[] qrngShift; // QRNG s_k, k < 32
        private final HaltonRandomization kind;

        Coordinate(HaltonRandomization kind, int c, int r, long seed, long nLim, int tUser) {
            this.kind = kind;
            this.b = Primes.get(c);
            int mMax = kind == HaltonRandomization.QRNG ? 32 : digitsFor(nLim, b);
            this.digits = mMax;
            this.q = kind == HaltonRandomization.NONE ? mMax : kind == HaltonRandomization.QRNG ? 32
                    : floatDigits(b, Math.max(mMax, tUser));
            this.recip = new double[Math.max(q, mMax)];
            double w = 1.0 / b;
            for (int k = 0; k < recip.length; k++, w /= b) recip[k] = w;
            boolean hasLms = kind == HaltonRandomization.LMS || kind == HaltonRandomization.LMS_PERM
                    || kind == HaltonRandomization.LMS_DS;
            if (hasLms) {
                SplitMix64 rng = Streams.stream(seed, Streams.LMS, r, c);
                lms = new int[q * mMax];
                for (int row = 0; row < q; row++)
                    for (int k = 0; k < mMax; k++)
                        lms[row * mMax + k] = row >= mMax || k < row ? Streams.below(rng, b)
                                : k == row ? 1 + Streams.below(rng, b - 1) : 0;
                lmsStep = new int[(mMax + 1) * q]; // row mMax stays 0: evaluation without a step
                for (int k = 0; k < mMax; k++)
                    for (int row = 0; row < q; row++)
                        lmsStep[k * q + row] = ((k == 0 ? 0 : lmsStep[(k - 1) * q + row]) + lms[row * mMax + k]) % b;
            } else {
                lms = null;
                lmsStep = null;
            }
            if (kind == HaltonRandomization.PERM || kind == HaltonRandomization.LMS_PERM) {
                SplitMix64 rng = Streams.stream(seed, Streams.PERM, r, c);
                map = new short[q * b];
                for (int row = 0; row < q; row++) {
                    int o = row * b;
                    for (int z = 0; z < b; z++) map[o + z] = (short) z;
                    for (int z = b - 1; z > 0; z--) { // Fisher-Yates
                        int s = Streams.below(rng, z + 1);
                        short tmp = map[o + z]; map[o + z] = map[o + s]; map[o + s] = tmp;
                    }
                }
            } else if (kind == HaltonRandomization.DS || kind == HaltonRandomization.LMS_DS) {
                SplitMix64 rng = Streams.stream(seed, Streams.SHIFT, r, c);
                map = new short[q * b];
                for (int row = 0; row < q; row++) {
                    int s = Streams.below(rng, b);
                    for (int z = 0; z < b; z++) map[row * b + z] = (short) ((z + s) % b);
                }
            } else if (kind == HaltonRandomization.LMS) {
                map = new short[q * b];
                for (int row = 0; row < q; row++)
                    for (int z = 0; z < b; z++) map[row * b + z] = (short) z;
            } else {
                map = null;
            }
            if (map != null) {
                zeroTail = new double[q + 1];
                for (int k = q - 1; k >= 0; k--) zeroTail[k] = zeroTail[k + 1] + map[k * b] * recip[k];
            } else {
                zeroTail = null;
            }
            if (kind == HaltonRandomization.NUS) {
                SplitMix64 rng = Streams.stream(seed, Streams.NUS, r, c);
                nusKeys = new long[q];
                for (int row = 0; row < q; row++) nusKeys[row] = rng.nextLong();
            } else {
                nusKeys = null;
            }
            if (kind == HaltonRandomization.QRNG) {
                multiplier = Primes.FAURE_LEMIEUX[c];
                SplitMix64 rng = Streams.stream(seed, Streams.SHIFT, r, c);
                qrngShift = new int[32];
                for (int k = 0; k < 32; k++) qrngShift[k] = Streams.below(rng, b);
            } else {
                multiplier = 0;
                qrngShift = null;
            }
        }

        /** Writes indices {@code from .. to-1} to {@code out[off + k * stride]}. */
        void fill(long from, long to, double[] out, int off, int stride, boolean guard) {
            if (from >= to) return;
            int[] a = new int[Math.max(digits, q) + 1];
            int nd = 0;
            for (long v = from; v > 0; v /= b) a[nd++] = (int) (v % b);
            int[] z = a, y = new int[q];
            if (lms != null) {
                z = new int[q];
                for (int row = 0; row < q; row++) {
                    long s = 0;
                    for (int k = 0; k < digits; k++) s += (long) lms[row * digits + k] * a[k];
                    z[row] = (int) (s % b);
                }
            }
            // with LMS every value, the first too, goes through stepLms so that the rounding does
            // not depend on where a block starts
            double x = lmsStep != null ? stepLms(z, digits) : evaluate(a, z, y, nd);
            for (long i = from; ; ) {
                out[off] = x >= 1 ? ONE_MINUS : guard && x == 0 ? 0.5 * recip[q - 1] : x;
                if (++i >= to) break;
                off += stride;
                int c = 0;
                while (a[c] == b - 1) a[c++] = 0;
                a[c]++;
                if (c >= nd) nd = c + 1;
                x = lmsStep != null ? stepLms(z, c) : evaluate(a, z, y, nd);
            }
        }

        /** The value of the current index from its digits a (without LMS). */
        private double evaluate(int[] a, int[] z, int[] y, int nd) {
            return switch (kind) {
                case NONE -> radicalInverse(a, nd);
                case QRNG -> qrngHorner(a, multiplier, qrngShift, b);
                case NUS -> nested(z, y);
                // the digits above the index's leading digit are 0: precomputed tail
                default -> mapped(z, y, Math.min(nd, q));
            };
        }

        /** Unrandomized: the digits of i against the running reciprocals, in increasing q. */
        private double radicalInverse(int[] a, int nd) {
            double x = 0;
            for (int k = 0; k < nd; k++) x += a[k] * recip[k];
            return x;
        }

        /** Mapped digits 0..m-1 of z plus the tail of mapped zeros. */
        private double mapped(int[] z, int[] y, int m) {
            for (int k = 0; k < m; k++) y[k] = map[k * b + z[k]];
            return dot(y, m) + zeroTail[m];
        }

        /** NUS: the affine permutation of each node applied to the digits z. */
        private double nested(int[] z, int[] y) {
            long prefix = 0;
            for (int k = 0; k < q; k++) {
                long h = SplitMix64.mix(nusKeys[k] ^ prefix);
                long u = 1 + (((h >>> 32) * (b - 1)) >>> 32), v = ((h & 0xFFFFFFFFL) * b) >>> 32;
                y[k] = (int) ((u * z[k] + v) % b);
                prefix = prefix * b + z[k];
            }
            return dot(y, q);
        }

        /**
         * LMS walk and evaluation fused in one pass: {@code z += P[c] mod b} (c = m_max: no step),
         * then the mapped digits against the reciprocals, with two partial sums.
         */
        private double stepLms(int[] z, int c) {
            int o = c * q, k = 0;
            double s0 = 0, s1 = 0;
            for (; k + 1 < q; k += 2) {
                int v0 = z[k] + lmsStep[o + k], v1 = z[k + 1] + lmsStep[o + k + 1];
                if (v0 >= b) v0 -= b;
                if (v1 >= b) v1 -= b;
                z[k] = v0;
                z[k + 1] = v1;
                s0 += map[k * b + v0] * recip[k];
                s1 += map[(k + 1) * b + v1] * recip[k + 1];
            }
            if (k < q) {
                int v = z[k] + lmsStep[o + k];
                if (v >= b) v -= b;
                z[k] = v;
                s0 += map[k * b + v] * recip[k];
            }
            return s0 + s1;
        }

        /**
         * {@code sum_{k<m} y_k r_k} with four partial sums: the digits are independent, so this
         * breaks the serial floating-point add chain; the result differs from the sequential sum
         * by a few units of 2^-53 at most.
         */
        private double dot(int[] y, int m) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int k = 0;
            for (; k + 3 < m; k += 4) {
                s0 += y[k] * recip[k];
                s1 += y[k + 1] * recip[k + 1];
                s2 += y[k + 2] * recip[k + 2];
                s3 += y[k + 3] * recip[k + 3];
            }
            for (; k < m; k++) s0 += y[k] * recip[k];
            return (s0 + s1) + (s2 + s3);
        }
    }
}
