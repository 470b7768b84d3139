package org.ortho4j.core.backend;

import java.util.Arrays;

/** Pieces shared by the GEMM kernels of every backend (Java, vector, native fallbacks). */
public final class GemmSupport {
    private GemmSupport() {}

    /**
     * {@code C = beta * C} on a row-major {@code m x n} block; with {@code beta == 0} C is
     * overwritten with zeros, so NaN in C does not propagate (BLAS semantics). In place, O(mn).
     */
    public static void scaleC(int m, int n, double beta, double[] c, int cOff, int ldc) {
        if (beta == 1) return;
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (beta == 0) Arrays.fill(c, row, row + n, 0);
            else for (int j = 0; j < n; j++) c[row + j] *= beta;
        }
    }

    /** Float twin of {@link #scaleC(int, int, double, double[], int, int)}. */
    public static void scaleC(int m, int n, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1) return;
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (beta == 0) Arrays.fill(c, row, row + n, 0f);
            else for (int j = 0; j < n; j++) c[row + j] *= beta;
        }
    }
}
