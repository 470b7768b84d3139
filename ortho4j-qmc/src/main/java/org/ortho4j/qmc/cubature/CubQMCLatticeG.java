package org.ortho4j.qmc.cubature;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.ortho4j.core.Check;
import org.ortho4j.qmc.PointSet;
import org.ortho4j.qmc.integrand.Integrand;
import org.ortho4j.qmc.measure.Periodization;
import org.ortho4j.qmc.points.Lattice;
import org.ortho4j.qmc.points.LatticeOrder;
import org.ortho4j.qmc.points.LatticeRandomization;

/**
 * Guaranteed QMC cubature with randomly shifted rank-1 lattices (QMCPy {@code CubQMCLatticeG};
 * GAIL {@code cubLattice_g}; Ll. A. Jiménez Rugama and F. J. Hickernell, "Adaptive multidimensional
 * integration based on rank-1 lattices", MCQMC 2014, Springer 2016): as {@link CubQMCNetG} with
 * the Fourier coefficients (bit-reversed FFT) of the periodized integrand. Deterministic bound
 * for integrands in the cone.
 *
 * <p>Defaults (QMCPy): absTol 1e-2, relTol 0, EITHER, nInit 2^10, nLimit 2^30 (capped at the
 * lattice's nLimit, 2^20 for the default Kuo vector), fudge {@code m -> 5·2^{−m}}, periodization
 * {@link Periodization#BAKER}, no cone check.
 *
 * <p>Requirements (checked): a {@link Lattice} in {@link LatticeOrder#RADICAL_INVERSE} order
 * with {@link LatticeRandomization#SHIFT}, one replication; nInit and nLimit powers of two,
 * {@code 2^8 <= nInit <= nLimit}. Cost O(n log n + n·cost(f)); memory O(n k).
 */
public final class CubQMCLatticeG implements StoppingCriterion {
    private final ConeCubature engine;

    private CubQMCLatticeG(Builder b) { this.engine = b.engine(); }

    /**
     * A builder with QMCPy's defaults.
     *
     * @param integrand the integrand
     * @param lattice   a shifted natural-order lattice with the integrand's dimension
     * @return the builder
     */
    public static Builder builder(Integrand integrand, PointSet lattice) { return new Builder(integrand, lattice); }

    /** Options of {@link CubQMCLatticeG}; not thread-safe. */
    public static final class Builder extends CriterionBuilder<Builder> {
        private IntToDoubleFunction fudge = m -> 5 * Math.pow(2, -m);
        private boolean checkCone;
        private Periodization periodization = Periodization.BAKER;

        private Builder(Integrand integrand, PointSet lattice) {
            super(integrand, lattice, 1L << 10, capped(1L << 30, lattice));
        }

        /**
         * The inflation function of the error bound (default {@code m -> 5·2^{−m}}).
         *
         * @param f positive function of m
         * @return this builder
         */
        public Builder fudge(IntToDoubleFunction f) { this.fudge = Check.notNull("fudge", f); return this; }

        /**
         * Whether to test the necessary cone condition (default false).
         *
         * @param on the flag
         * @return this builder
         */
        public Builder checkCone(boolean on) { this.checkCone = on; return this; }

        /**
         * The periodizing transform (default BAKER).
         *
         * @param p the transform
         * @return this builder
         */
        public Builder periodization(Periodization p) { this.periodization = Check.notNull("periodization", p); return this; }

        ConeCubature engine() {
            requireShiftedLattice();
            checkSizes(true, 1L << 8);
            return new ConeCubature("CubQMCLatticeG", integrand, points, tolerance(), nInit, nLimit, fudge, checkCone, true,
                    periodization, List.of());
        }

        /**
         * Validates the options.
         *
         * @return the criterion
         * @throws IllegalArgumentException naming the invalid option
         */
        public CubQMCLatticeG build() { return new CubQMCLatticeG(this); }
    }

    @Override public IntegrationResult integrate() { return engine.integrate(); }
}
