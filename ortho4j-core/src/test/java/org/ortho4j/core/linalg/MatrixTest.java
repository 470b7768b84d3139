package org.ortho4j.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Ortho4jTest;

class MatrixTest extends Ortho4jTest {

    /** Naive triple loop: the slow obvious reference for every product. */
    static Matrix naive(Matrix a, boolean ta, Matrix b, boolean tb) {
        int m = ta ? a.cols : a.rows, k = ta ? a.rows : a.cols, n = tb ? b.rows : b.cols;
        Matrix c = new Matrix(m, n);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += (ta ? a.get(p, i) : a.get(i, p)) * (tb ? b.get(j, p) : b.get(p, j));
                c.set(i, j, s);
            }
        return c;
    }

    /** |C - C_ref| <= k * eps * (|A| |B|) elementwise (the standard GEMM error bound), times 2 for both sides. */
    static void assertProductClose(Matrix a, boolean ta, Matrix b, boolean tb, Matrix c) {
        Matrix ref = naive(a, ta, b, tb);
        Matrix absA = a.map(Math::abs), absB = b.map(Math::abs);
        Matrix bound = naive(absA, ta, absB, tb);
        int k = ta ? a.rows : a.cols;
        for (int i = 0; i < ref.rows; i++)
            for (int j = 0; j < ref.cols; j++) {
                double tol = 2 * (k + 1) * Eps.DOUBLE * bound.get(i, j);
                assertEquals(ref.get(i, j), c.get(i, j), tol, "(" + i + ", " + j + ") k=" + k);
            }
    }

    @Test
    void factoriesAndAccess() {
        Matrix e = Matrix.eye(3, 4);
        assertEquals(3, e.sum());
        assertEquals(3, Matrix.eye(3).trace());
        assertEquals(1, e.get(2, 2));
        assertEquals(0, e.get(2, 3));
        Matrix d = Matrix.diag(1, 2, 3);
        assertEquals(6, d.trace());
        Matrix m = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(2, m.rows);
        assertEquals(3, m.cols);
        assertArrayEquals(new double[] {4, 5, 6}, m.rowArray(1));
        assertArrayEquals(new double[] {3, 6}, m.colArray(2));
        assertEquals(m, Matrix.wrap(2, 3, 1, 2, 3, 4, 5, 6));
        assertEquals(21, m.sum());
        assertEquals(new Matrix(0, 5).size(), 0);
    }

    @Test
    void viewsShareDataAndRespectLeadingDimension() {
        Matrix m = Matrix.gaussian(5, 6, seed);
        Matrix v = m.view(1, 2, 3, 3);
        assertEquals(m.get(2, 3), v.get(1, 1));
        v.set(0, 0, 42);
        assertEquals(42, m.get(1, 2));
        assertFalse(v.isContiguous());
        Matrix copy = v.copy();
        assertTrue(copy.isContiguous());
        assertEquals(v, copy);
        // products of views equal products of copies
        Matrix b = Matrix.gaussian(3, 4, seed + 1);
        assertEquals(copy.mult(b), v.mult(b));
        assertThrows(IllegalArgumentException.class, () -> m.view(4, 0, 2, 1));
    }

    @Test
    void productsMatchTheNaiveLoopOnASizeGrid() {
        int[] sizes = {0, 1, 2, 3, 5, 7, 13, 31, 64, 100};
        for (int m : sizes)
            for (int k : new int[] {0, 1, 3, 17, 64})
                for (int n : new int[] {1, 2, 7, 33}) {
                    Matrix a = Matrix.gaussian(m, k, seed + m), b = Matrix.gaussian(k, n, seed + n);
                    assertProductClose(a, false, b, false, a.mult(b));
                    Matrix at = a.transpose(), bt = b.transpose();
                    assertProductClose(at, true, b, false, at.transposeMult(b));
                    assertProductClose(a, false, bt, true, a.multTranspose(bt));
                    assertProductClose(at, true, bt, true, MatrixOps.gemm(1, at, true, bt, true, 0, null));
                }
    }

    @Test
    void largeProductsCrossTheBlockSizes() {
        // 300 > KC = 256 and 600 > NC = 256: exercises every edge of the Java kernel's blocking
        Matrix a = Matrix.gaussian(130, 300, seed), b = Matrix.gaussian(300, 600, seed + 1);
        assertProductClose(a, false, b, false, a.mult(b));
    }

    @Test
    void gemmAlphaBetaAndNanOverwrite() {
        Matrix a = Matrix.gaussian(6, 4, seed), b = Matrix.gaussian(4, 5, seed + 1), c = Matrix.gaussian(6, 5, seed + 2);
        Matrix expected = naive(a, false, b, false).times(2.5).plus(c.times(-0.5));
        Matrix out = MatrixOps.gemm(2.5, a, false, b, false, -0.5, c.copy());
        assertTrue(expected.equals(out, 1e-13));
        Matrix nan = new Matrix(6, 5);
        MatrixOps.fill(nan, Double.NaN);
        MatrixOps.gemm(1, a, false, b, false, 0, nan);
        assertFalse(nan.hasNonFinite(), "beta = 0 must overwrite NaN in C");
    }

    @Test
    void gramIsExactlySymmetricAndMatchesTheProduct() {
        for (int[] s : new int[][] {{1, 1}, {7, 3}, {3, 7}, {50, 20}, {40, 70}}) {
            Matrix a = Matrix.gaussian(s[0], s[1], seed);
            Matrix g = a.gram(), h = a.outerGram();
            for (int i = 0; i < g.rows; i++)
                for (int j = 0; j < g.cols; j++) assertEquals(g.get(i, j), g.get(j, i), 0.0);
            for (int i = 0; i < h.rows; i++)
                for (int j = 0; j < h.cols; j++) assertEquals(h.get(i, j), h.get(j, i), 0.0);
            assertProductClose(a, true, a, false, g);
            assertProductClose(a, false, a, true, h);
        }
    }

    @Test
    void elementwiseOpsAndInPlace() {
        Matrix a = Matrix.gaussian(4, 3, seed), b = Matrix.gaussian(4, 3, seed + 1);
        Matrix s = a.plus(b), d = a.minus(b), h = a.hadamard(b);
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 3; j++) {
                assertEquals(a.get(i, j) + b.get(i, j), s.get(i, j), 0.0);
                assertEquals(a.get(i, j) - b.get(i, j), d.get(i, j), 0.0);
                assertEquals(a.get(i, j) * b.get(i, j), h.get(i, j), 0.0);
            }
        Matrix c = a.copy();
        MatrixOps.add(c, b, c);
        assertEquals(s, c);
        assertEquals(a, a.transpose().transpose());
        Matrix sq = Matrix.gaussian(3, 3, seed);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MatrixOps.transpose(sq, sq));
        assertTrue(e.getMessage().contains("not in-place"), e.getMessage());
    }

    @Test
    void normsAgreeWithDefinitions() {
        Matrix a = Matrix.of(new double[][] {{3, 0}, {0, -4}});
        assertEquals(5, a.normF(), 0.0);
        assertEquals(4, a.normMax(), 0.0);
        assertEquals(4, a.norm2(), 4 * 1e-12);
        // rank-one u v^T has spectral norm |u| |v|
        Matrix u = Matrix.column(1, 2, 2), v = Matrix.row(3, 4);
        Matrix r1 = u.mult(v);
        assertEquals(15, r1.norm2(), 15 * 1e-12);
        // normF does not overflow
        assertEquals(Math.sqrt(2) * 1e300, Matrix.of(new double[][] {{1e300, 1e300}}).normF(), 1e286);
        MatrixOps.NormEstimate est = MatrixOps.norm2Estimate(Matrix.gaussian(30, 20, seed), 1e-10, 5000, 1);
        assertTrue(est.converged());
        assertTrue(est.iterations() > 1);
    }

    @Test
    void equalityWithToleranceAndToString() {
        Matrix a = Matrix.gaussian(3, 3, seed);
        Matrix b = a.copy().set(1, 1, a.get(1, 1) + 1e-9);
        assertTrue(a.equals(b, 1e-8));
        assertFalse(a.equals(b, 1e-10));
        assertNotEquals(a, b);
        assertTrue(a.toString().startsWith("Matrix 3x3"));
        assertTrue(Matrix.gaussian(40, 40, 1).toString().contains("..."));
    }

    @Test
    void badInputIsRefusedWithNamedParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Matrix(-1, 2));
        assertTrue(e.getMessage().contains("rows = -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Matrix.gaussian(2, 3, 1).mult(Matrix.gaussian(2, 3, 1)));
        assertTrue(e.getMessage().contains("inner dimensions"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Matrix.wrap(2, 2, 1, 2, 3));
        assertTrue(e.getMessage().contains("data.length = 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Matrix.of(new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("values[1].length = 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MatrixOps.requireFinite("g", Matrix.of(new double[][] {{1, Double.NaN}})));
        assertTrue(e.getMessage().contains("g(0, 1) = NaN"), e.getMessage());
        Matrix a = Matrix.gaussian(3, 3, 1);
        e = assertThrows(IllegalArgumentException.class, () -> MatrixOps.mult(a, a, a));
        assertTrue(e.getMessage().contains("not in-place"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatrixOps.mult(a, a, new Matrix(3, 2)));
        assertTrue(e.getMessage().contains("out is 3x2, expected 3x3"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> a.get(3, 0));
        e = assertThrows(IllegalArgumentException.class, () -> Matrix.uniform(2, 2, 1, 1, 0L));
        assertTrue(e.getMessage().contains("hi = 1.0"), e.getMessage());
    }

    @Test
    void floatMatrixProductsAndConversions() {
        FloatMatrix a = FloatMatrix.gaussian(37, 29, seed), b = FloatMatrix.gaussian(29, 41, seed + 1);
        Matrix ref = a.toDouble().mult(b.toDouble());
        FloatMatrix c = a.mult(b);
        // float GEMM: |error| <= k * eps_f * |A||B|; use the Frobenius form with c = 2
        double err = c.toDouble().minus(ref).normF() / ref.normF();
        assertTrue(err < 2 * 29 * Eps.FLOAT, "relative error " + err);
        FloatMatrix g = FloatMatrix.gram(a, false, null);
        for (int i = 0; i < g.rows; i++)
            for (int j = 0; j < g.cols; j++) assertEquals(g.get(i, j), g.get(j, i), 0.0f);
        assertEquals(a, a.toDouble().toFloat());
        assertEquals(a.transpose().transpose(), a);
    }

    @Test
    void blasLevelOneAndTwo() {
        double[] x = {1, 2, 3}, y = {4, 5, 6};
        assertEquals(32, Blas.dot(3, x, 0, y, 0), 0.0);
        Blas.axpy(3, 2, x, 0, y, 0);
        assertArrayEquals(new double[] {6, 9, 12}, y, 0.0);
        Blas.scal(3, 0.5, y, 0);
        assertArrayEquals(new double[] {3, 4.5, 6}, y, 0.0);
        Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new double[] {14, 32}, a.mult(new double[] {1, 2, 3}), 0.0);
        assertArrayEquals(new double[] {9, 12, 15}, MatrixOps.multTransVector(a, new double[] {1, 2}, null), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Blas.dot(4, x, 0, y, 0));
        assertTrue(e.getMessage().contains("x"), e.getMessage());
    }
}
