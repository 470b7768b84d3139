package org.ortho4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ortho4j.core.backend.Backend;
import org.ortho4j.core.backend.JavaBackend;
import org.ortho4j.testkit.Ortho4jTest;

class GemmCaseTest extends Ortho4jTest {

    /**
     * A backend that multiplies correctly after a twist: {@code transposeB} computes A·Bᵀ, and
     * {@code scale} multiplies alpha by {@code 1 + scale}. Named {@code name} (so "native" can be
     * faked without a native library).
     */
    private static Backend twisted(String name, boolean transposeB, double scale) {
        Backend j = JavaBackend.INSTANCE;
        return new Backend() {
            @Override public String name() { return name; }
            @Override public String describe() { return "twisted java"; }
            @Override public void dgemm(boolean ta, boolean tb, int m, int n, int k, double alpha, double[] a, int aOff,
                                        int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
                j.dgemm(ta, tb ^ transposeB, m, n, k, alpha * (1 + scale), a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            }
            @Override public void sgemm(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff,
                                        int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
                j.sgemm(ta, tb ^ transposeB, m, n, k, (float) (alpha * (1 + scale)), a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            }
        };
    }

    /** Orders 1, 2, 3, primes and non-powers of two, both element types, 1 and 2 threads. */
    @ParameterizedTest
    @CsvSource({"double,1,1", "double,2,2", "double,3,1", "double,17,2", "double,100,1",
                "float,1,1", "float,2,1", "float,3,2", "float,31,1", "float,100,2"})
    void correctKernelPassesVerify(String dtype, int n, int threads) {
        GemmCase g = GemmCase.of("java", dtype, n, threads);
        Object c = g.run();
        assertEquals((long) n * n, dtype.equals("double") ? ((double[]) c).length : ((float[]) c).length);
        g.verify();   // must not throw
        assertSame(c, g.run(), "run() reuses C");
    }

    @ParameterizedTest
    @CsvSource({"double,2", "double,40", "float,2", "float,40"})
    void transposedProductFailsVerify(String dtype, int n) {
        GemmCase g = new GemmCase(twisted("java", true, 0), dtype, n, 1);
        g.run();
        IllegalStateException e = assertThrows(IllegalStateException.class, g::verify);
        assertTrue(e.getMessage().contains("exceeds bound") && e.getMessage().contains("n=" + n), e.getMessage());
    }

    /**
     * n = 64, entries uniform in [-1, 1): Σ|a||b| ≈ 16, so the bound 2·n·u·Σ|a||b| is about
     * 2.3e-13 in double and 1.2e-4 in float, while a relative error r in every entry of C (|c|
     * around 2.7 on average, largest of 16 samples well above 1) gives an error of about r. r =
     * 1e-9 (double) and 1e-2 (float) are far above the bounds and must be caught; r = 0 (the
     * correct kernel) is tested above.
     */
    @ParameterizedTest
    @CsvSource({"double,1e-9", "float,1e-2"})
    void slightlyWrongProductFailsVerify(String dtype, double relativeError) {
        GemmCase g = new GemmCase(twisted("java", false, relativeError), dtype, 64, 1);
        g.run();
        assertThrows(IllegalStateException.class, g::verify);
    }

    @Test
    void flopsIsTwoNCubed() {
        assertEquals(2.0 * 3 * 3 * 3, GemmCase.of("java", "double", 3, 1).flops());
        // 2·1291³ ≈ 4.3e9 overflows int: the count must be formed in floating point
        assertEquals(4_303_370_342.0, GemmCase.of("java", "float", 1291, 1).flops());
    }

    @Test
    void badArgumentsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GemmCase.of("java", "double", 0, 1))
                .getMessage().contains("n = 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GemmCase.of("java", "double", 4, 0))
                .getMessage().contains("threads = 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GemmCase.of("java", "half", 4, 1))
                .getMessage().contains("dtype = half"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GemmCase.of("cuda", "double", 4, 1))
                .getMessage().contains("cuda"));
    }

    /** Native refuses a thread count that OPENBLAS_NUM_THREADS does not set (faked backend name). */
    @Test
    void nativeNeedsMatchingOpenBlasThreads() {
        int threads = 987_654;   // no environment sets this
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new GemmCase(twisted("native", false, 0), "double", 4, threads));
        assertTrue(e.getMessage().contains("OPENBLAS_NUM_THREADS=" + threads), e.getMessage());
    }
}
