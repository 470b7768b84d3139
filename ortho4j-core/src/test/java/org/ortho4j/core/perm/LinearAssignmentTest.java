package org.ortho4j.core.perm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Golden;
import org.ortho4j.testkit.Ortho4jTest;

class LinearAssignmentTest extends Ortho4jTest {

    // ------------------------------------------------------------------ references and checks

    /**
     * The optimum over all injections of the shorter side into the longer one (depth-first, at
     * most 7!/0! = 5040 leaves here), summing in the solver's order (by ascending row). Forbidden
     * (infinite) pairs are skipped; returns NaN when no finite assignment exists.
     */
    static double bruteForceOptimum(double[][] c, boolean maximize) {
        int nr = c.length, nc = c[0].length;
        boolean tall = nr > nc;
        int n = Math.min(nr, nc), m = Math.max(nr, nc);
        double[] best = {Double.NaN};
        int[] pick = new int[n];
        enumerate(0, n, m, new boolean[m], pick, () -> {
            // pick[k] = the long-side index matched with short-side index k; sum by ascending row
            double s = 0;
            if (!tall) for (int k = 0; k < n; k++) s += c[k][pick[k]];
            else for (int r = 0; r < m; r++) for (int k = 0; k < n; k++) if (pick[k] == r) s += c[r][k];
            return s;
        }, maximize, best);
        return best[0];
    }

    private static void enumerate(int k, int n, int m, boolean[] used, int[] pick, DoubleSupplier total,
                                  boolean maximize, double[] best) {
        if (k == n) {
            double s = total.getAsDouble();
            if (Double.isInfinite(s)) return;
            if (Double.isNaN(best[0]) || (maximize ? s > best[0] : s < best[0])) best[0] = s;
            return;
        }
        for (int j = 0; j < m; j++) {
            if (used[j]) continue;
            used[j] = true;
            pick[k] = j;
            enumerate(k + 1, n, m, used, pick, total, maximize, best);
            used[j] = false;
        }
    }

    /** rowInd ascending, all indices in range and distinct, the right size, and total = Σ of the chosen costs (in order). */
    static void assertValidAssignment(double[][] c, LinearAssignment.Result r) {
        int nr = c.length, nc = nr == 0 ? 0 : c[0].length;
        assertEquals(nr, r.rows());
        assertEquals(nc, r.cols());
        assertEquals(Math.min(nr, nc), r.size());
        assertEquals(r.size(), r.colInd().length);
        boolean[] usedCol = new boolean[nc];
        double s = 0;
        for (int t = 0; t < r.size(); t++) {
            int i = r.rowInd()[t], j = r.colInd()[t];
            assertTrue(i >= 0 && i < nr && j >= 0 && j < nc, "pair " + t + " out of range");
            if (t > 0) assertTrue(r.rowInd()[t - 1] < i, "rowInd strictly ascending");
            assertFalse(usedCol[j], "column " + j + " used twice");
            usedCol[j] = true;
            s += c[i][j];
        }
        assertEquals(s, r.total(), 0.0, "total is the sum of the original costs");
        assertEquals(nr, r.rowDuals().length);
        assertEquals(nc, r.colDuals().length);
    }

    /**
     * The duals certify optimality: minimising, u_i + v_j <= c_ij everywhere, with equality on the
     * assigned pairs (reversed when maximising). Each of the k row insertions updates a dual by a
     * few roundings of numbers bounded by ~max|C|, so the slack is within tol = 4·k·ε·max|C| (the
     * observed error is ~1e-14·max|C| at k = 100; an off-by-one dual update errs by O(max|C|)).
     */
    static void assertDualCertificate(double[][] c, boolean maximize, LinearAssignment.Result r) {
        double maxAbs = 0;
        for (double[] row : c) for (double x : row) if (Double.isFinite(x)) maxAbs = Math.max(maxAbs, Math.abs(x));
        double tol = 4 * Math.max(1, r.size()) * Eps.DOUBLE * Math.max(maxAbs, 1);
        double sign = maximize ? -1 : 1, dualTotal = 0;
        for (int i = 0; i < c.length; i++)
            for (int j = 0; j < c[i].length; j++)
                assertTrue(sign * (c[i][j] - r.rowDuals()[i] - r.colDuals()[j]) >= -tol,
                        "reduced cost (" + i + ", " + j + ") = " + (c[i][j] - r.rowDuals()[i] - r.colDuals()[j]));
        for (int t = 0; t < r.size(); t++) {
            int i = r.rowInd()[t], j = r.colInd()[t];
            assertEquals(c[i][j], r.rowDuals()[i] + r.colDuals()[j], tol, "complementary slackness at (" + i + ", " + j + ")");
            dualTotal += r.rowDuals()[i] + r.colDuals()[j];
        }
        assertEquals(r.total(), dualTotal, tol * Math.max(1, r.size()), "strong duality");
        // the duals of the longer side (columns, or rows when tall) are <= 0 (minimising), and
        // exactly 0 where unassigned: those were never reached by a search
        boolean tall = c.length > c[0].length;
        double[] longDuals = tall ? r.rowDuals() : r.colDuals();
        boolean[] assigned = new boolean[longDuals.length];
        for (int t = 0; t < r.size(); t++) assigned[tall ? r.rowInd()[t] : r.colInd()[t]] = true;
        for (int k = 0; k < longDuals.length; k++) {
            assertTrue(sign * longDuals[k] <= 0, "long-side dual " + k + " = " + longDuals[k]);
            if (!assigned[k]) assertEquals(0.0, longDuals[k], 0.0, "unassigned long-side dual " + k);
        }
    }

    double[][] randomInts(int nr, int nc, int maxValue) {
        double[][] c = new double[nr][nc];
        for (double[] row : c) for (int j = 0; j < nc; j++) row[j] = rng().nextInt(maxValue + 1);
        return c;
    }

    double[][] randomGaussians(int nr, int nc) {
        return Matrix.gaussian(nr, nc, rng().nextLong()).toArray();
    }

    static double[][] negated(double[][] c) {
        double[][] d = new double[c.length][];
        for (int i = 0; i < c.length; i++) {
            d[i] = new double[c[i].length];
            for (int j = 0; j < c[i].length; j++) d[i][j] = -c[i][j];
        }
        return d;
    }

    // ------------------------------------------------------------------ golden data from scipy

    static Stream<Arguments> lsaJson() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : Golden.json("golden/lowrank/lsa.json").get("cases"))
            out.add(Arguments.of(c.get("name").asText(), c));
        return out.stream();
    }

    /**
     * Every lsa.json case reproduces scipy's row_ind and col_ind exactly, ties included (the
     * spec's checks: square_5x5_ties → [0,2,1,4,3], rect_3x4_ties → [0,1,2], all-ties → identity,
     * tall 5x3 → rows [0,1,3], cols [1,0,2]); costs are small integers or binary fractions, so the
     * total is exact.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lsaJson")
    void reproducesScipyOnLsaJson(String name, JsonNode c) {
        double[][] cost = Golden.matrix(c.get("cost"));
        boolean maximize = c.get("maximize").asBoolean();
        LinearAssignment.Result r = LinearAssignment.solve(cost, maximize);
        assertValidAssignment(cost, r);
        assertArrayEquals(ints(c.get("scipy_row_ind")), r.rowInd(), name);
        assertArrayEquals(ints(c.get("scipy_col_ind")), r.colInd(), name);
        assertEquals(c.get("optimal_total").asDouble(), r.total(), 0.0, name);
        assertEquals(Golden.number(c.get("optimal_total")), bruteForceOptimum(cost, maximize), 0.0, name);
        assertDualCertificate(cost, maximize, r);
    }

    @Test
    void lsaJsonSpotChecksFromTheSpec() {
        assertArrayEquals(new int[] {0, 2, 1, 4, 3}, colsOfGoldenCase("square_5x5_ties"));
        assertArrayEquals(new int[] {0, 1, 2}, colsOfGoldenCase("rect_3x4_ties"));
        assertArrayEquals(new int[] {0, 1, 2, 3}, colsOfGoldenCase("square_4x4_all_ties"));
        assertArrayEquals(new int[] {1, 0, 2}, colsOfGoldenCase("rect_5x3_tall"));
    }

    private static int[] colsOfGoldenCase(String name) {
        for (JsonNode c : Golden.json("golden/lowrank/lsa.json").get("cases"))
            if (c.get("name").asText().equals(name))
                return LinearAssignment.solve(Golden.matrix(c.get("cost")), c.get("maximize").asBoolean()).colInd();
        throw new AssertionError("no case " + name);
    }

    @Test
    void infeasibleGoldenCaseThrowsLikeScipy() {
        JsonNode inf = Golden.json("golden/lowrank/lsa.json").get("infeasible");
        double[][] cost = Golden.matrix(inf.get("cost"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinearAssignment.solve(cost, false));
        assertTrue(e.getMessage().startsWith(inf.get("scipy_message").asText()), e.getMessage());
    }

    static Stream<Arguments> lsaTiesJson() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : Golden.json("golden/lowrank/lsa_ties.json").get("cases"))
            out.add(Arguments.of(c.get("name").asText(), c));
        return out.stream();
    }

    /**
     * 224 more scipy cases (gen_lsa_ties.py): integer costs with many optima, rectangular both
     * ways, forbidden pairs, random floats. Indices must equal scipy's exactly; scipy's total was
     * summed by numpy (pairwise), ours left to right, so for floats they agree to k·ε·Σ|c| (exact
     * for integers).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lsaTiesJson")
    void reproducesScipyOnTieCases(String name, JsonNode c) {
        double[][] cost = Golden.matrix(c.get("cost"));
        boolean maximize = c.get("maximize").asBoolean();
        if (c.has("error")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinearAssignment.solve(cost, maximize));
            assertTrue(e.getMessage().startsWith(c.get("error").asText()), e.getMessage());
            return;
        }
        LinearAssignment.Result r = LinearAssignment.solve(cost, maximize);
        assertValidAssignment(cost, r);
        assertArrayEquals(ints(c.get("row_ind")), r.rowInd(), name);
        assertArrayEquals(ints(c.get("col_ind")), r.colInd(), name);
        double absSum = 0;
        for (int t = 0; t < r.size(); t++) absSum += Math.abs(cost[r.rowInd()[t]][r.colInd()[t]]);
        assertEquals(c.get("total").asDouble(), r.total(), r.size() * Eps.DOUBLE * absSum, name);
        assertDualCertificate(cost, maximize, r);
    }

    private static int[] ints(JsonNode n) {
        int[] a = new int[n.size()];
        for (int i = 0; i < a.length; i++) a[i] = n.get(i).asInt();
        return a;
    }

    // ------------------------------------------------------------------ brute force on every small shape

    /**
     * Every shape 1..7 x 1..7, minimise and maximise, integer costs 0..L (L = 1, 3, 9: from
     * massive ties to few): the total equals the brute-force optimum exactly (sums of small
     * integers are exact).
     */
    @Test
    void integerCostsMatchBruteForceExactly() {
        for (int nr = 1; nr <= 7; nr++)
            for (int nc = 1; nc <= 7; nc++)
                for (int levels : new int[] {1, 3, 9})
                    for (boolean maximize : new boolean[] {false, true}) {
                        double[][] c = randomInts(nr, nc, levels);
                        LinearAssignment.Result r = LinearAssignment.solve(c, maximize);
                        assertValidAssignment(c, r);
                        assertEquals(bruteForceOptimum(c, maximize), r.total(), 0.0,
                                nr + "x" + nc + " levels " + levels + " max " + maximize);
                        assertDualCertificate(c, maximize, r);
                    }
    }

    /**
     * Gaussian costs: the optimum is unique with probability 1 and both sums run in ascending row
     * order over the same pairs, so they agree exactly; allow k·ε·Σ|c| in case two different
     * assignments tie to within round-off.
     */
    @Test
    void floatCostsMatchBruteForce() {
        for (int nr = 1; nr <= 7; nr++)
            for (int nc = 1; nc <= 7; nc++)
                for (boolean maximize : new boolean[] {false, true}) {
                    double[][] c = randomGaussians(nr, nc);
                    LinearAssignment.Result r = LinearAssignment.solve(c, maximize);
                    assertValidAssignment(c, r);
                    double absSum = 0;
                    for (double[] row : c) for (double x : row) absSum += Math.abs(x);
                    assertEquals(bruteForceOptimum(c, maximize), r.total(), Math.min(nr, nc) * Eps.DOUBLE * absSum);
                }
    }

    /** With forbidden (+inf) pairs, feasible instances match brute force and infeasible ones throw. */
    @Test
    void forbiddenPairsMatchBruteForce() {
        int infeasible = 0;
        for (int nr = 1; nr <= 6; nr++)
            for (int nc = 1; nc <= 6; nc++)
                for (int t = 0; t < 4; t++) {
                    double[][] c = randomInts(nr, nc, 5);
                    for (double[] row : c) for (int j = 0; j < nc; j++) if (rng().nextDouble() < 0.45) row[j] = Double.POSITIVE_INFINITY;
                    double best = bruteForceOptimum(c, false);
                    if (Double.isNaN(best)) {
                        infeasible++;
                        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinearAssignment.solve(c, false));
                        assertTrue(e.getMessage().startsWith("cost matrix is infeasible"), e.getMessage());
                        // the same pattern with -inf is infeasible for maximisation
                        assertThrows(IllegalArgumentException.class, () -> LinearAssignment.solve(negated(c), true));
                        continue;
                    }
                    LinearAssignment.Result r = LinearAssignment.solve(c, false);
                    assertValidAssignment(c, r);
                    assertEquals(best, r.total(), 0.0);
                    assertEquals(-best, LinearAssignment.solve(negated(c), true).total(), 0.0);
                }
        assertTrue(infeasible > 5 && infeasible < 100, "both outcomes exercised: " + infeasible + " of 144 infeasible");
    }

    // ------------------------------------------------------------------ structural properties

    /**
     * max(−C) negates −C back to C bit for bit, so it runs the very same search: identical indices
     * and duals of opposite sign, total exactly negated.
     */
    @Test
    void minimisingEqualsMaximisingTheNegation() {
        int[][] shapes = {{1, 1}, {2, 3}, {3, 2}, {5, 5}, {7, 11}, {11, 7}, {13, 13}, {40, 40}, {17, 50}, {50, 17}};
        for (int[] s : shapes)
            for (boolean ints : new boolean[] {false, true}) {
                double[][] c = ints ? randomInts(s[0], s[1], 4) : randomGaussians(s[0], s[1]);
                LinearAssignment.Result min = LinearAssignment.solve(c, false), max = LinearAssignment.solve(negated(c), true);
                assertArrayEquals(min.rowInd(), max.rowInd());
                assertArrayEquals(min.colInd(), max.colInd());
                assertEquals(min.total(), -max.total(), 0.0);
                for (int i = 0; i < s[0]; i++) assertEquals(min.rowDuals()[i], -max.rowDuals()[i], 0.0);
                for (int j = 0; j < s[1]; j++) assertEquals(min.colDuals()[j], -max.colDuals()[j], 0.0);
            }
    }

    /** Larger random problems (no brute force possible): the dual certificate proves optimality. */
    @Test
    void dualCertificateOnLargerProblems() {
        int[][] shapes = {{64, 64}, {97, 97}, {64, 131}, {131, 64}, {100, 100}};
        for (int[] s : shapes)
            for (boolean maximize : new boolean[] {false, true}) {
                double[][] c = randomGaussians(s[0], s[1]);
                LinearAssignment.Result r = LinearAssignment.solve(c, maximize);
                assertValidAssignment(c, r);
                assertDualCertificate(c, maximize, r);
                double[][] ints = randomInts(s[0], s[1], 20);
                LinearAssignment.Result ri = LinearAssignment.solve(ints, maximize);
                assertValidAssignment(ints, ri);
                assertDualCertificate(ints, maximize, ri);
            }
    }

    /** A tall matrix is solved as its transpose: the same pairs, swapped (unique optimum: Gaussian costs). */
    @Test
    void transposeSwapsThePairs() {
        for (int[] s : new int[][] {{3, 5}, {8, 8}, {4, 19}}) {
            Matrix c = Matrix.gaussian(s[0], s[1], seed + s[1]);
            LinearAssignment.Result wide = LinearAssignment.solve(c, false), tall = LinearAssignment.solve(c.transpose(), false);
            assertEquals(wide.total(), tall.total(), s[0] * Eps.DOUBLE * c.normMax() * 2);
            for (int t = 0; t < wide.size(); t++)
                for (int k = 0; k < tall.size(); k++)
                    if (tall.colInd()[k] == wide.rowInd()[t]) assertEquals(wide.colInd()[t], tall.rowInd()[k]);
        }
    }

    @Test
    void viewsAndArraysGiveTheSameResult() {
        Matrix big = Matrix.gaussian(12, 15, seed);
        Matrix view = big.view(2, 3, 7, 9); // offset > 0, ld = 15 > cols
        for (boolean maximize : new boolean[] {false, true}) {
            LinearAssignment.Result a = LinearAssignment.solve(view, maximize);
            assertEquals(a, LinearAssignment.solve(view.copy(), maximize));
            assertEquals(a, LinearAssignment.solve(view.toArray(), maximize));
            Matrix tallView = big.view(1, 2, 9, 7);
            assertEquals(LinearAssignment.solve(tallView.copy(), maximize), LinearAssignment.solve(tallView, maximize));
        }
        Matrix before = big.copy();
        LinearAssignment.solve(big, true);
        assertEquals(before, big, "input not modified");
    }

    @Test
    void squareResultAsPermutation() {
        double[][] c = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        LinearAssignment.Result r = LinearAssignment.solve(c, false);
        assertTrue(r.isSquare());
        Permutation p = r.permutation();
        assertEquals(Permutation.of(1, 0, 2), p);
        assertEquals(5.0, r.total(), 0.0);
        // the assignment lands on the diagonal of C[:, p]
        assertEquals(r.total(), p.permuteColumns(Matrix.of(c)).trace(), 0.0);
        LinearAssignment.Result wide = LinearAssignment.solve(new double[][] {{1, 2}}, false);
        assertFalse(wide.isSquare());
        IllegalStateException e = assertThrows(IllegalStateException.class, wide::permutation);
        assertTrue(e.getMessage().contains("1x2"), e.getMessage());
    }

    /** A constant matrix gives the identity for every n (scipy #11602), also rectangular: cols 0..k-1. */
    @Test
    void constantMatrixGivesIdentity() {
        for (int n : new int[] {1, 2, 3, 5, 8, 31}) {
            double[][] c = new double[n][n];
            for (double[] row : c) java.util.Arrays.fill(row, 2.5);
            assertEquals(Permutation.identity(n), LinearAssignment.solve(c, false).permutation());
            assertEquals(Permutation.identity(n), LinearAssignment.solve(c, true).permutation());
        }
        assertArrayEquals(new int[] {0, 1, 2}, LinearAssignment.solve(new double[3][7], false).colInd());
        assertArrayEquals(new int[] {0, 1, 2}, LinearAssignment.solve(new double[7][3], false).rowInd());
    }

    // ------------------------------------------------------------------ edge cases and bad input

    @Test
    void emptyMatricesGiveEmptyResults() {
        for (int[] s : new int[][] {{0, 0}, {0, 4}, {3, 0}}) {
            LinearAssignment.Result r = LinearAssignment.solve(new Matrix(s[0], s[1]), false);
            assertEquals(0, r.size());
            assertEquals(0.0, r.total());
            assertEquals(s[0], r.rowDuals().length);
            assertEquals(s[1], r.colDuals().length);
        }
        assertEquals(0, LinearAssignment.solve(new double[0][], true).size());
        assertEquals(Permutation.identity(0), LinearAssignment.solve(new Matrix(0, 0), true).permutation());
    }

    @Test
    void invalidEntriesAreRejectedLikeScipy() {
        assertInvalid(new double[][] {{1, 2}, {3, Double.NaN}}, false, "cost[1][1] = NaN");
        assertInvalid(new double[][] {{1, 2}, {Double.NaN, 3}}, true, "cost[1][0] = NaN");
        assertInvalid(new double[][] {{1, Double.NEGATIVE_INFINITY, 3}}, false, "cost[0][1] = -Infinity");
        assertInvalid(new double[][] {{1}, {Double.POSITIVE_INFINITY}}, true, "cost[1][0] = Infinity");
        // the allowed infinity of each direction is a forbidden pair, not an error
        assertEquals(3.0, LinearAssignment.solve(new double[][] {{1, Double.POSITIVE_INFINITY}, {Double.POSITIVE_INFINITY, 2}}, false).total());
        assertEquals(3.0, LinearAssignment.solve(new double[][] {{1, Double.NEGATIVE_INFINITY}, {Double.NEGATIVE_INFINITY, 2}}, true).total());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearAssignment.solve(new double[][] {{1, 2}, {3}}, false));
        assertTrue(e.getMessage().startsWith("cost[1].length = 1, expected 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LinearAssignment.solve(new double[][] {{1, 2}, null}, false));
        assertTrue(e.getMessage().startsWith("cost[1] is null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LinearAssignment.solve((Matrix) null, false));
        assertTrue(e.getMessage().startsWith("cost is null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LinearAssignment.solve((double[][]) null, false));
        assertTrue(e.getMessage().startsWith("cost is null"), e.getMessage());
    }

    private static void assertInvalid(double[][] c, boolean maximize, String where) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinearAssignment.solve(c, maximize));
        assertTrue(e.getMessage().startsWith("cost matrix contains invalid numeric entries: " + where), e.getMessage());
    }

    @Test
    void resultObjectMethods() {
        LinearAssignment.Result r = LinearAssignment.solve(new double[][] {{5, 1, 9}, {2, 7, 3}}, false);
        assertEquals("Result[2x3, total=3.0, pairs=[0->1, 1->0]]", r.toString());
        LinearAssignment.Result again = LinearAssignment.solve(new double[][] {{5, 1, 9}, {2, 7, 3}}, false);
        assertEquals(r, again);
        assertEquals(r.hashCode(), again.hashCode());
        assertNotEquals(r, LinearAssignment.solve(new double[][] {{5, 1, 9}, {2, 7, 3}}, true));
    }
}
