package org.ortho4j.core.linalg;

import org.ortho4j.core.Check;
import org.ortho4j.core.backend.Backend;
import org.ortho4j.core.backend.Backends;
import org.ortho4j.core.backend.JavaBackend;
import org.ortho4j.core.backend.Tuning;

/**
 * BLAS-style kernels on row-major arrays with explicit offsets and leading dimensions: the hot
 * path under {@link Matrix} and {@link FloatMatrix}. Every argument is validated (shape, bounds);
 * GEMM and SYRK above {@link Tuning#SMALL_FLOPS} multiply-adds run on
 * {@link Backends#active()}, smaller ones in plain Java. Level-1 and level-2 kernels are plain
 * Java loops (memory-bound; a JNI call would cost more than it saves).
 *
 * <p>No method allocates except the backends' reusable packing buffers.
 */
public final class Blas {
    private Blas() {}

    private static Backend pick(long flops) {
        return flops < Tuning.SMALL_FLOPS ? JavaBackend.INSTANCE : Backends.active();
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C}, row-major. {@code op(A)} is {@code m x k}
     * (stored {@code k x m} when {@code transA}), {@code op(B)} is {@code k x n}, C is {@code m x n}.
     * O(mnk). When {@code beta == 0}, C is overwritten (NaN in C does not propagate).
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                            double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                            double beta, double[] c, int cOff, int ldc) {
        checkGemm(transA, transB, m, n, k, a.length, aOff, lda, b.length, bOff, ldb, c.length, cOff, ldc);
        if (c == a || c == b) throw new IllegalArgumentException("c aliases a or b; gemm is not in-place");
        pick((long) m * n * k).dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** Float twin of {@link #gemm(boolean, boolean, int, int, int, double, double[], int, int, double[], int, int, double, double[], int, int)}. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc) {
        checkGemm(transA, transB, m, n, k, a.length, aOff, lda, b.length, bOff, ldb, c.length, cOff, ldc);
        if (c == a || c == b) throw new IllegalArgumentException("c aliases a or b; gemm is not in-place");
        pick((long) m * n * k).sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /**
     * Symmetric rank-k update writing both triangles: {@code C = alpha * A A^T + beta * C} with A
     * {@code n x k} ({@code trans == false}) or {@code C = alpha * A^T A + beta * C} with A
     * {@code k x n} ({@code trans == true}). The result is exactly symmetric. O(n²k).
     */
    public static void syrk(boolean trans, int n, int k, double alpha, double[] a, int aOff, int lda,
                            double beta, double[] c, int cOff, int ldc) {
        checkSyrk(trans, n, k, a.length, aOff, lda, c.length, cOff, ldc);
        if (c == a) throw new IllegalArgumentException("c aliases a; syrk is not in-place");
        pick((long) n * n * k).dsyrk(trans, n, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
    }

    /** Float twin of {@link #syrk(boolean, int, int, double, double[], int, int, double, double[], int, int)}. */
    public static void syrk(boolean trans, int n, int k, float alpha, float[] a, int aOff, int lda,
                            float beta, float[] c, int cOff, int ldc) {
        checkSyrk(trans, n, k, a.length, aOff, lda, c.length, cOff, ldc);
        if (c == a) throw new IllegalArgumentException("c aliases a; syrk is not in-place");
        pick((long) n * n * k).ssyrk(trans, n, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
    }

    /**
     * {@code y = alpha * op(A) x + beta * y} with A {@code m x n} row-major ({@code op(A)} is
     * {@code A^T}, {@code n x m}, when {@code trans}). Unit strides. O(mn).
     */
    public static void gemv(boolean trans, int m, int n, double alpha, double[] a, int aOff, int lda,
                            double[] x, int xOff, double beta, double[] y, int yOff) {
        Check.block("a", a.length, aOff, m, n, lda);
        int xl = trans ? m : n, yl = trans ? n : m;
        Check.block("x", x.length, xOff, 1, xl, xl);
        Check.block("y", y.length, yOff, 1, yl, yl);
        if (y == x && yl > 0 && xl > 0) throw new IllegalArgumentException("y aliases x; gemv is not in-place");
        if (beta == 0) java.util.Arrays.fill(y, yOff, yOff + yl, 0);
        else if (beta != 1) for (int i = 0; i < yl; i++) y[yOff + i] *= beta;
        if (alpha == 0) return;
        if (!trans) {
            for (int i = 0; i < m; i++) {
                int r = aOff + i * lda;
                double s = 0;
                for (int j = 0; j < n; j++) s += a[r + j] * x[xOff + j];
                y[yOff + i] += alpha * s;
            }
        } else {
            for (int i = 0; i < m; i++) {
                int r = aOff + i * lda;
                double xi = alpha * x[xOff + i];
                for (int j = 0; j < n; j++) y[yOff + j] += xi * a[r + j];
            }
        }
    }

    /** Float twin of {@link #gemv(boolean, int, int, double, double[], int, int, double[], int, double, double[], int)}. */
    public static void gemv(boolean trans, int m, int n, float alpha, float[] a, int aOff, int lda,
                            float[] x, int xOff, float beta, float[] y, int yOff) {
        Check.block("a", a.length, aOff, m, n, lda);
        int xl = trans ? m : n, yl = trans ? n : m;
        Check.block("x", x.length, xOff, 1, xl, xl);
        Check.block("y", y.length, yOff, 1, yl, yl);
        if (y == x && yl > 0 && xl > 0) throw new IllegalArgumentException("y aliases x; gemv is not in-place");
        if (beta == 0) java.util.Arrays.fill(y, yOff, yOff + yl, 0f);
        else if (beta != 1) for (int i = 0; i < yl; i++) y[yOff + i] *= beta;
        if (alpha == 0) return;
        if (!trans) {
            for (int i = 0; i < m; i++) {
                int r = aOff + i * lda;
                float s = 0;
                for (int j = 0; j < n; j++) s += a[r + j] * x[xOff + j];
                y[yOff + i] += alpha * s;
            }
        } else {
            for (int i = 0; i < m; i++) {
                int r = aOff + i * lda;
                float xi = alpha * x[xOff + i];
                for (int j = 0; j < n; j++) y[yOff + j] += xi * a[r + j];
            }
        }
    }

    /** Dot product of {@code x[xOff..xOff+n)} and {@code y[yOff..yOff+n)}. */
    public static double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        Check.block("x", x.length, xOff, 1, n, n);
        Check.block("y", y.length, yOff, 1, n, n);
        double s = 0;
        for (int i = 0; i < n; i++) s += x[xOff + i] * y[yOff + i];
        return s;
    }

    /** Dot product in float with a float accumulator. */
    public static float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        Check.block("x", x.length, xOff, 1, n, n);
        Check.block("y", y.length, yOff, 1, n, n);
        float s = 0;
        for (int i = 0; i < n; i++) s += x[xOff + i] * y[yOff + i];
        return s;
    }

    /** {@code y += alpha * x} over n elements, in place on y. */
    public static void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        Check.block("x", x.length, xOff, 1, n, n);
        Check.block("y", y.length, yOff, 1, n, n);
        for (int i = 0; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    /** {@code y += alpha * x} over n elements, in place on y. */
    public static void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        Check.block("x", x.length, xOff, 1, n, n);
        Check.block("y", y.length, yOff, 1, n, n);
        for (int i = 0; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
    }

    /** {@code x *= alpha} over n elements, in place. */
    public static void scal(int n, double alpha, double[] x, int xOff) {
        Check.block("x", x.length, xOff, 1, n, n);
        for (int i = 0; i < n; i++) x[xOff + i] *= alpha;
    }

    /** {@code x *= alpha} over n elements, in place. */
    public static void scal(int n, float alpha, float[] x, int xOff) {
        Check.block("x", x.length, xOff, 1, n, n);
        for (int i = 0; i < n; i++) x[xOff + i] *= alpha;
    }

    private static void checkGemm(boolean transA, boolean transB, int m, int n, int k,
                                  int aLen, int aOff, int lda, int bLen, int bOff, int ldb, int cLen, int cOff, int ldc) {
        Check.nonNegative("m", m);
        Check.nonNegative("n", n);
        Check.nonNegative("k", k);
        if (transA) Check.block("a (k x m, transposed)", aLen, aOff, k, m, lda);
        else Check.block("a (m x k)", aLen, aOff, m, k, lda);
        if (transB) Check.block("b (n x k, transposed)", bLen, bOff, n, k, ldb);
        else Check.block("b (k x n)", bLen, bOff, k, n, ldb);
        Check.block("c (m x n)", cLen, cOff, m, n, ldc);
    }

    private static void checkSyrk(boolean trans, int n, int k, int aLen, int aOff, int lda, int cLen, int cOff, int ldc) {
        Check.nonNegative("n", n);
        Check.nonNegative("k", k);
        if (trans) Check.block("a (k x n)", aLen, aOff, k, n, lda);
        else Check.block("a (n x k)", aLen, aOff, n, k, lda);
        Check.block("c (n x n)", cLen, cOff, n, n, ldc);
    }
}
