package org.ortho4j.core.orthogonal;

import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;

/**
 * Maps a matrix {@code G} ({@code m×n}) to (an approximation of) its orthogonal polar factor
 * {@code polar(G) = U Vᵀ}, where {@code G = U Σ Vᵀ} is the thin SVD: the step direction of the
 * Muon family of optimizers (spec {@code optimizers.md} §1.1). Optimizers take an
 * {@code Orthogonalizer} so the exact factor ({@link Polar}) and the Newton–Schulz approximations
 * ({@link NewtonSchulz}) can be swapped.
 *
 * <p>Contract of every implementation:
 * <ul>
 *   <li>the output has the input's shape and the input is not modified (unless it is passed as
 *       {@code out});</li>
 *   <li>a zero input gives a zero output, never NaN;</li>
 *   <li>a NaN or infinite element throws {@link IllegalArgumentException} naming {@code g};</li>
 *   <li>the result depends only on the input values, not on its layout (views and leading
 *       dimensions are allowed).</li>
 * </ul>
 */
public interface Orthogonalizer {

    /**
     * Orthogonalizes {@code g} into {@code out}.
     *
     * @param g the input, {@code m×n}, finite, not modified unless it is {@code out}
     * @param out {@code m×n} output, or null to allocate one; may be {@code g} itself (in place)
     * @return {@code out} (or the new matrix)
     */
    Matrix orthogonalize(Matrix g, Matrix out);

    /** Float twin of {@link #orthogonalize(Matrix, Matrix)}. */
    FloatMatrix orthogonalize(FloatMatrix g, FloatMatrix out);

    /** A new matrix holding the orthogonalized {@code g}; see {@link #orthogonalize(Matrix, Matrix)}. */
    default Matrix orthogonalize(Matrix g) { return orthogonalize(g, null); }

    /** A new matrix holding the orthogonalized {@code g}; see {@link #orthogonalize(FloatMatrix, FloatMatrix)}. */
    default FloatMatrix orthogonalize(FloatMatrix g) { return orthogonalize(g, null); }

    /** Short description for logs, e.g. {@code NewtonSchulz[MUON..., PLAIN]} or {@code Polar[rankTol 1e-10]}. */
    String describe();
}
