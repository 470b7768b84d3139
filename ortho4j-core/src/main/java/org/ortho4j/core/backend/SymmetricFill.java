package org.ortho4j.core.backend;

/** Copies one triangle of a square row-major matrix onto the other so both are exactly equal. */
public final class SymmetricFill {
    private SymmetricFill() {}

    /** Sets {@code C[j][i] = C[i][j]} for {@code j > i}: the lower triangle takes the upper's values. */
    public static void mirrorLower(int n, double[] c, int off, int ldc) {
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) c[off + j * ldc + i] = c[off + i * ldc + j];
    }

    /** Float twin of {@link #mirrorLower(int, double[], int, int)}. */
    public static void mirrorLower(int n, float[] c, int off, int ldc) {
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) c[off + j * ldc + i] = c[off + i * ldc + j];
    }

    /** Sets {@code C[i][j] = C[j][i]} for {@code j > i}: the upper triangle takes the lower's values. */
    public static void mirrorUpper(int n, double[] c, int off, int ldc) {
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) c[off + i * ldc + j] = c[off + j * ldc + i];
    }

    /** Float twin of {@link #mirrorUpper(int, double[], int, int)}. */
    public static void mirrorUpper(int n, float[] c, int off, int ldc) {
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) c[off + i * ldc + j] = c[off + j * ldc + i];
    }
}
