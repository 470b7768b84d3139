package org.ortho4j.qmc.cubature;

import org.ortho4j.core.Check;
import org.ortho4j.qmc.PointSet;
import org.ortho4j.qmc.integrand.Integrand;
import org.ortho4j.qmc.points.DigitalNetB2;
import org.ortho4j.qmc.points.Lattice;
import org.ortho4j.qmc.points.LatticeOrder;
import org.ortho4j.qmc.points.LatticeRandomization;
import org.ortho4j.qmc.points.NetOrder;
import org.ortho4j.qmc.points.NetRandomization;

/**
 * Options shared by the builders of all stopping criteria: tolerances, the error criterion, the
 * initial and maximal sample sizes and the uncertainty level α. The defaults are QMCPy's
 * (absTol 1e-2, relTol 0, EITHER, α = 0.01); nInit and nLimit default per method.
 *
 * @param <B> the concrete builder (returned by the fluent setters)
 */
public abstract class CriterionBuilder<B extends CriterionBuilder<B>> {
    final Integrand integrand;
    final PointSet points;
    double absTol = 1e-2, relTol = 0, alpha = 0.01;
    ErrorCriterion criterion = ErrorCriterion.EITHER;
    long nInit, nLimit;

    CriterionBuilder(Integrand integrand, PointSet points, long nInit, long nLimit) {
        this.integrand = Check.notNull("integrand", integrand);
        this.points = Check.notNull("points", points);
        if (points.dimension() != integrand.dimension())
            throw new IllegalArgumentException("points.dimension() = " + points.dimension() + ", expected the integrand's d = "
                    + integrand.dimension());
        this.nInit = nInit;
        this.nLimit = nLimit;
    }

    @SuppressWarnings("unchecked")
    private B self() { return (B) this; }

    /**
     * Absolute tolerance (default 1e-2).
     *
     * @param v finite, ≥ 0 (0 only with a positive relative tolerance and EITHER)
     * @return this builder
     */
    public B absTol(double v) { this.absTol = v; return self(); }

    /**
     * Relative tolerance (default 0).
     *
     * @param v in [0, 1)
     * @return this builder
     */
    public B relTol(double v) { this.relTol = v; return self(); }

    /**
     * How the tolerances combine (default EITHER).
     *
     * @param c the criterion
     * @return this builder
     */
    public B criterion(ErrorCriterion c) { this.criterion = Check.notNull("criterion", c); return self(); }

    /**
     * All of absTol, relTol and the criterion at once.
     *
     * @param t the tolerance
     * @return this builder
     */
    public B tolerance(Tolerance t) {
        Check.notNull("tolerance", t);
        absTol = t.absTol();
        relTol = t.relTol();
        criterion = t.criterion();
        return self();
    }

    /**
     * Initial sample size (per replication for CubQMCRepStudentT).
     *
     * @param n the size (a power of two for the QMC methods)
     * @return this builder
     */
    public B nInit(long n) { this.nInit = n; return self(); }

    /**
     * Maximal total sample size.
     *
     * @param n the budget (a power of two for the QMC methods)
     * @return this builder
     */
    public B nLimit(long n) { this.nLimit = n; return self(); }

    /**
     * Uncertainty level α of probabilistic bounds (confidence 1 − α; default 0.01). Ignored by
     * the deterministic cone-based methods CubQMCNetG and CubQMCLatticeG.
     *
     * @param a in (0, 1)
     * @return this builder
     */
    public B alpha(double a) { this.alpha = a; return self(); }

    /** The validated tolerance. */
    Tolerance tolerance() { return new Tolerance(absTol, relTol, criterion); }

    /** Validates alpha. */
    double checkedAlpha() {
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha = " + alpha + ", expected in (0, 1)");
        return alpha;
    }

    /** Validates {@code 1 <= nInit <= nLimit <= points.nLimit()}, optionally powers of two with nInit ≥ minInit. */
    void checkSizes(boolean powersOfTwo, long minInit) {
        if (nInit < minInit) throw new IllegalArgumentException("nInit = " + nInit + ", expected >= " + minInit);
        if (powersOfTwo) {
            requirePowerOfTwo("nInit", nInit);
            requirePowerOfTwo("nLimit", nLimit);
        }
        if (nLimit < nInit) throw new IllegalArgumentException("nLimit = " + nLimit + ", expected >= nInit = " + nInit);
        if (nLimit > points.nLimit())
            throw new IllegalArgumentException("nLimit = " + nLimit + ", expected <= points.nLimit() = " + points.nLimit());
    }

    static void requirePowerOfTwo(String name, long n) { Check.powerOfTwo(name, n); }

    /** {@code min(limit, points.nLimit())}, or limit when points is null (reported by the constructor). */
    static long capped(long limit, PointSet points) { return points == null ? limit : Math.min(limit, points.nLimit()); }

    /** Validates an inflation factor: ≥ 1, or &gt; 1 when {@code strict}. */
    static double checkedInflate(double v, boolean strict) {
        if (!(strict ? v > 1 : v >= 1) || Double.isInfinite(v))
            throw new IllegalArgumentException("inflate = " + v + ", expected a finite value " + (strict ? "> 1" : ">= 1"));
        return v;
    }

    /** Validates a control variate against the integrand: same dimension and number of outputs. */
    ControlVariate checkedControlVariate(ControlVariate cv) {
        Check.notNull("cv", cv);
        if (cv.integrand().dimension() != integrand.dimension() || cv.integrand().outputs() != integrand.outputs())
            throw new IllegalArgumentException("control variate " + cv.integrand().name() + " has d = " + cv.integrand().dimension()
                    + ", k = " + cv.integrand().outputs() + ", expected the integrand's d = " + integrand.dimension() + ", k = "
                    + integrand.outputs());
        return cv;
    }

    /** Requires a randomly shifted natural-order lattice with one replication. */
    void requireShiftedLattice() {
        if (!(points instanceof Lattice lat) || lat.order() != LatticeOrder.RADICAL_INVERSE
                || lat.randomization() != LatticeRandomization.SHIFT || lat.replications() != 1)
            throw new IllegalArgumentException("points = " + points + ", expected a Lattice in RADICAL_INVERSE order with"
                    + " SHIFT randomization and one replication");
    }

    /**
     * Requires a randomized natural-order digital net with one replication; with {@code shiftOnly}
     * the randomization must be DS or LMS_DS (a shifted digital net).
     */
    void requireNaturalNet(boolean shiftOnly) {
        boolean ok = points instanceof DigitalNetB2 net && net.order() == NetOrder.RADICAL_INVERSE && net.replications() == 1
                && (shiftOnly ? net.randomization() == NetRandomization.DS || net.randomization() == NetRandomization.LMS_DS
                        : net.isRandomized());
        if (!ok)
            throw new IllegalArgumentException("points = " + points + ", expected a DigitalNetB2 in RADICAL_INVERSE order with "
                    + (shiftOnly ? "DS or LMS_DS" : "DS, LMS_DS or NUS") + " randomization and one replication");
    }

    /** Requires a single-output integrand (the MC methods). */
    void requireScalar(String method) {
        if (integrand.outputs() != 1)
            throw new IllegalArgumentException("integrand.outputs() = " + integrand.outputs() + ", expected 1 (" + method
                    + " integrates scalar integrands)");
    }
}
