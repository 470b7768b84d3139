package org.ortho4j.core.decomp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ortho4j.core.decomp.DecompTesting.assertThrowsWith;

import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Ortho4jTest;

class ComplexMatrixTest extends Ortho4jTest {

    @Test
    void arithmeticOnSmallIntegers() {
        // Integer-valued inputs: every result below is exact in double precision.
        // M = [1+2i 3; -i 4-i], x = (2 - i, 1 + 3i)
        ComplexMatrix m = new ComplexMatrix(2, 2).set(0, 0, 1, 2).set(0, 1, 3, 0).set(1, 0, 0, -1).set(1, 1, 4, -1);
        ComplexMatrix x = new ComplexMatrix(2, 1).set(0, 0, 2, -1).set(1, 0, 1, 3);
        // M x = ((1+2i)(2-i) + 3(1+3i), -i(2-i) + (4-i)(1+3i)) = (4+3i + 3+9i, -1-2i + 7+11i) = (7+12i, 6+9i)
        ComplexMatrix y = m.mult(x);
        assertArrayEquals(new double[] {7, 6}, y.re);
        assertArrayEquals(new double[] {12, 9}, y.im);
        double[] yr = new double[2], yi = new double[2];
        m.multVector(x.re, x.im, yr, yi);
        assertArrayEquals(y.re, yr);
        assertArrayEquals(y.im, yi);
        // (2 + i) x = (5, -1 + 7i)
        ComplexMatrix s = x.scale(2, 1);
        assertArrayEquals(new double[] {5, -1}, s.re);
        assertArrayEquals(new double[] {0, 7}, s.im);
        ComplexMatrix h = m.conjugateTranspose();
        assertEquals(0, h.getRe(0, 1));
        assertEquals(1, h.getIm(0, 1));
        assertEquals(3, h.getRe(1, 0));
        assertEquals(-2, h.getIm(0, 0));
        assertEquals(new ComplexMatrix(2, 2), m.minus(m));
        // |1+2i|^2 + 9 + 1 + |4-i|^2 = 5 + 9 + 1 + 17 = 32
        assertEquals(Math.sqrt(32), m.normF(), 1e-15);
        assertEquals(m, ComplexMatrix.of(m.real(), m.imag()));
        assertEquals(m.hashCode(), ComplexMatrix.of(m.real(), m.imag()).hashCode());
        assertEquals(new ComplexMatrix(2, 1).set(0, 0, 1, 2).set(1, 0, 0, -1), m.column(0));
        assertEquals(Matrix.eye(2), ComplexMatrix.of(Matrix.eye(2)).real());
    }

    @Test
    void badInputs() {
        assertThrowsWith(IllegalArgumentException.class, () -> new ComplexMatrix(-1, 2), "rows = -1");
        assertThrowsWith(IllegalArgumentException.class, () -> new ComplexMatrix(2, 2, new double[4], new double[3]), "im.length = 3");
        ComplexMatrix m = new ComplexMatrix(2, 3);
        assertThrowsWith(IllegalArgumentException.class, () -> m.mult(new ComplexMatrix(2, 1)), "b is 2x1", "3 rows");
        assertThrowsWith(IllegalArgumentException.class, () -> m.multVector(new double[3], new double[3], new double[3], new double[2]), "yRe.length = 3");
        assertThrowsWith(IllegalArgumentException.class, () -> m.minus(new ComplexMatrix(3, 2)), "b is 3x2");
        assertThrows(IndexOutOfBoundsException.class, () -> m.getRe(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> m.column(3));
        assertThrowsWith(IllegalArgumentException.class, () -> ComplexMatrix.of(Matrix.eye(2), Matrix.eye(3)), "im is 3x3");
    }
}
