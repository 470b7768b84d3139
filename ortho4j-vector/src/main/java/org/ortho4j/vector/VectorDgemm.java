package org.ortho4j.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.ortho4j.core.backend.GemmSupport;
import org.ortho4j.core.backend.JavaBackend;
import org.ortho4j.core.backend.Parallel;
import org.ortho4j.core.backend.SymmetricFill;

/**
 * Row-major double GEMM and SYRK on the Vector API, in the GotoBLAS/BLIS scheme (Goto and van de
 * Geijn, "Anatomy of high-performance matrix multiplication", ACM TOMS 34(3), 2008; Van Zee and
 * van de Geijn, "BLIS", ACM TOMS 41(3), 2015). The float twin {@code VectorSgemm} is generated
 * from this file by {@code ortho4j-vector/src/build/GenerateVectorTwins.java}.
 *
 * <p>Loop nest, outermost first, for {@code C = alpha * op(A) op(B) + beta * C}:
 * <ol>
 *   <li>{@code jc}: column blocks of width at most {@code NC} (a multiple of {@code NR}), split
 *       evenly so that no thin remainder block is left;</li>
 *   <li>{@code pc}: depth blocks of at most {@code KC}, split evenly likewise; the
 *       {@code KC x NC} panel of {@code op(B)} is packed once into {@code NR}-column micro-panels
 *       ({@code NR = NV * lanes}), each stored depth-major so the micro-kernel reads it
 *       contiguously, and shared read-only by all threads;</li>
 *   <li>parallel chunks: a block of at most {@code MC} rows of {@code op(A)} times a group of
 *       column micro-panels; the row block is packed into the running thread's buffer as
 *       {@code MR}-row micro-panels, stored depth-major;</li>
 *   <li>{@code jr} over column micro-panels, then {@code ir} over row micro-panels: the micro-kernel
 *       holds an {@code MR x NR} tile of C in {@code MR * NV} vector registers and performs
 *       {@code kc} rank-1 updates with {@code fma}, each one {@code NV} vector loads from the B
 *       micro-panel and {@code MR} scalar broadcasts from the A micro-panel, then writes the
 *       accumulators to a per-thread scratch tile.</li>
 * </ol>
 * Transposes cost only a different packing loop. Packing pads edge micro-panels with zeros, so the
 * micro-kernel always runs on a full tile. A full tile is merged from the scratch tile into C with
 * vector operations, an edge tile with scalar code that applies exactly the same operations, so
 * every element of C is computed the same way wherever it lies. Products with {@code m} or
 * {@code n} below {@link VectorTuning#SKINNY} are handed to the Java backend.
 *
 * <p>Scaling: on the first depth block each tile is stored as {@code fma(acc, alpha, beta * C)}
 * ({@code alpha * acc} when {@code beta == 0}, so C is never read and NaN in C does not
 * propagate), later depth blocks as {@code fma(acc, alpha, C)}. When {@code k == 0} or
 * {@code alpha == 0} only {@code C = beta * C} is applied, and A and B are not read.
 *
 * <p>Reproducibility: each element of C is accumulated by the same sequence of operations (depth
 * blocks in order, depth steps in order inside a block), and the chunking depends on the shape
 * only, so results are bit-for-bit identical for any thread count.
 *
 * <p>Memory: per thread a packed A block ({@code MC * KC} doubles) and a scratch tile; per calling
 * thread a packed B panel (at most {@code KC * NC} doubles). They are allocated on first use,
 * grown when a larger problem needs more, and reused afterwards.
 */
final class VectorDgemm {
    private VectorDgemm() {}

    /** The vector shape: the platform's preferred (widest efficient) species. */
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Lanes per vector. */
    static final int L = S.length();
    /** Rows of the register tile. */
    static final int MR = VectorTuning.MR;
    /** Columns of the register tile: {@code NV} vectors. */
    static final int NR = VectorTuning.NV * L;
    private static final int KC = VectorTuning.KC;
    private static final int MC = VectorTuning.MC;
    private static final int NC = VectorTuning.roundUp(VectorTuning.NC, NR);

    /** Per-thread packing buffers, grown on demand and reused. */
    private static final class Workspace {
        /** Packed block of op(A) for the chunks this thread runs. */
        double[] a = new double[0];
        /** Packed panel of op(B) for the products this thread calls. */
        double[] b = new double[0];
        /** Scratch tile for edge tiles. */
        final double[] tile = new double[MR * NR];
    }

    private static final ThreadLocal<Workspace> WORK = ThreadLocal.withInitial(Workspace::new);

    /**
     * {@code C = alpha * op(A) op(B) + beta * C}; see the class documentation. Products with
     * {@code m} or {@code n} below {@link VectorTuning#SKINNY} run on the Java backend.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double beta, double[] c, int cOff, int ldc) {
        if (Math.min(m, n) < VectorTuning.SKINNY) {
            JavaBackend.INSTANCE.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        multiply(false, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /**
     * Full symmetric {@code C = alpha * op(A) op(A)^T + beta * C} ({@code op(A) = A^T} when
     * {@code trans}): only tiles touching the upper triangle are computed (about half the
     * multiply-adds of a GEMM), then the lower triangle is mirrored from the upper one.
     */
    static void syrk(boolean trans, int n, int k, double alpha, double[] a, int aOff, int lda,
                     double beta, double[] c, int cOff, int ldc) {
        if (n == 0) return;
        multiply(true, trans, !trans, n, n, k, alpha, a, aOff, lda, a, aOff, lda, beta, c, cOff, ldc);
        SymmetricFill.mirrorLower(n, c, cOff, ldc);
    }

    /**
     * The blocked product; with {@code upper}, tiles lying entirely below the diagonal of C are
     * skipped (their content is left for the caller to overwrite).
     */
    private static void multiply(boolean upper, boolean transA, boolean transB, int m, int n, int k, double alpha,
                                 double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                                 double beta, double[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0) {
            GemmSupport.scaleC(m, n, beta, c, cOff, ldc);
            return;
        }
        int mc = Math.max(MR, Math.min(MC, VectorTuning.roundUp(ceilDiv(m, VectorTuning.MIN_CHUNKS), MR)));
        int rowBlocks = ceilDiv(m, mc);
        Workspace caller = WORK.get();
        // column and depth blocks of at most NC and KC, split evenly (no thin remainder block)
        int ncBlock = VectorTuning.roundUp(ceilDiv(n, ceilDiv(n, NC)), NR), kcBlock = ceilDiv(k, ceilDiv(k, KC));
        for (int jc = 0; jc < n; jc += ncBlock) {
            int nc = Math.min(ncBlock, n - jc);
            int panels = ceilDiv(nc, NR);
            int perGroup = ceilDiv(panels, Math.min(panels, ceilDiv(VectorTuning.MIN_CHUNKS, rowBlocks)));
            int groups = ceilDiv(panels, perGroup);
            for (int pc = 0; pc < k; pc += kcBlock) {
                int kc = Math.min(kcBlock, k - pc);
                if (caller.b.length < panels * NR * kc) caller.b = new double[panels * NR * KC];
                double[] bp = caller.b;
                packB(transB, b, bOff, ldb, pc, kc, jc, nc, bp);
                double betaPc = pc == 0 ? beta : 1;
                int fjc = jc, fpc = pc;
                Parallel.forEachChunk(rowBlocks * groups, (long) m * nc * kc, chunk -> {
                    int ic = chunk / groups * mc, q0 = chunk % groups * perGroup;
                    int lastCol = fjc + Math.min(nc, (q0 + perGroup) * NR) - 1;
                    if (upper && lastCol < ic) return; // the whole chunk lies below the diagonal
                    block(upper, transA, a, aOff, lda, ic, Math.min(mc, m - ic), fpc, kc, bp, q0,
                            Math.min(panels, q0 + perGroup), fjc, nc, alpha, betaPc, c, cOff, ldc);
                });
            }
        }
    }

    /** One parallel chunk: rows {@code ic..ic+mb} of C times column micro-panels {@code q0..q1} of the B panel. */
    private static void block(boolean upper, boolean transA, double[] a, int aOff, int lda, int ic, int mb, int pc, int kc,
                              double[] bp, int q0, int q1, int jc, int nc, double alpha, double beta,
                              double[] c, int cOff, int ldc) {
        Workspace ws = WORK.get();
        int need = VectorTuning.roundUp(mb, MR) * kc;
        if (ws.a.length < need) ws.a = new double[Math.max(need, MC * KC)];
        double[] ap = ws.a;
        packA(transA, a, aOff, lda, ic, mb, pc, kc, ap);
        for (int q = q0; q < q1; q++) {
            int j0 = q * NR, nr = Math.min(NR, nc - j0);
            for (int ir = 0; ir < mb; ir += MR) {
                int mr = Math.min(MR, mb - ir);
                if (upper && jc + j0 + nr - 1 < ic + ir) continue; // tile strictly below the diagonal
                kernel(kc, ap, ir * kc, bp, j0 * kc, ws.tile);
                int ci = cOff + (ic + ir) * ldc + jc + j0;
                if (mr == MR && nr == NR) store(ws.tile, alpha, beta, c, ci, ldc);
                else storeEdge(mr, nr, ws.tile, alpha, beta, c, ci, ldc);
            }
        }
    }

    /**
     * Packs rows {@code ic..ic+mb} and depth {@code pc..pc+kc} of op(A) as {@code MR}-row
     * micro-panels: element (r, p) of micro-panel t goes to {@code ap[t*MR*kc + p*MR + r]}; rows
     * past {@code mb} are zero.
     */
    private static void packA(boolean transA, double[] a, int aOff, int lda, int ic, int mb, int pc, int kc, double[] ap) {
        for (int ir = 0; ir < mb; ir += MR) {
            int base = ir * kc, rows = Math.min(MR, mb - ir);
            if (!transA) {
                // op(A)[i][p] = A[i][p]: read each row contiguously, write with stride MR
                for (int r = 0; r < MR; r++) {
                    if (r < rows) {
                        int src = aOff + (ic + ir + r) * lda + pc;
                        for (int p = 0; p < kc; p++) ap[base + p * MR + r] = a[src + p];
                    } else {
                        for (int p = 0; p < kc; p++) ap[base + p * MR + r] = 0;
                    }
                }
            } else {
                // op(A)[i][p] = A[p][i]: MR consecutive elements of row p of A per depth step
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (pc + p) * lda + ic + ir, dst = base + p * MR;
                    System.arraycopy(a, src, ap, dst, rows);
                    for (int r = rows; r < MR; r++) ap[dst + r] = 0;
                }
            }
        }
    }

    /**
     * Packs depth {@code pc..pc+kc} and columns {@code jc..jc+nc} of op(B) as {@code NR}-column
     * micro-panels: element (p, j) of micro-panel t goes to {@code bp[t*NR*kc + p*NR + j]};
     * columns past {@code nc} are zero.
     */
    private static void packB(boolean transB, double[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, double[] bp) {
        for (int j0 = 0; j0 < nc; j0 += NR) {
            int base = j0 * kc, cols = Math.min(NR, nc - j0);
            if (!transB) {
                // op(B)[p][j] = B[p][j]: NR consecutive elements of row p of B per depth step
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (pc + p) * ldb + jc + j0, dst = base + p * NR;
                    System.arraycopy(b, src, bp, dst, cols);
                    for (int j = cols; j < NR; j++) bp[dst + j] = 0;
                }
            } else {
                // op(B)[p][j] = B[j][p]: read each row of B contiguously, write with stride NR
                for (int j = 0; j < NR; j++) {
                    if (j < cols) {
                        int src = bOff + (jc + j0 + j) * ldb + pc;
                        for (int p = 0; p < kc; p++) bp[base + p * NR + j] = b[src + p];
                    } else {
                        for (int p = 0; p < kc; p++) bp[base + p * NR + j] = 0;
                    }
                }
            }
        }
    }

    /**
     * The register-blocked micro-kernel: {@code tile = sum_p ap[p][0..MR) (outer) bp[p][0..NR)}
     * over {@code kc} depth steps ({@code tile} is {@code MR x NR} row-major). 24 accumulators,
     * 3 B vectors and one broadcast fit the 32 vector registers of AVX-512. The accumulators are
     * written to the scratch tile rather than merged into C here: that keeps this method small
     * enough for C2 to inline every Vector API call (otherwise the accumulators are boxed on
     * every iteration), and lets full and edge tiles share it.
     */
    private static void kernel(int kc, double[] ap, int ai, double[] bp, int bi, double[] tile) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
        DoubleVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
        DoubleVector c40 = c00, c41 = c00, c42 = c00, c50 = c00, c51 = c00, c52 = c00;
        DoubleVector c60 = c00, c61 = c00, c62 = c00, c70 = c00, c71 = c00, c72 = c00;
        for (int p = 0, ao = ai, bo = bi; p < kc; p++, ao += MR, bo += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bo + L);
            DoubleVector b2 = DoubleVector.fromArray(S, bp, bo + 2 * L);
            DoubleVector x = DoubleVector.broadcast(S, ap[ao]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02);
            x = DoubleVector.broadcast(S, ap[ao + 1]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11); c12 = x.fma(b2, c12);
            x = DoubleVector.broadcast(S, ap[ao + 2]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21); c22 = x.fma(b2, c22);
            x = DoubleVector.broadcast(S, ap[ao + 3]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31); c32 = x.fma(b2, c32);
            x = DoubleVector.broadcast(S, ap[ao + 4]);
            c40 = x.fma(b0, c40); c41 = x.fma(b1, c41); c42 = x.fma(b2, c42);
            x = DoubleVector.broadcast(S, ap[ao + 5]);
            c50 = x.fma(b0, c50); c51 = x.fma(b1, c51); c52 = x.fma(b2, c52);
            x = DoubleVector.broadcast(S, ap[ao + 6]);
            c60 = x.fma(b0, c60); c61 = x.fma(b1, c61); c62 = x.fma(b2, c62);
            x = DoubleVector.broadcast(S, ap[ao + 7]);
            c70 = x.fma(b0, c70); c71 = x.fma(b1, c71); c72 = x.fma(b2, c72);
        }
        c00.intoArray(tile, 0); c01.intoArray(tile, L); c02.intoArray(tile, 2 * L);
        c10.intoArray(tile, NR); c11.intoArray(tile, NR + L); c12.intoArray(tile, NR + 2 * L);
        c20.intoArray(tile, 2 * NR); c21.intoArray(tile, 2 * NR + L); c22.intoArray(tile, 2 * NR + 2 * L);
        c30.intoArray(tile, 3 * NR); c31.intoArray(tile, 3 * NR + L); c32.intoArray(tile, 3 * NR + 2 * L);
        c40.intoArray(tile, 4 * NR); c41.intoArray(tile, 4 * NR + L); c42.intoArray(tile, 4 * NR + 2 * L);
        c50.intoArray(tile, 5 * NR); c51.intoArray(tile, 5 * NR + L); c52.intoArray(tile, 5 * NR + 2 * L);
        c60.intoArray(tile, 6 * NR); c61.intoArray(tile, 6 * NR + L); c62.intoArray(tile, 6 * NR + 2 * L);
        c70.intoArray(tile, 7 * NR); c71.intoArray(tile, 7 * NR + L); c72.intoArray(tile, 7 * NR + 2 * L);
    }

    /**
     * Merges a full {@code MR x NR} tile of accumulators into C at {@code c[ci + r*ldc + j]}:
     * {@code acc * alpha} when {@code beta == 0} (C is not read), {@code fma(acc, alpha, c)} when
     * {@code beta == 1}, {@code fma(acc, alpha, c * beta)} otherwise. {@link #storeEdge} is the
     * scalar image of this, operation for operation.
     */
    private static void store(double[] tile, double alpha, double beta, double[] c, int ci, int ldc) {
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        for (int r = 0; r < MR; r++) {
            for (int j = 0; j < NR; j += L) {
                DoubleVector acc = DoubleVector.fromArray(S, tile, r * NR + j);
                int idx = ci + r * ldc + j;
                if (beta == 0) {
                    acc.mul(va).intoArray(c, idx);
                } else if (beta == 1) {
                    acc.fma(va, DoubleVector.fromArray(S, c, idx)).intoArray(c, idx);
                } else {
                    acc.fma(va, DoubleVector.fromArray(S, c, idx).mul(beta)).intoArray(c, idx);
                }
            }
        }
    }

    /** Merges the top-left {@code mr x nr} of an edge tile into C exactly as {@link #store} would. */
    private static void storeEdge(int mr, int nr, double[] tile, double alpha, double beta, double[] c, int ci, int ldc) {
        for (int r = 0; r < mr; r++) {
            for (int j = 0; j < nr; j++) {
                double acc = tile[r * NR + j];
                int idx = ci + r * ldc + j;
                c[idx] = beta == 0 ? acc * alpha : Math.fma(acc, alpha, beta == 1 ? c[idx] : c[idx] * beta);
            }
        }
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }
}
