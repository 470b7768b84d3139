package org.ortho4j.qmc.cubature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-output bookkeeping of an adaptive cubature (package-private): bounds, sample counts and
 * convergence flags, the common stopping rule ({@link Tolerance}) and the final result.
 */
final class Outputs {
    final int k;
    final double[] estimate, lo, hi;
    final long[] n;
    final boolean[] done;
    final List<String> warnings = new ArrayList<>();
    private final long start = System.nanoTime();

    Outputs(int k) {
        this.k = k;
        estimate = new double[k];
        lo = new double[k];
        hi = new double[k];
        n = new long[k];
        done = new boolean[k];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        Arrays.fill(estimate, Double.NaN);
    }

    /** Sets the bounds of output j to {@code mu ± halfWidth}. */
    void interval(int j, double mu, double halfWidth) {
        lo[j] = mu - halfWidth;
        hi[j] = mu + halfWidth;
    }

    /**
     * Applies the tolerance to every output not yet done: estimate from the bounds, done when met.
     *
     * @return true when every output is done
     */
    boolean settle(Tolerance tol) {
        boolean all = true;
        for (int j = 0; j < k; j++) {
            if (!done[j]) {
                estimate[j] = tol.solution(lo[j], hi[j]);
                done[j] = tol.isMet(lo[j], hi[j]);
            }
            all &= done[j];
        }
        return all;
    }

    /** True if output j still needs samples. */
    boolean active(int j) { return !done[j]; }

    /** The result; CONVERGED iff every output is done, else {@code otherwise}. */
    IntegrationResult result(String method, long nTotal, int iterations, Termination otherwise) {
        boolean all = true;
        for (boolean b : done) all &= b;
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new IntegrationResult(method, estimate, lo, hi, n, nTotal, iterations, done,
                all ? Termination.CONVERGED : otherwise, seconds, warnings);
    }
}
