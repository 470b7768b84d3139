package org.ortho4j.core.decomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.core.decomp.DecompTesting.C;
import static org.ortho4j.core.decomp.DecompTesting.assertReconstructs;
import static org.ortho4j.core.decomp.DecompTesting.assertThrowsWith;

import dev.ludovic.netlib.lapack.LAPACK;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Ortho4jTest;

class CholeskyDecompositionTest extends Ortho4jTest {

    /** G G^T + I for Gaussian G: exactly symmetric (SYRK), positive definite, eigenvalues >= 1. */
    static Matrix spd(int n, long seed) {
        return Matrix.gaussian(n, n, seed).outerGram().plus(Matrix.eye(n));
    }

    @ParameterizedTest(name = "{0} n={2}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacksAndSizes")
    void factorSolveAndLogDet(String name, LAPACK lapack, int n) {
        Matrix a = spd(n, seed);
        CholeskyDecomposition chol = new CholeskyDecomposition(lapack).decompose(a);
        Matrix l = chol.getL();
        for (int i = 0; i < n; i++) {
            assertTrue(l.get(i, i) > 0, "L(" + i + ", " + i + ") > 0");
            for (int j = i + 1; j < n; j++) assertEquals(0.0, l.get(i, j), "L(" + i + ", " + j + ") above the diagonal");
        }
        assertReconstructs(a, l.multTranspose(l), "A = L L^T");

        // Normwise backward error of the solve: ||A X - B||_F <= c n eps ||A||_F ||X||_F (Cholesky
        // solves are backward stable, Higham Thm. 10.4).
        Matrix b = Matrix.gaussian(n, 3, seed + 1);
        Matrix x = chol.solve(b);
        double res = a.mult(x).minus(b).normF();
        assertTrue(res <= C * Math.max(1, n) * Eps.DOUBLE * a.normF() * x.normF(), "solve residual " + res);
        // The one-vector overload (a separate, differently blocked LAPACK call) meets the same bound.
        double[] bv = b.colArray(0);
        Matrix xv = Matrix.column(chol.solve(bv));
        double resv = a.mult(xv).minus(Matrix.column(bv)).normF();
        assertTrue(resv <= C * Math.max(1, n) * Eps.DOUBLE * a.normF() * xv.normF(), "vector solve residual " + resv);

        // log det = sum log lambda_i. A perturbation ||E|| <= c n eps ||A|| of either computation
        // moves log lambda_i by <= c n eps ||A|| / lambda_i, so allow twice the sum of those.
        double[] lambda = new SymmetricEigen(false, lapack).decompose(a).getEigenvalues();
        double expected = 0, tol = 0, norm = n == 0 ? 0 : lambda[n - 1];
        for (double v : lambda) {
            expected += Math.log(v);
            tol += 2 * C * n * Eps.DOUBLE * norm / v;
        }
        assertEquals(expected, chol.logDet(), tol, "log det vs eigenvalues");
    }

    @Test
    void handComputed2x2() {
        // [4 2; 2 3] = L L^T with L = [2 0; 1 sqrt 2]; log det = log 8.
        CholeskyDecomposition chol = CholeskyDecomposition.of(Matrix.of(new double[][] {{4, 2}, {2, 3}}));
        Matrix l = chol.getL();
        assertEquals(2, l.get(0, 0), 0.0);
        assertEquals(1, l.get(1, 0), 0.0);
        assertEquals(Math.sqrt(2), l.get(1, 1), 2 * Eps.DOUBLE);
        assertEquals(Math.log(8), chol.logDet(), 8 * Eps.DOUBLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacks")
    void notPositiveDefinite(String name, LAPACK lapack) {
        NotPositiveDefiniteException e = assertThrowsWith(NotPositiveDefiniteException.class,
                () -> new CholeskyDecomposition(lapack).decompose(Matrix.diag(1, 2, -1, 3)),
                "a is not positive definite", "leading minor of order 3", "dpotrf info = 3");
        assertEquals(3, e.minorOrder());
        // [1 2; 2 1] has det -3: the second leading minor fails.
        assertEquals(2, assertThrows(NotPositiveDefiniteException.class,
                () -> new CholeskyDecomposition(lapack).decompose(Matrix.of(new double[][] {{1, 2}, {2, 1}}))).minorOrder());
        CholeskyDecomposition chol = new CholeskyDecomposition(lapack);
        assertTrue(chol.tryDecompose(Matrix.eye(3)));
        assertFalse(chol.tryDecompose(Matrix.diag(0, 1)), "positive semidefinite is not definite");
        assertThrows(IllegalStateException.class, chol::getL, "a failed tryDecompose leaves the object undecomposed");
    }

    @Test
    void badInputsAndEmpty() {
        assertThrowsWith(IllegalArgumentException.class, () -> CholeskyDecomposition.of(Matrix.of(new double[][] {{2, 1}, {0, 2}})),
                "a is not symmetric");
        assertThrowsWith(IllegalArgumentException.class, () -> CholeskyDecomposition.of(Matrix.gaussian(2, 3, 1)), "a is 2x3");
        assertThrowsWith(IllegalArgumentException.class, () -> CholeskyDecomposition.of(DecompTesting.withNaN(3, 3)), "a(1, 2)");
        CholeskyDecomposition chol = CholeskyDecomposition.of(Matrix.eye(3));
        assertThrowsWith(IllegalArgumentException.class, () -> chol.solve(new Matrix(2, 1)), "b is 2x1", "expected 3 rows");
        Matrix nan = new Matrix(3, 1).set(2, 0, Double.POSITIVE_INFINITY);
        assertThrowsWith(IllegalArgumentException.class, () -> chol.solve(nan), "b(2, 0) = Infinity");
        CholeskyDecomposition empty = CholeskyDecomposition.of(new Matrix(0, 0));
        assertEquals(0, empty.logDet());
        assertEquals(new Matrix(0, 2), empty.solve(new Matrix(0, 2)));
    }
}
