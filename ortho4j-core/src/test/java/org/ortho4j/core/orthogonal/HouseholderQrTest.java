package org.ortho4j.core.orthogonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ortho4j.core.orthogonal.OrthoTesting.gaussian;
import static org.ortho4j.core.orthogonal.OrthoTesting.naiveMult;

import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Asserts;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Ortho4jTest;

/** The package's blocked Householder QR (used by Haar and the skew-symmetric maps). */
class HouseholderQrTest extends Ortho4jTest {
    private static final double EPS = Eps.DOUBLE;

    /** det A = Π R_ii · Π det H_j, and det H_j = −1 for every reflector with τ ≠ 0. */
    static double determinant(Matrix a) {
        HouseholderQr qr = HouseholderQr.factor(a.copy());
        double det = 1;
        for (int i = 0; i < a.rows; i++) det *= qr.diagonal(i);
        for (double t : qr.q().taus()) if (t != 0) det = -det;
        return det;
    }

    @Test
    void factorsAreBackwardStableOrthogonalAndTriangularIncludingBlockedPanels() {
        // Householder QR is backward stable: ‖A − QR‖_F ≤ c·mn·ε‖A‖_F in theory, O(√(mn)ε) in
        // practice; c·max(m,n)·ε with c = 4 holds with wide margin. Shapes cross the 32-column panel.
        int[][] shapes = {{1, 1}, {2, 2}, {3, 1}, {1, 3}, {5, 3}, {3, 5}, {7, 7}, {40, 33}, {33, 40}, {70, 67}, {97, 3}};
        for (int[] sh : shapes) {
            int m = sh[0], n = sh[1], p = Math.min(m, n);
            Matrix a = gaussian(m, n, rng());
            HouseholderQr qr = HouseholderQr.factor(a.copy());
            Matrix q = qr.q().toMatrix();
            Asserts.assertOrthogonal(m, m, q::get, 4);
            Matrix thin = qr.thinQ(p, null);
            Asserts.assertAllClose(m, p, q::get, thin::get, 0, 8 * m * EPS, "thin Q = leading columns of Q");
            Matrix r = new Matrix(p, n);
            Matrix packed = a.copy();
            HouseholderQr.factor(packed);
            for (int i = 0; i < p; i++) for (int j = i; j < n; j++) r.set(i, j, packed.get(i, j));
            Asserts.assertBackwardError(m, n, a::get, naiveMult(thin, r)::get, 4, EPS, "A = QR " + m + "x" + n);
        }
    }

    @Test
    void solveHasASmallResidual() {
        // ‖A X − B‖ ≤ c n ε ‖A‖ ‖X‖ for a backward-stable solve
        for (int n : new int[] {1, 2, 5, 33, 50}) {
            Matrix a = gaussian(n, n, rng()), b = gaussian(n, 3, rng()), x = b.copy();
            HouseholderQr.factor(a.copy()).solveInPlace(x);
            double res = naiveMult(a, x).minus(b).normF();
            double bound = 8 * n * EPS * a.normF() * x.normF();
            assertEquals(0, res, bound, "residual n=" + n);
        }
    }

    @Test
    void determinantOfKnownMatrices() {
        assertEquals(-2, determinant(Matrix.of(new double[][] {{1, 2}, {3, 4}})), 64 * EPS); // cond(A) ≈ 15
        assertEquals(24, determinant(Matrix.diag(2, 3, 4)), 0);
        assertEquals(-1, determinant(Matrix.of(new double[][] {{0, 1}, {1, 0}})), 4 * EPS);
    }

    @Test
    void singularInputFactorsAndAnExactlySingularSolveIsReported() {
        // rank one: R(1,1) vanishes up to rounding, |R11| <= c ε ‖A‖
        HouseholderQr rankOne = HouseholderQr.factor(Matrix.of(new double[][] {{1, 2}, {2, 4}}));
        assertEquals(0, rankOne.diagonal(1), 8 * EPS * 5);
        Matrix s = Matrix.of(new double[][] {{1, 0}, {0, 0}});
        assertThrows(IllegalStateException.class, () -> HouseholderQr.factor(s).solveInPlace(Matrix.eye(2)));
    }
}
