package org.ortho4j.qmc.cubature;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.ortho4j.core.Check;
import org.ortho4j.qmc.PointSet;
import org.ortho4j.qmc.integrand.Integrand;
import org.ortho4j.qmc.measure.Periodization;
import org.ortho4j.qmc.points.DigitalNetB2;
import org.ortho4j.qmc.points.NetOrder;

/**
 * Guaranteed QMC cubature with randomized base-2 digital nets (QMCPy {@code CubQMCNetG}; GAIL
 * {@code cubSobol_g}; F. J. Hickernell and Ll. A. Jiménez Rugama, "Reliable adaptive cubature
 * using digital sequences", MCQMC 2014, Springer 2016): the error is bounded from the Walsh
 * coefficients of the integrand values, assuming they decay steadily (a cone of integrands);
 * the sample doubles from nInit until the bound meets the tolerance (see {@link ConeCubature}).
 * Deterministic bound for integrands in the cone; no confidence level.
 *
 * <p>Defaults (QMCPy): absTol 1e-2, relTol 0, EITHER, nInit 2^10, nLimit 2^35 (capped at the
 * net's nLimit), fudge {@code m -> 5·2^{−m}}, no cone check, no control variates (β fitted once on
 * the first sample, QMCPy's {@code update_beta=False}).
 *
 * <p>Requirements (checked): the points are a {@link DigitalNetB2} in natural
 * ({@link NetOrder#RADICAL_INVERSE}) order, randomized (DS, LMS_DS or NUS), one replication;
 * nInit and nLimit powers of two, {@code 2^8 <= nInit <= nLimit}. Vector integrands: each output
 * stops separately (its own n). Cost O(n log n + n·cost(f)); memory O(n k).
 */
public final class CubQMCNetG implements StoppingCriterion {
    private final ConeCubature engine;

    private CubQMCNetG(Builder b) { this.engine = b.engine(); }

    /**
     * A builder with QMCPy's defaults.
     *
     * @param integrand the integrand
     * @param net       a randomized natural-order digital net with the integrand's dimension
     * @return the builder
     */
    public static Builder builder(Integrand integrand, PointSet net) { return new Builder(integrand, net); }

    /** Options of {@link CubQMCNetG}; not thread-safe. */
    public static final class Builder extends CriterionBuilder<Builder> {
        private IntToDoubleFunction fudge = m -> 5 * Math.pow(2, -m);
        private boolean checkCone;
        private final List<ControlVariate> controlVariates = new ArrayList<>();

        private Builder(Integrand integrand, PointSet net) {
            super(integrand, net, 1L << 10, capped(1L << 35, net));
        }

        /**
         * The inflation function of the error bound (default {@code m -> 5·2^{−m}}).
         *
         * @param f positive function of m
         * @return this builder
         */
        public Builder fudge(IntToDoubleFunction f) { this.fudge = Check.notNull("fudge", f); return this; }

        /**
         * Whether to test the necessary cone condition and report violations as warnings (default
         * false).
         *
         * @param on the flag
         * @return this builder
         */
        public Builder checkCone(boolean on) { this.checkCone = on; return this; }

        /**
         * Adds a control variate (same dimension and outputs as the integrand).
         *
         * @param cv the control variate
         * @return this builder
         */
        public Builder controlVariate(ControlVariate cv) {
            controlVariates.add(checkedControlVariate(cv));
            return this;
        }

        ConeCubature engine() {
            requireNaturalNet(false);
            checkSizes(true, 1L << 8);
            return new ConeCubature("CubQMCNetG", integrand, points, tolerance(), nInit, nLimit, fudge, checkCone, false,
                    Periodization.NONE, controlVariates);
        }

        /**
         * Validates the options.
         *
         * @return the criterion
         * @throws IllegalArgumentException naming the invalid option
         */
        public CubQMCNetG build() { return new CubQMCNetG(this); }
    }

    @Override public IntegrationResult integrate() { return engine.integrate(); }
}
