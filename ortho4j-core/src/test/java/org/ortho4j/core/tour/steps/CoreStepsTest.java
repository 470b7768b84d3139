package org.ortho4j.core.tour.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.tour.TourCheck;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;
import org.ortho4j.core.backend.Backend;
import org.ortho4j.core.backend.JavaBackend;
import org.ortho4j.testkit.Ortho4jTest;

class CoreStepsTest extends Ortho4jTest {

    /** Pure Java only (the tests must pass without a native BLAS): every check of every core step passes. */
    @Test
    void everyCoreStepPassesOnTheJavaBackendAlone() throws Exception {
        List<String> log = new ArrayList<>();
        TourContext ctx = new TourContext(true, seed, List.of("java"), log::add);
        for (TourStep step : List.of(new GemmStep(), new SyrkStep(), new BackendConformanceStep(), new DeterminismStep())) {
            TourResult r = step.run(ctx);
            assertTrue(r.checks().size() >= 3, step.capability() + ": " + r.checks());
            for (TourCheck c : r.checks()) {
                assertTrue(c.passed(), c.toString());
                assertEquals(step.capability(), c.capability());
            }
        }
        assertTrue(log.contains("syrk [java] done"), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.matches("gemm n=512 \\[java\\]: \\d+\\.\\d\\d GFLOP/s")), log.toString());
    }

    /** 2x3 times 3x2 in integers: the naive reference and the bound are exact. */
    @Test
    void referenceIsTheTextbookProduct() {
        GemmCase c = GemmCase.gemm(false, false, 2, 2, 3, 2, -1, seed);
        GemmCase.Reference ref = c.reference();
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) {
                double s = 0, t = 0;
                for (int p = 0; p < 3; p++) {
                    s += c.a[i * 3 + p] * c.b[p * 2 + j];
                    t += Math.abs(c.a[i * 3 + p] * c.b[p * 2 + j]);
                }
                assertEquals(2 * s - c.c0[i * 2 + j], ref.value()[i * 2 + j], 1e-15 * (2 * t + Math.abs(c.c0[i * 2 + j])));
                assertEquals(2 * t + Math.abs(c.c0[i * 2 + j]), ref.bound()[i * 2 + j], 1e-15 * ref.bound()[i * 2 + j]);
            }
    }

    /**
     * Every transpose combination on a size grid with empty, unit and odd shapes: the Java backend
     * agrees with the reference within the rigorous bound 2 gamma_{k+2}, in double and float.
     */
    @Test
    void javaBackendMeetsTheBoundOnEveryShape() {
        Backend java = JavaBackend.INSTANCE;
        int[][] shapes = {{0, 3, 2}, {2, 0, 3}, {3, 2, 0}, {1, 1, 1}, {2, 3, 5}, {7, 1, 13}, {1, 9, 4}, {17, 11, 31}};
        for (int[] s : shapes)
            for (int v = 0; v < 4; v++) {
                GemmCase c = GemmCase.gemm((v & 1) != 0, (v & 2) != 0, s[0], s[1], s[2], 0.75, -0.5, seed + v);
                GemmCase.Reference ref = c.reference();
                String what = "m,n,k=" + s[0] + "," + s[1] + "," + s[2] + " variant " + v;
                assertTrue(ref.errorOf(c.run(java)) <= GemmCase.tolerance(s[2], GemmCase.U_DOUBLE), what);
                assertTrue(ref.errorOf(c.runFloat(java)) <= GemmCase.tolerance(s[2], GemmCase.U_FLOAT), what);
            }
    }

    /** The error measure is not vacuous: one entry off by 4x the tolerance (relative to its bound) is caught. */
    @Test
    void scaledErrorCatchesAWrongEntry() {
        GemmCase c = GemmCase.gemm(false, true, 13, 11, 29, 1, 0, seed);
        GemmCase.Reference ref = c.reference();
        double tol = GemmCase.tolerance(29, GemmCase.U_DOUBLE);
        double[] x = c.run(JavaBackend.INSTANCE);
        assertTrue(ref.errorOf(x) <= tol);
        x[37] += 4 * tol * ref.bound()[37];
        assertTrue(ref.errorOf(x) > 3 * tol, "error " + ref.errorOf(x));
        x[37] = Double.NaN;
        assertTrue(Double.isNaN(ref.errorOf(x)));
        assertEquals(Double.POSITIVE_INFINITY, GemmCase.scaledError(new double[] {1}, new double[] {0}, new double[] {0}));
        assertEquals(0, GemmCase.scaledError(new double[] {0}, new double[] {0}, new double[] {0}));
    }

    @Test
    void toleranceIsTwiceGammaKPlusTwo() {
        double u = 0x1.0p-53, ju = 202 * u;
        assertEquals(2 * ju / (1 - ju), GemmCase.tolerance(200, u), 0);
        assertEquals(4.485e-14, GemmCase.tolerance(200, u), 1e-17);
        assertEquals(3.088e-5, GemmCase.tolerance(257, 0x1.0p-24), 1e-8);
    }

    @Test
    void syrkCaseIsTheGemmWithBEqualToA() {
        for (boolean trans : new boolean[] {false, true}) {
            GemmCase c = GemmCase.syrk(trans, 9, 4, 1, 0.5, seed);
            assertTrue(c.a == c.b && c.transA == trans && c.transB == !trans);
            assertEquals(0, GemmCase.maxAsymmetry(c.c0, 9), "C0 is symmetric");
            double[] viaSyrk = c.runSyrk(JavaBackend.INSTANCE);
            assertEquals(0, GemmCase.maxAsymmetry(viaSyrk, 9));
            assertTrue(c.reference().errorOf(viaSyrk) <= GemmCase.tolerance(4, GemmCase.U_DOUBLE));
        }
    }

    @Test
    void comparisonHelpers() {
        assertEquals(1, GemmCase.bitwiseDifferences(new double[] {0.0, 1}, new double[] {-0.0, 1}), "bits, not values");
        assertEquals(0, GemmCase.bitwiseDifferences(new double[] {Double.NaN}, new double[] {Double.NaN}));
        assertEquals(3, GemmCase.maxAsymmetry(new double[] {1, 2, -1, 1}, 2));
        assertEquals(2, GemmCase.countNonFinite(new double[] {Double.NaN, 1, Double.NEGATIVE_INFINITY}));
        GemmCase nan = GemmCase.gemm(false, false, 3, 3, 3, 1, 1, seed).withC0(0, Double.NaN);
        assertEquals(0, nan.beta);
        assertEquals(9, GemmCase.countNonFinite(nan.c0));
        assertEquals(0, GemmCase.countNonFinite(nan.run(JavaBackend.INSTANCE)), "beta = 0 overwrites NaN");
    }
}
