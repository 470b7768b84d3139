package org.ortho4j.qmc.points;

import java.util.Arrays;
import org.ortho4j.core.Check;

/**
 * Options shared by the builders of every generator in this package: the coordinates (a
 * dimension d, meaning coordinates 0..d-1, or explicit distinct coordinate indices, QMCPy's
 * {@code dvec}), the number R of independent randomizations and the base seed.
 *
 * <p>Seeding: the randomization of coordinate index c in replication r is drawn from its own
 * SplitMix64 stream {@code stream(seed, purpose, r, c)} (see the package documentation), so the
 * points are a function of (seed, r, c, index) only: the same on every machine and thread count,
 * for any order of calls, and the same for coordinate c whatever other coordinates are requested.
 * The default seed is {@link #DEFAULT_SEED} (QMCPy draws fresh OS entropy when no seed is given;
 * ortho4j stays reproducible instead, so pass distinct seeds for independent generators).
 *
 * @param <B> the concrete builder type (returned by the fluent setters)
 */
public abstract class PointSetBuilder<B extends PointSetBuilder<B>> {
    /** Seed used when {@link #seed(long)} is not called. */
    public static final long DEFAULT_SEED = 0L;

    private int dimension;
    private int[] coordinates;
    private int replications = 1;
    private long seed = DEFAULT_SEED;

    PointSetBuilder() {}

    @SuppressWarnings("unchecked")
    private B self() { return (B) this; }

    /**
     * Uses coordinates 0..d-1 (replaces any {@link #coordinates(int...)}).
     *
     * @param d number of coordinates, {@code >= 1}
     * @return this builder
     */
    public B dimension(int d) {
        Check.positive("d", d);
        this.dimension = d;
        this.coordinates = null;
        return self();
    }

    /**
     * Uses the given distinct coordinate indices, in this order (QMCPy {@code dvec}); the
     * dimension becomes their count. Copied.
     *
     * @param indices distinct indices {@code >= 0}, at least one
     * @return this builder
     */
    public B coordinates(int... indices) {
        Check.notNull("coordinates", indices);
        if (indices.length == 0) throw new IllegalArgumentException("coordinates is empty, expected at least one index");
        int[] sorted = indices.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 0) throw new IllegalArgumentException("coordinates holds " + sorted[i] + ", expected indices >= 0");
            if (i > 0 && sorted[i] == sorted[i - 1])
                throw new IllegalArgumentException("coordinates holds " + sorted[i] + " twice, expected distinct indices");
        }
        this.coordinates = indices.clone();
        this.dimension = indices.length;
        return self();
    }

    /**
     * Number R of independent randomizations (default 1).
     *
     * @param r {@code >= 1}
     * @return this builder
     */
    public B replications(int r) {
        this.replications = Check.positive("replications", r);
        return self();
    }

    /**
     * Base seed of all randomizations (default {@link #DEFAULT_SEED}).
     *
     * @param seed any value
     * @return this builder
     */
    public B seed(long seed) {
        this.seed = seed;
        return self();
    }

    /** The configured replications. */
    int replicationsValue() { return replications; }

    /** The configured seed. */
    long seedValue() { return seed; }

    /** True when explicit coordinates were given. */
    boolean explicitCoordinates() { return coordinates != null; }

    /** The configured dimension, or an error if neither dimension nor coordinates was set. */
    int dimensionValue() {
        if (dimension == 0) throw new IllegalArgumentException("d is unset, expected dimension(d) or coordinates(...)");
        return dimension;
    }

    /**
     * The coordinate indices (0..d-1 or the explicit ones), each checked against the generator's
     * limit.
     *
     * @param limit number of coordinates the generating data provides
     * @param what  the data named in the error message
     */
    int[] resolveCoordinates(int limit, String what) {
        int d = dimensionValue();
        if (coordinates == null) {
            if (d > limit) throw new IllegalArgumentException("d = " + d + ", expected <= " + limit + " (coordinates of " + what + ")");
            int[] c = new int[d];
            for (int j = 0; j < d; j++) c[j] = j;
            return c;
        }
        for (int j = 0; j < coordinates.length; j++)
            if (coordinates[j] >= limit)
                throw new IllegalArgumentException("coordinates[" + j + "] = " + coordinates[j] + ", expected < " + limit
                        + " (coordinates of " + what + ")");
        return coordinates.clone();
    }
}
