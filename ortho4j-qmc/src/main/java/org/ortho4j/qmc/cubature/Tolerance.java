package org.ortho4j.qmc.cubature;

import org.ortho4j.core.Check;

/**
 * An error tolerance and the rule that turns bounds into an answer (QMCPy's common error
 * criterion, spec qmc.md 2.14): with {@code tol(s)} given by the {@link ErrorCriterion}, an
 * interval {@code [lo, hi]} known to contain the integral gives the estimate
 * <pre>
 *   solution = ½ (lo + hi + tol(lo) − tol(hi))
 * </pre>
 * and is accepted when {@code hi − lo <= tol(lo) + tol(hi)}; then every value of the interval is
 * within its own tolerance of the solution. With {@code relTol = 0} the solution is the midpoint
 * and the test is "half-width ≤ absTol".
 *
 * @param absTol    absolute tolerance ≥ 0
 * @param relTol    relative tolerance in [0, 1)
 * @param criterion EITHER or BOTH
 */
public record Tolerance(double absTol, double relTol, ErrorCriterion criterion) {
    /**
     * Validates: both tolerances finite and ≥ 0, relTol &lt; 1, and the combination able to
     * accept something (EITHER: not both zero; BOTH: both positive).
     *
     * @throws IllegalArgumentException naming the tolerance
     */
    public Tolerance {
        Check.notNull("criterion", criterion);
        if (!(absTol >= 0) || Double.isInfinite(absTol))
            throw new IllegalArgumentException("absTol = " + absTol + ", expected a finite value >= 0");
        if (!(relTol >= 0 && relTol < 1)) throw new IllegalArgumentException("relTol = " + relTol + ", expected in [0, 1)");
        if (criterion == ErrorCriterion.EITHER && absTol == 0 && relTol == 0)
            throw new IllegalArgumentException("absTol = 0 and relTol = 0, expected absTol > 0 or relTol > 0");
        if (criterion == ErrorCriterion.BOTH && !(absTol > 0 && relTol > 0))
            throw new IllegalArgumentException("absTol = " + absTol + ", relTol = " + relTol
                    + ", expected both > 0 with ErrorCriterion.BOTH");
    }

    /**
     * An absolute tolerance only (relTol = 0, EITHER).
     *
     * @param absTol &gt; 0
     * @return the tolerance
     */
    public static Tolerance absolute(double absTol) {
        if (!(absTol > 0)) throw new IllegalArgumentException("absTol = " + absTol + ", expected > 0");
        return new Tolerance(absTol, 0, ErrorCriterion.EITHER);
    }

    /**
     * The tolerance at value s: {@code max} or {@code min} of {@code absTol} and {@code relTol |s|}.
     *
     * @param s a value
     * @return tol(s)
     */
    public double tol(double s) {
        double rel = relTol * Math.abs(s);
        return criterion == ErrorCriterion.EITHER ? Math.max(absTol, rel) : Math.min(absTol, rel);
    }

    /**
     * The optimal estimate from bounds {@code [lo, hi]}: {@code ½(lo + hi + tol(lo) − tol(hi))}.
     *
     * @param lo lower bound
     * @param hi upper bound ≥ lo
     * @return the estimate (the midpoint when the bounds are not finite)
     */
    public double solution(double lo, double hi) {
        if (!(Double.isFinite(lo) && Double.isFinite(hi))) return 0.5 * (lo + hi);
        return 0.5 * (lo + hi + tol(lo) - tol(hi));
    }

    /**
     * Whether bounds {@code [lo, hi]} meet the tolerance: {@code hi − lo <= tol(lo) + tol(hi)}.
     *
     * @param lo lower bound
     * @param hi upper bound
     * @return false for non-finite bounds
     */
    public boolean isMet(double lo, double hi) {
        return Double.isFinite(lo) && Double.isFinite(hi) && hi - lo <= tol(lo) + tol(hi);
    }

    @Override
    public String toString() { return "Tolerance(abs=" + absTol + ", rel=" + relTol + ", " + criterion + ")"; }
}
