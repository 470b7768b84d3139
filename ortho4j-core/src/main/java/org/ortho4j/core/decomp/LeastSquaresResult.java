package org.ortho4j.core.decomp;

import org.ortho4j.core.linalg.Matrix;

/**
 * The result of {@link Solvers#leastSquares}: the minimum-norm least-squares solution and what
 * was learned on the way. The arrays are the caller's (not shared with anything).
 *
 * @param solution X, {@code n x nrhs}, minimizing {@code ||A X - B||_F} and, among minimizers,
 *     {@code ||X||_F}
 * @param rank effective rank of A: the number of singular values {@code > rcond * sigma_max}
 * @param singularValues the {@code min(m, n)} singular values of A, descending
 * @param residualNorms {@code ||B(:, j) - A X(:, j)||_2} for each column j, computed explicitly
 */
public record LeastSquaresResult(Matrix solution, int rank, double[] singularValues, double[] residualNorms) {}
