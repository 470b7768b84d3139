package org.ortho4j.core.orthogonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.core.orthogonal.HouseholderTest.assertMessage;
import static org.ortho4j.core.orthogonal.OrthoTesting.assertClose;
import static org.ortho4j.core.orthogonal.OrthoTesting.gaussian;
import static org.ortho4j.core.orthogonal.OrthoTesting.naiveMult;

import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Ortho4jTest;

/** Plane rotations: dlartg conventions, extreme magnitudes, row/column application. */
class GivensTest extends Ortho4jTest {
    private static final double EPS = Eps.DOUBLE;

    /** Checks c ≥ 0, c² + s² = 1, sign(r) = sign(f), and G (f, g) = (r, 0), all to a few ulps. */
    private static void assertRotation(double f, double g) {
        Givens rot = Givens.of(f, g);
        String at = "f=" + f + " g=" + g + " -> " + rot;
        double c = rot.c(), s = rot.s(), r = rot.r();
        assertTrue(c >= 0 && c <= 1, "c in [0, 1]: " + at);
        assertEquals(1, c * c + s * s, 4 * EPS, "c^2 + s^2: " + at);
        if (f != 0) assertEquals(Math.signum(f), Math.signum(r), "sign of r: " + at);
        // compare in units of u = 2^exponent(max(|f|,|g|)) so that nothing overflows or underflows;
        // each of c f + s g and -s f + c g carries two roundings plus those of c, s: 8ε relative.
        int e = Math.getExponent(Math.max(Math.abs(f), Math.abs(g)));
        // A subnormal r carries an absolute rounding of up to one subnormal unit: add that slack.
        double fu = Math.scalb(f, -e), gu = Math.scalb(g, -e), ru = Math.scalb(r, -e);
        double slack = Math.scalb(Double.MIN_VALUE, -e);
        assertEquals(ru, c * fu + s * gu, 8 * EPS * Math.abs(ru) + slack, "first component: " + at);
        assertEquals(0, -s * fu + c * gu, 8 * EPS * Math.abs(ru) + slack, "second component: " + at);
        assertEquals(Math.hypot(fu, gu), Math.abs(ru), 4 * EPS * Math.abs(ru) + slack, "|r| = hypot(f, g): " + at);
    }

    @Test
    void rotationsZeroTheSecondComponentAcrossTheWholeRange() {
        double[] values = {1, -1, 3, -4, 0.5, 1e-300, -1e-300, 1e300, -1e300, 1e-160, 1e160,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e308, -1e308};
        for (double f : values) for (double g : values) assertRotation(f, g);
        for (int t = 0; t < 200; t++) assertRotation(rng().nextGaussian(), rng().nextGaussian());
    }

    @Test
    void specialCasesFollowLapack() {
        Givens a = Givens.of(-3, 0);
        assertEquals(new Givens(1, 0, -3), a);
        Givens b = Givens.of(0, -2);
        assertEquals(new Givens(0, -1, 2), b);
        Givens z = Givens.of(0, 0);
        assertEquals(new Givens(1, 0, 0), z);
        Givens c = Givens.of(3, 4); // the 3-4-5 triangle: c = 0.6, s = 0.8, r = 5 to rounding
        assertEquals(0.6, c.c(), 2 * EPS);
        assertEquals(0.8, c.s(), 2 * EPS);
        assertEquals(5, c.r(), 4 * EPS);
        Givens d = Givens.of(-3, 4); // r takes the sign of f, c stays non-negative
        assertEquals(-5, d.r(), 4 * EPS);
        assertEquals(0.6, d.c(), 2 * EPS);
        assertEquals(-0.8, d.s(), 2 * EPS);
    }

    @Test
    void rowAndColumnApplicationMatchTheEmbeddedMatrixAndZeroTheTarget() {
        for (int[] sh : new int[][] {{2, 1}, {3, 4}, {6, 5}}) {
            int m = sh[0], n = sh[1];
            Matrix a = gaussian(m, n, rng());
            // rows 0 and m-1, zeroing a(m-1, 0) against a(0, 0)
            Givens rot = Givens.of(a.get(0, 0), a.get(m - 1, 0));
            Matrix b = a.copy();
            rot.applyRows(b, 0, m - 1);
            assertClose(naiveMult(rot.toMatrix(m, 0, m - 1), a), b, 4 * EPS, "applyRows " + m + "x" + n);
            assertEquals(0, b.get(m - 1, 0), 4 * EPS * Math.abs(rot.r()));
            assertEquals(rot.r(), b.get(0, 0), 4 * EPS * Math.abs(rot.r()));
            if (n < 2) continue;
            // columns 1 and 0 of the transpose problem: zero a(0, 0) against a(0, 1)
            Givens col = Givens.of(a.get(0, 1), a.get(0, 0));
            Matrix c = a.copy();
            col.applyCols(c, 1, 0);
            assertClose(naiveMult(a, col.toMatrix(n, 1, 0).transpose()), c, 4 * EPS, "applyCols " + m + "x" + n);
            assertEquals(0, c.get(0, 0), 4 * EPS * Math.abs(col.r()));
            // the embedded matrix is orthogonal
            Matrix g = rot.toMatrix(m, 0, m - 1);
            assertClose(Matrix.eye(m), naiveMult(g.transpose(), g), 4 * EPS, "G^T G");
        }
    }

    @Test
    void badInputIsRejectedNamingTheParameter() {
        assertMessage("f = NaN", () -> Givens.of(Double.NaN, 1));
        assertMessage("g = Infinity", () -> Givens.of(1, Double.POSITIVE_INFINITY));
        Givens r = Givens.of(1, 1);
        Matrix a = Matrix.eye(3);
        assertMessage("expected two different indices", () -> r.applyRows(a, 1, 1));
        assertMessage("k = 3", () -> r.applyRows(a, 0, 3));
        assertMessage("j = -1", () -> r.applyCols(a, -1, 2));
        assertMessage("a is null", () -> r.applyCols(null, 0, 1));
        assertMessage("n = -1", () -> r.toMatrix(-1, 0, 1));
    }
}
