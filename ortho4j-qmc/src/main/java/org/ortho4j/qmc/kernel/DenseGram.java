package org.ortho4j.qmc.kernel;

import org.ortho4j.core.Check;
import org.ortho4j.core.decomp.CholeskyDecomposition;
import org.ortho4j.core.linalg.Matrix;

/**
 * An explicit Gram matrix {@code K + sigma^2 I} with its Cholesky factor (LAPACK {@code dpotrf}):
 * the O(n^3)-time, O(n^2)-memory reference for {@link FastGram}, valid for any points.
 *
 * <p>Built eagerly: the factory forms the matrix and factors it, so an indefinite matrix is reported
 * by {@link org.ortho4j.core.decomp.NotPositiveDefiniteException} at construction. The matrix is
 * never modified after construction, but the LAPACK factor object is not thread-safe: do not share
 * an instance between threads.
 */
public final class DenseGram implements GramOperator {
    private final Matrix k;
    private final CholeskyDecomposition chol;

    private DenseGram(Matrix k) {
        this.k = k;
        this.chol = CholeskyDecomposition.of(k);
    }

    /**
     * {@code K + sigma2 I} for the kernel on the rows of x ({@code n x d} floats). O(n^2 d + n^3).
     *
     * @throws IllegalArgumentException on a shape mismatch, a negative or non-finite nugget, or if
     *     the matrix is not positive definite
     */
    public static DenseGram of(ProductKernel kernel, Matrix x, double sigma2) {
        Check.notNull("kernel", kernel);
        return of(kernel.gram(x), sigma2);
    }

    /** {@code K + sigma2 I} for a DSI kernel on t-bit integer points. O(n^2 d + n^3). */
    public static DenseGram of(DigitallyShiftInvariantKernel kernel, long[][] xb, double sigma2) {
        Check.notNull("kernel", kernel);
        return of(kernel.gram(xb), sigma2);
    }

    /**
     * {@code k + sigma2 I} for a given symmetric matrix (copied).
     *
     * @throws IllegalArgumentException if k is not square, symmetric and positive definite after the
     *     nugget, or the nugget is negative or not finite
     */
    public static DenseGram of(Matrix k, double sigma2) {
        Check.notNull("k", k);
        Check.finite("sigma2", sigma2);
        if (sigma2 < 0) throw new IllegalArgumentException("sigma2 = " + sigma2 + ", expected >= 0");
        Check.dimension("k.cols", k.cols, k.rows);
        Matrix m = k.copy();
        for (int i = 0; i < m.rows; i++) m.data[i * m.ld + i] += sigma2;
        return new DenseGram(m);
    }

    /** A copy of the matrix. */
    public Matrix matrix() { return k.copy(); }

    @Override public int size() { return k.rows; }

    /** {@code K y}, O(n^2). */
    @Override
    public double[] multiply(double[] y) {
        requireVector(y);
        return k.mult(y);
    }

    /** {@code K^{-1} y} by two triangular solves, O(n^2). */
    @Override
    public double[] solve(double[] y) {
        requireVector(y);
        return chol.solve(y);
    }

    /** {@code 2 sum log L_ii}, O(n). */
    @Override
    public double logDet() { return chol.logDet(); }

    private void requireVector(double[] y) {
        Check.notNull("y", y);
        Check.dimension("y.length", y.length, k.rows);
        Check.allFinite("y", y, 0, y.length);
    }
}
