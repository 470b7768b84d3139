package org.ortho4j.core.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ortho4j.testkit.GemmConformance;
import org.ortho4j.testkit.Ortho4jTest;
import org.ortho4j.testkit.TestArrays;

/**
 * Core's backends: the Java backend against a naive triple loop, the native backend against the
 * Java backend (skipped where no native BLAS loads), SYRK for both {@code trans} values, bit-for-bit
 * reproducibility of the Java backend across thread counts, and {@link Backends}' selection and
 * error messages. Tolerances come from {@link GemmConformance}: {@code (k + 2) eps (|alpha| |A||B|
 * + |beta C0|)} elementwise, the standard bound for dot products of length k (justified there).
 */
class BackendConformanceTest extends Ortho4jTest {
    private static final JavaBackend J = JavaBackend.INSTANCE;

    // ------------------------------------------------------------ numerics

    @Test
    void javaDgemmMatchesNaiveTripleLoop() {
        GemmConformance.checkDgemm("java", J::dgemm, BackendConformanceTest::naiveDgemm, rng(), javaBlockShapes());
    }

    @Test
    void javaSgemmMatchesNaiveTripleLoop() {
        GemmConformance.checkSgemm("java", J::sgemm, BackendConformanceTest::naiveSgemm, rng(), javaBlockShapes());
    }

    @Test
    void javaSyrkBothSidesMatchesNaiveTripleLoop() {
        int[] deep = {Tuning.JAVA_GEMM_NC + 3, Tuning.JAVA_GEMM_KC + 5};
        GemmConformance.checkDsyrk("java", J::dsyrk, BackendConformanceTest::naiveDgemm, rng(), deep);
        GemmConformance.checkSsyrk("java", J::ssyrk, BackendConformanceTest::naiveSgemm, rng(), deep);
    }

    /**
     * Native against Java on the whole grid, in particular the row-major to column-major mapping
     * of transposes and triangles; empty depth and short SYRK views are pinned by the tests below.
     */
    @Test
    void nativeMatchesJavaBackend() {
        Backend nat = nativeOrSkip();
        GemmConformance.checkDgemm("native", nat::dgemm, J::dgemm, rng());
        GemmConformance.checkSgemm("native", nat::sgemm, J::sgemm, rng());
        GemmConformance.checkDsyrk("native", nat::dsyrk, J::dgemm, rng());
        GemmConformance.checkSsyrk("native", nat::ssyrk, J::sgemm, rng());
    }

    /**
     * {@code k == 0} means {@code C = beta * C}. netlib's argument checks reject the empty A and B
     * arrays, so NativeBackend handles {@code k == 0 || alpha == 0} in Java. Blas never routes such
     * calls to a backend (0 multiply-adds is below SMALL_FLOPS), but the Backend contract covers them.
     */
    @Test
    void nativeHandlesEmptyDepth() {
        Backend nat = nativeOrSkip();
        double[] c = {1, 2, 3, 4, 5, 6};
        nat.dgemm(false, false, 3, 2, 0, 1, new double[0], 0, 1, new double[0], 0, 2, -2, c, 0, 2);
        assertArrayEquals(new double[] {-2, -4, -6, -8, -10, -12}, c, 0);
        double[] s = {1, 2, 2, 5};
        nat.dsyrk(false, 2, 0, 1, new double[0], 0, 1, 0.5, s, 0, 2);
        assertArrayEquals(new double[] {0.5, 1, 1, 2.5}, s, 0);
    }

    /**
     * A view whose last row ends before {@code offset + rows * ld} (e.g. the bottom-left block of
     * a matrix) is legal, but netlib's SYRK checks demand {@code offset + rows * ld} elements
     * ({@code checkIndex(offset + n * ld - 1, length)} in column-major terms, for A and C; its GEMM
     * checks are exact) and throw IndexOutOfBoundsException. Fix: in NativeBackend's dsyrk/ssyrk,
     * copy such an operand to a buffer of that length, or fall back to the default SYRK.
     */
    @Test
    void nativeSyrkAcceptsViewsEndingInsideTheirLastRow() {
        Backend nat = nativeOrSkip();
        // A = [[1, 2], [3, 4]] stored with ld 3: 5 elements, the padding of the last row absent
        double[] a = {1, 2, -1, 3, 4}, c = new double[4];
        nat.dsyrk(false, 2, 2, 1, a, 0, 3, 0, c, 0, 2);
        assertArrayEquals(new double[] {5, 11, 11, 25}, c, 0);
    }

    /**
     * The Java backend's chunks depend on the shape only and each element of C is accumulated in
     * the same order on any thread, so 1 and 2 threads agree bit for bit. The shape exceeds
     * {@link Tuning#PARALLEL_FLOPS} and spans several row chunks, so 2 threads really split it.
     */
    @Test
    void javaBackendIsBitwiseReproducibleAcrossThreadCounts() {
        Assumptions.assumeTrue(Tuning.THREADS >= 2, "needs a pool of at least 2 threads (ortho4j.threads)");
        int m = 301, n = Tuning.JAVA_GEMM_NC + 13, k = Tuning.JAVA_GEMM_KC + 29;
        assertTrue((long) m * Tuning.JAVA_GEMM_NC * Tuning.JAVA_GEMM_KC >= Tuning.PARALLEL_FLOPS);
        for (int t = 0; t < 4; t++) {
            boolean transA = (t & 1) != 0, transB = (t & 2) != 0;
            double[] a = uniform(m * k), b = uniform(k * n), c0 = uniform(m * n);
            float[] fa = TestArrays.toFloat(a), fb = TestArrays.toFloat(b), fc0 = TestArrays.toFloat(c0);
            List<double[]> d = new ArrayList<>(), s = new ArrayList<>();
            List<float[]> f = new ArrayList<>();
            for (int threads = 1; threads <= 2; threads++) {
                int prev = Parallel.setThreads(threads);
                try {
                    double[] c = c0.clone();
                    J.dgemm(transA, transB, m, n, k, 1.5, a, 0, transA ? m : k, b, 0, transB ? k : n, -0.25, c, 0, n);
                    d.add(c);
                    float[] fc = fc0.clone();
                    J.sgemm(transA, transB, m, n, k, 1.5f, fa, 0, transA ? m : k, fb, 0, transB ? k : n, -0.25f, fc, 0, n);
                    f.add(fc);
                    double[] sc = new double[m * m];
                    J.dsyrk(transA, m, k, 1, a, 0, transA ? m : k, 0, sc, 0, m);
                    s.add(sc);
                } finally {
                    Parallel.setThreads(prev);
                }
            }
            assertArrayEquals(d.get(0), d.get(1), 0, "dgemm 1 vs 2 threads, transA=" + transA + ", transB=" + transB);
            assertArrayEquals(f.get(0), f.get(1), 0, "sgemm 1 vs 2 threads, transA=" + transA + ", transB=" + transB);
            assertArrayEquals(s.get(0), s.get(1), 0, "dsyrk 1 vs 2 threads, trans=" + transA);
        }
    }

    @Test
    void setThreadsRejectsNonPositiveCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
        assertEquals("threads = 0, expected >= 1", e.getMessage());
    }

    // ------------------------------------------------------------ selection

    @Test
    void byNameIsCaseInsensitiveAndJavaAlwaysLoads() {
        assertSame(J, Backends.byName("java"));
        assertSame(J, Backends.byName("JAVA"));
        assertEquals("java", J.name());
        assertTrue(J.describe().startsWith("pure Java"), J.describe());
    }

    @Test
    void byNameRejectsUnknownNamesNamingTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.byName("cuda"));
        assertEquals("backend = cuda, expected java, vector or native", e.getMessage());
    }

    /** Core's tests do not have module ortho4j-vector on the class path, so loading it must explain why. */
    @Test
    void byNameVectorExplainsWhyItIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Backends.byName("vector"));
        assertTrue(e.getMessage().startsWith("vector backend not available: "), e.getMessage());
        assertTrue(e.getMessage().contains("ortho4j-vector") || e.getMessage().contains("--add-modules"), e.getMessage());
    }

    @Test
    void availableListsLoadableBackendsInPreferenceOrder() {
        List<String> expected = new ArrayList<>();
        if (nativeLoads()) expected.add("native");
        expected.add("java");
        assertEquals(expected, Backends.available());
    }

    /** Without forcing, the first loadable of native, vector, java wins, and the log says why. */
    @Test
    void activeIsTheFirstLoadableBackendAndTheLogSaysWhy() {
        Assumptions.assumeTrue(System.getProperty(Backends.PROPERTY) == null, "backend forced for this run");
        List<String> log = Backends.log();
        if (nativeLoads()) {
            assertEquals("native", Backends.active().name());
            assertTrue(log.get(0).startsWith("native: loaded, "), log.toString());
        } else {
            assertSame(J, Backends.active());
            assertTrue(log.get(0).startsWith("native: skipped, native BLAS not available"), log.toString());
            assertTrue(log.get(1).startsWith("vector: skipped, vector backend not available"), log.toString());
            assertEquals("java: fallback, " + J.describe(), log.get(2));
        }
    }

    @Test
    void forcingJavaIsObeyedAndLogged() throws Exception {
        List<String> out = probe("java");
        assertTrue(out.contains("active=java"), out.toString());
        assertTrue(out.contains("log=java: forced by -D" + Backends.PROPERTY + "=java"), out.toString());
    }

    /** A forced backend that cannot load fails class initialisation with the reason, never falls back. */
    @Test
    void forcingAnUnavailableBackendFailsWithTheReason() throws Exception {
        List<String> out = probe("vector");
        assertFalse(out.stream().anyMatch(l -> l.startsWith("active=")), out.toString());
        assertTrue(out.get(0).startsWith("error=java.lang.ExceptionInInitializerError"), out.toString());
        assertTrue(out.stream().anyMatch(l -> l.startsWith("error=java.lang.IllegalStateException: vector backend not available: ")),
                out.toString());
    }

    @Test
    void forcingAnUnknownNameFailsNamingTheProperty() throws Exception {
        List<String> out = probe("gpu");
        assertTrue(out.contains("error=java.lang.IllegalArgumentException: backend = gpu, expected java, vector or native"), out.toString());
    }

    // ------------------------------------------------------------ helpers

    /** Extra shapes straddling the Java GEMM's column block NC and depth block KC. */
    private static int[][] javaBlockShapes() {
        int nc = Tuning.JAVA_GEMM_NC, kc = Tuning.JAVA_GEMM_KC;
        return new int[][] {{9, nc + 1, kc + 1}, {11, 2 * nc + 5, 3}, {33, 17, 2 * kc + 7}};
    }

    private static boolean nativeLoads() {
        try {
            NativeBackend.load();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static Backend nativeOrSkip() {
        Assumptions.assumeTrue(nativeLoads(), "no native BLAS on this machine");
        return NativeBackend.load();
    }

    /** Runs {@link BackendsProbe} in a fresh JVM with {@code -Dorg.ortho4j.backend=forced}; returns its output lines. */
    private static List<String> probe(String forced) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", cp, "--add-modules=jdk.incubator.vector",
                "-D" + Backends.PROPERTY + "=" + forced));
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) cmd.add("-Djava.util.logging.config.file=" + logging);
        cmd.add(BackendsProbe.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe JVM did not finish");
        List<String> lines = new ArrayList<>();
        for (String l : new String(bytes, StandardCharsets.UTF_8).split("\\R"))
            if (!l.startsWith("WARNING: Using incubator modules")) lines.add(l);
        return lines;
    }

    /** {@code C = alpha op(A) op(B) + beta C}, one dot product per element, accumulated in double. */
    static void naiveDgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                           double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                           double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++)
                    s += (transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p]) * (transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j]);
                int idx = cOff + i * ldc + j;
                c[idx] = alpha * s + (beta == 0 ? 0 : beta * c[idx]);
            }
    }

    /** Float {@link #naiveDgemm}: accumulated in double and rounded once (well inside the float bound). */
    static void naiveSgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                           float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                           float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++)
                    s += (double) (transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p]) * (transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j]);
                int idx = cOff + i * ldc + j;
                c[idx] = (float) (alpha * s + (beta == 0 ? 0 : (double) beta * c[idx]));
            }
    }

    private double[] uniform(int count) { return TestArrays.uniform(rng(), count); }
}
