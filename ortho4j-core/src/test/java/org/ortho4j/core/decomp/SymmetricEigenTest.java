package org.ortho4j.core.decomp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.core.decomp.DecompTesting.C;
import static org.ortho4j.core.decomp.DecompTesting.assertOrthonormal;
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

class SymmetricEigenTest extends Ortho4jTest {

    @ParameterizedTest(name = "{0} n={2}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacksAndSizes")
    void reconstructsWithOrthonormalVectors(String name, LAPACK lapack, int n) {
        Matrix a = DecompTesting.symmetricGaussian(n, seed);
        SymmetricEigen eig = new SymmetricEigen(true, lapack).decompose(a);
        double[] w = eig.getEigenvalues();
        Matrix v = eig.getEigenvectors();
        assertEquals(n, w.length);
        for (int i = 1; i < n; i++) assertTrue(w[i - 1] <= w[i], "ascending at " + i);
        assertOrthonormal(v, "V");
        assertReconstructs(a, v.mult(Matrix.diag(w)).multTranspose(v), "A = V diag(w) V^T");
        for (int i = 0; i < n; i++) assertArrayEquals(v.colArray(i), eig.getEigenvector(i), "column " + i);
        // Values only runs a different path (no eigenvector accumulation); eigenvalues are
        // perfectly conditioned (Weyl), so both agree within c n eps ||A||_2 <= c n eps ||A||_F.
        double[] w2 = new SymmetricEigen(false, lapack).decompose(a).getEigenvalues();
        assertTrue(DecompTesting.maxAbsDiff(w, w2) <= C * Math.max(1, n) * Eps.DOUBLE * a.normF(), "values-only eigenvalues");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacks")
    void knownSpectrum(String name, LAPACK lapack) {
        // A = Q diag(d) Q^T with Q orthogonal: by Weyl's theorem every computed eigenvalue is within
        // ||E||_2 of d, E = rounding in forming A (~ n eps ||A||) plus the solver's backward error.
        int n = 31;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = (i - 10) * 0.75 + (i % 3 == 0 ? 1e-3 : 0);
        Matrix q = QrDecomposition.of(Matrix.gaussian(n, n, seed)).getQ();
        Matrix a0 = q.mult(Matrix.diag(d)).multTranspose(q);
        Matrix a = a0.plus(a0.transpose()).times(0.5);
        double[] w = new SymmetricEigen(false, lapack).decompose(a).getEigenvalues();
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        double normA = Math.max(Math.abs(sorted[0]), Math.abs(sorted[n - 1]));
        assertTrue(DecompTesting.maxAbsDiff(sorted, w) <= C * n * Eps.DOUBLE * normA,
                "eigenvalues vs d: max diff " + DecompTesting.maxAbsDiff(sorted, w));
    }

    @Test
    void handComputed2x2() {
        // [2 1; 1 2] has eigenvalues 1 and 3 with eigenvectors (1, -1)/sqrt 2 and (1, 1)/sqrt 2.
        SymmetricEigen eig = SymmetricEigen.of(Matrix.of(new double[][] {{2, 1}, {1, 2}}));
        assertArrayEquals(new double[] {1, 3}, eig.getEigenvalues(), 8 * Eps.DOUBLE);
        double[] v0 = eig.getEigenvector(0), v1 = eig.getEigenvector(1);
        assertEquals(0, v0[0] + v0[1], 8 * Eps.DOUBLE);
        assertEquals(0, v1[0] - v1[1], 8 * Eps.DOUBLE);
        assertEquals(1 / Math.sqrt(2), Math.abs(v1[0]), 8 * Eps.DOUBLE);
        assertArrayEquals(new double[] {1, 3}, SymmetricEigen.eigenvalues(Matrix.of(new double[][] {{2, 1}, {1, 2}})), 8 * Eps.DOUBLE);
    }

    @Test
    void symmetryCheckAndLowerTriangle() {
        Matrix a = DecompTesting.symmetricGaussian(7, seed);
        // Asymmetry 1e-13 relative is accepted, and only the lower triangle is read: the result
        // is bitwise that of the matrix with the upper triangle mirrored from the lower.
        Matrix perturbed = a.copy();
        perturbed.set(1, 4, a.get(1, 4) * (1 + 1e-13));
        double[] w = SymmetricEigen.eigenvalues(perturbed);
        assertArrayEquals(SymmetricEigen.eigenvalues(a), w, 0.0);
        Matrix bad = a.copy();
        bad.set(1, 4, a.get(1, 4) + 1e-3 * a.normF());
        assertThrowsWith(IllegalArgumentException.class, () -> SymmetricEigen.of(bad), "a is not symmetric", "1.0E-10");
        assertThrowsWith(IllegalArgumentException.class, () -> SymmetricEigen.of(Matrix.gaussian(3, 4, 1)), "a is 3x4", "square");
        assertThrowsWith(IllegalArgumentException.class, () -> SymmetricEigen.of(DecompTesting.withNaN(3, 3)), "a(1, 2)");
    }

    @Test
    void emptyAndStates() {
        SymmetricEigen eig = SymmetricEigen.of(new Matrix(0, 0));
        assertEquals(0, eig.getEigenvalues().length);
        assertEquals(new Matrix(0, 0), eig.getEigenvectors());
        assertThrows(IllegalStateException.class, () -> new SymmetricEigen().getEigenvalues());
        SymmetricEigen values = new SymmetricEigen(false, Lapack.get()).decompose(Matrix.eye(2));
        assertThrowsWith(IllegalStateException.class, values::getEigenvectors, "computeVectors = false");
        assertThrowsWith(IllegalArgumentException.class, () -> eig.getEigenvector(0), "i = 0");
    }
}
