package org.ortho4j.core.orthogonal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ortho4j.testkit.Golden;
import org.ortho4j.testkit.Ortho4jTest;

class NewtonSchulzScheduleTest extends Ortho4jTest {

    private static final JsonNode COEFFS = NewtonSchulzGolden.NS.get("coefficients");
    private static final JsonNode SCALAR = NewtonSchulzGolden.NS.get("scalar_map");

    private static void assertTuples(double[][] want, NewtonSchulzSchedule s) {
        assertEquals(want.length, s.steps(), s.name());
        for (int k = 0; k < want.length; k++) assertArrayEquals(want[k], s.tuple(k), 0, s.name() + " step " + k);
    }

    @Test
    void presetsCarryTheGoldenCoefficientsEpsAndNormScale() {
        double[] muon = Golden.vector(COEFFS.get("muon"));
        assertTuples(new double[][] {muon, muon, muon, muon, muon}, NewtonSchulzSchedule.muon());
        assertEquals(1e-7, NewtonSchulzSchedule.muon().eps());
        assertEquals(1, NewtonSchulzSchedule.muon().normScale());
        assertTuples(new double[][] {muon}, NewtonSchulzSchedule.muon(1));
        assertTuples(Golden.matrix(COEFFS.get("polar_express")), NewtonSchulzSchedule.polarExpress());
        assertEquals(1e-6, NewtonSchulzSchedule.polarExpress().eps());
        assertEquals(1.02, NewtonSchulzSchedule.polarExpress().normScale());
        assertTuples(Golden.matrix(COEFFS.get("dion_ns")), NewtonSchulzSchedule.dionNs());
        assertEquals(1e-7, NewtonSchulzSchedule.dionNs().eps());
        assertEquals(1, NewtonSchulzSchedule.dionNs().normScale());
        assertSame(NewtonSchulzSchedule.muon(), NewtonSchulzSchedule.muon(5));
    }

    @Test
    void publishedRootTableEqualsTheGoldenTableAndKeysAreSymmetric() {
        NewtonSchulzRootTable t = NewtonSchulzRootTable.published();
        JsonNode table = COEFFS.get("root_table");
        assertEquals(table.size(), t.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String[] rc = e.getKey().split("x");
            int a = Integer.parseInt(rc[0]), b = Integer.parseInt(rc[1]);
            double[] want = Golden.vector(e.getValue());
            assertTrue(t.contains(a, b) && t.contains(b, a), e.getKey());
            assertArrayEquals(want, t.lookup(a, b), 0, e.getKey());
            assertArrayEquals(want, t.lookup(b, a), 0, e.getKey() + " transposed");
            NewtonSchulzSchedule s = NewtonSchulzSchedule.root(b, a);
            assertTuples(new double[][] {want, want, want, want, want}, s);
            assertEquals(1e-7, s.eps());
            assertEquals("ROOT(" + Math.min(a, b) + "x" + Math.max(a, b) + ")", s.name());
        }
    }

    @Test
    void rootNeverReusesAnotherShapesTupleAndFallsBackToMuon() {
        NewtonSchulzRootTable t = NewtonSchulzRootTable.published();
        double[] muon = Golden.vector(COEFFS.get("muon"));
        for (int[] shape : new int[][] {{2048, 2049}, {2047, 2048}, {1024, 1024}, {4096, 2048}, {5, 8}}) {
            assertFalse(t.contains(shape[0], shape[1]));
            assertArrayEquals(muon, t.lookup(shape[0], shape[1]), 0);
            assertEquals("ROOT(MUON fallback)", t.schedule(shape[0], shape[1], 5).name());
        }
        NewtonSchulzRootTable o = t.with(8, 5, 1, 2, 3).with(5, 8, 3.4916, -4.8224, 2.1095);
        assertEquals(t.size() + 1, o.size(), "(8,5) and (5,8) are one key");
        assertArrayEquals(new double[] {3.4916, -4.8224, 2.1095}, o.lookup(8, 5), 0);
        assertFalse(t.contains(5, 8), "with() returns a copy");
        assertEquals(0, NewtonSchulzRootTable.empty().size());
        double[] copy = o.lookup(5, 8);
        copy[0] = 99;
        assertEquals(3.4916, o.lookup(5, 8)[0], "lookup returns a copy");
        assertTrue(t.toString().startsWith("NewtonSchulzRootTable{2048x2048=(3.4916, -4.8224, 2.1095)"), t.toString());
    }

    /**
     * Spec §1.2 warning, the reason a tuple is never reused: the (2048, 2048) polynomial exceeds
     * its own argument at its maximum (p(1.22459) = 1.22923 > 1.22459), so values there grow, and
     * the 5-step map over σ ∈ [0.01, 1] reaches 3.31 (vs MUON's 1.13).
     */
    @Test
    void theSquareRootTupleIsUnstableAboveOne() {
        NewtonSchulzSchedule sq = NewtonSchulzSchedule.root(2048, 2048);
        assertEquals(1.22459, sq.polynomial(0, 0.5591), 1e-5, "maximum of p on [0, 1]");
        // the spec prints 1.22923; the polynomial gives 1.229248 (spec rounding), hence 5e-5
        assertEquals(1.22923, sq.polynomial(0, 1.22459), 5e-5);
        assertTrue(sq.polynomial(0, 1.22459) > 1.22459);
        double max = 0;
        for (int i = 0; i <= 100_000; i++) max = Math.max(max, sq.compose(0.01 + 0.99 * i / 100_000.0));
        assertEquals(3.31, max, 0.01);
    }

    /**
     * The golden scalar maps were evaluated as {@code a x + b x**3 + c x**5} in numpy float64;
     * {@link NewtonSchulzSchedule#polynomial} uses the same expression with Math.pow, which matches
     * them to the last bit on HotSpot (measured: 0 difference). Math.pow is only specified to 1 ulp,
     * so the bound allows a few ulps amplified by the slopes of 5 polynomials (≤ 20 · 4^4 ≈ 5000 ·
     * 2.2e-16 ≈ 1e-12).
     */
    @Test
    void scalarMapsEqualTheGoldenTables() {
        double[] x = Golden.vector(SCALAR.get("x"));
        double[][] want = {Golden.vector(SCALAR.get("muon_5")), Golden.vector(SCALAR.get("polar_express_5_with_1.02")),
                           Golden.vector(SCALAR.get("dion_ns_5"))};
        NewtonSchulzSchedule[] s = {NewtonSchulzSchedule.muon(), NewtonSchulzSchedule.polarExpress(), NewtonSchulzSchedule.dionNs()};
        for (int p = 0; p < s.length; p++)
            for (int i = 0; i < x.length; i++)
                assertEquals(want[p][i], s[p].scalarMap(x[i]), 1e-12, s[p].name() + " at " + x[i]);
        // the two-argument form is σ / (‖G‖·normScale + eps) followed by the same polynomials
        assertEquals(NewtonSchulzSchedule.polarExpress().compose(0.3 / (2 * 1.02 + 1e-6)), NewtonSchulzSchedule.polarExpress().scalarMap(0.3, 2));
        assertEquals(0, NewtonSchulzSchedule.muon().scalarMap(0), "p(0) = 0: zero singular values stay zero");
    }

    /** Spec §1.3: ranges of the 5-step maps over σ ∈ [1e-2, 1] (and [1e-3, 1] for MUON), to the 4 digits printed. */
    @Test
    void scalarMapRangesMatchTheSpecTable() {
        assertRange(NewtonSchulzSchedule.muon(), 1e-3, 0.4705, 1.2024);
        assertRange(NewtonSchulzSchedule.muon(), 1e-2, 0.6818, 1.1344);
        assertRange(NewtonSchulzSchedule.polarExpress(), 1e-2, 0.8589, 1.1411);
        assertRange(NewtonSchulzSchedule.dionNs(), 1e-2, 0.9778, 1.0318);
    }

    /** Min and max of compose(σ) (σ already normalized) on a fine log/linear grid; 1e-3 covers the grid's resolution. */
    private static void assertRange(NewtonSchulzSchedule s, double from, double lo, double hi) {
        double min = Double.POSITIVE_INFINITY, max = 0;
        int n = 50_000;
        for (int i = 0; i <= n; i++) {
            double x = from * Math.pow(1 / from, (double) i / n);
            double y = s.compose(s == NewtonSchulzSchedule.polarExpress() ? x / 1.02 : x);
            min = Math.min(min, y);
            max = Math.max(max, y);
        }
        assertEquals(lo, min, 1e-3, s.name() + " min over [" + from + ", 1]");
        assertEquals(hi, max, 1e-3, s.name() + " max over [" + from + ", 1]");
    }

    @Test
    void customSchedulesAreValidatedNamingTheParameter() {
        assertMessage("abcPerStep.length = 0", () -> NewtonSchulzSchedule.of("x", new double[0][], 0, 1));
        assertMessage("abcPerStep[1].length = 2", () -> NewtonSchulzSchedule.of("x", new double[][] {{1, 2, 3}, {1, 2}}, 0, 1));
        assertMessage("abcPerStep[0][2] = NaN", () -> NewtonSchulzSchedule.of("x", new double[][] {{1, 2, Double.NaN}}, 0, 1));
        assertMessage("abcPerStep[0] is null", () -> NewtonSchulzSchedule.of("x", new double[][] {null}, 0, 1));
        assertMessage("eps = -1.0", () -> NewtonSchulzSchedule.of("x", new double[][] {{1, 2, 3}}, -1, 1));
        assertMessage("eps = NaN", () -> NewtonSchulzSchedule.muon().withEps(Double.NaN));
        assertMessage("normScale = 0.0", () -> NewtonSchulzSchedule.of("x", new double[][] {{1, 2, 3}}, 0, 0));
        assertMessage("normScale = Infinity", () -> NewtonSchulzSchedule.muon().withNormScale(Double.POSITIVE_INFINITY));
        assertMessage("steps = 0", () -> NewtonSchulzSchedule.muon(0));
        assertMessage("rows = 0", () -> NewtonSchulzRootTable.empty().with(0, 3, 1, 2, 3));
        assertMessage("b = Infinity", () -> NewtonSchulzRootTable.empty().with(2, 3, 1, Double.POSITIVE_INFINITY, 3));
    }

    private static void assertMessage(String prefix, Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().startsWith(prefix), x.getMessage());
    }

    @Test
    void customSchedulesCopyTheirInputAndCompareByValue() {
        double[][] abc = {{1.5, -0.5, 0}, {1.5, -0.5, 0}};
        NewtonSchulzSchedule s = NewtonSchulzSchedule.of("cubic", abc, 1e-9, 1);
        abc[0][0] = 42;
        assertEquals(1.5, s.a(0));
        assertEquals(NewtonSchulzSchedule.repeat("cubic", 1.5, -0.5, 0, 2, 1e-9, 1), s);
        assertEquals(NewtonSchulzSchedule.repeat("cubic", 1.5, -0.5, 0, 2, 1e-9, 1).hashCode(), s.hashCode());
        assertNotEquals(s.withEps(0), s);
        assertEquals(0, s.withEps(0).eps());
        assertEquals(2, s.withNormScale(2).normScale());
        assertEquals("cubic[2 steps, eps 1.0E-9, normScale 1.0]", s.toString());
        // one cubic step: 1.5 x − 0.5 x³
        assertEquals(1.5 * 0.5 - 0.5 * 0.125, s.polynomial(0, 0.5), 1e-16);
    }
}
