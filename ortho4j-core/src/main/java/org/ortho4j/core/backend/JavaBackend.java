package org.ortho4j.core.backend;

/**
 * The pure-Java backend: always available, needs no JVM flag or native library. GEMM is
 * cache-blocked, register-tiled and multi-threaded on ortho4j's pool ({@link JavaDgemm}).
 * It is also the reference every other backend is tested against.
 */
public final class JavaBackend implements Backend {
    /** The single instance. */
    public static final JavaBackend INSTANCE = new JavaBackend();

    private JavaBackend() {}

    @Override public String name() { return "java"; }

    @Override public String describe() {
        return "pure Java, cache-blocked, C2-vectorized, " + Tuning.THREADS + " thread(s)";
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                      double beta, double[] c, int cOff, int ldc) {
        JavaDgemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        JavaSgemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }
}
