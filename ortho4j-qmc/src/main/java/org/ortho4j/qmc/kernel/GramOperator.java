package org.ortho4j.qmc.kernel;

/**
 * A symmetric positive definite {@code n x n} Gram matrix seen through the operations kernel
 * methods need. Two implementations: {@link FastGram} (O(n log n) through a fast transform,
 * structured point sets only) and {@link DenseGram} (the explicit matrix and its Cholesky factor,
 * O(n^3), any points) — the second checks the first and serves small unstructured problems.
 */
public sealed interface GramOperator permits FastGram, DenseGram {
    /** The order n. */
    int size();

    /** {@code K y} as a new array (y has length n, is not modified). */
    double[] multiply(double[] y);

    /**
     * {@code K^{-1} y} as a new array.
     *
     * @throws IllegalArgumentException if K is not (numerically) positive definite
     */
    double[] solve(double[] y);

    /**
     * {@code log det K}.
     *
     * @throws IllegalArgumentException if K is not (numerically) positive definite
     */
    double logDet();
}
