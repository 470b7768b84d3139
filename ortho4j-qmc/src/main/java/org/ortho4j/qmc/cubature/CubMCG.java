package org.ortho4j.qmc.cubature;

import java.util.List;
import org.ortho4j.qmc.PointSet;
import org.ortho4j.qmc.integrand.Integrand;
import org.ortho4j.qmc.measure.StandardNormal;

/**
 * IID Monte Carlo with a guaranteed fixed-width confidence interval (QMCPy {@code CubMCG}; GAIL
 * {@code meanMC_g}; F. J. Hickernell, L. Jiang, Y. Liu and A. B. Owen, "Guaranteed conservative
 * fixed width confidence intervals via Monte Carlo sampling", MCQMC 2012, Springer 2014).
 * Assuming the integrand's kurtosis is at most
 * {@code κ_max = (n₀−3)/(n₀−1) + α_σ n₀/(1−α_σ) · (1 − 1/inflate²)²} (α_σ = α/2; 1.478 for the
 * defaults), a pilot of n₀ = nInit points bounds σ by {@code σ_up = inflate σ̂₀} with confidence
 * 1 − α_σ; then the sample size for the mean comes from Chebyshev's inequality and a Berry–Esseen
 * bound (constants A = 18.1139, A₁ = 0.3328, A₂ = 0.429, third moment ≤ κ_max^{3/4}), solved
 * with Brent's method:
 * <pre>
 *   Φ(−√n ε) + n^{−1/2} min(A₁(M₃ + A₂), A M₃ / (1 + (√n ε)³)) = α_μ / 2,   ε = tol / σ_up.
 * </pre>
 * relTol = 0: one fresh sample of that size (α_μ = 1 − (1−α)/(1−α_σ)). relTol &gt; 0: GAIL's
 * iteration — the tolerance is halved until the interval meets the relative criterion, with
 * uncertainty {@code α_τ = 2^{−τ}(α − α_σ)/(1 − α_σ)} at step τ.
 *
 * <p>Deviations from QMCPy's {@code cub_mc_g.py} (defects not copied): (1) the step uncertainty
 * uses {@code 2^{−τ}} (QMCPy multiplies by {@code 2^{+τ}}, so its α grows past 1 after a few
 * steps; GAIL's splitting sums to α − α_σ); (2) the initial half-width of the relative iteration
 * inverts the Berry–Esseen bound in ε (QMCPy's {@code _ncbinv} evaluates Φ at {@code n₁ ε} and
 * mixes log and linear scales); (3) the Berry–Esseen root for n is bracketed up to the budget (the
 * QMCPy bracket fails beyond n ≈ 1.1e7) and the half-width is the smaller of the Berry–Esseen and
 * Chebyshev bounds at the chosen n (both valid), recomputed when the budget caps n. Only
 * {@link ErrorCriterion#EITHER} (GAIL's tolerance function) is supported.
 *
 * <p>Defaults (QMCPy): absTol 1e-2, relTol 0, nInit 1024, nLimit 2^30, inflate 1.2, α = 0.01.
 * Requires {@link org.ortho4j.qmc.points.IidUniform} points and a scalar integrand. Points are
 * evaluated in blocks of 2^16.
 */
public final class CubMCG implements StoppingCriterion {
    private static final double A = 18.1139, A1 = 0.3328, A2 = 0.429;

    private final Integrand integrand;
    private final PointSet points;
    private final Tolerance tolerance;
    private final long nInit, nLimit;
    private final double inflate, alpha, alphaSigma, kurtMax;
    private final List<ControlVariate> controlVariates;

    private CubMCG(Builder b) {
        b.requireScalar("CubMCG");
        MonteCarlo.requireIid(b.points, "CubMCG");
        b.checkSizes(false, 4);
        if (b.nInit > 1 << 24) throw new IllegalArgumentException("nInit = " + b.nInit + ", expected <= 2^24");
        if (b.nLimit <= b.nInit) throw new IllegalArgumentException("nLimit = " + b.nLimit + ", expected > nInit = " + b.nInit);
        this.tolerance = b.tolerance();
        if (tolerance.criterion() != ErrorCriterion.EITHER)
            throw new IllegalArgumentException("criterion = " + tolerance.criterion() + ", expected EITHER (CubMCG uses GAIL's"
                    + " max(absTol, relTol |mu|) tolerance)");
        this.integrand = b.integrand;
        this.points = b.points;
        this.nInit = b.nInit;
        this.nLimit = b.nLimit;
        this.inflate = b.inflate;
        this.alpha = b.checkedAlpha();
        this.alphaSigma = alpha / 2;
        double n0 = nInit, shrink = 1 - 1 / (inflate * inflate);
        this.kurtMax = (n0 - 3) / (n0 - 1) + alphaSigma * n0 / (1 - alphaSigma) * shrink * shrink;
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

    /** Options of {@link CubMCG}; not thread-safe. */
    public static final class Builder extends McCriterionBuilder<Builder> {
        private Builder(Integrand integrand, PointSet points) { super(integrand, points, true); }

        /**
         * Validates the options.
         *
         * @return the criterion
         * @throws IllegalArgumentException naming the invalid option
         */
        public CubMCG build() { return new CubMCG(this); }
    }

    /** The kurtosis bound κ_max implied by nInit, α and inflate. */
    public double kurtosisBound() { return kurtMax; }

    /** The Berry–Esseen part of the tail bound for n samples at scaled tolerance e = √n ε. */
    private double berryEsseen(double sqrtN, double e) {
        double m3 = Math.pow(kurtMax, 0.75);
        return StandardNormal.cdf(-e) + Math.min(A1 * (m3 + A2), A * m3 / (1 + e * e * e)) / sqrtN;
    }

    /**
     * Sample size for tolerance/σ = {@code eps} with uncertainty {@code a}: {@code min(n_Cheb,
     * n_BE, budget)}; returns {n, half-width / σ_up at that n}.
     */
    double[] sampleSize(double eps, double a, double budget) {
        double nCheb = Math.ceil(1 / (a * eps * eps));
        double hi = 0.5 * Math.log(budget) + 1, lo = -10;
        double nBe = Double.POSITIVE_INFINITY;
        if (berryEsseen(Math.exp(hi), Math.exp(hi) * eps) - a / 2 < 0) {
            double r = Stats.root(x -> berryEsseen(Math.exp(x), Math.exp(x) * eps) - a / 2, lo, hi, 1e-12);
            nBe = Math.ceil(Math.exp(2 * r));
        }
        double n = Math.max(1, Math.min(Math.min(nCheb, nBe), budget));
        return new double[] {n, halfWidthFactor(n, a)};
    }

    /** The smaller of the Berry–Esseen and Chebyshev half-widths (in units of σ_up) for n samples. */
    double halfWidthFactor(double n, double a) {
        double sqrtN = Math.sqrt(n), cheb = 1 / Math.sqrt(n * a);
        double hi = 1;                                        // the bound is decreasing in e and positive at e = 0
        while (berryEsseen(sqrtN, sqrtN * hi) - a / 2 > 0 && hi < cheb) hi *= 2;
        if (berryEsseen(sqrtN, sqrtN * hi) - a / 2 > 0) return cheb;
        double be = Stats.root(e -> berryEsseen(sqrtN, sqrtN * e) - a / 2, 0, hi, 1e-15 * hi);
        return Math.min(be, cheb);
    }

    @Override
    public IntegrationResult integrate() {
        Outputs out = new Outputs(1);
        double[] beta = MonteCarlo.pilotBeta(integrand, controlVariates, points, nInit);
        Moments pilot = Moments.of(integrand, controlVariates, beta, points, 0, nInit);
        double sigmaUp = inflate * Math.sqrt(pilot.variance());
        if (sigmaUp == 0) {                                   // constant integrand on the pilot: nothing to refine
            out.interval(0, pilot.mean, 0);
            out.n[0] = nInit;
            out.settle(tolerance);
            return out.result("CubMCG", nInit, 1, Termination.TOLERANCE_NOT_MET);
        }
        long nTotal = nInit;
        int iterations = 1;
        if (tolerance.relTol() == 0) {
            double alphaMu = 1 - (1 - alpha) / (1 - alphaSigma);
            double[] nh = sampleSize(tolerance.absTol() / sigmaUp, alphaMu, nLimit);
            long n = (long) nh[0];
            boolean capped = nInit + n > nLimit;
            double hw = nh[1];
            if (capped) {
                n = nLimit - nInit;
                hw = halfWidthFactor(n, alphaMu);
            }
            Moments m = Moments.of(integrand, controlVariates, beta, points, nTotal, nTotal + n);
            out.interval(0, m.mean, hw * sigmaUp);
            out.n[0] = nTotal + n;
            out.settle(tolerance);
            return out.result("CubMCG", nTotal + n, 2, capped ? Termination.BUDGET_EXHAUSTED : Termination.TOLERANCE_NOT_MET);
        }
        // relative tolerance: GAIL's iteration
        double share = (alpha - alphaSigma) / (1 - alphaSigma);
        double alphaI = share / 2;
        double halfWidth = sigmaUp * halfWidthFactor(nInit, alphaI);   // GAIL's ncbinv
        long n = nInit;
        int tau = 1;
        boolean capped = false;
        double mu;
        while (true) {
            iterations++;
            if (nTotal + n > nLimit) {
                n = nLimit - nTotal;
                capped = true;
            }
            Moments m = Moments.of(integrand, controlVariates, beta, points, nTotal, nTotal + n);
            mu = m.mean;
            nTotal += n;
            out.interval(0, mu, halfWidth);
            out.n[0] = nTotal;
            if (out.settle(tolerance)) break;
            if (capped || nTotal >= nLimit) break;
            double candidate = Math.max(tolerance.absTol(), 0.95 * tolerance.relTol() * Math.abs(mu));
            halfWidth = Math.min(halfWidth / 2, candidate);
            tau++;
            alphaI = share * Math.pow(2, -tau);
            n = (long) sampleSize(halfWidth / sigmaUp, alphaI, nLimit)[0];
        }
        return out.result("CubMCG", nTotal, iterations, Termination.BUDGET_EXHAUSTED);
    }
}
