package org.ortho4j.qmc.discrepancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.discrepancy.Discrepancy.Method;
import org.ortho4j.testkit.Golden;
import org.ortho4j.testkit.Ortho4jTest;

class DiscrepancyTest extends Ortho4jTest {
    private static final double EPS = Math.ulp(1.0);

    @Test
    void equalsScipyOnEveryGoldenSet() {
        // Same summation order and expression forms as scipy's _qmc_cy.pyx, IEEE doubles without FMA: the only
        // operations that may round differently are the pow calls (<= 1 ulp in both libraries) for c^d, 3^-d, 2^(1-d).
        // Tolerance: 4 ulp of the largest term c^d (a relative 1e-14 of D^2 when D^2 ~ 1e-2 c^d, looser for nearly
        // perfect sets whose D^2 is a large cancellation); for the L2-star root, half that relative to D^2 over D.
        JsonNode sets = Golden.json("golden/qmc/discrepancy_scipy.json").get("sets");
        String[] keys = {"scipy_CD", "scipy_WD", "scipy_MD", "scipy_L2-star"};
        Method[] methods = {Method.CENTERED, Method.WRAP_AROUND, Method.MIXTURE, Method.L2_STAR};
        double[] base = {13.0 / 12, 4.0 / 3, 19.0 / 12, 1};
        int count = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = sets.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Matrix x = Matrix.of(Golden.matrix(e.getValue().get("points")));
            for (int m = 0; m < methods.length; m++) {
                double expected = e.getValue().get(keys[m]).asDouble();
                double actual = Discrepancy.scipy(x, methods[m]);
                double tol = 4 * Math.ulp(Math.pow(base[m], x.cols));
                if (methods[m] == Method.L2_STAR) tol = tol / (2 * expected);
                assertEquals(expected, actual, tol, e.getKey() + " " + methods[m]);
                count++;
            }
        }
        assertEquals(20, count, "5 sets x 4 methods");
    }

    @Test
    void scipyConventionAndRoots() {
        Matrix x = Matrix.uniform(37, 3, 0, 1, seed);
        for (Method m : new Method[] {Method.CENTERED, Method.WRAP_AROUND, Method.MIXTURE})
            assertEquals(Discrepancy.squared(x, m), Discrepancy.scipy(x, m), 0, m + ": scipy returns D^2");
        assertEquals(Math.sqrt(Discrepancy.squared(x, Method.L2_STAR)), Discrepancy.scipy(x, Method.L2_STAR), 0, "L2-star: D");
        for (Method m : Method.values())
            assertEquals(Math.sqrt(Discrepancy.squared(x, m)), Discrepancy.value(x, m), 0, m.toString());
        assertEquals("L2-star", Method.L2_STAR.scipyName());
        assertEquals(null, Method.STAR.scipyName());
    }

    @Test
    void singlePointClosedForms() {
        // n = 1, d = 1, x: CD^2 = 13/12 - 2(1 + a/2 - a^2/2) + (1 + a) with a = |x - 1/2|; WD^2 = -4/3 + 3/2 = 1/6;
        // MD^2 = 19/12 - 2(5/3 - a/4 - a^2/4) + (15/8 - a/2); L2*^2 = 1/3 - (1 - x^2) + (1 - x) = x^2 - x + 1/3;
        // STAR^2 = 4/3 - (3 - x^2) + (2 - x) = x^2 - x + 1/3 as well.
        for (double x : new double[] {0, 0.2, 0.5, 0.9, 1}) {
            Matrix p = Matrix.wrap(1, 1, x);
            double a = Math.abs(x - 0.5);
            assertEquals(13.0 / 12 - 2 * (1 + a / 2 - a * a / 2) + 1 + a, Discrepancy.squared(p, Method.CENTERED), 8 * EPS);
            assertEquals(1.0 / 6, Discrepancy.squared(p, Method.WRAP_AROUND), 8 * EPS);
            assertEquals(19.0 / 12 - 2 * (5.0 / 3 - a / 4 - a * a / 4) + 15.0 / 8 - a / 2, Discrepancy.squared(p, Method.MIXTURE), 8 * EPS);
            assertEquals(x * x - x + 1.0 / 3, Discrepancy.squared(p, Method.L2_STAR), 8 * EPS);
            assertEquals(x * x - x + 1.0 / 3, Discrepancy.squared(p, Method.STAR), 8 * EPS);
        }
    }

    @Test
    void oneDimensionalL2StarMatchesWarnocksFormula() {
        // d = 1: D*^2 = 1/(12 n^2) + (1/n) sum_i (x_(i) - (2i - 1)/(2n))^2 with sorted x (Niederreiter, Thm. 2.15
        // analogue for L2); both sides are O(1) sums of n terms: tolerance 8 n eps.
        for (int n : new int[] {1, 2, 3, 7, 13, 64}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = rng().nextDouble();
            double[] s = v.clone();
            Arrays.sort(s);
            double expected = 1.0 / (12.0 * n * n);
            for (int i = 0; i < n; i++) expected += Math.pow(s[i] - (2 * i + 1) / (2.0 * n), 2) / n;
            assertEquals(expected, Discrepancy.squared(Matrix.wrap(n, 1, v), Method.L2_STAR), 8 * n * EPS, "n=" + n);
        }
    }

    @Test
    void starIsTheSumOfL2StarOverAllProjections() {
        // prod_j (1 + k_j) = sum over subsets u of prod_{j in u} k_j, with k = 1 - max (L2-star) and the integrals
        // 4/3 = 1 + 1/3, (3 - x^2)/2 = 1 + (1 - x^2)/2: STAR^2(x) = sum_{u nonempty} L2*^2(x_u). 2^d - 1 terms of
        // size <= (4/3)^d, each with error ~ n eps: tolerance 8 n eps 2^d (4/3)^d.
        int n = 20, d = 4;
        Matrix x = Matrix.uniform(n, d, 0, 1, seed);
        double sum = 0;
        for (int mask = 1; mask < (1 << d); mask++) {
            int k = Integer.bitCount(mask);
            Matrix proj = Matrix.zeros(n, k);
            for (int i = 0; i < n; i++)
                for (int j = 0, c = 0; j < d; j++) if ((mask >>> j & 1) != 0) proj.set(i, c++, x.get(i, j));
            sum += Discrepancy.squared(proj, Method.L2_STAR);
        }
        assertEquals(sum, Discrepancy.squared(x, Method.STAR), 8 * n * EPS * (1 << d) * Math.pow(4.0 / 3, d));
    }

    @Test
    void invariances() {
        // WD is shift invariant mod 1 (its kernel depends on |x - z| (1 - |x - z|), symmetric under wrap-around);
        // CD and MD are invariant under the reflection x -> 1 - x of any coordinate; L2-star is not.
        int n = 30, d = 3;
        Matrix x = Matrix.uniform(n, d, 0, 1, seed);
        Matrix shifted = x.map(v -> (v + 0.37) % 1);
        Matrix reflected = x.copy();
        for (int i = 0; i < n; i++) reflected.set(i, 1, 1 - x.get(i, 1));
        double tol = 64 * n * EPS * Math.pow(19.0 / 12, d);
        assertEquals(Discrepancy.squared(x, Method.WRAP_AROUND), Discrepancy.squared(shifted, Method.WRAP_AROUND), tol);
        assertEquals(Discrepancy.squared(x, Method.CENTERED), Discrepancy.squared(reflected, Method.CENTERED), tol);
        assertEquals(Discrepancy.squared(x, Method.MIXTURE), Discrepancy.squared(reflected, Method.MIXTURE), tol);
        assertTrue(Math.abs(Discrepancy.squared(x, Method.L2_STAR) - Discrepancy.squared(reflected, Method.L2_STAR)) > 1e3 * tol,
                "L2-star is anchored at 0");
    }

    @Test
    void badArgumentsNameTheParameter() {
        assertMessage(() -> Discrepancy.squared(Matrix.wrap(2, 1, 0.5, 1.5), Method.CENTERED), "x[1][0]");
        assertMessage(() -> Discrepancy.squared(Matrix.wrap(1, 2, Double.NaN, 0.5), Method.CENTERED), "x[0][0]");
        assertMessage(() -> Discrepancy.squared(Matrix.wrap(1, 1, -0.0 - 1e-300), Method.WRAP_AROUND), "x[0][0]");
        assertMessage(() -> Discrepancy.squared(Matrix.zeros(0, 3), Method.MIXTURE), "x.rows");
        assertMessage(() -> Discrepancy.squared(Matrix.zeros(2, 0), Method.MIXTURE), "x.cols");
        assertMessage(() -> Discrepancy.squared(null, Method.MIXTURE), "x");
        assertMessage(() -> Discrepancy.squared(Matrix.zeros(2, 2), null), "method");
        assertMessage(() -> Discrepancy.scipy(Matrix.zeros(2, 2), Method.STAR), "method");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable e, String name) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(name), "message should name " + name + ": " + ex.getMessage());
    }
}
