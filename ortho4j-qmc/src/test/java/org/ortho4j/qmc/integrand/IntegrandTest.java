package org.ortho4j.qmc.integrand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.measure.Gaussian;
import org.ortho4j.qmc.measure.Lebesgue;
import org.ortho4j.qmc.measure.Periodization;
import org.ortho4j.qmc.measure.Uniform;
import org.ortho4j.qmc.points.IidUniform;
import org.ortho4j.testkit.Golden;
import org.ortho4j.testkit.Ortho4jTest;

/** Closed forms against {@code integrals_exact.json} and the evaluation contract of integrands. */
class IntegrandTest extends Ortho4jTest {
    private static final JsonNode EXACT = Golden.json("golden/qmc/integrals_exact.json");

    private static void assertMessageStarts(String prefix, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }

    @Test
    void keisterExactValueMatchesTheMpmathTable() {
        // the alternating Kummer series loses about log10(largest term) digits: ≤ 1e-14 relative for d ≤ 10
        for (int d = 1; d <= 10; d++) {
            double want = Double.parseDouble(EXACT.at("/keister/values/" + d).asText());
            assertEquals(want, Keister.exact(d), 1e-14 * Math.abs(want), "d = " + d);
            assertEquals(want, new Keister(d).exactValue().orElseThrow()[0], 1e-14 * Math.abs(want));
        }
    }

    @Test
    void keisterEvaluatesPiToTheHalfDTimesCosOfTheNorm() {
        Keister k = new Keister(2);
        Matrix y = k.g(Matrix.of(new double[][] {{0, 0}, {3, 4}}));
        assertEquals(Math.PI, y.get(0, 0), 1e-15);
        assertEquals(Math.PI * Math.cos(5), y.get(1, 0), 1e-15);
        // through the measure: u = 1/2 is the mean 0
        assertEquals(Math.PI, k.f(Matrix.of(new double[][] {{0.5, 0.5}})).get(0, 0), 1e-15);
        assertEquals(2, k.dimension());
        assertMessageStarts("d = 0", () -> new Keister(0));
        assertMessageStarts("x.cols = 3", () -> k.f(new Matrix(1, 3)));
    }

    @Test
    void importanceSampledKeisterHasTheSameMean() {
        // sampling N(0, I/2) through N(0, I): f = g · 2^{d/2} e^{-|t|²/2}... same integral; check by averaging
        Keister plain = new Keister(2), is = Keister.importanceSampled(Gaussian.standard(2));
        Matrix x = IidUniform.builder(2).seed(seed).build().points(400_000);
        double a = mean(plain.f(x)), b = mean(is.f(x)), exact = Keister.exact(2);
        // MC standard errors ~ 1.2/sqrt(4e5) = 2e-3; 5 s.e.
        assertEquals(exact, a, 0.01);
        assertEquals(exact, b, 0.01);
    }

    private static double mean(Matrix y) {
        double s = 0;
        for (int i = 0; i < y.rows; i++) s += y.get(i, 0);
        return s / y.rows;
    }

    @Test
    void genzExactValuesMatchTheTable() {
        // oscillatory: closed product form (rounding only); corner peak: BigDecimal inclusion-exclusion.
        // The table's CORNER-PEAK_d8_c3 came from a 40-digit mpmath sum that cancels 28 digits (d! Π c ≈ 3e-28),
        // so it is good to ~1e-11 only; a 100-digit recomputation gives 0.40264079763008636, which we match.
        Iterator<Map.Entry<String, JsonNode>> it = EXACT.at("/genz/values").fields();
        int count = 0;
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String[] parts = e.getKey().split("_");
            Genz.Kind kind = parts[0].equals("OSCILLATORY") ? Genz.Kind.OSCILLATORY : Genz.Kind.CORNER_PEAK;
            int d = Integer.parseInt(parts[1].substring(1)), c = Integer.parseInt(parts[2].substring(1));
            double want = Double.parseDouble(e.getValue().asText());
            double tol = e.getKey().equals("CORNER-PEAK_d8_c3") ? 1e-10 : 1e-14;
            assertEquals(want, new Genz(d, kind, c).exactValue().orElseThrow()[0], tol * Math.abs(want), e.getKey());
            count++;
        }
        assertEquals(30, count);
        assertEquals(0.40264079763008636, new Genz(8, Genz.Kind.CORNER_PEAK, 3).exactValue().orElseThrow()[0], 1e-15);
    }

    @Test
    void genzCoefficientsAreNormalisedAndTheFunctionsEvaluate() {
        Genz osc = new Genz(3, Genz.Kind.OSCILLATORY, 1), peak = new Genz(3, Genz.Kind.CORNER_PEAK, 2);
        assertEquals(4.5, osc.coefficients()[0] + osc.coefficients()[1] + osc.coefficients()[2], 1e-15);
        assertArrayEquals(new double[] {0.5, 1.5, 2.5}, osc.coefficients(), 1e-15);        // (k - 1/2)/3 scaled to 4.5
        double[] c = peak.coefficients();
        assertEquals(0.25, c[0] + c[1] + c[2], 1e-16);
        assertEquals(4, c[0] / c[1], 1e-14);                                                 // 1/k²
        Matrix t = Matrix.of(new double[][] {{0.1, 0.2, 0.3}});
        assertEquals(Math.cos(0.05 + 0.3 + 0.75), osc.g(t).get(0, 0), 1e-15);
        assertEquals(Math.pow(1 + c[0] * 0.1 + c[1] * 0.2 + c[2] * 0.3, -4), peak.g(t).get(0, 0), 1e-15);
        assertFalse(new Genz(Genz.CORNER_PEAK_EXACT_MAX_D + 1, Genz.Kind.CORNER_PEAK, 1).exactValue().isPresent());
        assertMessageStarts("coefficientKind = 4", () -> new Genz(2, Genz.Kind.OSCILLATORY, 4));
        assertMessageStarts("d = 0", () -> new Genz(0, Genz.Kind.OSCILLATORY, 1));
    }

    @Test
    void ishigamiMomentsAndSobolIndicesMatchTheTable() {
        Ishigami f = new Ishigami();
        JsonNode j = EXACT.get("ishigami");
        assertEquals(j.get("mean").asDouble(), f.exactValue().orElseThrow()[0], 0);
        assertEquals(j.get("variance").asDouble(), f.variance(), 1e-13);
        assertArrayEquals(Golden.vector(j.get("first_order_sobol")), f.firstOrderSobol(), 1e-14);
        assertArrayEquals(Golden.vector(j.get("total_sobol")), f.totalSobol(), 1e-14);
        Matrix y = f.g(Matrix.of(new double[][] {{Math.PI / 2, Math.PI / 2, 2}}));
        assertEquals(1 + 7 + 0.1 * 16, y.get(0, 0), 1e-14);
        assertEquals(-Math.PI, ((Uniform) f.measure()).lower()[2], 0);
    }

    @Test
    void boxIntegralClosedFormsMatchTheTable() {
        BoxIntegral b = new BoxIntegral(3, -1, 1);
        double[] exact = b.exactValue().orElseThrow();
        assertEquals(EXACT.at("/box_integral_d3/s=-1").asDouble(), exact[0], 1e-15);
        assertEquals(EXACT.at("/box_integral_d3/s=1").asDouble(), exact[1], 1e-15);
        assertEquals(2, b.outputs());
        Matrix y = b.g(Matrix.of(new double[][] {{1, 2, 2}}));
        assertArrayEquals(new double[] {1.0 / 3, 3}, y.data, 1e-15);
        assertEquals(1.0 / 3.5, new BoxIntegral(1, 2.5).exactValue().orElseThrow()[0], 1e-16);
        assertFalse(new BoxIntegral(4, 1).exactValue().isPresent());
        assertMessageStarts("exponents[1] = -3.0", () -> new BoxIntegral(3, 1, -3));
        assertMessageStarts("exponents is empty", () -> new BoxIntegral(3));
    }

    @Test
    void linear0IsCenteredOnTheCube() {
        Linear0 f = new Linear0(4);
        assertEquals(0, f.exactValue().orElseThrow()[0]);
        assertEquals(0, f.f(Matrix.of(new double[][] {{0.5, 0.5, 0.5, 0.5}})).get(0, 0), 0);
        assertEquals(-2, f.f(Matrix.of(new double[][] {{0, 0, 0, 0}})).get(0, 0), 0);
    }

    @Test
    void europeanCallExactValueIsBlackScholes() {
        FinancialOption call = FinancialOption.builder(8).style(FinancialOption.Style.EUROPEAN).build();
        assertEquals(EXACT.at("/european_call/black_scholes").asDouble(), call.exactValue().orElseThrow()[0], 1e-13);
        // put-call parity with r = 0.05: C - P = S0 - K e^{-rT}
        FinancialOption c = FinancialOption.builder(4).style(FinancialOption.Style.EUROPEAN).interestRate(0.05).build();
        FinancialOption p = FinancialOption.builder(4).style(FinancialOption.Style.EUROPEAN).interestRate(0.05)
                .callPut(FinancialOption.CallPut.PUT).build();
        assertEquals(30 - 35 * Math.exp(-0.05), c.exactValue().orElseThrow()[0] - p.exactValue().orElseThrow()[0], 1e-13);
    }

    @Test
    void geometricAsianExactValuesMatchTheTable() {
        for (String d : new String[] {"4", "16", "52", "64"}) {
            FinancialOption f = FinancialOption.builder(Integer.parseInt(d)).asianMean(FinancialOption.AsianMean.GEOMETRIC).build();
            assertEquals(EXACT.at("/asian_geometric_trapezoid_call_exact/values/" + d).asDouble(), f.exactValue().orElseThrow()[0],
                    1e-12, "d = " + d);
        }
        assertFalse(FinancialOption.builder(4).build().exactValue().isPresent(), "arithmetic Asian has no closed form");
    }

    @Test
    void payoffsFollowTheDefinitions() {
        // W = 0 path (t = 0): S_j = S0 exp((r - σ²/2) τ_j); with r = 0, σ = 0.5, S0 = 30, K = 35
        int d = 4;
        Matrix t = new Matrix(1, d);
        double[] s = new double[d];
        for (int j = 0; j < d; j++) s[j] = 30 * Math.exp(-0.125 * (j + 1) / d);
        FinancialOption.Builder base = FinancialOption.builder(d);
        double trap = (15 + s[0] + s[1] + s[2] + s[3] / 2) / d, right = (s[0] + s[1] + s[2] + s[3]) / d;
        assertEquals(35 - trap, base.callPut(FinancialOption.CallPut.PUT).build().g(t).get(0, 0), 1e-12);
        assertEquals(35 - right, base.asianRule(FinancialOption.AsianRule.RIGHT).build().g(t).get(0, 0), 1e-12);
        assertEquals(0, FinancialOption.builder(d).build().g(t).get(0, 0), 0, "out-of-the-money call");
        FinancialOption.Builder lookback = FinancialOption.builder(d).style(FinancialOption.Style.LOOKBACK);
        assertEquals(0, lookback.build().g(t).get(0, 0), 1e-12, "decreasing path: the last price is the minimum");
        assertEquals(s[0] - s[3], lookback.callPut(FinancialOption.CallPut.PUT).build().g(t).get(0, 0), 1e-12, "max is S_1");
        assertEquals(10, FinancialOption.builder(d).style(FinancialOption.Style.DIGITAL).callPut(FinancialOption.CallPut.PUT)
                .build().g(t).get(0, 0), 0);
        assertEquals(0, FinancialOption.builder(d).style(FinancialOption.Style.BARRIER).callPut(FinancialOption.CallPut.PUT)
                .build().g(t).get(0, 0), 0, "up-and-in barrier 38 never reached");
        assertEquals(35 - s[3], FinancialOption.builder(d).style(FinancialOption.Style.BARRIER).barrierKind(FinancialOption.BarrierKind.OUT)
                .callPut(FinancialOption.CallPut.PUT).build().g(t).get(0, 0), 1e-12);
        assertMessageStarts("volatility = 0", () -> FinancialOption.builder(2).volatility(0));
        assertMessageStarts("d = 0", () -> FinancialOption.builder(0));
    }

    @Test
    void customIntegrandSupportsVectorOutputsAndLebesgueWeights() {
        // ∫_{[0,2]x[0,1]} (1, x y) dx dy = (2, 1): Lebesgue weight = volume 2
        CustomIntegrand f = new CustomIntegrand(new Lebesgue(new double[] {0, 0}, new double[] {2, 1}), 2, t -> {
            Matrix y = new Matrix(t.rows, 2);
            for (int i = 0; i < t.rows; i++) {
                y.set(i, 0, 1);
                y.set(i, 1, t.get(i, 0) * t.get(i, 1));
            }
            return y;
        }).withExactValue(2, 1).withName("box");
        Matrix y = f.f(Matrix.of(new double[][] {{0.5, 0.5}}));
        assertArrayEquals(new double[] {2, 2 * 0.5}, y.data, 1e-15);
        assertArrayEquals(new double[] {2, 1}, f.exactValue().orElseThrow(), 0);
        assertEquals("box", f.name());
        assertMessageStarts("values.length = 1", () -> f.withExactValue(1));
    }

    @Test
    void nonFiniteValuesAreRejectedWithTheirPoint() {
        CustomIntegrand bad = CustomIntegrand.scalar(Uniform.unitCube(2), t -> {
            Matrix y = new Matrix(t.rows, 1);
            for (int i = 0; i < t.rows; i++) y.set(i, 0, 1 / (t.get(i, 0) - 0.25));
            return y;
        }).withName("pole");
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                () -> bad.f(Matrix.of(new double[][] {{0.5, 0.5}, {0.25, 0.75}})));
        assertTrue(e.getMessage().startsWith("pole produced a non-finite value at point 1, output 0: g = Infinity"), e.getMessage());
        assertTrue(e.getMessage().contains("x = [0.25, 0.75]"), e.getMessage());
        CustomIntegrand nan = CustomIntegrand.scalar(Uniform.unitCube(1), t -> new Matrix(t.rows, 1).set(0, 0, Double.NaN));
        assertThrows(NonFiniteValueException.class, () -> nan.f(Matrix.of(new double[][] {{0.1}})));
        CustomIntegrand wrong = new CustomIntegrand(Uniform.unitCube(1), 2, t -> new Matrix(t.rows, 1));
        assertMessageStarts("CustomIntegrand.g returned 1x1, expected 1x2", () -> wrong.f(new Matrix(1, 1)));
        assertMessageStarts("periodization is null", () -> wrong.f(new Matrix(1, 1), null));
        assertMessageStarts("outputs = 0", () -> new CustomIntegrand(Uniform.unitCube(1), 0, t -> t));
    }

    @Test
    void periodizationIsAppliedBeforeTheMeasure() {
        Linear0 f = new Linear0(1);
        // BAKER maps 0.25 -> 0.5, i.e. t = 0
        assertEquals(0, f.f(Matrix.of(new double[][] {{0.25}}), Periodization.BAKER).get(0, 0), 1e-16);
        double x = 0.3, w = Periodization.C1SIN.derivative(x), psi = Periodization.C1SIN.psi(x);
        assertEquals((psi - 0.5) * w, f.f(Matrix.of(new double[][] {{x}}), Periodization.C1SIN).get(0, 0), 1e-16);
    }
}
