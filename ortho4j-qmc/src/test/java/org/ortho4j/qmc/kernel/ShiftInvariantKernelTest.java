package org.ortho4j.qmc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Ortho4jTest;

class ShiftInvariantKernelTest extends Ortho4jTest {
    static final double EPS = Math.ulp(1.0);
    private static final MathContext MC = new MathContext(60);
    private static final BigDecimal PI = new BigDecimal(
            "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899");

    /** Bernoulli numbers B_0..B_10 as exact fractions {numerator, denominator}. */
    private static final long[][] BERNOULLI = {{1, 1}, {-1, 2}, {1, 6}, {0, 1}, {-1, 30}, {0, 1}, {1, 42}, {0, 1},
        {-1, 30}, {0, 1}, {5, 66}};

    /**
     * Exact {@code Ktilde_alpha(x)} in 60-digit arithmetic: {@code B_n(x) = sum_k C(n,k) B_k x^(n-k)}
     * with the rational Bernoulli numbers (an independent route from the w-form Horner of the code).
     */
    static double exactTilde(int alpha, double x) {
        int n = 2 * alpha;
        BigDecimal bx = new BigDecimal(x), sum = BigDecimal.ZERO;
        for (int k = 0; k <= n; k++) {
            BigDecimal bk = BigDecimal.valueOf(BERNOULLI[k][0]).divide(BigDecimal.valueOf(BERNOULLI[k][1]), MC);
            sum = sum.add(new BigDecimal(binomial(n, k)).multiply(bk, MC).multiply(bx.pow(n - k, MC), MC), MC);
        }
        BigDecimal c = PI.multiply(BigDecimal.valueOf(2), MC).pow(n, MC).divide(new BigDecimal(factorial(n)), MC);
        BigDecimal v = c.multiply(sum, MC);
        return (alpha % 2 == 1 ? v : v.negate()).doubleValue();
    }

    static BigInteger binomial(int n, int k) { return factorial(n).divide(factorial(k).multiply(factorial(n - k))); }

    static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) f = f.multiply(BigInteger.valueOf(i));
        return f;
    }

    @Test
    void oneDimensionalFactorEqualsExactBernoulliValue() {
        // Error of the w-form Horner: w = d(1-d) has relative error <= 2u, each of <= 6 Horner steps
        // and the final product add <= u of the partial values, all bounded by Ktilde(0) = 2 zeta(2 alpha)
        // (the largest |Ktilde|); 32 eps Ktilde(0) covers this with margin (observed: <= 4 eps).
        double[] xs = {0, 1e-9, 0.001, 0.1, 0.2113248654051871, 0.25, 1.0 / 3, 0.5, 0.6, 0.75, 0.9, 0.999, 1 - 1e-12};
        for (int alpha = 1; alpha <= ShiftInvariantKernel.MAX_ALPHA; alpha++) {
            double tol = 32 * EPS * ShiftInvariantKernel.kTilde(alpha, 0);
            for (double x : xs)
                assertEquals(exactTilde(alpha, x), ShiftInvariantKernel.kTilde(alpha, x), tol, "alpha=" + alpha + " x=" + x);
            for (int r = 0; r < 50; r++) {
                double x = rng().nextDouble();
                assertEquals(exactTilde(alpha, x), ShiftInvariantKernel.kTilde(alpha, x), tol, "alpha=" + alpha + " x=" + x);
            }
        }
    }

    @Test
    void valueAtZeroIsTwiceZeta() {
        // Ktilde_alpha(0) = 2 zeta(2 alpha): pi^2/3, pi^4/45, 2 pi^6/945, pi^8/4725, 2 pi^10/93555.
        double p = Math.PI;
        double[] expected = {p * p / 3, Math.pow(p, 4) / 45, 2 * Math.pow(p, 6) / 945, Math.pow(p, 8) / 4725,
            2 * Math.pow(p, 10) / 93555};
        for (int a = 1; a <= 5; a++)
            assertEquals(expected[a - 1], ShiftInvariantKernel.kTilde(a, 0), 8 * EPS * expected[a - 1], "alpha=" + a);
    }

    @Test
    void factorEqualsItsFourierSeries() {
        // Ktilde_alpha(d) = 2 sum_{h>=1} cos(2 pi h d) / h^(2 alpha). For alpha >= 2 the tail after H terms is
        // below 2/((2 alpha - 1) H^(2 alpha - 1)) = 6.7e-16 (alpha = 2, H = 1e5); summation error ~1e-15.
        int h = 100_000;
        for (int alpha = 2; alpha <= 5; alpha++)
            for (double d : new double[] {0.05, 0.3, 0.5, 0.77}) {
                double s = 0;
                for (int k = h; k >= 1; k--) s += Math.cos(2 * Math.PI * k * d) / Math.pow(k, 2 * alpha);
                assertEquals(2 * s, ShiftInvariantKernel.kTilde(alpha, d), 1e-14, "alpha=" + alpha + " d=" + d);
            }
    }

    @Test
    void factorIsPeriodicSymmetricAndHasMeanZero() {
        for (int alpha = 1; alpha <= 5; alpha++) {
            double tol = 16 * EPS * ShiftInvariantKernel.kTilde(alpha, 0);
            for (int r = 0; r < 20; r++) {
                double d = rng().nextDouble();
                double v = ShiftInvariantKernel.kTilde(alpha, d);
                assertEquals(v, ShiftInvariantKernel.kTilde(alpha, d - 3), tol, "periodic");
                assertEquals(v, ShiftInvariantKernel.kTilde(alpha, 1 - d), tol, "symmetric");
                assertEquals(v, ShiftInvariantKernel.kTilde(alpha, -d), tol, "even");
            }
            // Midpoint rule with N = 2^16 nodes integrates every Fourier mode 0 < |h| < N exactly, so
            // the mean is the aliasing sum ~ 2 N^(-2 alpha) plus round-off ~ eps: below 1e-9 (spec §4.9).
            int nNodes = 1 << 16;
            double mean = 0;
            for (int i = 0; i < nNodes; i++) mean += ShiftInvariantKernel.kTilde(alpha, (i + 0.5) / nNodes);
            mean /= nNodes;
            assertTrue(Math.abs(mean) < 1e-9, "alpha=" + alpha + " mean " + mean);
        }
    }

    @Test
    void productKernelEvaluatesTheDefinition() {
        double[] gamma = {1, 0.25, 1.0 / 9};
        int[] alpha = {1, 2, 3};
        ShiftInvariantKernel k = new ShiftInvariantKernel(10, gamma, alpha);
        double[] x = {0.1, 0.7, 0.33}, z = {0.6, 0.2, 0.83};
        double expected = 10;
        for (int j = 0; j < 3; j++) expected *= 1 + gamma[j] * exactTilde(alpha[j], ((x[j] - z[j]) % 1 + 1) % 1);
        // 3 factors of relative accuracy ~ 8 eps each, summed with weights gamma_j Ktilde_j <= 3.3
        assertEquals(expected, k.eval(x, z), 64 * EPS * Math.abs(expected));
        // symmetric up to the rounding of (x - z) mod 1 versus (z - x) mod 1 (a few ulps)
        assertEquals(k.eval(x, z), k.eval(z, x), 16 * EPS * Math.abs(expected), "symmetric");
        assertEquals(k.diagonal(), k.eval(x, x), 0);
        assertEquals(10 * (1 + Math.PI * Math.PI / 3) * (1 + 0.25 * Math.pow(Math.PI, 4) / 45)
                * (1 + 2 * Math.pow(Math.PI, 6) / 945 / 9), k.diagonal(), 1e-13 * k.diagonal());
    }

    @Test
    void batchAndGramAgreeWithPointwise() {
        ShiftInvariantKernel k = new ShiftInvariantKernel(2.5, new double[] {0.5, 2}, new int[] {2, 4});
        for (int n : new int[] {0, 1, 2, 3, 7}) {
            Matrix x = Matrix.uniform(n, 2, -1, 2, seed), z = Matrix.uniform(n, 2, 0, 1, seed + 1);
            double[] pairs = k.eval(x, z);
            Matrix g = k.gram(x, z);
            for (int i = 0; i < n; i++) {
                assertEquals(k.eval(x.rowArray(i), z.rowArray(i)), pairs[i], 0);
                for (int c = 0; c < n; c++) assertEquals(k.eval(x.rowArray(i), z.rowArray(c)), g.get(i, c), 0);
            }
            if (n > 0) {
                double[] bcast = k.eval(x, z.rowView(0));
                for (int i = 0; i < n; i++) assertEquals(g.get(i, 0), bcast[i], 0);
            }
        }
    }

    @Test
    void withParametersKeepsSmoothness() {
        ShiftInvariantKernel k = new ShiftInvariantKernel(1, new double[] {1, 2}, new int[] {3, 1});
        ShiftInvariantKernel k2 = k.withParameters(4, new double[] {0.5, 0.25});
        assertEquals(4, k2.scale());
        assertEquals(0.25, k2.gamma(1));
        assertEquals(3, k2.alpha(0));
        assertEquals(1, k.gamma(0), "original unchanged");
    }

    @Test
    void badArgumentsNameTheParameter() {
        assertMessage(() -> new ShiftInvariantKernel(0, new double[] {1}, new int[] {1}), "scale");
        assertMessage(() -> new ShiftInvariantKernel(1, new double[] {-1}, new int[] {1}), "gamma[0]");
        assertMessage(() -> new ShiftInvariantKernel(1, new double[] {1, Double.NaN}, new int[] {1, 1}), "gamma[1]");
        assertMessage(() -> new ShiftInvariantKernel(1, new double[] {1}, new int[] {6}), "alpha[0]");
        assertMessage(() -> new ShiftInvariantKernel(1, new double[] {1}, new int[] {0}), "alpha[0]");
        assertMessage(() -> new ShiftInvariantKernel(1, new double[] {1, 1}, new int[] {1}), "alpha.length");
        assertMessage(() -> new ShiftInvariantKernel(1, new double[0], new int[0]), "gamma.length");
        assertMessage(() -> ShiftInvariantKernel.kTilde(1, Double.POSITIVE_INFINITY), "delta");
        assertMessage(() -> ShiftInvariantKernel.kTilde(0, 0.5), "alpha");
        ShiftInvariantKernel k = ShiftInvariantKernel.isotropic(2, 1, 1, 2);
        assertMessage(() -> k.eval(new double[] {0.1}, new double[] {0.1, 0.2}), "x.length");
        assertMessage(() -> k.eval(Matrix.zeros(3, 2), Matrix.zeros(2, 2)), "z.rows");
        assertMessage(() -> k.gram(Matrix.zeros(3, 1)), "x.cols");
        assertMessage(() -> k.withParameters(1, new double[] {1}), "gamma.length");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable e, String name) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(name), "message should name " + name + ": " + ex.getMessage());
    }
}
