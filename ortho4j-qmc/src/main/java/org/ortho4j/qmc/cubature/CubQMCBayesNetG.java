package org.ortho4j.qmc.cubature;

import org.ortho4j.core.Check;
import org.ortho4j.qmc.PointSet;
import org.ortho4j.qmc.integrand.Integrand;
import org.ortho4j.qmc.measure.Periodization;
import org.ortho4j.qmc.points.DigitalNetB2;

/**
 * Fast Bayesian cubature with digitally shifted base-2 digital nets (QMCPy {@code CubQMCBayesNetG};
 * GAIL {@code cubBayesNet_g}; R. Jagadeeswaran and F. J. Hickernell, "Fast automatic Bayesian
 * cubature using Sobol' sampling", 2022): the digitally shift-invariant kernel
 * {@code Π_j (1 + θ/10 · B(x_j ⊕ z_j))}, {@code B(w) = 1 − 3·2^{−k}} for {@code w ∈ [2^{−k}, 2^{−k+1})}
 * (QMCPy's order-1 Walsh kernel, written {@code 6(1/6 − 2^{⌊log₂ w⌋ − 1})} there), diagonalized by
 * the Walsh–Hadamard transform. See {@link BayesCubature} for the formulas and the QMCPy defects
 * that are not reproduced.
 *
 * <p>Defaults (QMCPy): absTol 1e-2, relTol 0, EITHER, nInit 2^8, nLimit 2^22, α = 0.01, no
 * periodization, MLE, kernel order 1 (the only one). Requirements: a {@link DigitalNetB2} in
 * RADICAL_INVERSE order randomized by a digital shift (DS or LMS_DS: the points then form a
 * shifted digital net, which the Walsh diagonalization needs; NUS does not), one replication;
 * nInit, nLimit powers of two, {@code 2 <= nInit <= nLimit}. Memory O(n d).
 */
public final class CubQMCBayesNetG implements StoppingCriterion {
    private final BayesCubature engine;

    private CubQMCBayesNetG(Builder b) { this.engine = b.engine(); }

    /**
     * A builder with QMCPy's defaults.
     *
     * @param integrand the integrand
     * @param net       a digitally shifted natural-order net
     * @return the builder
     */
    public static Builder builder(Integrand integrand, PointSet net) { return new Builder(integrand, net); }

    /** Options of {@link CubQMCBayesNetG}; not thread-safe. */
    public static final class Builder extends CriterionBuilder<Builder> {
        private BayesErrorBound errorBound = BayesErrorBound.MLE;

        private Builder(Integrand integrand, PointSet net) {
            super(integrand, net, 1L << 8, capped(1L << 22, net));
        }

        /**
         * The credible-interval rule (default MLE).
         *
         * @param e the rule
         * @return this builder
         */
        public Builder errorBound(BayesErrorBound e) { this.errorBound = Check.notNull("errorBound", e); return this; }

        BayesCubature engine() {
            requireNaturalNet(true);
            checkSizes(true, 2);
            return new BayesCubature("CubQMCBayesNetG", BayesCubature.Family.NET, integrand, points, tolerance(), nInit, nLimit,
                    Periodization.NONE, 1, errorBound, checkedAlpha());
        }

        /**
         * Validates the options.
         *
         * @return the criterion
         * @throws IllegalArgumentException naming the invalid option
         */
        public CubQMCBayesNetG build() { return new CubQMCBayesNetG(this); }
    }

    @Override public IntegrationResult integrate() { return engine.integrate(); }
}
