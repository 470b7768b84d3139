package org.ortho4j.vector;

import org.ortho4j.core.backend.Backend;
import org.ortho4j.core.backend.Parallel;

/**
 * The Vector API backend: GotoBLAS/BLIS-style cache-blocked GEMM whose micro-kernel keeps an
 * {@code MR x NR} tile of C in SIMD registers ({@code jdk.incubator.vector}, the platform's
 * preferred species), multi-threaded on ortho4j's pool ({@link Parallel}). See
 * {@code VectorDgemm} for the algorithm and {@link VectorTuning} for the block sizes.
 *
 * <p>Core loads this class reflectively ({@code Backends.byName("vector")}); the JVM must run with
 * {@code --add-modules jdk.incubator.vector}. Results are bit-for-bit identical for any thread
 * count. SYRK computes only the tiles touching the upper triangle (about half the work of the
 * default GEMM-then-mirror) and mirrors them.
 */
public final class VectorBackend implements Backend {
    /** The single instance (read reflectively by core's {@code Backends}). */
    public static final VectorBackend INSTANCE = new VectorBackend();

    private VectorBackend() {}

    @Override public String name() { return "vector"; }

    @Override public String describe() {
        return "Vector API " + VectorDgemm.S.vectorBitSize() + "-bit species, register tiles "
                + VectorDgemm.MR + "x" + VectorDgemm.NR + " double / " + VectorSgemm.MR + "x" + VectorSgemm.NR
                + " float, blocks KC=" + VectorTuning.KC + " MC=" + VectorTuning.MC + " NC=" + VectorTuning.NC
                + ", " + Parallel.threads() + " thread(s)";
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                      double beta, double[] c, int cOff, int ldc) {
        VectorDgemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        VectorSgemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void dsyrk(boolean trans, int n, int k, double alpha, double[] a, int aOff, int lda,
                      double beta, double[] c, int cOff, int ldc) {
        VectorDgemm.syrk(trans, n, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
    }

    @Override
    public void ssyrk(boolean trans, int n, int k, float alpha, float[] a, int aOff, int lda,
                      float beta, float[] c, int cOff, int ldc) {
        VectorSgemm.syrk(trans, n, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
    }
}
