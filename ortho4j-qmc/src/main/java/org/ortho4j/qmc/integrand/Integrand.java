package org.ortho4j.qmc.integrand;

import java.util.Optional;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.measure.Periodization;
import org.ortho4j.qmc.measure.TrueMeasure;

/**
 * A function g integrated against a {@link TrueMeasure} μ (QMCPy {@code AbstractIntegrand},
 * spec qmc.md 2.13): the quantity is {@code ∫ g(t) μ(dt)}, possibly vector-valued with
 * {@link #outputs()} components integrated simultaneously (QMCPy {@code d_indv}; here every output
 * is its own quantity, QMCPy's identity {@code bound_fun} / {@code dependency}).
 *
 * <p>Cubature sees the transformed integrand on the unit cube,
 * <pre>
 *   f(x) = g(T(ψ(x))) · w(T(ψ(x))) · Π_j ψ'(x_j),
 * </pre>
 * T and w the measure's map and weight and ψ an optional {@link Periodization}; then
 * {@code ∫_{[0,1]^d} f = ∫ g dμ}. {@link #f} computes it in batches and rejects non-finite values
 * with a {@link NonFiniteValueException} (a cubature must never average a NaN into an answer).
 *
 * <p>Implementations must be thread-safe for concurrent {@link #g} calls (the bundled ones are
 * immutable).
 */
public interface Integrand {
    /**
     * The measure integrated against.
     *
     * @return μ
     */
    TrueMeasure measure();

    /**
     * The number of coordinates d of the integration variable (the measure's).
     *
     * @return d ≥ 1
     */
    default int dimension() { return measure().dimension(); }

    /**
     * The number k of outputs (1 for a scalar integrand).
     *
     * @return k ≥ 1
     */
    int outputs();

    /**
     * The integrand on a batch of points of the measure's space.
     *
     * @param t an {@code n x d} matrix, row i one point (not modified)
     * @return a new {@code n x k} matrix, row i the outputs at point i
     */
    Matrix g(Matrix t);

    /**
     * The exact integral, when known in closed form.
     *
     * @return k values, or empty
     */
    default Optional<double[]> exactValue() { return Optional.empty(); }

    /**
     * A short name for reports.
     *
     * @return the name (default: the class's simple name)
     */
    default String name() { return getClass().getSimpleName(); }

    /**
     * The transformed integrand on the unit cube without periodization.
     *
     * @param x an {@code n x d} matrix of points in [0, 1]^d
     * @return a new {@code n x k} matrix
     * @throws NonFiniteValueException if some value is NaN or infinite
     */
    default Matrix f(Matrix x) { return f(x, Periodization.NONE); }

    /**
     * The transformed integrand {@code f(x) = g(T(ψ(x))) w Πψ'} on the unit cube (class formula).
     *
     * @param x             an {@code n x d} matrix of points in [0, 1]^d (not modified)
     * @param periodization ψ
     * @return a new {@code n x k} matrix; O(n d) plus the cost of T and g
     * @throws IllegalArgumentException if {@code x.cols != d} or g returns a wrong shape
     * @throws NonFiniteValueException  if some value is NaN or infinite
     */
    default Matrix f(Matrix x, Periodization periodization) { return Integrands.evaluate(this, x, periodization); }
}
