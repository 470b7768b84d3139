package org.ortho4j.core.decomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.ortho4j.core.decomp.DecompTesting.C;
import static org.ortho4j.core.decomp.DecompTesting.assertThrowsWith;

import dev.ludovic.netlib.lapack.LAPACK;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Ortho4jTest;

class EigenTest extends Ortho4jTest {

    /**
     * For every j: ||A v_j - lambda_j v_j|| <= c n eps ||A||_F ||v_j|| (dgeev is backward stable:
     * each computed pair is exact for A + E_j with ||E_j|| ~ p(n) eps ||A||), and ||v_j|| = 1.
     */
    private static void assertEigenpairs(Matrix a, Eigen eig) {
        int n = a.rows;
        double[] wr = eig.getEigenvaluesReal(), wi = eig.getEigenvaluesImag();
        ComplexMatrix v = eig.getEigenvectors(), av = ComplexMatrix.of(a).mult(v);
        double bound = C * Math.max(1, n) * Eps.DOUBLE;
        for (int j = 0; j < n; j++) {
            ComplexMatrix vj = v.column(j);
            double norm = vj.normF();
            assertEquals(1, norm, bound, "||v_" + j + "||");
            double res = av.column(j).minus(vj.scale(wr[j], wi[j])).normF();
            assertTrue(res <= bound * a.normF() * norm, "||A v - lambda v|| = " + res + " for lambda_" + j + " = "
                    + wr[j] + (wi[j] >= 0 ? "+" : "") + wi[j] + "i exceeds " + bound * a.normF() * norm);
        }
    }

    @ParameterizedTest(name = "{0} n={2}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacksAndSizes")
    void residualsOnGaussianMatrices(String name, LAPACK lapack, int n) {
        assumeTrue(DecompTesting.generalEigenIsCheap(lapack, n), "F2J dgeev runs interpreted at this size (see DecompTesting)");
        Matrix a = Matrix.gaussian(n, n, seed);
        Matrix copy = a.copy();
        Eigen eig = new Eigen(true, lapack).decompose(a);
        assertEquals(copy, a, "input must not be modified");
        assertEigenpairs(a, eig);
        double[] wr = eig.getEigenvaluesReal(), wi = eig.getEigenvaluesImag();
        ComplexMatrix v = eig.getEigenvectors();
        // Conjugate pairs: adjacent, positive imaginary part first, conjugate vectors (exactly).
        for (int j = 0; j < n; j++) {
            if (wi[j] == 0) continue;
            assertTrue(wi[j] > 0 && j + 1 < n, "pair starts with positive imaginary part at " + j);
            assertEquals(wr[j], wr[j + 1]);
            assertEquals(-wi[j], wi[j + 1]);
            for (int i = 0; i < n; i++) {
                assertEquals(v.getRe(i, j), v.getRe(i, j + 1));
                assertEquals(-v.getIm(i, j), v.getIm(i, j + 1));
            }
            j++;
        }
        // Sum of eigenvalues = trace: exact for A + E, so within n ||E|| ~ c n^2 eps ||A||_F.
        double sum = Arrays.stream(wr).sum(), sumIm = Arrays.stream(wi).sum();
        double tol = C * Math.max(1, n) * Math.max(1, n) * Eps.DOUBLE * a.normF();
        assertEquals(n == 0 ? 0 : a.trace(), sum, tol, "sum of eigenvalues vs trace");
        assertEquals(0, sumIm, tol, "imaginary parts cancel");
        if (n >= 13) assertFalse(eig.isReal(), "a " + n + "x" + n + " Gaussian matrix has about sqrt(2n/pi) real eigenvalues, so almost surely complex ones");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacks")
    void rotationHasEigenvaluesOnTheUnitCircle(String name, LAPACK lapack) {
        double t = 0.7, c = Math.cos(t), s = Math.sin(t);
        Matrix r = Matrix.of(new double[][] {{c, -s}, {s, c}});
        Eigen eig = new Eigen(true, lapack).decompose(r);
        // e^{+-i theta}, computed to a few ulps (the eigenvalues of a normal matrix are perfectly conditioned).
        assertEquals(c, eig.getEigenvaluesReal()[0], 8 * Eps.DOUBLE);
        assertEquals(c, eig.getEigenvaluesReal()[1], 8 * Eps.DOUBLE);
        assertEquals(s, eig.getEigenvaluesImag()[0], 8 * Eps.DOUBLE);
        assertEquals(-s, eig.getEigenvaluesImag()[1], 8 * Eps.DOUBLE);
        // Eigenvector of e^{i theta} is (1, -i)/sqrt 2 up to a phase; normalized with the largest component real.
        ComplexMatrix v = eig.getEigenvectors();
        double mag = Math.hypot(v.getRe(0, 0), v.getIm(0, 0));
        assertEquals(1 / Math.sqrt(2), mag, 8 * Eps.DOUBLE);
        // v(1) = -i v(0): (re1, im1) = (im0, -re0)
        assertEquals(v.getIm(0, 0), v.getRe(1, 0), 8 * Eps.DOUBLE);
        assertEquals(-v.getRe(0, 0), v.getIm(1, 0), 8 * Eps.DOUBLE);
        assertEigenpairs(r, eig);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacks")
    void normalMatrixWithKnownSpectrum(String name, LAPACK lapack) {
        // A = Q B Q^T with Q orthogonal, B block diagonal with 2x2 blocks [a b; -b a] (eigenvalues
        // a +- ib) and 1x1 blocks: A is normal, so its eigenvalues are perfectly conditioned and the
        // computed ones are within ||E||_2 ~ c n eps ||A||_2 of the exact ones.
        int n = 13;
        Matrix b = new Matrix(n, n);
        double[][] expected = new double[n][];
        int idx = 0;
        for (int i = 0; i < n; i++) {
            double re = -3 + 0.5 * i;
            if (i + 1 < n && i % 3 == 0) {
                double im = 1 + 0.25 * i;
                b.set(i, i, re).set(i, i + 1, im).set(i + 1, i, -im).set(i + 1, i + 1, re);
                expected[idx++] = new double[] {re, im};
                expected[idx++] = new double[] {re, -im};
                i++;
            } else {
                b.set(i, i, re);
                expected[idx++] = new double[] {re, 0};
            }
        }
        Matrix q = QrDecomposition.of(Matrix.gaussian(n, n, seed)).getQ();
        Matrix a = q.mult(b).multTranspose(q);
        double norm2 = 0;
        for (double[] e : expected) norm2 = Math.max(norm2, Math.hypot(e[0], e[1]));
        double tol = C * n * Eps.DOUBLE * norm2;
        for (boolean vectors : new boolean[] {true, false}) {
            Eigen eig = new Eigen(vectors, lapack).decompose(a);
            double[] wr = eig.getEigenvaluesReal(), wi = eig.getEigenvaluesImag();
            double[][] got = new double[n][];
            for (int i = 0; i < n; i++) got[i] = new double[] {wr[i], wi[i]};
            Comparator<double[]> order = Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]);
            Arrays.sort(got, order);
            double[][] exp = expected.clone();
            Arrays.sort(exp, order);
            for (int i = 0; i < n; i++)
                assertTrue(Math.hypot(got[i][0] - exp[i][0], got[i][1] - exp[i][1]) <= tol,
                        "eigenvalue " + Arrays.toString(got[i]) + " vs " + Arrays.toString(exp[i]) + " (vectors=" + vectors + ")");
            if (vectors) assertEigenpairs(a, eig);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacks")
    void defectiveJordanBlock(String name, LAPACK lapack) {
        // J = I + N (3x3 Jordan block of eigenvalue 1): no eigenbasis. A perturbation of size
        // delta moves a triple defective eigenvalue by ~ delta^(1/3), so the eigenvalues are only
        // guaranteed to c eps^(1/3); residuals are still at roundoff level, and all three returned
        // vectors are (nearly) parallel to e_1, the one true eigenvector.
        Matrix j = Matrix.of(new double[][] {{1, 1, 0}, {0, 1, 1}, {0, 0, 1}});
        Eigen eig = new Eigen(true, lapack).decompose(j);
        double tol = C * Math.cbrt(Eps.DOUBLE);
        for (int i = 0; i < 3; i++) {
            assertEquals(1, eig.getEigenvaluesReal()[i], tol, "Re lambda_" + i);
            assertEquals(0, eig.getEigenvaluesImag()[i], tol, "Im lambda_" + i);
        }
        assertEigenpairs(j, eig);
        ComplexMatrix v = eig.getEigenvectors();
        for (int c = 0; c < 3; c++) assertEquals(1, Math.hypot(v.getRe(0, c), v.getIm(0, c)), tol, "|v_" + c + "(0)|");
    }

    @Test
    void badInputsAndStates() {
        assertThrowsWith(IllegalArgumentException.class, () -> Eigen.of(Matrix.gaussian(2, 3, 1)), "a is 2x3", "square");
        assertThrowsWith(IllegalArgumentException.class, () -> Eigen.of(DecompTesting.withNaN(3, 3)), "a(1, 2)");
        assertThrows(IllegalStateException.class, () -> new Eigen().getEigenvaluesReal());
        Eigen values = new Eigen(false, Lapack.get()).decompose(Matrix.eye(2));
        assertThrowsWith(IllegalStateException.class, values::getEigenvectors, "computeVectors = false");
        Eigen empty = Eigen.of(new Matrix(0, 0));
        assertEquals(0, empty.size());
        assertEquals(new ComplexMatrix(0, 0), empty.getEigenvectors());
        assertTrue(empty.isReal());
    }
}
