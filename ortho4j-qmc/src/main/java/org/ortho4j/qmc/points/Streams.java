package org.ortho4j.qmc.points;

import org.ortho4j.core.random.SplitMix64;

/**
 * The seeding scheme of every randomized generator in this package: one base seed is split into
 * independent {@link SplitMix64} streams, one per (purpose, replication, coordinate), by random
 * access (no generator is ever advanced sequentially across streams).
 *
 * <pre>
 * child(parent, k)  = mix(parent + (k + 1) * 0x9E3779B97F4A7C15)   (= the k-th output, 0-based,
 *                                                                    of new SplitMix64(parent))
 * stream(seed, purpose, r, c) = new SplitMix64(child(child(child(seed, purpose), r), c))
 * </pre>
 *
 * <p>{@code c} is the <em>coordinate index</em> (an index into the generating vector, matrices or
 * prime bases), not the column position, so the randomization of a coordinate does not depend on
 * which other coordinates were requested, on the dimension, on the order of calls or on the
 * number of threads. Distinct purposes give independent streams for the parts of one
 * randomization (e.g. the matrix scramble and the digital shift of LMS_DS).
 */
final class Streams {
    private Streams() {}

    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    /** Linear matrix scramble (nets and Halton). */
    static final int LMS = 0;
    /** Digital shift (nets and Halton) and lattice random shift. */
    static final int SHIFT = 1;
    /** Halton digit permutations. */
    static final int PERM = 2;
    /** Nested uniform scrambling level keys. */
    static final int NUS = 3;
    /** Random lattice generating vectors. */
    static final int VECTOR = 4;
    /** IID uniform streams. */
    static final int IID = 5;

    /** The k-th (0-based) output of {@code new SplitMix64(parent)}. */
    static long child(long parent, long k) {
        return SplitMix64.mix(parent + (k + 1) * GAMMA);
    }

    /** Seed of the stream for one (purpose, replication, coordinate). */
    static long seed(long seed, int purpose, int replication, long coordinate) {
        return child(child(child(seed, purpose), replication), coordinate);
    }

    /** The generator for one (purpose, replication, coordinate). */
    static SplitMix64 stream(long seed, int purpose, int replication, long coordinate) {
        return new SplitMix64(seed(seed, purpose, replication, coordinate));
    }

    /**
     * A uniform integer in {@code [0, bound)}, {@code 0 < bound < 2^31}, without bias: Lemire's
     * multiply-shift on 32 random bits with rejection of the {@code 2^32 mod bound} low products.
     */
    static int below(SplitMix64 rng, int bound) {
        long m = (rng.nextLong() >>> 32) * bound;
        if ((m & 0xFFFFFFFFL) < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while ((m & 0xFFFFFFFFL) < threshold) m = (rng.nextLong() >>> 32) * bound;
        }
        return (int) (m >>> 32);
    }

    /** A uniform t-bit integer, {@code 1 <= t <= 64}. */
    static long bits(SplitMix64 rng, int t) {
        long v = rng.nextLong();
        return t == 64 ? v : v >>> (64 - t);
    }
}
