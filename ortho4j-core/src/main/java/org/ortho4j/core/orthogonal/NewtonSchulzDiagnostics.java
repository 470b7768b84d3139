package org.ortho4j.core.orthogonal;

/**
 * What one {@link NewtonSchulz} call did and how orthogonal its output {@code O} ({@code m×n}) is.
 * With {@code r = min(m, n)} and {@code S = O Oᵀ} (wide) or {@code Oᵀ O} (tall), an {@code r×r}
 * matrix whose eigenvalues are the squared singular values of {@code O}:
 *
 * @param schedule name of the schedule used (for ROOT: the shape's entry)
 * @param form the form that ran ({@code PLAIN} or {@code GRAM}; never {@code AUTO})
 * @param transposed whether the input was tall and iterated transposed
 * @param iterations number of polynomial steps applied (0 for a zero or empty input)
 * @param restarts number of Gram-side restarts performed (0 for the plain form)
 * @param orthogonalityError {@code ‖S − I_r‖_F} computed in double from the output
 * @param sigmaMin smallest singular value of the output, {@code sqrt(max(0, λ_min(S)))}; accurate
 *     to about {@code ε·σ_max²/σ_min}, i.e. an estimate when σ_min is tiny
 * @param sigmaMax largest singular value of the output, {@code sqrt(λ_max(S))}
 * @param nanos wall time of the orthogonalization itself (load, iterations, store), excluding
 *     these diagnostics
 */
public record NewtonSchulzDiagnostics(String schedule, NewtonSchulz.Form form, boolean transposed, int iterations,
                                      int restarts, double orthogonalityError, double sigmaMin, double sigmaMax,
                                      long nanos) {
    /** Spread of the output's singular values, {@code sigmaMax − sigmaMin} (0 for an exactly orthogonal output). */
    public double spread() { return sigmaMax - sigmaMin; }
}
