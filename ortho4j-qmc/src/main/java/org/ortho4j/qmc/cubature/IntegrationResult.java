package org.ortho4j.qmc.cubature;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ortho4j.core.Check;

/**
 * The outcome of an adaptive cubature (QMCPy's {@code Data}): per output the estimate, an
 * interval {@code [boundLow, boundHigh]} holding the integral with the method's confidence (a
 * deterministic guarantee for the cone-based QMC methods under their assumptions), the number of
 * function values it used and whether its tolerance was met; overall the total sample count,
 * iterations, the reason for stopping, the elapsed time and any warnings (e.g. cone-condition
 * violations) that QMCPy would have printed.
 *
 * <p>A result is never silently wrong: {@link #termination()} is {@link Termination#CONVERGED}
 * only if every output met its tolerance; otherwise {@link #requireConverged()} throws.
 *
 * @param method      the stopping criterion, e.g. {@code "CubQMCNetG"}
 * @param estimate    per output
 * @param boundLow    per output
 * @param boundHigh   per output
 * @param n           function values used per output (an output stops drawing once it converged)
 * @param nTotal      points generated (the maximum of n, or the MC sample count)
 * @param iterations  number of sampling rounds
 * @param converged   per output, whether the tolerance was met
 * @param termination why the method stopped
 * @param seconds     wall-clock time of {@code integrate()}
 * @param warnings    messages about doubtful conditions (copied)
 */
public record IntegrationResult(String method, double[] estimate, double[] boundLow, double[] boundHigh, long[] n,
                                long nTotal, int iterations, boolean[] converged, Termination termination,
                                double seconds, List<String> warnings) {

    /** Validates lengths and copies the arrays. */
    public IntegrationResult {
        Check.notNull("method", method);
        Check.notNull("termination", termination);
        int k = Check.notNull("estimate", estimate).length;
        Check.dimension("boundLow.length", Check.notNull("boundLow", boundLow).length, k);
        Check.dimension("boundHigh.length", Check.notNull("boundHigh", boundHigh).length, k);
        Check.dimension("n.length", Check.notNull("n", n).length, k);
        Check.dimension("converged.length", Check.notNull("converged", converged).length, k);
        estimate = estimate.clone();
        boundLow = boundLow.clone();
        boundHigh = boundHigh.clone();
        n = n.clone();
        converged = converged.clone();
        warnings = List.copyOf(warnings);
    }

    /** The estimates (copy). */
    @Override public double[] estimate() { return estimate.clone(); }

    /** Lower bounds (copy). */
    @Override public double[] boundLow() { return boundLow.clone(); }

    /** Upper bounds (copy). */
    @Override public double[] boundHigh() { return boundHigh.clone(); }

    /** Samples per output (copy). */
    @Override public long[] n() { return n.clone(); }

    /** Convergence flags (copy). */
    @Override public boolean[] converged() { return converged.clone(); }

    /** Number of outputs. */
    public int outputs() { return estimate.length; }

    /** The estimate of output 0 (the scalar case). */
    public double value() { return estimate[0]; }

    /**
     * The error bound of output j: the largest distance from the estimate to a bound.
     *
     * @param j output index
     * @return {@code max(estimate − boundLow, boundHigh − estimate)}
     */
    public double errorBound(int j) { return Math.max(estimate[j] - boundLow[j], boundHigh[j] - estimate[j]); }

    /** The error bound of output 0. */
    public double errorBound() { return errorBound(0); }

    /** True when every output met its tolerance. */
    public boolean isConverged() { return termination == Termination.CONVERGED; }

    /**
     * Returns this result if it converged.
     *
     * @return this
     * @throws IllegalStateException describing the result otherwise
     */
    public IntegrationResult requireConverged() {
        if (!isConverged()) throw new IllegalStateException(method + " did not meet the tolerance (" + termination + "): " + this);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(method).append(": ");
        for (int j = 0; j < estimate.length; j++) {
            if (j > 0) sb.append("; ");
            sb.append(String.format(Locale.ROOT, "%.10g in [%.10g, %.10g], n = %d%s", estimate[j], boundLow[j], boundHigh[j], n[j],
                    converged[j] ? "" : " (not converged)"));
        }
        sb.append(String.format(Locale.ROOT, "; nTotal = %d, %d iterations, %s, %.3f s", nTotal, iterations, termination, seconds));
        if (!warnings.isEmpty()) sb.append("; warnings: ").append(warnings);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntegrationResult r && method.equals(r.method) && Arrays.equals(estimate, r.estimate)
                && Arrays.equals(boundLow, r.boundLow) && Arrays.equals(boundHigh, r.boundHigh) && Arrays.equals(n, r.n)
                && nTotal == r.nTotal && iterations == r.iterations && Arrays.equals(converged, r.converged)
                && termination == r.termination && warnings.equals(r.warnings);
    }

    @Override
    public int hashCode() { return 31 * method.hashCode() + Arrays.hashCode(estimate); }
}
