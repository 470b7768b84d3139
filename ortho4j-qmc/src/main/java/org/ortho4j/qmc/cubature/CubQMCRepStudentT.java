package org.ortho4j.qmc.cubature;

import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.PointSet;
import org.ortho4j.qmc.integrand.Integrand;

/**
 * Replicated randomized QMC with a Student-t interval (QMCPy {@code CubQMCRepStudentT}, formerly
 * {@code CubQMCCLT}; spec qmc.md 2.14; A. B. Owen, <i>Practical Quasi-Monte Carlo Integration</i>,
 * 2023): R independent randomizations of a low-discrepancy sequence give R independent unbiased
 * estimates μ̂_r from their first {@code n_rep} points; then
 * <pre>
 *   μ̂ = mean_r μ̂_r,   half-width = t*_{R−1} · inflate · sd_r(μ̂_r) / √R,   t* = −t⁻¹_{R−1}(α/2),
 * </pre>
 * and {@code n_rep} doubles from nInit until the tolerance is met (per output) or the total
 * {@code R · n_rep} would exceed nLimit. An approximate 1 − α confidence interval (exact if the
 * μ̂_r were normal).
 *
 * <p>Defaults (QMCPy): absTol 1e-2, relTol 0, EITHER, nInit 256 (per replication), nLimit 2^30,
 * inflate 1, α = 0.01. Requires randomized points ({@link PointSet#isRandomized()}) with
 * {@code R >= 2} replications (QMCPy's examples use 16–32), nInit and nLimit powers of two (the
 * balance of nets and lattices holds at powers of two). For vector outputs every output uses the
 * same α (QMCPy's {@code _compute_indv_alphas} for identity dependencies). Points are evaluated
 * per replication and block; memory O(block d).
 */
public final class CubQMCRepStudentT implements StoppingCriterion {
    private final Integrand integrand;
    private final PointSet points;
    private final Tolerance tolerance;
    private final long nInit, nLimit;
    private final double inflate, tStar;

    private CubQMCRepStudentT(Builder b) {
        if (b.points.replications() < 2)
            throw new IllegalArgumentException("points.replications() = " + b.points.replications()
                    + ", expected >= 2 independent randomizations");
        if (!b.points.isRandomized())
            throw new IllegalArgumentException("points = " + b.points + ", expected randomized points (isRandomized() true)");
        b.checkSizes(true, 1);
        if (b.nInit * b.points.replications() > b.nLimit)
            throw new IllegalArgumentException("nLimit = " + b.nLimit + ", expected >= nInit * replications = "
                    + b.nInit * b.points.replications());
        this.integrand = b.integrand;
        this.points = b.points;
        this.tolerance = b.tolerance();
        this.nInit = b.nInit;
        this.nLimit = b.nLimit;
        this.inflate = b.inflate;
        this.tStar = Stats.studentUpperQuantile(b.checkedAlpha() / 2, points.replications() - 1);
    }

    /**
     * A builder with QMCPy's defaults.
     *
     * @param integrand the integrand
     * @param points    randomized points with R ≥ 2 replications, of the integrand's dimension
     * @return the builder
     */
    public static Builder builder(Integrand integrand, PointSet points) { return new Builder(integrand, points); }

    /** Options of {@link CubQMCRepStudentT}; not thread-safe. */
    public static final class Builder extends CriterionBuilder<Builder> {
        private double inflate = 1;

        private Builder(Integrand integrand, PointSet points) {
            super(integrand, points, 256, capped(1L << 30, points));
        }

        /**
         * Inflation factor of the standard deviation across replications (default 1).
         *
         * @param v ≥ 1
         * @return this builder
         */
        public Builder inflate(double v) {
            this.inflate = checkedInflate(v, false);
            return this;
        }

        /**
         * Validates the options.
         *
         * @return the criterion
         * @throws IllegalArgumentException naming the invalid option
         */
        public CubQMCRepStudentT build() { return new CubQMCRepStudentT(this); }
    }

    /** The quantile t* used for the half-width. */
    public double tStar() { return tStar; }

    @Override
    public IntegrationResult integrate() {
        int k = integrand.outputs(), reps = points.replications();
        Outputs out = new Outputs(k);
        double[][] sums = new double[k][reps];
        long nMin = 0, nMax = nInit;
        int iterations = 0;
        while (true) {
            iterations++;
            for (int r = 0; r < reps; r++) {
                for (long a = nMin; a < nMax; a += Moments.BLOCK) {
                    Matrix y = integrand.f(points.points(r, a, Math.min(nMax, a + Moments.BLOCK)));
                    for (int j = 0; j < k; j++) {
                        if (!out.active(j)) continue;
                        double s = 0;
                        for (int i = 0; i < y.rows; i++) s += y.data[i * k + j];
                        sums[j][r] += s;
                    }
                }
            }
            for (int j = 0; j < k; j++) {
                if (!out.active(j)) continue;
                double mean = 0;
                for (int r = 0; r < reps; r++) mean += sums[j][r] / nMax;
                mean /= reps;
                double ss = 0;
                for (int r = 0; r < reps; r++) {
                    double dev = sums[j][r] / nMax - mean;
                    ss += dev * dev;
                }
                double sd = Math.sqrt(ss / (reps - 1));
                out.interval(j, mean, tStar * inflate * sd / Math.sqrt(reps));
                out.n[j] = reps * nMax;
            }
            long nTotal = reps * nMax;
            if (out.settle(tolerance)) return out.result("CubQMCRepStudentT", nTotal, iterations, Termination.CONVERGED);
            if (2 * nTotal > nLimit) return out.result("CubQMCRepStudentT", nTotal, iterations, Termination.BUDGET_EXHAUSTED);
            nMin = nMax;
            nMax *= 2;
        }
    }
}
