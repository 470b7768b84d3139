package org.ortho4j.core.backend;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;

/**
 * The native backend: the system BLAS (OpenBLAS on Debian: {@code libopenblas0-pthread}) reached
 * through dev.ludovic.netlib's JNI bridge. Row-major calls are mapped to column-major BLAS by
 * swapping operands: {@code C = op(A) op(B)} row-major is {@code C^T = op(B)^T op(A)^T}
 * column-major. The thread count is the native library's own ({@code OPENBLAS_NUM_THREADS}).
 */
public final class NativeBackend implements Backend {
    private final BLAS blas;

    private NativeBackend(BLAS blas) { this.blas = blas; }

    /**
     * Loads the native BLAS.
     *
     * @throws IllegalStateException if no native BLAS can be loaded, with the reason
     */
    public static NativeBackend load() {
        try {
            return new NativeBackend(NativeBLAS.getInstance());
        } catch (Throwable t) {
            throw new IllegalStateException("native BLAS not available: " + t, t);
        }
    }

    @Override public String name() { return "native"; }

    @Override public String describe() {
        return "system BLAS via " + blas.getClass().getName() + " (library " + System.getProperty(
                "dev.ludovic.netlib.blas.nativeLib", "libblas.so.3") + ")";
    }

    private static String t(boolean trans) { return trans ? "T" : "N"; }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                      double beta, double[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0) {            // C = beta C: netlib rejects the empty operands
            JavaBackend.INSTANCE.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        blas.dgemm(t(transB), t(transA), n, m, k, alpha, b, bOff, Math.max(1, ldb), a, aOff, Math.max(1, lda),
                beta, c, cOff, Math.max(1, ldc));
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0) {
            JavaBackend.INSTANCE.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        blas.sgemm(t(transB), t(transA), n, m, k, alpha, b, bOff, Math.max(1, ldb), a, aOff, Math.max(1, lda),
                beta, c, cOff, Math.max(1, ldc));
    }

    @Override
    public void dsyrk(boolean trans, int n, int k, double alpha, double[] a, int aOff, int lda,
                      double beta, double[] c, int cOff, int ldc) {
        if (n == 0) return;
        if (k == 0 || alpha == 0 || shortView(a.length, aOff, lda, trans ? k : n) || shortView(c.length, cOff, ldc, n)) {
            Backend.super.dsyrk(trans, n, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
            return;
        }
        // Row-major A A^T (A n x k) is column-major A'^T A' with A' = A^T stored k x n: trans "T".
        // Column-major "U" of the row-major array is the row-major lower triangle.
        blas.dsyrk("U", trans ? "N" : "T", n, k, alpha, a, aOff, Math.max(1, lda), beta, c, cOff, Math.max(1, ldc));
        SymmetricFill.mirrorUpper(n, c, cOff, ldc);
    }

    @Override
    public void ssyrk(boolean trans, int n, int k, float alpha, float[] a, int aOff, int lda,
                      float beta, float[] c, int cOff, int ldc) {
        if (n == 0) return;
        if (k == 0 || alpha == 0 || shortView(a.length, aOff, lda, trans ? k : n) || shortView(c.length, cOff, ldc, n)) {
            Backend.super.ssyrk(trans, n, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
            return;
        }
        blas.ssyrk("U", trans ? "N" : "T", n, k, alpha, a, aOff, Math.max(1, lda), beta, c, cOff, Math.max(1, ldc));
        SymmetricFill.mirrorUpper(n, c, cOff, ldc);
    }

    /**
     * netlib's SYRK argument check wants {@code off + rows * ld} elements, more than a legal
     * row-major view whose last row ends early holds; such calls take the GEMM-based default.
     */
    private static boolean shortView(int length, int off, int ld, int rows) {
        return off + (long) rows * ld > length;
    }
}
