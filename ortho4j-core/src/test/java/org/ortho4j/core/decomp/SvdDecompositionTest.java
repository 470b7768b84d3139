package org.ortho4j.core.decomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.core.decomp.DecompTesting.C;
import static org.ortho4j.core.decomp.DecompTesting.assertOrthonormal;
import static org.ortho4j.core.decomp.DecompTesting.assertReconstructs;
import static org.ortho4j.core.decomp.DecompTesting.assertThrowsWith;

import dev.ludovic.netlib.lapack.LAPACK;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortho4j.core.decomp.SvdDecomposition.Mode;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Ortho4jTest;

class SvdDecompositionTest extends Ortho4jTest {

    /** Checks one SVD in any mode against A: shapes, order, reconstruction, orthogonality. */
    private static void checkSvd(Matrix a, SvdDecomposition svd) {
        int m = a.rows, n = a.cols, k = Math.min(m, n);
        double[] s = svd.getSingularValues();
        assertEquals(k, s.length);
        for (int i = 0; i < k; i++) {
            assertTrue(s[i] >= 0, "sigma_" + i + " = " + s[i] + " >= 0");
            if (i > 0) assertTrue(s[i] <= s[i - 1], "descending at " + i);
        }
        if (svd.mode() == Mode.VALUES_ONLY) return;
        Matrix u = svd.getU(), vt = svd.getVt();
        int uc = svd.mode() == Mode.FULL ? m : k, vr = svd.mode() == Mode.FULL ? n : k;
        assertEquals(m, u.rows);
        assertEquals(uc, u.cols);
        assertEquals(vr, vt.rows);
        assertEquals(n, vt.cols);
        assertReconstructs(a, u.mult(svd.getS()).mult(vt), "A = U S V^T (" + svd.mode() + ", " + svd.routine() + ")");
        assertOrthonormal(u, "U");
        assertOrthonormal(vt, "V^T");
        assertEquals(vt.transpose(), svd.getV());
    }

    @ParameterizedTest(name = "{0} {2}x{3}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacksAndShapes")
    void allModesOnTheGrid(String name, LAPACK lapack, int m, int n) {
        Matrix a = Matrix.gaussian(m, n, seed);
        Matrix copy = a.copy();
        SvdDecomposition thin = new SvdDecomposition(Mode.THIN, lapack).decompose(a);
        SvdDecomposition full = new SvdDecomposition(Mode.FULL, lapack).decompose(a);
        SvdDecomposition values = new SvdDecomposition(Mode.VALUES_ONLY, lapack).decompose(a);
        assertEquals(copy, a, "input must not be modified");
        checkSvd(a, thin);
        checkSvd(a, full);
        checkSvd(a, values);
        // The three runs take different code paths; singular values are perfectly conditioned
        // (Weyl: |delta sigma| <= ||E||_2), so all agree within c n eps sigma_max.
        double tol = C * Math.max(1, Math.max(m, n)) * Eps.DOUBLE * thin.norm2();
        double[] s = thin.getSingularValues();
        assertTrue(DecompTesting.maxAbsDiff(s, full.getSingularValues()) <= tol, "thin vs full singular values");
        assertTrue(DecompTesting.maxAbsDiff(s, values.getSingularValues()) <= tol, "thin vs values-only singular values");
        if (Math.min(m, n) > 0) assertEquals("dgesdd", thin.routine());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacks")
    void dgesvdFallbackPath(String name, LAPACK lapack) {
        for (int[] shape : new int[][] {{13, 13}, {50, 7}, {7, 50}, {1, 3}}) {
            Matrix a = Matrix.gaussian(shape[0], shape[1], seed);
            double[] reference = new SvdDecomposition(Mode.VALUES_ONLY, lapack).decompose(a).getSingularValues();
            for (Mode mode : Mode.values()) {
                SvdDecomposition svd = new SvdDecomposition(mode, lapack).forceGesvd().decompose(a);
                assertEquals("dgesvd", svd.routine());
                checkSvd(a, svd);
                double tol = C * Math.max(shape[0], shape[1]) * Eps.DOUBLE * reference[0];
                assertTrue(DecompTesting.maxAbsDiff(reference, svd.getSingularValues()) <= tol, "dgesvd vs dgesdd, " + mode);
            }
        }
    }

    @Test
    void handComputed2x2() {
        // A = [3 0; 4 5]: A^T A = [25 20; 20 25] has eigenvalues 45 and 5, so sigma = 3 sqrt 5, sqrt 5
        // and cond = 3; both are computed to a few ulps.
        SvdDecomposition svd = SvdDecomposition.of(Matrix.of(new double[][] {{3, 0}, {4, 5}}));
        double[] s = svd.getSingularValues();
        assertEquals(3 * Math.sqrt(5), s[0], 4 * Math.ulp(s[0]));
        assertEquals(Math.sqrt(5), s[1], 4 * Math.ulp(s[1]));
        assertEquals(3, svd.cond(), 8 * Eps.DOUBLE * 3);
        assertEquals(2, svd.rank());
        assertEquals(s[0], svd.norm2());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacks")
    void squaresOfSingularValuesAreEigenvaluesOfTheGram(String name, LAPACK lapack) {
        // sigma_i(A)^2 = lambda_i(A^T A). Forming A^T A costs an error ~ m eps ||A||^2 and both
        // solvers add c n eps ||A||^2 (Weyl), so compare within c m eps sigma_max^2.
        Matrix a = Matrix.gaussian(6, 4, seed);
        double[] s = new SvdDecomposition(Mode.VALUES_ONLY, lapack).decompose(a).getSingularValues();
        double[] lambda = new SymmetricEigen(false, lapack).decompose(a.gram()).getEigenvalues();
        double tol = C * 6 * Eps.DOUBLE * s[0] * s[0];
        for (int i = 0; i < 4; i++) assertEquals(lambda[3 - i], s[i] * s[i], tol, "sigma_" + i + "^2");
    }

    @Test
    void rankAndCondition() {
        // A rank-3 product of 20x3 and 3x15 Gaussians: three singular values O(10), the other
        // twelve at roundoff level O(eps ||A||), far below numpy's threshold max(m,n) eps sigma_max.
        Matrix a = Matrix.gaussian(20, 3, seed).mult(Matrix.gaussian(3, 15, seed + 1));
        SvdDecomposition svd = SvdDecomposition.of(a);
        assertEquals(3, svd.rank());
        assertEquals(0, svd.rank(2 * svd.norm2()));
        assertEquals(15 - countZeros(svd.getSingularValues()), svd.rank(0.0), "rank(0) counts every nonzero sigma");
        assertTrue(svd.cond() > 1e12, "cond of a rank-deficient matrix: " + svd.cond());
        SvdDecomposition exact = SvdDecomposition.of(Matrix.diag(2, 0));
        assertEquals(Double.POSITIVE_INFINITY, exact.cond());
        assertEquals(1, exact.rank());
        assertThrowsWith(IllegalArgumentException.class, () -> exact.rank(-1), "tol = -1.0");
        assertThrowsWith(IllegalArgumentException.class, () -> exact.rank(Double.NaN), "tol");
    }

    private static int countZeros(double[] s) {
        int z = 0;
        for (double v : s) if (v == 0) z++;
        return z;
    }

    @Test
    void emptyAndStates() {
        SvdDecomposition full = new SvdDecomposition(Mode.FULL).decompose(new Matrix(3, 0));
        assertEquals(0, full.getSingularValues().length);
        assertEquals(Matrix.eye(3), full.getU());
        assertEquals(new Matrix(0, 0), full.getVt());
        assertEquals(new Matrix(3, 0), full.getS());
        assertEquals("none", full.routine());
        assertEquals(0, full.rank());
        assertEquals(0, full.norm2());
        assertThrowsWith(IllegalStateException.class, full::cond, "3x0", "undefined");
        SvdDecomposition values = new SvdDecomposition(Mode.VALUES_ONLY).decompose(Matrix.eye(2));
        assertThrowsWith(IllegalStateException.class, values::getU, "VALUES_ONLY");
        assertThrows(IllegalStateException.class, () -> new SvdDecomposition().getSingularValues());
        assertThrowsWith(IllegalArgumentException.class, () -> SvdDecomposition.of(DecompTesting.withNaN(3, 4)), "a(1, 2)");
        assertThrowsWith(IllegalArgumentException.class, () -> new SvdDecomposition(null), "mode");
    }
}
