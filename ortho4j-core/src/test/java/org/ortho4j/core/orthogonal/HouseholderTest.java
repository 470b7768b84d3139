package org.ortho4j.core.orthogonal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.core.orthogonal.OrthoTesting.assertClose;
import static org.ortho4j.core.orthogonal.OrthoTesting.gaussian;
import static org.ortho4j.core.orthogonal.OrthoTesting.naiveMult;
import static org.ortho4j.core.orthogonal.OrthoTesting.naiveReflector;

import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Asserts;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Ortho4jTest;

/** Elementary reflectors (LAPACK form) and the generalized reflector H(v, β). */
class HouseholderTest extends Ortho4jTest {
    private static final double EPS = Eps.DOUBLE;
    private static final int[] SIZES = {1, 2, 3, 5, 17, 64};

    private double[] randomVector(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rng().nextGaussian();
        return x;
    }

    /** (I − τ v vᵀ) x, computed naively. */
    private static double[] applyNaive(double tau, double[] v, double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += v[i] * x[i];
        double[] y = x.clone();
        for (int i = 0; i < x.length; i++) y[i] -= tau * v[i] * s;
        return y;
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) s += v * v;
        return Math.sqrt(s);
    }

    @Test
    void generatedReflectorMapsTheVectorOntoMinusSignedNormTimesE1() {
        for (int n : SIZES)
            for (int trial = 0; trial < 5; trial++) {
                double[] x = randomVector(n);
                if (trial == 1) x[0] = 0;           // α = 0: β = -‖x‖ by the copySign(+0) rule
                Householder.Reflector h = Householder.reflector(x);
                assertEquals(1, h.v()[0]);
                double nx = norm(x);
                if (n == 1) {
                    assertEquals(0, h.tau(), "length 1: identity");
                    assertEquals(x[0], h.beta());
                    continue;
                }
                assertTrue(h.tau() >= 1 && h.tau() <= 2, "tau in [1, 2]: " + h.tau());
                assertEquals(-Math.copySign(nx, x[0]), h.beta(), 4 * n * EPS * nx, "beta = -sign(x0) ||x||");
                // H x = β e1: the standard backward-error bound of one reflector is O(nε)‖x‖
                double[] y = applyNaive(h.tau(), h.v(), x);
                y[0] -= h.beta();
                assertTrue(norm(y) <= 8 * n * EPS * nx, "residual " + norm(y) + " for n = " + n);
                // the reflector is orthogonal: τ (2 - τ vᵀv) = 0 to rounding
                Matrix hm = Matrix.eye(n);
                Householder.applyLeft(h.tau(), h.v(), 0, 1, hm, null);
                Asserts.assertOrthogonal(n, n, hm::get, 8);
            }
    }

    @Test
    void generationIsInvariantUnderPowerOfTwoScalingIncludingTheRescaledRange() {
        // Scaling by 2^s is exact, so v and τ must not change and β must scale by 2^s. Scales below
        // 2^-969 go through the rescaling loop; 2^1000 would overflow a naive sum of squares.
        for (int n : new int[] {2, 3, 17}) {
            double[] x = randomVector(n);
            Householder.Reflector ref = Householder.reflector(x);
            for (int s : new int[] {-1000, -1020, -600, 600, 1000}) {
                double[] xs = x.clone();
                for (int i = 0; i < n; i++) xs[i] = Math.scalb(xs[i], s);
                Householder.Reflector h = Householder.reflector(xs);
                assertEquals(ref.tau(), h.tau(), 4 * n * EPS, "tau at scale 2^" + s);
                Asserts.assertAllClose(ref.v(), h.v(), 4 * n * EPS, 4 * n * EPS, "v at scale 2^" + s);
                assertEquals(ref.beta(), Math.scalb(h.beta(), -s), 4 * n * EPS * Math.abs(ref.beta()), "beta at scale 2^" + s);
            }
        }
    }

    @Test
    void zeroTailsGiveTheIdentityWithoutNaN() {
        Householder.Reflector zero = Householder.reflector(new double[4]);
        assertEquals(0, zero.tau());
        assertEquals(0, zero.beta());
        assertArrayEquals(new double[] {1, 0, 0, 0}, zero.v());

        Householder.Reflector axis = Householder.reflector(new double[] {-3, 0, 0});
        assertEquals(0, axis.tau());
        assertEquals(-3, axis.beta());

        // α = 0, tail (0, 5): β = -5, τ = 1, v = (1, 0, 1) exactly
        Householder.Reflector h = Householder.reflector(new double[] {0, 0, 5});
        assertEquals(-5, h.beta());
        assertEquals(1, h.tau());
        assertArrayEquals(new double[] {1, 0, 1}, h.v());

        Householder.Reflector empty = Householder.reflector(new double[0]);
        assertEquals(0, empty.tau());
        assertEquals(0, empty.v().length);
    }

    @Test
    void stridedGenerationWorksOnAMatrixColumn() {
        Matrix a = gaussian(6, 4, rng());
        double[] col = a.colArray(2);
        Householder.Reflector ref = Householder.reflector(col);
        double tau = Householder.generate(a.data, a.offset + 2, 6, a.ld);
        assertEquals(ref.tau(), tau, 0);
        assertEquals(ref.beta(), a.get(0, 2), 0);
        for (int i = 1; i < 6; i++) assertEquals(ref.v()[i], a.get(i, 2), 0);
    }

    @Test
    void applyLeftAndRightMatchTheExplicitReflectorOnViews() {
        int[][] shapes = {{1, 1}, {2, 3}, {5, 1}, {7, 4}, {3, 11}};
        for (int[] sh : shapes) {
            int m = sh[0], n = sh[1];
            double[] v = randomVector(m), w = randomVector(n);
            double tau = 2 * rng().nextDouble() - 0.5; // LAPACK form takes any τ
            Matrix h = Matrix.eye(m), hr = Matrix.eye(n);
            for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) h.set(i, j, h.get(i, j) - tau * v[i] * v[j]);
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) hr.set(i, j, hr.get(i, j) - tau * w[i] * w[j]);
            // operate on a view (offset, ld > cols) inside a bigger matrix; the rest must stay untouched
            Matrix big = gaussian(m + 2, n + 3, rng()), before = big.copy();
            Matrix c = big.view(1, 2, m, n), c0 = c.copy();
            Householder.applyLeft(tau, v, 0, 1, c, new double[n]);
            assertClose(naiveMult(h, c0), c, 8 * m * EPS, "left " + m + "x" + n);
            Householder.applyRight(tau, w, 0, 1, c);
            assertClose(naiveMult(naiveMult(h, c0), hr), c, 16 * (m + n) * EPS, "right " + m + "x" + n);
            for (int i = 0; i < m + 2; i++)
                for (int j = 0; j < n + 3; j++)
                    if (i < 1 || i > m || j < 2 || j > n + 1) assertEquals(before.get(i, j), big.get(i, j), 0, "outside the view");
            // a strided v gives the same result as a contiguous one
            double[] strided = new double[3 * m];
            for (int i = 0; i < m; i++) strided[3 * i] = v[i];
            Matrix c1 = c0.copy(), c2 = c0.copy();
            Householder.applyLeft(tau, v, 0, 1, c1, null);
            Householder.applyLeft(tau, strided, 0, 3, c2, null);
            assertEquals(c1, c2);
        }
    }

    @Test
    void generalizedReflectorHasEigenvalueOneMinusBetaOnVAndOneOnItsComplement() {
        for (double beta : new double[] {0, 0.3, 1, 1.7, 2})
            for (double scale : new double[] {1e-200, 1, 1e200})
                for (int n : new int[] {1, 2, 3, 7}) {
                    double[] vn = randomVector(n), v = new double[n];      // v = scale * vn
                    for (int i = 0; i < n; i++) v[i] = vn[i] * scale;
                    double[] x = randomVector(n);
                    // H v = (1 - β) v, compared in units of the scale (‖v‖² would overflow at 1e200)
                    Matrix hv = Matrix.column(v);
                    Householder.reflect(v, beta, hv);
                    for (int i = 0; i < n; i++)
                        assertEquals((1 - beta) * vn[i], hv.get(i, 0) / scale, 8 * n * EPS * norm(vn), "H v, beta " + beta);
                    // H w = w for w ⊥ v
                    double vv = 0, vx = 0;
                    for (int i = 0; i < n; i++) { vv += vn[i] * vn[i]; vx += vn[i] * x[i]; }
                    double[] w = new double[n];
                    for (int i = 0; i < n; i++) w[i] = x[i] - vx / vv * vn[i];
                    Matrix hw = Matrix.column(w);
                    Householder.reflect(v, beta, hw);
                    for (int i = 0; i < n; i++) assertEquals(w[i], hw.get(i, 0), 8 * n * EPS * norm(x), "H w, beta " + beta);
                    // explicit matrix: symmetric, equal to the naive formula; reflectRight agrees
                    Matrix h = Householder.matrix(v, beta);
                    assertClose(naiveReflector(vn, beta), h, 8 * n * EPS, "matrix()");
                    assertClose(h.transpose(), h, 0, "symmetric");
                    Matrix row = Matrix.row(x);
                    Householder.reflectRight(v, beta, row);
                    assertClose(naiveMult(Matrix.row(x), h), row, 8 * n * EPS, "reflectRight");
                    if (beta == 2) Asserts.assertOrthogonal(n, n, h::get, 8);
                }
    }

    @Test
    void generalizedReflectorIsAContractionForBetaInZeroTwo() {
        // singular values are |1 - β| ≤ 1 and 1, so ‖H x‖ ≤ ‖x‖ (up to rounding, O(nε))
        for (int t = 0; t < 50; t++) {
            int n = 1 + t % 9;
            double beta = 2 * rng().nextDouble();
            double[] v = randomVector(n), x = randomVector(n);
            Matrix y = Matrix.column(x);
            Householder.reflect(v, beta, y);
            assertTrue(y.normF() <= norm(x) * (1 + 8 * n * EPS), "contraction, beta " + beta);
        }
    }

    @Test
    void reflectInPlaceIsTheBetaTwoReflection() {
        double[] v = randomVector(5);
        Matrix x = gaussian(5, 3, rng()), y = x.copy();
        Householder.reflectInPlace(v, x);
        Householder.reflect(v, 2, y);
        assertEquals(y, x);
        // involution: applying it twice restores X to O(nε)
        Matrix z = gaussian(5, 3, rng()), z0 = z.copy();
        Householder.reflectInPlace(v, z);
        Householder.reflectInPlace(v, z);
        assertClose(z0, z, 16 * 5 * EPS, "H H = I");
    }

    @Test
    void badInputIsRejectedNamingTheParameter() {
        Matrix x = Matrix.eye(3);
        assertMessage("beta", () -> Householder.reflect(new double[] {1, 2, 3}, -0.1, x));
        assertMessage("beta", () -> Householder.reflect(new double[] {1, 2, 3}, 2.0000001, x));
        assertMessage("beta", () -> Householder.reflect(new double[] {1, 2, 3}, Double.NaN, x));
        assertMessage("v is the zero vector", () -> Householder.reflect(new double[3], 2, x));
        assertMessage("v holds NaN", () -> Householder.reflect(new double[] {1, Double.NaN, 3}, 2, x));
        assertMessage("v.length", () -> Householder.reflect(new double[] {1, 2}, 2, x));
        assertMessage("v.length", () -> Householder.reflectRight(new double[] {1, 2}, 2, x));
        assertMessage("x is null", () -> Householder.reflect(new double[] {1, 2}, 2, null));
        assertMessage("x holds NaN", () -> Householder.reflector(new double[] {1, Double.NaN}));
        assertMessage("x holds", () -> Householder.reflector(new double[] {Double.POSITIVE_INFINITY, 1}));
        assertMessage("x holds", () -> Householder.reflector(new double[] {1, Double.NEGATIVE_INFINITY}));
        assertMessage("work.length", () -> Householder.applyLeft(1, new double[3], 0, 1, x, new double[2]));
        assertMessage("v: 3 elements", () -> Householder.applyLeft(1, new double[4], 0, 2, x, null));
        assertMessage("v stride", () -> Householder.applyRight(1, new double[5], 0, 0, x));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '" + expected + "'");
    }
}
