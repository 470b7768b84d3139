package org.ortho4j.qmc.cubature;

import java.util.ArrayList;
import java.util.List;
import org.ortho4j.qmc.PointSet;
import org.ortho4j.qmc.integrand.Integrand;

/**
 * Options shared by the IID Monte Carlo criteria {@link CubMCCLT} and {@link CubMCG} (QMCPy's
 * defaults: nInit 1024, nLimit 2^30, inflate 1.2): the inflation of the pilot standard deviation
 * and control variates. Not thread-safe.
 *
 * @param <B> the concrete builder
 */
public abstract class McCriterionBuilder<B extends McCriterionBuilder<B>> extends CriterionBuilder<B> {
    double inflate = 1.2;
    final List<ControlVariate> controlVariates = new ArrayList<>();
    private final boolean strictInflate;

    McCriterionBuilder(Integrand integrand, PointSet points, boolean strictInflate) {
        super(integrand, points, 1024, 1L << 30);
        this.strictInflate = strictInflate;
    }

    /**
     * Inflation factor of the pilot standard deviation (default 1.2).
     *
     * @param v ≥ 1 for CubMCCLT; &gt; 1 for CubMCG, where it enters the kurtosis bound through
     *     {@code 1 − 1/inflate²}
     * @return this builder
     */
    @SuppressWarnings("unchecked")
    public B inflate(double v) {
        this.inflate = checkedInflate(v, strictInflate);
        return (B) this;
    }

    /**
     * Adds a control variate (scalar, same dimension; β fitted on the pilot sample).
     *
     * @param cv the control variate
     * @return this builder
     */
    @SuppressWarnings("unchecked")
    public B controlVariate(ControlVariate cv) {
        controlVariates.add(checkedControlVariate(cv));
        return (B) this;
    }
}
