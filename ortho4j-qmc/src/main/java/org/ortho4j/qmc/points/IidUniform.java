package org.ortho4j.qmc.points;

/**
 * IID uniform points on (0,1)^d (QMCPy {@code IIDStdUniform}), for plain Monte Carlo.
 *
 * <p>Value (r, i, j) is output i of the SplitMix64 stream of (seed, IID, r, coordinate index c_j)
 * (see the package documentation), i.e. {@code mix(s + (i+1) 0x9E3779B97F4A7C15)} with s the
 * stream seed, converted by {@code (z >>> 11) 2^-53}, a value 0 replaced by 2^-54. Random access
 * makes the sequence extensible and independent of blocking and threads. {@link #nLimit()} is
 * 2^63 - 1. O(1) per value; immutable and thread-safe.
 */
public final class IidUniform extends BlockPointSet {
    private final long[][] streams;  // [R][d] stream seeds

    private IidUniform(Builder b, int[] coords) {
        super(coords, b.replicationsValue(), Long.MAX_VALUE);
        streams = new long[replications][d];
        for (int r = 0; r < replications; r++)
            for (int j = 0; j < d; j++) streams[r][j] = Streams.seed(b.seedValue(), Streams.IID, r, coords[j]);
    }

    /**
     * A builder for d coordinates (one replication, seed {@link PointSetBuilder#DEFAULT_SEED}).
     *
     * @param d number of coordinates, {@code >= 1}
     * @return the builder
     */
    public static Builder builder(int d) { return new Builder().dimension(d); }

    /** A builder with no coordinates yet. */
    public static Builder builder() { return new Builder(); }

    /** Options of {@link IidUniform}; not thread-safe. */
    public static final class Builder extends PointSetBuilder<Builder> {
        Builder() {}

        /**
         * Builds the generator.
         *
         * @return the generator
         * @throws IllegalArgumentException if the dimension is unset
         */
        public IidUniform build() {
            return new IidUniform(this, resolveCoordinates(Integer.MAX_VALUE, "IID streams"));
        }
    }

    /** Always true: every point is uniform and none is 0 or 1. */
    @Override public boolean isRandomized() { return true; }

    @Override
    void fillBlock(int r, long from, long to, double[] out, int off) {
        long[] s = streams[r];
        for (long i = from; i < to; i++, off += d)
            for (int j = 0; j < d; j++) out[off + j] = Base2.toUnit(Streams.child(s[j], i), 11, 0x1.0p-53, true);
    }

    @Override
    public String toString() { return "IidUniform(d=" + d + ", R=" + replications + ")"; }

}
