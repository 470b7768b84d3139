package org.ortho4j.core.decomp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.core.decomp.DecompTesting.C;
import static org.ortho4j.core.decomp.DecompTesting.assertThrowsWith;

import dev.ludovic.netlib.lapack.LAPACK;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Ortho4jTest;

class SolversTest extends Ortho4jTest {

    private static double relErr(Matrix expected, Matrix actual) {
        double den = expected.normF();
        double num = actual.minus(expected).normF();
        return den == 0 ? num : num / den;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacks")
    void solveSquareSystems(String name, LAPACK lapack) {
        for (int n : new int[] {1, 5, 31}) {
            Matrix a = Matrix.gaussian(n, n, seed + n), b = Matrix.gaussian(n, 2, seed);
            Matrix x = Solvers.solve(lapack, a, b);
            double res = a.mult(x).minus(b).normF();
            assertTrue(res <= C * n * Eps.DOUBLE * a.normF() * x.normF(), "residual " + res + " (n=" + n + ")");
        }
        assertThrowsWith(SingularMatrixException.class,
                () -> Solvers.solve(lapack, Matrix.of(new double[][] {{1, 2}, {2, 4}}), Matrix.eye(2)), "U(1, 1) = 0");
        assertThrowsWith(IllegalArgumentException.class, () -> Solvers.solve(lapack, Matrix.gaussian(2, 3, 1), Matrix.eye(2)), "a is 2x3");
        assertThrowsWith(IllegalArgumentException.class, () -> Solvers.solve(lapack, Matrix.eye(2), Matrix.eye(3)), "b is 3x3");
        assertThrowsWith(IllegalArgumentException.class, () -> Solvers.solve(lapack, Matrix.eye(3), DecompTesting.withNaN(3, 3)), "b(1, 2)");
        assertArrayEquals(new double[] {0.5, -1}, Solvers.solve(Matrix.diag(2, -1), new double[] {1, 1}), 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacks")
    void leastSquaresMatchesNormalEquations(String name, LAPACK lapack) {
        for (int[] shape : new int[][] {{50, 7}, {200, 31}}) {
            int m = shape[0], n = shape[1];
            Matrix a = Matrix.gaussian(m, n, seed), b = Matrix.gaussian(m, 3, seed + 1);
            LeastSquaresResult ls = Solvers.leastSquares(lapack, a, b, m * Eps.DOUBLE);
            assertEquals(n, ls.rank());
            // Normal equations A^T A x = A^T b (Cholesky) lose accuracy as kappa^2 eps; a tall Gaussian
            // matrix has kappa < 4, so both solutions agree within c m kappa^2 eps.
            Matrix xNe = new CholeskyDecomposition(lapack).decompose(a.gram()).solve(a.transposeMult(b));
            double[] s = ls.singularValues();
            double kappa = s[0] / s[n - 1];
            assertTrue(kappa < 4, "well conditioned: kappa = " + kappa);
            double err = relErr(xNe, ls.solution());
            assertTrue(err <= C * m * kappa * kappa * Eps.DOUBLE, "least squares vs normal equations: " + err);
            // The singular values are those of the SVD, and the residual norms are ||b_j - A x_j||.
            double[] sv = new SvdDecomposition(SvdDecomposition.Mode.VALUES_ONLY, lapack).decompose(a).getSingularValues();
            assertTrue(DecompTesting.maxAbsDiff(sv, s) <= C * m * Eps.DOUBLE * s[0], "singular values");
            Matrix r = b.minus(a.mult(ls.solution()));
            for (int j = 0; j < 3; j++) {
                double expected = r.col(j).normF();
                assertEquals(expected, ls.residualNorms()[j], C * m * Eps.DOUBLE * expected, "residual norm " + j);
                // Optimality: the residual is orthogonal to range(A), ||A^T r|| <= c m eps ||A|| ||r||.
                double grad = a.transposeMult(r.col(j)).normF();
                assertTrue(grad <= C * m * Eps.DOUBLE * a.normF() * expected, "A^T r = " + grad);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacks")
    void leastSquaresRankDeficientAndUnderdetermined(String name, LAPACK lapack) {
        // Column 5 = column 0 + column 1: rank 5, null vector z = (1, 1, 0, 0, 0, -1). The minimum-norm
        // solution is orthogonal to z and equals pinv(A) b.
        Matrix a = Matrix.gaussian(20, 6, seed);
        for (int i = 0; i < 20; i++) a.set(i, 5, a.get(i, 0) + a.get(i, 1));
        Matrix b = Matrix.gaussian(20, 1, seed + 1);
        LeastSquaresResult ls = Solvers.leastSquares(lapack, a, b, 20 * Eps.DOUBLE);
        assertEquals(5, ls.rank());
        double[] x = ls.solution().data;
        double[] s = ls.singularValues();
        double kappa = s[0] / s[4];
        double tol = C * 20 * kappa * Eps.DOUBLE;
        assertEquals(0, (x[0] + x[1] - x[5]) / Math.sqrt(3), tol * Matrix.column(x).normF(), "x orthogonal to the null space z: z.x / ||z||");
        Matrix viaPinv = Solvers.pinv(lapack, a, 20 * Eps.DOUBLE).mult(b);
        assertTrue(relErr(viaPinv, ls.solution()) <= tol, "min-norm solution vs pinv(A) b");

        // Underdetermined 7x50: an exact solution (residual at roundoff) of minimum norm
        // x = A^T (A A^T)^-1 b.
        Matrix w = Matrix.gaussian(7, 50, seed + 2), bw = Matrix.gaussian(7, 2, seed + 3);
        LeastSquaresResult under = Solvers.leastSquares(lapack, w, bw, 50 * Eps.DOUBLE);
        assertEquals(7, under.rank());
        Matrix xw = under.solution();
        for (double r : under.residualNorms()) assertTrue(r <= C * 50 * Eps.DOUBLE * w.normF() * xw.normF(), "residual " + r);
        Matrix xMin = w.transposeMult(new CholeskyDecomposition(lapack).decompose(w.outerGram()).solve(bw));
        double kw = under.singularValues()[0] / under.singularValues()[6];
        assertTrue(relErr(xMin, xw) <= C * 50 * kw * kw * Eps.DOUBLE, "minimum-norm solution");
    }

    @Test
    void leastSquaresEdgeCases() {
        LeastSquaresResult noRows = Solvers.leastSquares(new Matrix(0, 3), new Matrix(0, 2));
        assertEquals(new Matrix(3, 2), noRows.solution());
        assertEquals(0, noRows.rank());
        LeastSquaresResult noCols = Solvers.leastSquares(new Matrix(3, 0), Matrix.of(new double[][] {{3}, {4}, {0}}));
        assertEquals(new Matrix(0, 1), noCols.solution());
        assertArrayEquals(new double[] {5}, noCols.residualNorms(), 0.0);
        LeastSquaresResult noRhs = Solvers.leastSquares(Matrix.diag(3, 1e-20), new Matrix(2, 0));
        assertEquals(1, noRhs.rank(), "rank still reported, from the singular values");
        assertThrowsWith(IllegalArgumentException.class, () -> Solvers.leastSquares(Matrix.eye(3), new Matrix(2, 1)), "b is 2x1", "3 rows");
        assertThrowsWith(IllegalArgumentException.class, () -> Solvers.leastSquares(Matrix.eye(3), new Matrix(3, 1), 1.5), "rcond = 1.5");
        assertThrowsWith(IllegalArgumentException.class, () -> Solvers.leastSquares(DecompTesting.withNaN(3, 3), new Matrix(3, 1)), "a(1, 2)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacks")
    void pinvSatisfiesThePenroseConditions(String name, LAPACK lapack) {
        Matrix rankThree = Matrix.gaussian(20, 3, seed).mult(Matrix.gaussian(3, 15, seed + 1));
        for (Matrix a : new Matrix[] {Matrix.gaussian(50, 7, seed), Matrix.gaussian(7, 50, seed), Matrix.gaussian(13, 13, seed), rankThree}) {
            int m = a.rows, n = a.cols;
            double rcond = Math.max(m, n) * Eps.DOUBLE;
            Matrix x = Solvers.pinv(lapack, a, rcond);
            assertEquals(n, x.rows);
            assertEquals(m, x.cols);
            // X = pinv(A + E) up to rounding, ||E|| ~ c n eps ||A|| (plus, for rankThree, the
            // discarded roundoff-level singular values). Each condition then holds to about
            // c n eps kappa relative, kappa = sigma_1 / sigma_r over the kept values.
            SvdDecomposition svd = new SvdDecomposition(SvdDecomposition.Mode.VALUES_ONLY, lapack).decompose(a);
            double[] s = svd.getSingularValues();
            int r = svd.rank(rcond * s[0]);
            double tol = C * Math.max(m, n) * Eps.DOUBLE * (s[0] / s[r - 1]);
            Matrix ax = a.mult(x), xa = x.mult(a);
            assertTrue(relErr(a, ax.mult(a)) <= tol, "A X A = A: " + relErr(a, ax.mult(a)) + " (" + m + "x" + n + ")");
            assertTrue(relErr(x, xa.mult(x)) <= tol, "X A X = X: " + relErr(x, xa.mult(x)));
            assertTrue(relErr(ax, ax.transpose()) <= tol, "(A X)^T = A X");
            assertTrue(relErr(xa, xa.transpose()) <= tol, "(X A)^T = X A");
            assertEquals(r, (int) Math.round(ax.trace()), "trace(A X) = rank");
        }
        assertEquals(new Matrix(4, 0), Solvers.pinv(new Matrix(0, 4)));
        assertEquals(new Matrix(2, 3), Solvers.pinv(new Matrix(3, 2)), "pinv of zero is zero");
        assertThrowsWith(IllegalArgumentException.class, () -> Solvers.pinv(Matrix.eye(2), -0.1), "rcond = -0.1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacks")
    void logDetMatchesEigenvalues(String name, LAPACK lapack) {
        int n = 13;
        // General matrix (LU path): log|det| = sum log|lambda_i| and sign = (-1)^(#negative real lambda).
        Matrix g = Matrix.gaussian(n, n, seed);
        checkAgainstEigenvalues(lapack, g);
        // Symmetric positive definite (Cholesky path) and symmetric indefinite (falls back to LU).
        checkAgainstEigenvalues(lapack, g.outerGram().plus(Matrix.eye(n)));
        checkAgainstEigenvalues(lapack, DecompTesting.symmetricGaussian(n, seed + 1));
        assertEquals(new LogDeterminant(0, Double.NEGATIVE_INFINITY), Solvers.logDet(lapack, new Matrix(3, 3)));
        assertEquals(new LogDeterminant(1, 0), Solvers.logDet(new Matrix(0, 0)));
        assertEquals(-6, Solvers.logDet(Matrix.diag(2, -3)).value(), 8 * Eps.DOUBLE * 6);
        assertThrowsWith(IllegalArgumentException.class, () -> Solvers.logDet(Matrix.gaussian(2, 3, 1)), "a is 2x3");
    }

    /**
     * dgeev is backward stable, so the product of the computed eigenvalues is det(A + E) with
     * ||E|| <= c n eps ||A||_2, even where single eigenvalues are ill-conditioned; and
     * |log|det(A + E)| - log|det A|| <= sum_i ||E|| / sigma_i (each sigma_i moves by <= ||E||).
     * Allow that bound for each of the two computations.
     */
    private static void checkAgainstEigenvalues(LAPACK lapack, Matrix a) {
        int n = a.rows;
        Eigen eig = new Eigen(false, lapack).decompose(a);
        double logAbs = 0, sign = 1;
        for (int i = 0; i < n; i++) {
            double re = eig.getEigenvaluesReal()[i], im = eig.getEigenvaluesImag()[i];
            logAbs += Math.log(Math.hypot(re, im));
            if (im == 0 && re < 0) sign = -sign;
        }
        double[] s = new SvdDecomposition(SvdDecomposition.Mode.VALUES_ONLY, lapack).decompose(a).getSingularValues();
        double tol = 0;
        for (double v : s) tol += 2 * C * n * Eps.DOUBLE * s[0] / v;
        LogDeterminant ld = Solvers.logDet(lapack, a);
        assertEquals(sign, ld.sign(), "sign");
        assertEquals(logAbs, ld.logAbs(), tol, "log|det| vs eigenvalues");
    }
}
