package org.ortho4j.qmc.measure;

import org.ortho4j.core.linalg.Matrix;

/**
 * A measure μ on R^d to integrate against (QMCPy {@code AbstractTrueMeasure}, spec qmc.md 2.12),
 * represented by a sampling map {@code T} from the unit cube and a weight {@code w} such that
 * <pre>
 *   ∫ g(t) μ(dt) = ∫_{[0,1]^d} g(T(u)) w(T(u)) du.
 * </pre>
 * A probability measure sampled by its own inverse-CDF map has {@code w ≡ 1}; {@link Lebesgue}
 * measure on a box has {@code w ≡ volume}; {@link ImportanceSampling} composes a target measure with
 * another measure's map and has {@code w = density_target / density_sampler}.
 *
 * <p><b>0/1 guard.</b> Maps that apply the normal quantile Φ⁻¹ clip each coordinate into
 * {@code [2^-53, 1 - 2^-53]} first (see {@link #GUARD}), so an unrandomized point at the origin or a
 * periodized coordinate equal to 1 maps to ±8.21 standard deviations instead of ±∞.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface TrueMeasure {
    /** Smallest coordinate (and 1 − largest) passed to an inverse CDF: 2^-53. */
    double GUARD = 0x1.0p-53;

    /**
     * Number of coordinates d.
     *
     * @return d ≥ 1
     */
    int dimension();

    /**
     * The sampling map: points of the unit cube to points of the measure's support.
     *
     * @param u an {@code n x d} matrix with entries in [0, 1] (any view; not modified)
     * @return a new {@code n x d} matrix {@code T(u)}, row i the image of row i; O(n d) (O(n d²)
     *     for correlated Gaussian measures)
     * @throws IllegalArgumentException if {@code u.cols != d}
     */
    Matrix transform(Matrix u);

    /**
     * The weight {@code w(t)} of each row of {@code t = T(u)}, the factor in the class formula.
     *
     * @param t an {@code n x d} matrix of points produced by {@link #transform}
     * @return a new array of length n
     */
    double[] weights(Matrix t);

    /**
     * The natural logarithm of the density of μ with respect to Lebesgue measure at row {@code i}
     * of {@code t} (−∞ outside the support), used for importance sampling.
     *
     * @param t a matrix with d columns
     * @param i a row index
     * @return log density
     * @throws UnsupportedOperationException if μ has no density (a singular covariance)
     */
    double logDensity(Matrix t, int i);

    /**
     * True when μ is a probability measure (total mass 1).
     *
     * @return whether μ(R^d) = 1
     */
    boolean isProbability();
}
