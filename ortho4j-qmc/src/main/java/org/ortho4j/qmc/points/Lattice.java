package org.ortho4j.qmc.points;

import org.ortho4j.core.Check;

/**
 * A rank-1 lattice sequence (QMCPy {@code Lattice}, spec qmc.md 2.1), optionally randomly
 * shifted, with several independent replications.
 *
 * <p><b>Arithmetic.</b> Points are computed in 64-bit fixed point, exactly: a value u in [0,1) is
 * the integer {@code u 2^64}. The radical inverse is {@code phi_2(i) 2^64 = Long.reverse(i)}, so
 * {@code frac(phi_2(i) g) 2^64 = Long.reverse(i) * g} with Java's wrap-around multiplication; the
 * random shift Δ = s 2^-64 (s a uniform 64-bit word) is added with wrap-around, which is the mod
 * 1. LINEAR uses {@code (i g mod N) 2^(64 - log2 N)}. QMCPy evaluates
 * {@code fmod(g * phi, 1.0)} in doubles, which is exact while g phi needs at most 53 bits (true
 * for the default vector, n ≤ 2^20): the unrandomized points are identical. Each index is evaluated
 * directly, so any range {@code [nMin, nMax)} is allowed in every order (QMCPy's natural order
 * requires nMin, nMax in {0} ∪ {2^k}, an artefact of its Gray-walk kernel; the points agree
 * wherever QMCPy accepts the range). Cost O(1) per value.
 *
 * <p><b>Floats and the 0/1 guard.</b> {@code x = (y >>> 11) 2^-53} (the leading 53 bits, so x ≤
 * 1 - 2^-53 &lt; 1). With SHIFT, a value 0 (probability 2^-53 per coordinate) is replaced by
 * 2^-54, so shifted points lie strictly in (0, 1).
 *
 * <p>Immutable and thread-safe.
 */
public final class Lattice extends BlockPointSet {
    private final LatticeRandomization randomization;
    private final LatticeOrder order;
    private final long[][] g;      // [set][column]
    private final long[][] shift;  // [R][column], 64-bit fixed point (zero when NONE)
    private final int linearBits;  // log2 N for LINEAR
    private final String source;

    private Lattice(Builder b, int[] coords, GeneratingVector gv, long nLimit, int linearBits) {
        super(coords, b.replicationsValue(), nLimit);
        this.randomization = b.randomization;
        this.order = b.order;
        this.linearBits = linearBits;
        this.source = gv.source();
        this.g = new long[gv.sets()][d];
        for (int s = 0; s < g.length; s++)
            for (int j = 0; j < d; j++) g[s][j] = gv.raw(s)[coords[j]];
        this.shift = new long[replications][d];
        if (randomization == LatticeRandomization.SHIFT)
            for (int r = 0; r < replications; r++)
                for (int j = 0; j < d; j++) shift[r][j] = Streams.stream(b.seedValue(), Streams.SHIFT, r, coords[j]).nextLong();
    }

    /**
     * A builder for d coordinates with QMCPy's defaults: Kuo's 9125-dimensional vector, random
     * shift, natural order, one replication.
     *
     * @param d number of coordinates, {@code >= 1}
     * @return the builder
     */
    public static Builder builder(int d) { return new Builder().dimension(d); }

    /** A builder with QMCPy's defaults and no coordinates yet. */
    public static Builder builder() { return new Builder(); }

    /** Options of a {@link Lattice}; not thread-safe. */
    public static final class Builder extends PointSetBuilder<Builder> {
        private GeneratingVector vector;
        private int randomM;
        private LatticeRandomization randomization = LatticeRandomization.SHIFT;
        private LatticeOrder order = LatticeOrder.RADICAL_INVERSE;
        private long linearSize;

        Builder() {}

        /**
         * The generating vector (default {@link GeneratingVector#kuo9125()}); replaces
         * {@link #randomGeneratingVector(int)}.
         *
         * @param v one vector, or one per replication
         * @return this builder
         */
        public Builder generatingVector(GeneratingVector v) {
            this.vector = Check.notNull("vector", v);
            this.randomM = 0;
            return this;
        }

        /**
         * Random generating vectors (QMCPy {@code generating_vector=M}), one per replication, from
         * the builder's seed (see {@link GeneratingVector#random(int, int, int, long)});
         * {@code nLimit = 2^M}.
         *
         * @param m M, 2..26
         * @return this builder
         */
        public Builder randomGeneratingVector(int m) {
            this.randomM = Check.inRange("m", m, 2, 26);
            this.vector = null;
            return this;
        }

        /**
         * The randomization (default SHIFT).
         *
         * @param r the randomization
         * @return this builder
         */
        public Builder randomization(LatticeRandomization r) {
            this.randomization = Check.notNull("randomization", r);
            return this;
        }

        /**
         * The order (default RADICAL_INVERSE); LINEAR also needs {@link #linearSize(long)}.
         *
         * @param o the order
         * @return this builder
         */
        public Builder order(LatticeOrder o) {
            this.order = Check.notNull("order", o);
            return this;
        }

        /**
         * The number N of points of the fixed lattice of {@link LatticeOrder#LINEAR} order, a power
         * of two up to the vector's nLimit; it becomes {@link #nLimit()}.
         *
         * @param n N
         * @return this builder
         */
        public Builder linearSize(long n) {
            LdData.log2PowerOfTwo("linearSize", n);
            this.linearSize = n;
            return this;
        }

        /**
         * Validates the options and builds the lattice.
         *
         * @return the lattice
         * @throws IllegalArgumentException naming the option out of range: d (or a coordinate)
         *     beyond the vector, a vector count other than 1 or R, replications &gt; 1 without
         *     randomization and with a single vector, LINEAR without a valid linearSize
         */
        public Lattice build() {
            int R = replicationsValue();
            GeneratingVector gv;
            if (randomM > 0) {
                int limit = explicitCoordinates() ? 0 : dimensionValue();
                if (explicitCoordinates()) for (int c : resolveCoordinates(Integer.MAX_VALUE, "")) limit = Math.max(limit, c + 1);
                gv = GeneratingVector.random(limit, randomM, R, seedValue());
            } else {
                gv = vector != null ? vector : GeneratingVector.kuo9125();
            }
            int[] coords = resolveCoordinates(gv.dimensionLimit(), "the generating vector " + gv.source());
            if (gv.sets() != 1 && gv.sets() != R)
                throw new IllegalArgumentException("vector sets = " + gv.sets() + ", expected 1 or replications = " + R);
            if (randomization == LatticeRandomization.NONE && R > 1 && gv.sets() != R)
                throw new IllegalArgumentException("replications = " + R + ", expected 1 when randomization = NONE with a single"
                        + " generating vector (the copies would be identical)");
            long nLimit = gv.mMax() >= 63 ? Long.MAX_VALUE : gv.nLimit();
            int linearBits = 0;
            if (order == LatticeOrder.LINEAR) {
                if (linearSize == 0) throw new IllegalArgumentException("linearSize is unset, expected a power of two when order = LINEAR");
                if (linearSize > nLimit)
                    throw new IllegalArgumentException("linearSize = " + linearSize + ", expected <= " + nLimit + " (nLimit of the vector)");
                if (gv.sets() != 1) throw new IllegalArgumentException("vector sets = " + gv.sets() + ", expected 1 when order = LINEAR");
                linearBits = Long.numberOfTrailingZeros(linearSize);
                nLimit = linearSize;
            }
            return new Lattice(this, coords, gv, nLimit, linearBits);
        }
    }

    /** The randomization. */
    public LatticeRandomization randomization() { return randomization; }

    /** The order. */
    public LatticeOrder order() { return order; }

    /** Where the generating vector came from. */
    public String vectorSource() { return source; }

    /** True with SHIFT: every point is uniform on [0,1)^d. */
    @Override public boolean isRandomized() { return randomization == LatticeRandomization.SHIFT; }

    /** The 64-bit fixed-point multiplier of index i: phi_2 of the (Gray-coded) index, or i/N. */
    private long multiplier(long i) {
        return switch (order) {
            case RADICAL_INVERSE -> Long.reverse(i);
            case GRAY -> Long.reverse(i ^ (i >>> 1));
            case LINEAR -> linearBits == 0 ? 0 : i << (64 - linearBits);
        };
    }

    @Override
    void fillBlock(int r, long from, long to, double[] out, int off) {
        long[] gv = g[g.length == 1 ? 0 : r], s = shift[r];
        boolean guard = isRandomized();
        for (long i = from; i < to; i++, off += d) {
            long phi = multiplier(i);
            for (int j = 0; j < d; j++) out[off + j] = Base2.toUnit(phi * gv[j] + s[j], 11, 0x1.0p-53, guard);
        }
    }

    @Override
    public String toString() {
        return "Lattice(d=" + d + ", R=" + replications + ", " + randomization + ", " + order + ", " + source
                + ", nLimit=" + nLimit + ")";
    }
}
