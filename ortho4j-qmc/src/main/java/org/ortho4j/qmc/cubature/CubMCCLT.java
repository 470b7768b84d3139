package org.ortho4j.qmc.cubature;

import java.util.List;
import org.ortho4j.qmc.PointSet;
import org.ortho4j.qmc.integrand.Integrand;
import org.ortho4j.qmc.measure.StandardNormal;

/**
 * Two-stage IID Monte Carlo based on the central limit theorem (QMCPy {@code CubMCCLT}, spec
 * qmc.md 2.14): a pilot sample of nInit points estimates σ (and the control-variate
 * coefficients β by least squares); then a fresh sample of
 * <pre>
 *   n_μ = max(nInit, ⌈(z* · inflate · σ̂₀ / tol(μ̂₀))²⌉),   z* = −Φ⁻¹(α/2)
 * </pre>
 * points gives μ̂ and the reported interval {@code μ̂ ± z* · inflate · σ̂ / √n_μ} (QMCPy's,
 * inflated once more; σ̂ from the second sample, the pilot is not reused). An approximate (CLT)
 * 1 − α confidence interval, not a guarantee. Convergence: the plain CLT interval
 * {@code μ̂ ± z* σ̂ / √n_μ} meets the tolerance — true unless σ̂ exceeds the inflated pilot
 * estimate, i.e. the pilot underestimated σ; then the result reports
 * {@link Termination#TOLERANCE_NOT_MET} (QMCPy returns it silently). If
 * {@code nInit + n_μ > nLimit} only {@code nLimit − nInit} points are drawn and the result reports
 * {@link Termination#BUDGET_EXHAUSTED}.
 *
 * <p>Defaults (QMCPy): absTol 1e-2, relTol 0, EITHER, nInit 1024, nLimit 2^30, inflate 1.2,
 * α = 0.01, no control variates. Requires {@link org.ortho4j.qmc.points.IidUniform} points and a
 * scalar integrand; {@code 2 <= nInit <= 2^24}, {@code nLimit > nInit}. Points are evaluated in
 * blocks of 2^16 (memory O(2^16 d)).
 */
public final class CubMCCLT implements StoppingCriterion {
    private final Integrand integrand;
    private final PointSet points;
    private final Tolerance tolerance;
    private final long nInit, nLimit;
    private final double inflate, zStar;
    private final List<ControlVariate> controlVariates;

    private CubMCCLT(Builder b) {
        b.requireScalar("CubMCCLT");
        MonteCarlo.requireIid(b.points, "CubMCCLT");
        b.checkSizes(false, 2);
        if (b.nInit > 1 << 24) throw new IllegalArgumentException("nInit = " + b.nInit + ", expected <= 2^24");
        if (b.nLimit <= b.nInit) throw new IllegalArgumentException("nLimit = " + b.nLimit + ", expected > nInit = " + b.nInit);
        this.integrand = b.integrand;
        this.points = b.points;
        this.tolerance = b.tolerance();
        this.nInit = b.nInit;
        this.nLimit = b.nLimit;
        this.inflate = b.inflate;
        this.zStar = -StandardNormal.quantile(b.checkedAlpha() / 2);
        this.controlVariates = List.copyOf(b.controlVariates);
    }

    /**
     * A builder with QMCPy's defaults.
     *
     * @param integrand a scalar integrand
     * @param points    {@link org.ortho4j.qmc.points.IidUniform} points of the integrand's dimension
     * @return the builder
     */
    public static Builder builder(Integrand integrand, PointSet points) { return new Builder(integrand, points); }

    /** Options of {@link CubMCCLT}; not thread-safe. */
    public static final class Builder extends McCriterionBuilder<Builder> {
        private Builder(Integrand integrand, PointSet points) { super(integrand, points, false); }

        /**
         * Validates the options.
         *
         * @return the criterion
         * @throws IllegalArgumentException naming the invalid option
         */
        public CubMCCLT build() { return new CubMCCLT(this); }
    }

    @Override
    public IntegrationResult integrate() {
        Outputs out = new Outputs(1);
        double[] beta = MonteCarlo.pilotBeta(integrand, controlVariates, points, nInit);
        Moments pilot = Moments.of(integrand, controlVariates, beta, points, 0, nInit);
        double sigma0 = Math.sqrt(pilot.variance()), tol = tolerance.tol(pilot.mean);
        double want = Math.ceil(Math.pow(zStar * inflate * sigma0 / tol, 2));
        long nMu = (long) Math.max(nInit, Math.min(want, (double) Long.MAX_VALUE / 2));
        boolean capped = nInit + nMu > nLimit;
        if (capped) nMu = nLimit - nInit;
        Moments second = Moments.of(integrand, controlVariates, beta, points, nInit, nInit + nMu);
        double plain = zStar * Math.sqrt(second.variance()) / Math.sqrt(nMu);
        out.interval(0, second.mean, inflate * plain);
        out.n[0] = nInit + nMu;
        out.settle(tolerance);
        // the design is met when the plain CLT interval (no inflation) meets the tolerance
        out.done[0] = !capped && tolerance.isMet(second.mean - plain, second.mean + plain);
        return out.result("CubMCCLT", nInit + nMu, 2, capped ? Termination.BUDGET_EXHAUSTED : Termination.TOLERANCE_NOT_MET);
    }
}
