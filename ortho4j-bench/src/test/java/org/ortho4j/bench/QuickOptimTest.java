package org.ortho4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ortho4j.optim.OptimizerStats;
import org.ortho4j.testkit.Ortho4jTest;

class QuickOptimTest extends Ortho4jTest {

    @Test
    void defaultsCoverEveryRuleAtTheBenchmarkShape() {
        QuickOptim.Plan p = QuickOptim.parse(new String[0]);
        assertEquals(OptimizerCase.RULES, p.rules());
        assertEquals(1024, p.rows());
        assertEquals(4096, p.cols());
        assertEquals(2, p.warmup());
        assertEquals(5, p.steps());
    }

    @Test
    void badOptionsAreNamed() {
        String[][] bad = {{"--rule", "muon"}, {"--rules"}, {"--rules", "muon,sgd"}, {"--shape", "3"},
                          {"--steps", "0"}, {"--warmup", "-1"}};
        String[] named = {"--rule", "--rules", "rule = sgd", "3", "--steps = 0", "--warmup = -1"};
        for (int i = 0; i < bad.length; i++) {
            String[] args = bad[i];
            String msg = assertThrows(IllegalArgumentException.class, () -> QuickOptim.parse(args)).getMessage();
            assertTrue(msg.contains(named[i]), msg);
        }
    }

    /**
     * Every rule runs on a small wide and a small tall shape (13x40: rank min(128, 13) = 13 for the
     * low-rank rules); the line is "ok" with positive times. The orthogonalization share is a
     * ratio of two nanosecond counters of the same steps, so it lies in [0, 1]; it is exactly 0
     * for AdamW, which never orthogonalizes, and positive for Muon, whose step is mostly NS5.
     */
    @Test
    void runsEveryRuleOnSmallShapes() {
        for (String shape : List.of("13x40", "40x13")) {
            QuickOptim.Plan p = QuickOptim.parse(new String[] {"--shape", shape, "--warmup", "1", "--steps", "3"});
            for (String rule : OptimizerCase.RULES) {
                Map<String, Object> r = QuickOptim.measure(p, rule);
                assertEquals("ok", r.get("status"), r.toString());
                assertEquals(shape, r.get("shape"));
                assertTrue((Double) r.get("median_ms") > 0 && (Double) r.get("min_ms") <= (Double) r.get("median_ms"), r.toString());
                double share = (Double) r.get("ortho_share");
                assertTrue(share >= 0 && share <= 1, r.toString());
                if (rule.equals("adamw")) assertEquals(0.0, share, r.toString());
                if (rule.equals("muon")) assertTrue(share > 0, r.toString());
                assertTrue(QuickGemm.toJson(r).startsWith("{\"case\":\"optim-step\",\"rule\":\"" + rule + "\""));
            }
        }
    }

    @Test
    void stepsMoveTheWeightAndCountInStats() {
        OptimizerCase c = new OptimizerCase("muon", 7, 11);
        c.verify(); // no step yet: nothing to check but finiteness
        OptimizerStats before = c.stats();
        c.step();
        c.step();
        c.verify();
        assertEquals(before.steps() + 2, c.stats().steps());
        assertTrue(c.stats().stepNanos() > before.stepNanos());
    }

    @Test
    void unknownRuleAndEmptyShapeAreRejected() {
        String msg = assertThrows(IllegalArgumentException.class, () -> OptimizerCase.rule("lion", 4)).getMessage();
        assertTrue(msg.contains("rule = lion"), msg);
        msg = assertThrows(IllegalArgumentException.class, () -> new OptimizerCase("adamw", 0, 4)).getMessage();
        assertTrue(msg.contains("shape = 0x4"), msg);
        assertFalse(OptimizerCase.RULES.contains("lion"));
    }

    /** The point generators of QmcPointsBenchmark fill one block in [0, 1); unknown names are rejected. */
    @Test
    void qmcGeneratorsFillABlockInTheUnitCube() {
        for (String gen : List.of("sobol-none", "sobol-lms_ds", "halton-perm", "halton-lms_perm", "lattice-shift")) {
            double[] out = new double[64 * 3];
            QmcPointsBenchmark.generator(gen, 3).fill(0, 64, out);
            double sum = 0;
            for (double v : out) {
                assertTrue(v >= 0 && v < 1, gen + ": " + v);
                sum += v;
            }
            // 64 points of a (0,m,s)-net / lattice / Halton: each coordinate's mean is within
            // O(log n / n) of 1/2; 0.1 is loose and catches an all-zero or constant output.
            assertEquals(0.5, sum / out.length, 0.1, gen);
        }
        String msg = assertThrows(IllegalArgumentException.class, () -> QmcPointsBenchmark.generator("faure", 3)).getMessage();
        assertTrue(msg.contains("gen = faure"), msg);
    }
}
