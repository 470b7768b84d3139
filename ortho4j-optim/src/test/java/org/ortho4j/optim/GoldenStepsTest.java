package org.ortho4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Ortho4jTest;

/**
 * Every case and run of {@code optimizer_steps.json} (numpy float64 reference), replayed on the
 * float64 path (every recorded value: weights, states, intermediates) and on the float32 path
 * (weights and states).
 */
class GoldenStepsTest extends Ortho4jTest {

    /**
     * Float64 tolerance, absolute on values of order 1: the reference and this code evaluate the
     * same formulas in a different summation order (BLAS GEMMs of ≤ 16 terms, 5 Newton–Schulz
     * steps whose polynomials amplify rounding by at most ~10 per step): well below 1e-12, the
     * spec's bound (§1.10, §3).
     */
    static final double TOL_F64 = 1e-12;

    /**
     * Float32 tolerance, relative to the largest entry of the expected matrix: the float path
     * rounds every stored value to float32 (ε_f = 6e-8) and runs Newton–Schulz with float GEMMs
     * and float coefficients; the golden muon_ns5_f32 vs f64 differences reach ~1e-6 of the
     * largest entry and the Adam-type divisions m/(sqrt(v)+eps) keep that relative size.
     * 2e-5 ≈ 300·ε_f leaves room for the two steps' accumulation without hiding a wrong formula
     * (the smallest real effect checked, weight decay lr·wd = 2e-4 relative, is 10× larger).
     */
    static final double TOL_F32 = 2e-5;

    static Stream<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (String c : GoldenCases.NAMES) {
            JsonNode node = OptimGolden.STEPS.get(c);
            assertNotNull(node, c);
            for (Iterator<String> it = node.get("runs").fieldNames(); it.hasNext(); ) out.add(Arguments.of(c, it.next()));
        }
        return out.stream();
    }

    @Test
    void everyCaseOfTheFileIsCovered() {
        List<String> inFile = new ArrayList<>();
        OptimGolden.STEPS.fieldNames().forEachRemaining(inFile::add);
        assertEquals(inFile, GoldenCases.NAMES);
    }

    private static List<Map<String, Matrix>> replay(String c, String shape, boolean floatPath) {
        JsonNode node = OptimGolden.STEPS.get(c), run = node.get("runs").get(shape);
        Matrix q0 = run.has("Q0") ? OptimGolden.input(run.get("Q0").asText()) : null;
        UpdateRule rule = GoldenCases.rule(c, node.get("hyper"), q0);
        return GoldenCases.run(rule, OptimGolden.input(run.get("W0").asText()), OptimGolden.grads(run), floatPath);
    }

    @ParameterizedTest(name = "{0} {1} float64")
    @MethodSource("runs")
    void float64MatchesEveryRecordedValue(String c, String shape) {
        List<Map<String, Matrix>> got = replay(c, shape, false);
        JsonNode steps = OptimGolden.STEPS.get(c).get("runs").get(shape).get("after_step");
        assertEquals(steps.size(), got.size());
        for (int k = 0; k < steps.size(); k++) {
            int compared = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = steps.get(k).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Matrix expected = OptimGolden.matrix(e.getValue()), actual = got.get(k).get(e.getKey());
                assertNotNull(actual, c + " " + shape + " step " + (k + 1) + ": nothing recorded for " + e.getKey());
                if (actual.rows != expected.rows && expected.rows == 1 && actual.cols == 1) actual = actual.transpose();
                double err = OptimGolden.maxAbsDiff(expected, actual);
                assertTrue(err <= TOL_F64, c + " " + shape + " step " + (k + 1) + " " + e.getKey() + ": max abs diff " + err);
                compared++;
            }
            assertTrue(compared >= 1);
        }
    }

    @ParameterizedTest(name = "{0} {1} float32")
    @MethodSource("runs")
    void float32MatchesWeightsAndStates(String c, String shape) {
        List<Map<String, Matrix>> got = replay(c, shape, true);
        JsonNode steps = OptimGolden.STEPS.get(c).get("runs").get(shape).get("after_step");
        for (int k = 0; k < steps.size(); k++)
            for (String key : List.of("W", "state_m", "state_v", "state_M")) {
                JsonNode e = steps.get(k).get(key);
                if (e == null) continue;
                Matrix expected = OptimGolden.matrix(e), actual = got.get(k).get(key);
                double err = OptimGolden.maxAbsDiff(expected, actual) / OptimGolden.maxAbs(expected);
                assertTrue(err <= TOL_F32, c + " " + shape + " step " + (k + 1) + " " + key + ": relative error " + err);
            }
    }
}
