package org.ortho4j.qmc.measure;

import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * Importance sampling (spec qmc.md 2.12): integrate against a target measure μ using the sampling
 * map of another measure ν,
 * <pre>
 *   ∫ g dμ = ∫ g (π_μ / π_ν) dν = ∫_{[0,1]^d} g(T_ν(u)) w_ν(t) π_μ(t) / π_ν(t) du,   t = T_ν(u),
 * </pre>
 * π the densities ({@link TrueMeasure#logDensity}). Useful when ν has heavier tails than μ or
 * concentrates where g is large; the variance of the weighted integrand decides whether it helps.
 * Immutable.
 */
public final class ImportanceSampling implements TrueMeasure {
    private final TrueMeasure target, sampler;

    /**
     * Samples {@code target} through {@code sampler}.
     *
     * @param target  μ, the measure integrated against
     * @param sampler ν, whose map is used; its density must be positive wherever μ's is
     * @throws IllegalArgumentException if either is null or the dimensions differ
     */
    public ImportanceSampling(TrueMeasure target, TrueMeasure sampler) {
        this.target = Check.notNull("target", target);
        this.sampler = Check.notNull("sampler", sampler);
        if (target.dimension() != sampler.dimension())
            throw new IllegalArgumentException("sampler dimension = " + sampler.dimension() + ", expected the target's d = "
                    + target.dimension());
    }

    /** μ. */
    public TrueMeasure target() { return target; }

    /** ν. */
    public TrueMeasure sampler() { return sampler; }

    @Override public int dimension() { return target.dimension(); }

    @Override public Matrix transform(Matrix u) { return sampler.transform(u); }

    /** {@code w_ν(t_i) exp(log π_μ(t_i) − log π_ν(t_i))}; 0 where π_μ vanishes. */
    @Override
    public double[] weights(Matrix t) {
        double[] w = sampler.weights(t);
        for (int i = 0; i < t.rows; i++) {
            double lt = target.logDensity(t, i);
            w[i] = lt == Double.NEGATIVE_INFINITY ? 0 : w[i] * Math.exp(lt - sampler.logDensity(t, i));
        }
        return w;
    }

    @Override public double logDensity(Matrix t, int i) { return target.logDensity(t, i); }

    @Override public boolean isProbability() { return target.isProbability(); }

    @Override public String toString() { return "ImportanceSampling(" + target + " via " + sampler + ")"; }
}
