// GENERATED from JavaDgemm.java by ortho4j-core/src/build/GenerateFloatTwins.java — do not edit
package org.ortho4j.core.backend;

/**
 * Pure-Java row-major float GEMM: cache-blocked, register-tiled over four rows of C, and
 * multi-threaded over row tiles of C. Generated from {@code JavaDgemm}
 * by {@code ortho4j-core/src/build/GenerateFloatTwins.java}.
 *
 * <p>Scheme: for each {@code NC}-wide column block and {@code KC}-deep slice of {@code op(B)}, the
 * slice is packed row-major into a contiguous buffer that stays in L2; each task then takes tiles
 * of {@code MR = 4} rows of C, loads them into four accumulator rows (L1), and for two depth
 * steps at a time adds {@code a[r][p] * b[p][:] + a[r][p+1] * b[p+1][:]} to each accumulator row.
 * The innermost loop runs over contiguous columns, which C2 compiles to SIMD FMA instructions.
 *
 * <p>Each element of C is always computed by the same sequence of operations, whatever the number
 * of threads, so the result is bit-for-bit reproducible across thread counts.
 */
final class JavaSgemm {
    private JavaSgemm() {}

    private static final int MR = Tuning.JAVA_GEMM_MR;
    private static final int KC = Tuning.JAVA_GEMM_KC;
    private static final int NC = Tuning.JAVA_GEMM_NC;
    /** Row tiles handed to one task at a time. */
    private static final int TILES_PER_CHUNK = 4;

    private static final ThreadLocal<float[]> PACK = ThreadLocal.withInitial(() -> new float[KC * NC]);
    private static final ThreadLocal<float[][]> ACC = ThreadLocal.withInitial(() -> new float[MR][NC]);

    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) return;
        scale(m, n, beta, c, cOff, ldc);
        if (k == 0 || alpha == 0) return;
        float[] bp = PACK.get();
        int chunks = (m + MR * TILES_PER_CHUNK - 1) / (MR * TILES_PER_CHUNK);
        for (int jc = 0; jc < n; jc += NC) {
            int nb = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kb = Math.min(KC, k - pc);
                packB(transB, b, bOff, ldb, pc, kb, jc, nb, bp);
                final int fjc = jc, fpc = pc;
                Parallel.forEachChunk(chunks, (long) m * nb * kb, chunk -> {
                    int i0 = chunk * MR * TILES_PER_CHUNK;
                    int i1 = Math.min(m, i0 + MR * TILES_PER_CHUNK);
                    float[][] acc = ACC.get();
                    for (int i = i0; i < i1; i += MR) {
                        int mr = Math.min(MR, i1 - i);
                        if (mr == MR) tile4(transA, alpha, a, aOff, lda, i, fpc, kb, bp, nb, acc, c, cOff + fjc, ldc);
                        else for (int r = 0; r < mr; r++) row1(transA, alpha, a, aOff, lda, i + r, fpc, kb, bp, nb, acc[0], c, cOff + fjc, ldc);
                    }
                });
            }
        }
    }

    private static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1) return;
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (beta == 0) java.util.Arrays.fill(c, row, row + n, 0);
            else for (int j = 0; j < n; j++) c[row + j] *= beta;
        }
    }

    /** Packs rows {@code pc..pc+kb} and columns {@code jc..jc+nb} of op(B) row-major into {@code bp}. */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int kb, int jc, int nb, float[] bp) {
        if (!transB) {
            for (int p = 0; p < kb; p++) System.arraycopy(b, bOff + (pc + p) * ldb + jc, bp, p * nb, nb);
        } else {
            // op(B)[p][j] = B[j][p]: walk B row by row (contiguous reads), scatter into columns
            for (int j = 0; j < nb; j++) {
                int src = bOff + (jc + j) * ldb + pc;
                for (int p = 0; p < kb; p++) bp[p * nb + j] = b[src + p];
            }
        }
    }

    private static float elemA(boolean transA, float[] a, int aOff, int lda, int i, int p) {
        return transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
    }

    private static void tile4(boolean transA, float alpha, float[] a, int aOff, int lda, int i, int pc, int kb,
                              float[] bp, int nb, float[][] acc, float[] c, int cOff, int ldc) {
        float[] c0 = acc[0], c1 = acc[1], c2 = acc[2], c3 = acc[3];
        int r0 = cOff + i * ldc, r1 = r0 + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
        System.arraycopy(c, r0, c0, 0, nb);
        System.arraycopy(c, r1, c1, 0, nb);
        System.arraycopy(c, r2, c2, 0, nb);
        System.arraycopy(c, r3, c3, 0, nb);
        int p = 0;
        for (; p + 1 < kb; p += 2) {
            float a00 = alpha * elemA(transA, a, aOff, lda, i, pc + p), a01 = alpha * elemA(transA, a, aOff, lda, i, pc + p + 1);
            float a10 = alpha * elemA(transA, a, aOff, lda, i + 1, pc + p), a11 = alpha * elemA(transA, a, aOff, lda, i + 1, pc + p + 1);
            float a20 = alpha * elemA(transA, a, aOff, lda, i + 2, pc + p), a21 = alpha * elemA(transA, a, aOff, lda, i + 2, pc + p + 1);
            float a30 = alpha * elemA(transA, a, aOff, lda, i + 3, pc + p), a31 = alpha * elemA(transA, a, aOff, lda, i + 3, pc + p + 1);
            int b0 = p * nb, b1 = b0 + nb;
            for (int j = 0; j < nb; j++) {
                float x = bp[b0 + j], y = bp[b1 + j];
                c0[j] += a00 * x + a01 * y;
                c1[j] += a10 * x + a11 * y;
                c2[j] += a20 * x + a21 * y;
                c3[j] += a30 * x + a31 * y;
            }
        }
        if (p < kb) {
            float a00 = alpha * elemA(transA, a, aOff, lda, i, pc + p);
            float a10 = alpha * elemA(transA, a, aOff, lda, i + 1, pc + p);
            float a20 = alpha * elemA(transA, a, aOff, lda, i + 2, pc + p);
            float a30 = alpha * elemA(transA, a, aOff, lda, i + 3, pc + p);
            int b0 = p * nb;
            for (int j = 0; j < nb; j++) {
                float x = bp[b0 + j];
                c0[j] += a00 * x;
                c1[j] += a10 * x;
                c2[j] += a20 * x;
                c3[j] += a30 * x;
            }
        }
        System.arraycopy(c0, 0, c, r0, nb);
        System.arraycopy(c1, 0, c, r1, nb);
        System.arraycopy(c2, 0, c, r2, nb);
        System.arraycopy(c3, 0, c, r3, nb);
    }

    private static void row1(boolean transA, float alpha, float[] a, int aOff, int lda, int i, int pc, int kb,
                             float[] bp, int nb, float[] c0, float[] c, int cOff, int ldc) {
        int r0 = cOff + i * ldc;
        System.arraycopy(c, r0, c0, 0, nb);
        int p = 0;
        for (; p + 1 < kb; p += 2) {
            float a00 = alpha * elemA(transA, a, aOff, lda, i, pc + p), a01 = alpha * elemA(transA, a, aOff, lda, i, pc + p + 1);
            int b0 = p * nb, b1 = b0 + nb;
            for (int j = 0; j < nb; j++) c0[j] += a00 * bp[b0 + j] + a01 * bp[b1 + j];
        }
        if (p < kb) {
            float a00 = alpha * elemA(transA, a, aOff, lda, i, pc + p);
            int b0 = p * nb;
            for (int j = 0; j < nb; j++) c0[j] += a00 * bp[b0 + j];
        }
        System.arraycopy(c0, 0, c, r0, nb);
    }
}
