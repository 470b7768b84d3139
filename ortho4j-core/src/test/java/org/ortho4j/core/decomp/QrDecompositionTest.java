package org.ortho4j.core.decomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ortho4j.core.decomp.DecompTesting.assertOrthonormal;
import static org.ortho4j.core.decomp.DecompTesting.assertReconstructs;
import static org.ortho4j.core.decomp.DecompTesting.assertThrowsWith;

import dev.ludovic.netlib.lapack.LAPACK;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Asserts;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Ortho4jTest;

class QrDecompositionTest extends Ortho4jTest {

    @ParameterizedTest(name = "{0} {2}x{3}")
    @MethodSource("org.ortho4j.core.decomp.DecompTesting#lapacksAndShapes")
    void thinAndFullFactorsReconstruct(String name, LAPACK lapack, int m, int n) {
        Matrix a = Matrix.gaussian(m, n, seed);
        Matrix copy = a.copy();
        QrDecomposition qr = new QrDecomposition(lapack).decompose(a);
        int k = Math.min(m, n);
        Matrix q = qr.getQ(), r = qr.getR(), qf = qr.getFullQ();
        assertEquals(a, copy, "input must not be modified");
        assertEquals(m, q.rows);
        assertEquals(k, q.cols);
        assertEquals(k, r.rows);
        assertEquals(n, r.cols);
        assertEquals(m, qf.rows);
        assertEquals(m, qf.cols);
        for (int i = 0; i < k; i++)
            for (int j = 0; j < Math.min(i, n); j++) assertEquals(0.0, r.get(i, j), "R(" + i + ", " + j + ") below the diagonal");
        assertReconstructs(a, q.mult(r), "A = Q R");
        assertOrthonormal(q, "thin Q");
        assertOrthonormal(qf, "full Q");
        // Full Q times R padded with zero rows reconstructs A too; its leading k columns are the thin Q
        // (both come from the same reflectors, so they agree to rounding: c n eps, elementwise).
        Matrix rPadded = new Matrix(m, n);
        rPadded.view(0, 0, k, n).setTo(r);
        assertReconstructs(a, qf.mult(rPadded), "A = Q_full [R; 0]");
        Asserts.assertAllClose(m, k, q::get, qf.view(0, 0, m, k)::get, 0, DecompTesting.C * Math.max(1, m) * Eps.DOUBLE,
                "thin Q vs leading columns of full Q");
    }

    @Test
    void handComputedColumn() {
        // A = [3; 4]: R = [-5] and Q = -[0.6; 0.8] up to a common sign (LAPACK gives R(0,0) = -5).
        QrDecomposition qr = QrDecomposition.of(Matrix.column(3, 4));
        double r = qr.getR().get(0, 0), sign = Math.signum(r);
        assertEquals(5, Math.abs(r), 4 * Eps.DOUBLE * 5);
        Matrix q = qr.getQ();
        assertEquals(0.6 * sign, q.get(0, 0), 4 * Eps.DOUBLE);
        assertEquals(0.8 * sign, q.get(1, 0), 4 * Eps.DOUBLE);
    }

    @Test
    void emptyShapes() {
        QrDecomposition qr = new QrDecomposition();
        qr.decompose(new Matrix(0, 4));
        assertEquals(0, qr.getQ().cols);
        assertEquals(0, qr.getR().rows);
        assertEquals(4, qr.getR().cols);
        assertEquals(new Matrix(0, 0), qr.getFullQ());
        qr.decompose(new Matrix(3, 0));
        assertEquals(3, qr.getQ().rows);
        assertEquals(0, qr.getQ().cols);
        assertEquals(Matrix.eye(3), qr.getFullQ(), "full Q of a 3x0 matrix is any orthogonal matrix; we give I");
    }

    @Test
    void reuseAndViewsGiveTheSameFactorsAsAFreshObject() {
        QrDecomposition reused = new QrDecomposition();
        reused.decompose(Matrix.gaussian(40, 30, seed));
        Matrix big = Matrix.gaussian(12, 9, seed + 1);
        Matrix view = big.view(2, 1, 8, 5);
        reused.decompose(view);
        QrDecomposition fresh = QrDecomposition.of(view.copy());
        assertEquals(fresh.getQ(), reused.getQ(), "bitwise: same LAPACK calls on the same numbers");
        assertEquals(fresh.getR(), reused.getR());
        assertEquals(8, reused.rows());
        assertEquals(5, reused.cols());
    }

    @Test
    void badInputs() {
        assertThrowsWith(IllegalArgumentException.class, () -> QrDecomposition.of(DecompTesting.withNaN(4, 3)), "a(1, 2)", "finite");
        assertThrowsWith(IllegalArgumentException.class, () -> QrDecomposition.of(null), "a is null");
        assertThrowsWith(IllegalArgumentException.class, () -> new QrDecomposition(null), "lapack");
        assertThrows(IllegalStateException.class, () -> new QrDecomposition().getQ());
    }
}
