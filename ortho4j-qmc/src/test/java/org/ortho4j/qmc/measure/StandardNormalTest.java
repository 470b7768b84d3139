package org.ortho4j.qmc.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ortho4j.testkit.Ortho4jTest;

/** Reference values from normal_reference.py (mpmath, 40 digits). */
class StandardNormalTest extends Ortho4jTest {
    private static final double[] CDF_X = {-38.0, -30.0, -20.0, -10.0, -8.0, -5.0, -3.0, -1.5, -0.5, 0.0, 0.3, 1.0, 2.5, 5.0, 8.0};
    private static final double[] CDF = {2.88542835e-316, 4.906713927148187e-198, 2.7536241186062337e-89, 7.619853024160525e-24,
        6.220960574271784e-16, 2.866515718791939e-07, 0.0013498980316300946, 0.06680720126885807, 0.3085375387259869, 0.5,
        0.6179114221889527, 0.8413447460685429, 0.9937903346742238, 0.9999997133484281, 0.9999999999999993};
    private static final double[] UPPER_X = {0.5, 3.0, 6.5, 10.0, 20.0, 37.0};
    private static final double[] UPPER = {0.3085375387259869, 0.0013498980316300946, 4.016000583859118e-11, 7.619853024160525e-24,
        2.7536241186062337e-89, 5.725571222524577e-300};
    private static final double[] Q_P = {1e-300, 1e-100, 1e-20, 1e-10, 1e-05, 0.001, 0.02, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999999};
    private static final double[] Q = {-37.0470962993612, -21.273453560965326, -9.262340089798407, -6.361340902404057,
        -4.264890793922825, -3.0902323061678136, -2.053748910631823, -1.972961051311885, -1.2815515655446004, -0.5244005127080408,
        0.0, 0.5244005127080407, 1.9599639845400538, 4.753424308817087};

    /** Relative error in units of ulp(1) = 2^-52 (the subnormal Φ(−38) is compared absolutely). */
    private static double ulps(double got, double want) {
        if (Math.abs(want) < Double.MIN_NORMAL) return Math.abs(got - want) / Double.MIN_VALUE / 1e3;
        return Math.abs(got - want) / Math.abs(want) / 0x1.0p-52;
    }

    @Test
    void cdfMatchesMpmathToAFewUlpsInBothTails() {
        // the Mills-ratio Taylor series measured at ≤ 8 ulps against mpmath; 16 leaves a margin
        for (int i = 0; i < CDF_X.length; i++) assertTrue(ulps(StandardNormal.cdf(CDF_X[i]), CDF[i]) <= 16, "x = " + CDF_X[i]);
        for (int i = 0; i < UPPER_X.length; i++)
            assertTrue(ulps(StandardNormal.upperTail(UPPER_X[i]), UPPER[i]) <= 16, "x = " + UPPER_X[i]);
        assertEquals(0, StandardNormal.cdf(Double.NEGATIVE_INFINITY));
        assertEquals(1, StandardNormal.cdf(Double.POSITIVE_INFINITY));
        assertEquals(0, StandardNormal.upperTail(40));
        assertTrue(Double.isNaN(StandardNormal.cdf(Double.NaN)));
    }

    @Test
    void cdfIsMonotoneAndSymmetricOnADenseGrid() {
        double prev = 0;
        for (int i = -4000; i <= 4000; i++) {
            double x = i / 400.0, c = StandardNormal.cdf(x);
            assertTrue(c >= prev, "x = " + x);
            // Φ(x) + Φ(−x) = 1 up to the rounding of the larger term
            assertEquals(1, c + StandardNormal.cdf(-x), 4 * 0x1.0p-53, "x = " + x);
            prev = c;
        }
    }

    @Test
    void quantileMatchesMpmath() {
        // error of x = Φ⁻¹(p) ≈ δΦ/φ(x): a few ulps of Φ give ≤ 16 ulps of x away from 0
        for (int i = 0; i < Q_P.length; i++) {
            double got = StandardNormal.quantile(Q_P[i]);
            assertEquals(Q[i], got, 16 * Math.ulp(Q[i]) + 1e-16, "p = " + Q_P[i]);
        }
        assertEquals(Double.NEGATIVE_INFINITY, StandardNormal.quantile(0));
        assertEquals(Double.POSITIVE_INFINITY, StandardNormal.quantile(1));
        assertEquals(-StandardNormal.quantile(0.001), StandardNormal.quantile(0.999), 1e-12);
    }

    @Test
    void acklamInitialGuessHasItsPublishedAccuracy() {
        // Acklam's stated bound is 1.15e-9 relative; this also proves the coefficients are right
        double worst = 0;
        for (int i = 0; i < Q_P.length; i++)
            if (Q_P[i] < 0.5 && Q_P[i] >= 1e-100) worst = Math.max(worst, Math.abs(StandardNormal.acklamLower(Q_P[i]) / Q[i] - 1));
        assertTrue(worst < 1.2e-9, "worst relative error " + worst);
        assertTrue(worst > 1e-13, "the refinement step must be what brings full accuracy, worst " + worst);
    }

    @Test
    void quantileInvertsCdf() {
        // Φ(Φ⁻¹(p)) = p up to the errors of both: a few ulps of Φ plus a few ulps of x amplified by
        // the condition number |x| φ(x) / p of Φ at x
        for (int i = 1; i < 1000; i++) {
            double p = i / 1000.0, x = StandardNormal.quantile(p), cond = Math.abs(x) * StandardNormal.pdf(x) / p;
            assertEquals(p, StandardNormal.cdf(x), 8 * (1 + cond) * Math.ulp(p), "p = " + p);
        }
        for (int e = -300; e <= -2; e += 7) {
            double p = Math.pow(10, e), x = StandardNormal.quantile(p), cond = Math.abs(x) * StandardNormal.pdf(x) / p;
            assertEquals(1, StandardNormal.cdf(x) / p, 8 * (1 + cond) * 0x1.0p-52, "p = " + p);
        }
    }

    @Test
    void pdfIsTheGaussianDensity() {
        assertEquals(0.3989422804014327, StandardNormal.pdf(0), 0);
        assertEquals(Math.exp(-2) / Math.sqrt(2 * Math.PI), StandardNormal.pdf(2), 2e-17);
        assertEquals(StandardNormal.pdf(-1.7), StandardNormal.pdf(1.7), 0);
    }

    @Test
    void quantileRejectsNonProbabilities() {
        for (double p : new double[] {-1e-300, 1.0000000000000002, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StandardNormal.quantile(p));
            assertTrue(e.getMessage().startsWith("p = "), e.getMessage());
        }
    }
}
