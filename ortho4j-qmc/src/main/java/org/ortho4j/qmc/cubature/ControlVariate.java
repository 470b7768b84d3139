package org.ortho4j.qmc.cubature;

import org.ortho4j.core.Check;
import org.ortho4j.qmc.integrand.Integrand;

/**
 * A control variate: an integrand h with known mean, evaluated at the same points as the target
 * integrand so that {@code f − β (h − mean)} has the same integral and (for a good β) less
 * variation (QMCPy {@code control_variates} / {@code control_variate_means}).
 *
 * @param integrand h, with the same dimension and number of outputs as the target
 * @param mean      its exact integral, one value per output
 */
public record ControlVariate(Integrand integrand, double[] mean) {
    /** Validates and copies. */
    public ControlVariate {
        Check.notNull("integrand", integrand);
        Check.notNull("mean", mean);
        Check.dimension("mean.length", mean.length, integrand.outputs());
        for (int j = 0; j < mean.length; j++) Check.finite("mean[" + j + "]", mean[j]);
        mean = mean.clone();
    }

    /** The known mean (copy). */
    @Override public double[] mean() { return mean.clone(); }

    /**
     * A scalar control variate.
     *
     * @param integrand h (one output)
     * @param mean      its integral
     * @return the control variate
     */
    public static ControlVariate of(Integrand integrand, double mean) { return new ControlVariate(integrand, new double[] {mean}); }
}
