package org.ortho4j.core.backend;

/**
 * The seam behind which the heavy dense kernels run: general matrix multiply and symmetric rank-k
 * update, in double and float, on <b>row-major</b> arrays with explicit offsets and leading
 * dimensions.
 *
 * <p>Semantics follow BLAS, transposed to row-major storage: {@code C = alpha * op(A) * op(B) +
 * beta * C} where {@code op(X)} is {@code X} or {@code X^T}, {@code op(A)} is {@code m x k},
 * {@code op(B)} is {@code k x n} and {@code C} is {@code m x n}. When {@code beta == 0} the
 * previous content of {@code C} is ignored (NaN in C does not propagate), as in BLAS.
 * Implementations never allocate per call beyond reusable packing buffers and never keep a
 * reference to the arrays.
 *
 * <p>Arguments are validated once by the callers in {@link org.ortho4j.core.linalg.Blas}; an
 * implementation may assume shapes and bounds are consistent.
 *
 * <p>Implementations: {@link JavaBackend} (pure Java, always present), {@code VectorBackend}
 * (module ortho4j-vector, Vector API) and {@link NativeBackend} (system BLAS through
 * dev.ludovic.netlib). {@link Backends#active()} picks one.
 */
public interface Backend {

    /** Short name: {@code java}, {@code vector} or {@code native}. */
    String name();

    /** One line describing the implementation, e.g. the native library or SIMD width. */
    String describe();

    /** Row-major double GEMM; see the class documentation. */
    void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
               double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
               double beta, double[] c, int cOff, int ldc);

    /** Row-major float GEMM; see the class documentation. */
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
               float beta, float[] c, int cOff, int ldc);

    /**
     * Row-major double SYRK writing the <em>full</em> symmetric result: {@code C = alpha * A A^T +
     * beta * C} ({@code A} is {@code n x k}) when {@code trans} is false, {@code C = alpha * A^T A +
     * beta * C} ({@code A} is {@code k x n}) when true. Both triangles of {@code C} are written and
     * are exactly equal.
     */
    default void dsyrk(boolean trans, int n, int k, double alpha, double[] a, int aOff, int lda,
                       double beta, double[] c, int cOff, int ldc) {
        dgemm(trans, !trans, n, n, k, alpha, a, aOff, lda, a, aOff, lda, beta, c, cOff, ldc);
        SymmetricFill.mirrorLower(n, c, cOff, ldc);
    }

    /** Row-major float SYRK; see {@link #dsyrk}. */
    default void ssyrk(boolean trans, int n, int k, float alpha, float[] a, int aOff, int lda,
                       float beta, float[] c, int cOff, int ldc) {
        sgemm(trans, !trans, n, n, k, alpha, a, aOff, lda, a, aOff, lda, beta, c, cOff, ldc);
        SymmetricFill.mirrorLower(n, c, cOff, ldc);
    }
}
