package org.ortho4j.qmc.cubature;

import org.ortho4j.core.Check;
import org.ortho4j.qmc.PointSet;
import org.ortho4j.qmc.integrand.Integrand;

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

    static void requirePowerOfTwo(String name, long n) {
        if (n < 1 || Long.bitCount(n) != 1) throw new IllegalArgumentException(name + " = " + n + ", expected a power of two");
    }

    /** Requires a single-output integrand (the MC methods). */
    void requireScalar(String method) {
        if (integrand.outputs() != 1)
            throw new IllegalArgumentException("integrand.outputs() = " + integrand.outputs() + ", expected 1 (" + method
                    + " integrates scalar integrands)");
    }
}
