package org.ortho4j.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.backend.Backends;
import org.ortho4j.core.backend.JavaBackend;
import org.ortho4j.core.backend.Parallel;
import org.ortho4j.core.backend.Tuning;
import org.ortho4j.testkit.GemmConformance;
import org.ortho4j.testkit.Ortho4jTest;
import org.ortho4j.testkit.TestArrays;

/**
 * The Vector API backend against the Java backend through {@link GemmConformance} (tolerance
 * {@code (k + 2) eps (|alpha| |A||B| + |beta C0|)}, justified there), on the default grid plus
 * shapes that straddle this backend's register tile (MR x NR), depth block KC, row block MC and
 * column block NC, in both precisions; and bit-for-bit reproducibility across thread counts.
 */
class VectorBackendTest extends Ortho4jTest {
    private static final VectorBackend V = VectorBackend.INSTANCE;
    private static final JavaBackend J = JavaBackend.INSTANCE;

    /** Shapes {m, n, k} on and around the block sizes for a register tile of {@code mr x nr}. */
    private static int[][] blockShapes(int mr, int nr, int nc) {
        int kc = VectorTuning.KC, mc = VectorTuning.MC;
        return new int[][] {
            {mr, nr, kc}, {mr - 1, nr - 1, kc - 1}, {mr + 1, nr + 1, kc + 1},
            {2 * mr + 1, 2 * nr - 1, 2 * kc + 3},
            {mc + mr + 1, nr + 5, 17},               // two row blocks, the second a partial one
            {8 * mc + 11, 30, 11},                   // many full MC row blocks
            {9, nc + 5, 3},                          // two column blocks of the shared B panel
            {150, 4 * nr + 3, 2 * kc + 1},
        };
    }

    @Test
    void dgemmMatchesJavaBackend() {
        GemmConformance.checkDgemm("vector", V::dgemm, J::dgemm, rng(),
                blockShapes(VectorDgemm.MR, VectorDgemm.NR, VectorTuning.roundUp(VectorTuning.NC, VectorDgemm.NR)));
    }

    @Test
    void sgemmMatchesJavaBackend() {
        GemmConformance.checkSgemm("vector", V::sgemm, J::sgemm, rng(),
                blockShapes(VectorSgemm.MR, VectorSgemm.NR, VectorTuning.roundUp(VectorTuning.NC, VectorSgemm.NR)));
    }

    @Test
    void dsyrkMatchesJavaGemmAndIsExactlySymmetric() {
        int kc = VectorTuning.KC, nr = VectorDgemm.NR;
        GemmConformance.checkDsyrk("vector", V::dsyrk, J::dgemm, rng(), new int[] {nr + 1, kc + 1}, new int[] {3 * nr + 5, 2 * kc + 1});
    }

    @Test
    void ssyrkMatchesJavaGemmAndIsExactlySymmetric() {
        int kc = VectorTuning.KC, nr = VectorSgemm.NR;
        GemmConformance.checkSsyrk("vector", V::ssyrk, J::sgemm, rng(), new int[] {nr + 1, kc + 1}, new int[] {3 * nr + 5, 2 * kc + 1});
    }

    /**
     * The product is split into chunks that depend on the shape only, and every element of C is
     * accumulated in the same order whatever thread runs it, so 1 and 2 threads agree bit for bit.
     * The shapes exceed {@link Tuning#PARALLEL_FLOPS} so the 2-thread run is really parallel.
     */
    @Test
    void resultsAreBitwiseIdenticalForAnyThreadCount() {
        int m = 301, n = 257, k = 2 * VectorTuning.KC + 7;
        assertTrue((long) m * n * k >= Tuning.PARALLEL_FLOPS, "shape too small to run in parallel");
        for (int t = 0; t < 4; t++) {
            boolean transA = (t & 1) != 0, transB = (t & 2) != 0;
            double[] a = uniform(m * k), b = uniform(k * n), c0 = uniform(m * n);
            float[] fa = TestArrays.toFloat(a), fb = TestArrays.toFloat(b), fc0 = TestArrays.toFloat(c0);
            double[][] d = new double[2][];
            float[][] f = new float[2][];
            double[][] s = new double[2][];
            for (int threads = 1; threads <= 2; threads++) {
                int prev = Parallel.setThreads(threads);
                try {
                    double[] c = c0.clone();
                    V.dgemm(transA, transB, m, n, k, 1.5, a, 0, transA ? m : k, b, 0, transB ? k : n, -0.25, c, 0, n);
                    d[threads - 1] = c;
                    float[] fc = fc0.clone();
                    V.sgemm(transA, transB, m, n, k, 1.5f, fa, 0, transA ? m : k, fb, 0, transB ? k : n, -0.25f, fc, 0, n);
                    f[threads - 1] = fc;
                    double[] sc = new double[m * m];
                    V.dsyrk(transA, m, k, 1, a, 0, transA ? m : k, 0, sc, 0, m);
                    s[threads - 1] = sc;
                } finally {
                    Parallel.setThreads(prev);
                }
            }
            assertArrayEquals(d[0], d[1], 0, "dgemm 1 vs 2 threads, transA=" + transA + ", transB=" + transB);
            assertArrayEquals(f[0], f[1], 0, "sgemm 1 vs 2 threads, transA=" + transA + ", transB=" + transB);
            assertArrayEquals(s[0], s[1], 0, "dsyrk 1 vs 2 threads, trans=" + transA);
        }
    }

    /** BLAS semantics: with {@code alpha == 0} neither A nor B is read (NaN there does not matter). */
    @Test
    void alphaZeroDoesNotReadAOrB() {
        int m = 40, n = 50, k = 30;
        double[] a = new double[m * k], b = new double[k * n], c = uniform(m * n);
        Arrays.fill(a, Double.NaN);
        Arrays.fill(b, Double.NaN);
        double[] expected = c.clone();
        for (int i = 0; i < expected.length; i++) expected[i] *= 3;
        V.dgemm(false, false, m, n, k, 0, a, 0, k, b, 0, n, 3, c, 0, n);
        assertArrayEquals(expected, c, 0); // beta * C is one correctly rounded multiply
    }

    @Test
    void isLoadedByCoreAsTheVectorBackend() {
        assertSame(V, Backends.byName("vector"));
        assertEquals("vector", V.name());
        assertTrue(V.describe().contains(VectorDgemm.S.vectorBitSize() + "-bit"), V.describe());
        assertTrue(Backends.available().contains("vector"), Backends.available().toString());
    }

    private double[] uniform(int count) { return TestArrays.uniform(rng(), count); }
}
