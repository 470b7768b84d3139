package org.ortho4j.qmc.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.qmc.kernel.ShiftInvariantKernelTest.EPS;
import static org.ortho4j.qmc.kernel.ShiftInvariantKernelTest.assertMessage;

import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Ortho4jTest;

class DigitallyShiftInvariantKernelTest extends Ortho4jTest {

    /** Sum of the alpha largest 1-bit positions (1-based) of k: Dick's weight mu_alpha(k). */
    static int mu(int alpha, long k) {
        int s = 0;
        for (int c = 0; c < alpha && k != 0; c++) {
            int b = 63 - Long.numberOfLeadingZeros(k);
            s += b + 1;
            k &= ~(1L << b);
        }
        return s;
    }

    @Test
    void factorEqualsItsWalshSeries() {
        // Ktilde_1(y) = sum_{k>=1} wal_k(y) 2^(1 - 2 mu_1(k)),  Ktilde_alpha(y) = sum wal_k(y) 2^(-mu_alpha(k)) for
        // alpha = 2..4 (spec §2.10), wal_k(y) = (-1)^(sum_a k_a y_{a+1}), y a t-bit number. Truncated at k < 2^B:
        // the tail is at most sum_{b > B} 2^-b (1 + (b-1)/2) <= (B + 3) 2^-B (= 8e-5 for B = 18) for alpha >= 2, and
        // for alpha = 1 the tail over k >= 2^t vanishes for t-bit y (checked to 1e-15). alpha = 4 also carries QMCPy's
        // truncated kappa sum (<= beta/48 * 8.5e-9).
        int t = 10, bigB = 18;
        double tailBound = (bigB + 3) * Math.scalb(1.0, -bigB);
        for (long v : new long[] {1, 3, 100, 511, 512, 700, 1023}) {
            for (int alpha = 1; alpha <= 4; alpha++) {
                double s = 0;
                for (long k = 1; k < (1L << bigB); k++) {
                    // y_{a+1} is bit (t-1-a) of v, paired with bit a of k
                    int parity = 0;
                    for (int a = 0; a < t; a++) parity ^= (int) ((k >>> a) & (v >>> (t - 1 - a)) & 1);
                    double w = alpha == 1 ? Math.scalb(1.0, 1 - 2 * mu(1, k)) : Math.scalb(1.0, -mu(alpha, k));
                    s += parity == 0 ? w : -w;
                }
                double tol = alpha == 1 ? 1e-15 : tailBound;
                assertEquals(s, DigitallyShiftInvariantKernel.kTilde(alpha, v, t), tol, "alpha=" + alpha + " v=" + v);
            }
        }
    }

    @Test
    void factorIntegratesToZero() {
        // On each dyadic cell [c, c + w) inside [2^-beta, 2^(1-beta)) with w = min(2^-beta, 2^-9), Ktilde_alpha is a
        // polynomial of degree <= 3 in y (beta is constant, and so are the first 9 bits that alpha 4's kappa
        // reads), so 2-point Gauss-Legendre integrates it exactly; cells below 2^-60 add < 2^-60 max|Ktilde|.
        // alpha <= 3: the integral is 0 up to round-off (1e-14). alpha = 4: QMCPy's truncated kappa leaves at most
        // sum_{beta >= 11} 2^-beta beta/48 (8/7) 2^-27 < 2e-12 (observed 3e-13), hence 1e-11.
        int t = 62;
        for (int alpha = 1; alpha <= 4; alpha++) {
            double total = 0;
            for (int beta = 1; beta <= 60; beta++) {
                double lo = Math.scalb(1.0, -beta);
                int pieces = beta < 9 ? 1 << (9 - beta) : 1;
                double w = lo / pieces;
                for (int p = 0; p < pieces; p++) {
                    double mid = lo + (p + 0.5) * w, h = w / (2 * Math.sqrt(3));
                    total += w / 2 * (tildeAt(alpha, mid - h, t) + tildeAt(alpha, mid + h, t));
                }
            }
            assertTrue(Math.abs(total) < (alpha == 4 ? 1e-11 : 1e-14), "alpha=" + alpha + " integral " + total);
        }
    }

    private static double tildeAt(int alpha, double y, int t) {
        return DigitallyShiftInvariantKernel.kTilde(alpha, (long) Math.floor(Math.scalb(y, t)), t);
    }

    @Test
    void closedFormsAtSimpleArguments() {
        // y = 1/2 (beta = 1): Ktilde_1 = -1/2, Ktilde_2 = -1/2 + 5/4 - 1 = -1/4,
        // Ktilde_3 = 1/4 - 5/4 + 43/24 - 1 = -5/24; y = 0: the values 1, 3/2, 43/18 - 1, 701/294 - 1.
        int t = 8;
        long half = 1L << (t - 1);
        assertEquals(-0.5, DigitallyShiftInvariantKernel.kTilde(1, half, t), EPS);
        assertEquals(-0.25, DigitallyShiftInvariantKernel.kTilde(2, half, t), EPS);
        assertEquals(-5.0 / 24, DigitallyShiftInvariantKernel.kTilde(3, half, t), 4 * EPS);
        double[] atZero = {1, 1.5, 43.0 / 18 - 1, 701.0 / 294 - 1};
        for (int a = 1; a <= 4; a++) assertEquals(atZero[a - 1], DigitallyShiftInvariantKernel.kTilde(a, 0, t), 0);
        // the factor depends on y only: the same y with more bits gives the same value (t = 8 vs t = 40)
        for (int a = 1; a <= 3; a++)
            for (long v : new long[] {1, 77, 200, 255})
                assertEquals(DigitallyShiftInvariantKernel.kTilde(a, v, 8), DigitallyShiftInvariantKernel.kTilde(a, v << 32, 40),
                        4 * EPS, "alpha=" + a + " v=" + v);
    }

    @Test
    void toBitsFollowsQmcpyToBin() {
        assertEquals(1, DigitallyShiftInvariantKernel.toBits(0.5, 1));
        assertEquals(3, DigitallyShiftInvariantKernel.toBits(-0.25, 2), "x mod 1 = 0.75");
        assertEquals(0xFFFF, DigitallyShiftInvariantKernel.toBits(-1e-300, 16), "x mod 1 rounds to 1: floor of exact value");
        assertEquals(Long.MIN_VALUE, DigitallyShiftInvariantKernel.toBits(0.5, 64));
        assertEquals("18446744073709549568", Long.toUnsignedString(DigitallyShiftInvariantKernel.toBits(1 - 0x1p-53, 64)));
        assertEquals(123456789L, DigitallyShiftInvariantKernel.toBits(123456789 * 0x1p-32, 32));
        assertEquals(0x1p64, DigitallyShiftInvariantKernel.unsignedToDouble(-1L), 0);
        assertEquals(0x1p63, DigitallyShiftInvariantKernel.unsignedToDouble(Long.MIN_VALUE | 1), 0, "ties to even");
        assertEquals(0x1p63 + 0x1p11, DigitallyShiftInvariantKernel.unsignedToDouble(Long.MIN_VALUE | 0x801), 0, "above the tie");
    }

    @Test
    void integerAndFloatEvaluationAgree() {
        int t = 32;
        DigitallyShiftInvariantKernel k = new DigitallyShiftInvariantKernel(t, 3, new double[] {1, 0.5, 0.2}, new int[] {1, 3, 4});
        long[][] xb = new long[9][3];
        for (long[] row : xb) for (int j = 0; j < 3; j++) row[j] = rng().nextLong() >>> 32;
        Matrix x = DemoPoints.toFloat(xb, t);
        assertArrayEquals(xb, k.toBits(x));
        Matrix g = k.gram(xb), gf = k.gram(x);
        double[] pairs = k.eval(xb, new long[][] {xb[0]});
        for (int i = 0; i < 9; i++) {
            assertEquals(pairs[i], g.get(i, 0), 0);
            for (int c = 0; c < 9; c++) {
                assertEquals(g.get(i, c), gf.get(i, c), 0);
                assertEquals(g.get(i, c), g.get(c, i), 0, "XOR is symmetric");
                assertEquals(g.get(i, c), k.eval(xb[i], xb[c]), 0);
            }
            assertEquals(k.diagonal(), g.get(i, i), 0);
        }
    }

    @Test
    void badArgumentsNameTheParameter() {
        assertMessage(() -> new DigitallyShiftInvariantKernel(0, 1, new double[] {1}, new int[] {1}), "t");
        assertMessage(() -> new DigitallyShiftInvariantKernel(65, 1, new double[] {1}, new int[] {1}), "t");
        assertMessage(() -> new DigitallyShiftInvariantKernel(32, 1, new double[] {1}, new int[] {5}), "alpha[0]");
        assertMessage(() -> DigitallyShiftInvariantKernel.kTilde(2, 256, 8), "v");
        assertMessage(() -> DigitallyShiftInvariantKernel.toBits(Double.NaN, 8), "x");
        DigitallyShiftInvariantKernel k = DigitallyShiftInvariantKernel.isotropic(8, 2, 1, 1, 2);
        assertMessage(() -> k.eval(new long[] {1, 2}, new long[] {1, 256}), "zb[0][1]");
        assertMessage(() -> k.eval(new long[] {1}, new long[] {1, 2}), "xb[0].length");
        assertMessage(() -> k.gram(new long[][] {{1, 2}, {3}}), "xb[1].length");
        assertMessage(() -> k.eval(new long[][] {{1, 2}, {3, 4}}, new long[][] {{1, 2}, {3, 4}, {5, 6}}), "zb.length");
    }
}
