package org.ortho4j.qmc.cubature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ortho4j.testkit.Ortho4jTest;

/** Reference values from stats_reference.py (scipy 1.17.1 / mpmath). */
class StatsTest extends Ortho4jTest {
    private static final double[] LGAMMA_X = {0.5, 1.0, 1.5, 2.0, 3.7, 10.0, 12.3, 100.0, 1e4};
    private static final double[] LGAMMA = {0.5723649429247001, 0.0, -0.12078223763524522, 0.0, 1.428072326665388, 12.801827480081469,
        18.238983407092245, 359.1342053695754, 82099.71749644238};
    private static final double[][] BETA_CASES = {{0.3, 2, 3}, {0.9, 0.5, 7.5}, {0.01, 10, 0.5}, {0.5, 0.5, 0.5}, {0.999, 3, 0.5}};
    private static final double[] BETA = {0.3483, 0.9999999932897103, 1.7700349655285743e-21, 0.5, 0.9407468104840537};
    private static final int[] T_DF = {1, 2, 4, 15, 31, 255, 1000};
    private static final double[] T_ALPHA = {0.01, 0.05, 1e-6};
    private static final double[][] T_UPPER_Q = {{63.65674116287158, 12.706204736174705, 636619.7723670577},
        {9.924843200918293, 4.302652729749464, 999.9992499998438}, {4.604094871349993, 2.7764451051977943, 49.45863675693464},
        {2.9467128834752385, 2.131449545559776, 7.903233627313883}, {2.7440419192942693, 2.039513446396408, 6.0719759247184},
        {2.5952464847916277, 1.9693105698498754, 5.013773271517907}, {2.580754698065951, 1.9623390808264085, 4.922289523429588}};
    private static final double[][] T_SF_CASES = {{0, 3}, {1, 1}, {2.5, 7}, {12, 4}, {40, 15}};
    private static final double[] T_SF = {0.5, 0.25000000000000006, 0.020496109292876444, 0.0001382142742514865, 5.845330620433193e-17};

    @Test
    void logGammaMatchesMpmath() {
        // Stirling with 7 terms at x ≥ 10: truncation < 3e-17; the upward shift adds a few ulps of the shift sum
        for (int i = 0; i < LGAMMA_X.length; i++)
            assertEquals(LGAMMA[i], Stats.logGamma(LGAMMA_X[i]), 4e-15 * Math.max(1, Math.abs(LGAMMA[i])), "x = " + LGAMMA_X[i]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stats.logGamma(0));
        assertTrue(e.getMessage().startsWith("x = 0.0"), e.getMessage());
    }

    @Test
    void incompleteBetaMatchesMpmath() {
        // continued fraction converged to 2 eps per factor; front factor through logGamma (~1e-14 relative)
        for (int i = 0; i < BETA.length; i++) {
            double x = BETA_CASES[i][0];
            double got = Stats.incompleteBeta(x, 1 - x, BETA_CASES[i][1], BETA_CASES[i][2]);
            assertEquals(BETA[i], got, 1e-13 * BETA[i], "case " + i);
        }
        assertEquals(0, Stats.incompleteBeta(0, 1, 2, 3));
        assertEquals(1, Stats.incompleteBeta(1, 0, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Stats.incompleteBeta(0.5, 0.5, 0, 1));
    }

    @Test
    void studentTailAndQuantileMatchScipy() {
        for (int i = 0; i < T_SF.length; i++)
            assertEquals(T_SF[i], Stats.studentUpperTail(T_SF_CASES[i][0], T_SF_CASES[i][1]), 1e-13 * T_SF[i], "case " + i);
        // quantiles: root of log-tail to full precision; error ≈ δtail / density, a few 1e-15 relative
        for (int i = 0; i < T_DF.length; i++)
            for (int j = 0; j < T_ALPHA.length; j++)
                assertEquals(T_UPPER_Q[i][j], Stats.studentUpperQuantile(T_ALPHA[j] / 2, T_DF[i]), 1e-12 * T_UPPER_Q[i][j],
                        "df = " + T_DF[i] + ", alpha = " + T_ALPHA[j]);
        assertEquals(0, Stats.studentUpperQuantile(0.5, 3));
        assertEquals(1 - T_SF[2], Stats.studentUpperTail(-2.5, 7), 1e-15);
    }

    @Test
    void brentRootFindsZerosAndRejectsBadBrackets() {
        assertEquals(Math.sqrt(2), Stats.root(x -> x * x - 2, 0, 2, 0), 4e-16);
        assertEquals(Math.PI, Stats.root(Math::sin, 3, 4, 0), 1e-15);
        assertEquals(0.5671432904097838, Stats.root(x -> x - Math.exp(-x), -1, 3, 0), 2e-16);   // omega constant
        assertEquals(1, Stats.root(x -> x - 1, 1, 5, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stats.root(x -> x * x + 1, -1, 1, 0));
        assertTrue(e.getMessage().contains("expected opposite signs"), e.getMessage());
    }

    @Test
    void brentMinimizerFindsInteriorAndBoundaryMinima() {
        // tolerance ~ xtol: the search stops when the bracket is below 2(xtol/3 + √ε|x|)
        assertEquals(1.3, Stats.minimize(x -> (x - 1.3) * (x - 1.3) + 2, -5, 0 + 5, 1e-8), 1e-7);
        assertEquals(Math.PI, Stats.minimize(Math::cos, 2, 4, 1e-6), 1e-5);
        assertEquals(0, Stats.minimize(x -> -x, -5, 0, 1e-2), 1e-2);          // monotone: the upper end, within xtol
        assertEquals(-5, Stats.minimize(x -> x, -5, 0, 1e-2), 1e-2);
    }
}
