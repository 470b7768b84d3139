package org.ortho4j.core.backend;

/**
 * Pure-Java row-major double GEMM: cache-blocked and multi-threaded over rows of C. The float twin
 * {@link JavaSgemm} is generated from this file by {@code ortho4j-core/src/build/GenerateFloatTwins.java}.
 *
 * <p>Scheme: for each {@code NC}-wide column block and {@code KC}-deep slice of {@code op(B)}, the
 * slice is packed into {@code KC} separate row arrays (about 512 KB in double: it stays in L2).
 * Each row of C is then loaded into an accumulator row (L1) and updated four depth steps at a time,
 * {@code acc[j] += a0*b0[j] + a1*b1[j] + a2*b2[j] + a3*b3[j]}. Every array in that loop is indexed
 * by the bare loop variable, which is what lets HotSpot C2 (JDK 17) compile it to packed SIMD FMA;
 * a single packed buffer indexed with different offsets, or several output rows updated in one
 * loop, defeats its vectorizer (measured: 9 vs 21 GFLOP/s per core in double).
 *
 * <p>Each element of C is always computed by the same sequence of operations, whatever the number
 * of threads, so the result is bit-for-bit reproducible across thread counts.
 */
final class JavaDgemm {
    private JavaDgemm() {}

    private static final int KC = Tuning.JAVA_GEMM_KC;
    private static final int NC = Tuning.JAVA_GEMM_NC;
    /** Rows of C handed to one task at a time. */
    private static final int ROWS_PER_CHUNK = 16;

    private static final ThreadLocal<double[][]> PACK = ThreadLocal.withInitial(() -> new double[KC][NC]);
    private static final ThreadLocal<double[]> ACC = ThreadLocal.withInitial(() -> new double[NC]);

    static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double beta, double[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) return;
        GemmSupport.scaleC(m, n, beta, c, cOff, ldc);
        if (k == 0 || alpha == 0) return;
        if (n == 1) {                   // a matrix-vector product: the row kernel would run on 1-wide rows
            matVec(transA, transB, m, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
            return;
        }
        double[][] bp = PACK.get();
        int chunks = (m + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK;
        for (int jc = 0; jc < n; jc += NC) {
            int nb = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kb = Math.min(KC, k - pc);
                packB(transB, b, bOff, ldb, pc, kb, jc, nb, bp);
                final int fjc = jc, fpc = pc;
                Parallel.forEachChunk(chunks, (long) m * nb * kb, chunk -> {
                    double[] acc = ACC.get();
                    for (int i = chunk * ROWS_PER_CHUNK, i1 = Math.min(m, i + ROWS_PER_CHUNK); i < i1; i++)
                        row(transA, alpha, a, aOff, lda, i, fpc, kb, bp, nb, acc, c, cOff + i * ldc + fjc);
                });
            }
        }
    }

    /** {@code C[:, 0] += alpha * op(A) op(B)[:, 0]}: one dot product per row of C, sequential. */
    private static void matVec(boolean transA, boolean transB, int m, int k, double alpha, double[] a, int aOff, int lda,
                               double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        int bStep = transB ? 1 : ldb;   // op(B)[p][0] = B[0][p] (transposed) or B[p][0]
        for (int i = 0; i < m; i++) {
            double s = 0;
            if (transA) for (int p = 0; p < k; p++) s += a[aOff + p * lda + i] * b[bOff + p * bStep];
            else for (int p = 0, r = aOff + i * lda; p < k; p++) s += a[r + p] * b[bOff + p * bStep];
            c[cOff + i * ldc] += alpha * s;
        }
    }

    /** Packs rows {@code pc..pc+kb} and columns {@code jc..jc+nb} of op(B) into rows {@code bp[0..kb)}. */
    private static void packB(boolean transB, double[] b, int bOff, int ldb, int pc, int kb, int jc, int nb, double[][] bp) {
        if (!transB) {
            for (int p = 0; p < kb; p++) System.arraycopy(b, bOff + (pc + p) * ldb + jc, bp[p], 0, nb);
        } else {
            // op(B)[p][j] = B[j][p]: walk B row by row (contiguous reads), scatter into columns
            for (int j = 0; j < nb; j++) {
                int src = bOff + (jc + j) * ldb + pc;
                for (int p = 0; p < kb; p++) bp[p][j] = b[src + p];
            }
        }
    }

    /** {@code C[i, jc:jc+nb] += alpha * op(A)[i, pc:pc+kb] * Bpacked}; {@code cRow} indexes C[i, jc]. */
    private static void row(boolean transA, double alpha, double[] a, int aOff, int lda, int i, int pc, int kb,
                            double[][] bp, int nb, double[] acc, double[] c, int cRow) {
        // op(A)[i][p] sits at aBase + p * aStep
        int aBase = transA ? aOff + pc * lda + i : aOff + i * lda + pc;
        int aStep = transA ? lda : 1;
        System.arraycopy(c, cRow, acc, 0, nb);
        int p = 0;
        for (; p + 3 < kb; p += 4) {
            double a0 = alpha * a[aBase + p * aStep], a1 = alpha * a[aBase + (p + 1) * aStep];
            double a2 = alpha * a[aBase + (p + 2) * aStep], a3 = alpha * a[aBase + (p + 3) * aStep];
            axpy4(acc, bp[p], bp[p + 1], bp[p + 2], bp[p + 3], nb, a0, a1, a2, a3);
        }
        for (; p < kb; p++) axpy1(acc, bp[p], nb, alpha * a[aBase + p * aStep]);
        System.arraycopy(acc, 0, c, cRow, nb);
    }

    private static void axpy4(double[] acc, double[] b0, double[] b1, double[] b2, double[] b3, int nb,
                              double a0, double a1, double a2, double a3) {
        for (int j = 0; j < nb; j++) acc[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
    }

    private static void axpy1(double[] acc, double[] b0, int nb, double a0) {
        for (int j = 0; j < nb; j++) acc[j] += a0 * b0[j];
    }
}
