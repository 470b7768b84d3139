package org.ortho4j.qmc.cubature;

import org.ortho4j.core.Check;
import org.ortho4j.qmc.PointSet;
import org.ortho4j.qmc.integrand.Integrand;
import org.ortho4j.qmc.measure.Periodization;
import org.ortho4j.qmc.points.Lattice;

/**
 * Fast Bayesian cubature with randomly shifted rank-1 lattices (QMCPy {@code CubQMCBayesLatticeG};
 * GAIL {@code cubBayesLattice_g}; R. Jagadeeswaran and F. J. Hickernell, Stat. Comput. 29, 2019):
 * a shift-invariant Bernoulli-polynomial kernel {@code Π_j (1 + θ c B_{2r}(x_j − z_j mod 1))}
 * (order r = 1: {@code B = x² − x + 1/6}, c = 1; r = 2: {@code B = (x(1−x))² − 1/30}, c = −1)
 * whose shape is fitted by maximum likelihood; the sample doubles until the credible interval
 * (probability 1 − α) meets the tolerance. See {@link BayesCubature} for the formulas and the
 * QMCPy defects that are not reproduced.
 *
 * <p>Defaults (QMCPy): absTol 1e-2, relTol 0, EITHER, nInit 2^8, nLimit 2^22 (capped at the
 * lattice's nLimit), α = 0.01, periodization {@link Periodization#C1SIN}, error bound
 * {@link BayesErrorBound#MLE}, order 2. Requirements: a {@link Lattice} in RADICAL_INVERSE order
 * with SHIFT and one replication; nInit, nLimit powers of two, {@code 2 <= nInit <= nLimit}.
 * Cost per doubling O(E (n d + n log n)) with E ≈ 10–20 likelihood evaluations per output; memory
 * O(n d).
 */
public final class CubQMCBayesLatticeG implements StoppingCriterion {
    private final BayesCubature engine;

    private CubQMCBayesLatticeG(Builder b) { this.engine = b.engine(); }

    /**
     * A builder with QMCPy's defaults.
     *
     * @param integrand the integrand
     * @param lattice   a shifted natural-order lattice
     * @return the builder
     */
    public static Builder builder(Integrand integrand, PointSet lattice) { return new Builder(integrand, lattice); }

    /** Options of {@link CubQMCBayesLatticeG}; not thread-safe. */
    public static final class Builder extends CriterionBuilder<Builder> {
        private Periodization periodization = Periodization.C1SIN;
        private BayesErrorBound errorBound = BayesErrorBound.MLE;
        private int order = 2;

        private Builder(Integrand integrand, PointSet lattice) {
            super(integrand, lattice, 1L << 8, capped(1L << 22, lattice));
        }

        /**
         * The periodizing transform (default C1SIN).
         *
         * @param p the transform
         * @return this builder
         */
        public Builder periodization(Periodization p) { this.periodization = Check.notNull("periodization", p); return this; }

        /**
         * The credible-interval rule (default MLE).
         *
         * @param e the rule
         * @return this builder
         */
        public Builder errorBound(BayesErrorBound e) { this.errorBound = Check.notNull("errorBound", e); return this; }

        /**
         * The kernel's Bernoulli order r (default 2): B_2 for r = 1, B_4 for r = 2.
         *
         * @param r 1 or 2
         * @return this builder
         */
        public Builder order(int r) { this.order = Check.inRange("order", r, 1, 2); return this; }

        BayesCubature engine() {
            requireShiftedLattice();
            checkSizes(true, 2);
            return new BayesCubature("CubQMCBayesLatticeG", BayesCubature.Family.LATTICE, integrand, points, tolerance(), nInit,
                    nLimit, periodization, order, errorBound, checkedAlpha());
        }

        /**
         * Validates the options.
         *
         * @return the criterion
         * @throws IllegalArgumentException naming the invalid option
         */
        public CubQMCBayesLatticeG build() { return new CubQMCBayesLatticeG(this); }
    }

    @Override public IntegrationResult integrate() { return engine.integrate(); }
}
