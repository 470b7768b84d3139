package org.ortho4j.core.decomp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.core.decomp.DecompTesting.C;
import static org.ortho4j.core.decomp.DecompTesting.assertReconstructs;
import static org.ortho4j.core.decomp.DecompTesting.assertThrowsWith;

import dev.ludovic.netlib.lapack.LAPACK;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Ortho4jTest;

class LuDecompositionTest extends Ortho4jTest {

    @ParameterizedTest(name = "{0} {2}x{3}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacksAndShapes")
    void factorsReconstruct(String name, LAPACK lapack, int m, int n) {
        Matrix a = Matrix.gaussian(m, n, seed);
        Matrix copy = a.copy();
        LuDecomposition lu = new LuDecomposition(lapack).decompose(a);
        assertEquals(copy, a, "input must not be modified");
        int k = Math.min(m, n);
        Matrix l = lu.getL(), u = lu.getU(), p = lu.getP();
        assertEquals(m, l.rows);
        assertEquals(k, l.cols);
        assertEquals(k, u.rows);
        assertEquals(n, u.cols);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < k; j++) {
                if (j > i) assertEquals(0.0, l.get(i, j), "L above the diagonal");
                else if (j == i) assertEquals(1.0, l.get(i, j), "unit diagonal of L");
                else assertTrue(Math.abs(l.get(i, j)) <= 1, "partial pivoting bounds |L(i, j)| <= 1");
            }
        for (int i = 0; i < k; i++)
            for (int j = 0; j < i; j++) assertEquals(0.0, u.get(i, j), "U below the diagonal");
        // P is a permutation: one 1 per row and column.
        int[] perm = lu.getRowPermutation();
        int[] sorted = perm.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < m; i++) {
            assertEquals(i, sorted[i], "permutation");
            assertEquals(1.0, p.get(perm[i], i));
        }
        assertEquals(m, p.sum(), 0.0);
        // Backward stable with a small growth factor for Gaussian matrices (Higham Thm. 9.3).
        assertReconstructs(a, p.mult(l).mult(u), "A = P L U");
        assertFalse(lu.isSingular());
    }

    @ParameterizedTest(name = "{0} n={2}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacksAndSizes")
    void determinantSolveAndCondition(String name, LAPACK lapack, int n) {
        Matrix a = Matrix.gaussian(n, n, seed);
        LuDecomposition lu = new LuDecomposition(lapack).decompose(a);
        // log|det| = sum log sigma_i. Perturbing A by ||E|| <= c n eps ||A||_2 moves log sigma_i by at
        // most c n eps sigma_1 / sigma_i; allow that for both computations.
        double[] s = new SvdDecomposition(SvdDecomposition.Mode.VALUES_ONLY, lapack).decompose(a).getSingularValues();
        double logAbs = 0, tol = 0;
        for (double v : s) {
            logAbs += Math.log(v);
            tol += 2 * C * n * Eps.DOUBLE * s[0] / v;
        }
        LogDeterminant ld = lu.logDeterminant();
        assertEquals(logAbs, ld.logAbs(), tol, "log|det| vs singular values");
        // The sign of det is the sign of the product of the eigenvalues: complex pairs contribute
        // |lambda|^2 > 0, so it is (-1)^(number of negative real eigenvalues).
        if (DecompTesting.generalEigenIsCheap(lapack, n)) {
            Eigen eig = new Eigen(false, lapack).decompose(a);
            double sign = 1;
            for (int i = 0; i < n; i++)
                if (eig.getEigenvaluesImag()[i] == 0 && eig.getEigenvaluesReal()[i] < 0) sign = -sign;
            assertEquals(sign, ld.sign(), "sign of det");
        }
        assertEquals(ld.value(), lu.det(), Math.abs(ld.value()) * tol * 2, "det vs logDeterminant");

        // Solve: normwise backward error ||A X - B||_F <= c n eps ||A||_F ||X||_F.
        Matrix b = Matrix.gaussian(n, 4, seed + 1);
        Matrix x = lu.solve(b);
        double res = a.mult(x).minus(b).normF();
        assertTrue(res <= C * Math.max(1, n) * Eps.DOUBLE * a.normF() * x.normF(), "solve residual " + res);
        // The one-vector overload (a separate, differently blocked LAPACK call) meets the same bound.
        double[] bv = b.colArray(1);
        Matrix xv = Matrix.column(lu.solve(bv));
        double resv = a.mult(xv).minus(Matrix.column(bv)).normF();
        assertTrue(resv <= C * Math.max(1, n) * Eps.DOUBLE * a.normF() * xv.normF(), "vector solve residual " + resv);

        // rcond: dgecon estimates ||A^-1||_1 from below, so rcond >= the true 1 / (||A||_1 ||A^-1||_1)
        // (up to rounding), and in practice within a factor 3; allow 10.
        if (n > 0) {
            Matrix inv = lu.solve(Matrix.eye(n));
            double exact = 1 / (norm1(a) * norm1(inv));
            double est = lu.rcond();
            assertTrue(est >= exact * (1 - 1e-8) && est <= 10 * exact, "rcond estimate " + est + " vs exact " + exact);
        } else {
            assertEquals(1, lu.rcond());
            assertEquals(new LogDeterminant(1, 0), ld);
        }
    }

    private static double norm1(Matrix a) {
        double best = 0;
        for (int j = 0; j < a.cols; j++) {
            double s = 0;
            for (int i = 0; i < a.rows; i++) s += Math.abs(a.get(i, j));
            best = Math.max(best, s);
        }
        return best;
    }

    @Test
    void handComputedDeterminants() {
        // det [0 1; 1 0] = -1 exactly (one row swap, U = I); det [1 2; 3 4] = -2: pivoting swaps the
        // rows, U = [3 4; 0 2 - 4/3], so det = -(3 * (2 - fl(4/3))) = -2 up to 2 ulps.
        assertEquals(-1, LuDecomposition.det(Matrix.of(new double[][] {{0, 1}, {1, 0}})), 0.0);
        LuDecomposition lu = LuDecomposition.of(Matrix.of(new double[][] {{1, 2}, {3, 4}}));
        assertEquals(-2, lu.det(), 4 * Eps.DOUBLE);
        assertArrayEquals(new int[] {1, 1}, lu.getPivots());
        assertArrayEquals(new int[] {1, 0}, lu.getRowPermutation());
        assertEquals(-1, lu.logDeterminant().sign());
        assertEquals(Math.log(2), lu.logDeterminant().logAbs(), 4 * Eps.DOUBLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacks")
    void exactlySingular(String name, LAPACK lapack) {
        // [1 2; 2 4]: pivot row 2, then U(1,1) = 2 - 0.5 * 4 = 0 exactly.
        LuDecomposition lu = new LuDecomposition(lapack).decompose(Matrix.of(new double[][] {{1, 2}, {2, 4}}));
        assertTrue(lu.isSingular());
        assertEquals(1, lu.singularPivot());
        assertEquals(0, lu.det());
        assertEquals(new LogDeterminant(0, Double.NEGATIVE_INFINITY), lu.logDeterminant());
        assertEquals(0, lu.rcond());
        SingularMatrixException e = assertThrowsWith(SingularMatrixException.class, () -> lu.solve(Matrix.eye(2)),
                "a is singular", "U(1, 1) = 0", "dgetrf info = 2");
        assertEquals(1, e.pivot());
        assertEquals(0, new LuDecomposition(lapack).decompose(new Matrix(3, 3)).singularPivot(), "zero matrix");
    }

    @Test
    void badInputsAndStates() {
        assertThrowsWith(IllegalArgumentException.class, () -> LuDecomposition.of(DecompTesting.withNaN(3, 3)), "a(1, 2)");
        LuDecomposition wide = LuDecomposition.of(Matrix.gaussian(2, 3, 1));
        assertThrowsWith(IllegalStateException.class, wide::det, "square", "2x3");
        assertThrowsWith(IllegalStateException.class, () -> wide.solve(Matrix.eye(2)), "square");
        LuDecomposition lu = LuDecomposition.of(Matrix.eye(3));
        assertThrowsWith(IllegalArgumentException.class, () -> lu.solve(new Matrix(2, 2)), "b is 2x2", "3 rows");
        assertThrowsWith(IllegalArgumentException.class, () -> lu.solve((double[]) null), "b is null");
        assertThrowsWith(IllegalStateException.class, () -> new LuDecomposition().getL(), "decompose");
    }
}
