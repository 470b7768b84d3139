package org.ortho4j.optim;

/**
 * Cumulative timing of an optimizer since it was built.
 *
 * @param steps               completed steps
 * @param stepNanos           wall time inside {@code step} (all parameters)
 * @param orthogonalizeNanos  the part of {@code stepNanos} spent in orthogonalizers (Newton–Schulz,
 *                            Dion's power iteration + QR, the low-rank subspace selection)
 */
public record OptimizerStats(long steps, long stepNanos, long orthogonalizeNanos) {

    /** Mean milliseconds per step (NaN before the first step). */
    public double millisPerStep() { return steps == 0 ? Double.NaN : stepNanos / 1e6 / steps; }

    /** Fraction of the step time spent orthogonalizing, in [0, 1] (NaN before the first step). */
    public double orthogonalizeShare() { return stepNanos == 0 ? Double.NaN : (double) orthogonalizeNanos / stepNanos; }
}
