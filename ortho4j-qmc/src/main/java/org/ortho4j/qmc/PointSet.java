package org.ortho4j.qmc;

import org.ortho4j.core.linalg.Matrix;

/**
 * An extensible sequence of points in {@code [0, 1)^d} — a rank-1 lattice, a digital net, a
 * Halton sequence or IID uniforms — possibly randomized, possibly with several independent
 * replications (QMCPy's {@code AbstractDiscreteDistribution}, spec qmc.md §2.0).
 *
 * <p>Extensibility: {@code points(r, 0, 8)} followed by {@code points(r, 8, 16)} equals
 * {@code points(r, 0, 16)}. Randomized sequences never return a coordinate equal to 0 or 1
 * exactly where a downstream inverse-CDF transform would blow up (the guard of spec §2).
 */
public interface PointSet {
    /** Number of coordinates d. */
    int dimension();

    /** Largest index (exclusive) this sequence can produce. */
    long nLimit();

    /** Number of independent randomizations (1 when not replicated). */
    int replications();

    /** True when the points are randomized (an unrandomized sequence starts at the origin). */
    boolean isRandomized();

    /**
     * Points with indices {@code nMin .. nMax-1} of replication {@code r} as an
     * {@code (nMax - nMin) x d} matrix.
     *
     * @throws IllegalArgumentException if {@code 0 <= nMin <= nMax <= nLimit()} or
     *     {@code 0 <= r < replications()} fails, or the generator requires powers of two
     */
    Matrix points(int r, long nMin, long nMax);

    /** Points {@code nMin .. nMax-1} of replication 0. */
    default Matrix points(long nMin, long nMax) { return points(0, nMin, nMax); }

    /** The first n points of replication 0. */
    default Matrix points(long n) { return points(0, 0, n); }
}
