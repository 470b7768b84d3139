package org.ortho4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.random.SplitMix64;
import org.ortho4j.core.tour.TourCheck;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.testkit.Golden;
import org.ortho4j.testkit.Ortho4jTest;

/** The reference experiment's data, init and one full run against reference_experiment.json; the tour step. */
class ReferenceExperimentTest extends Ortho4jTest {
    static final JsonNode REF = OptimGolden.EXPERIMENT;

    @Test
    void splitMix64MatchesTheSpec() {
        assertEquals(0xE220A8397B1DCDAFL, new SplitMix64(0).nextLong());
    }

    /** Inputs are a product of 32 terms of order 1: a few ulps; labels and histograms exactly. */
    @Test
    void dataMatchesTheReference() {
        TeacherTask small = TeacherTask.generate(4096, 2048);
        JsonNode c = REF.get("data_check_N4096");
        double[] row0 = Golden.vector(c.get("Xtrain_row0")), test0 = Golden.vector(c.get("Xtest_row0"));
        for (int j = 0; j < row0.length; j++) {
            assertEquals(row0[j], small.xTrain.get(0, j), 1e-14);
            assertEquals(test0[j], small.xTest.get(0, j), 1e-14);
        }
        assertArrayEquals(ints(c.get("label_hist_train")), TeacherTask.histogram(small.yTrain));
        assertArrayEquals(ints(c.get("label_hist_test")), TeacherTask.histogram(small.yTest));
        int[] first20 = ints(c.get("ytrain_first20"));
        for (int i = 0; i < 20; i++) assertEquals(first20[i], small.yTrain[i]);
        TeacherTask online = TeacherTask.generate(64000, 2048);
        JsonNode o = REF.get("data_check_online_N64000");
        double[] last = Golden.vector(o.get("Xtrain_row63999"));
        for (int j = 0; j < last.length; j++) assertEquals(last[j], online.xTrain.get(63999, j), 1e-14);
        assertArrayEquals(ints(o.get("label_hist_train")), TeacherTask.histogram(online.yTrain));
        assertArrayEquals(ints(o.get("label_hist_test")), TeacherTask.histogram(online.yTest));
    }

    /** Init, first-batch loss and gradient norms (forward/backward) of seed 1: sums of ≤ 4096 terms, 1e-12 relative. */
    @Test
    void initAndFirstBatchMatchTheReference() {
        TeacherTask data = TeacherTask.generate(4096, 2048);
        JsonNode c = REF.get("init_check_seed1");
        Mlp mlp = new Mlp(1, ReferenceExperiment.BATCH);
        double[] w1 = Golden.vector(c.get("W1_row0_first6")), w4 = Golden.vector(c.get("W4_row9_last3"));
        for (int j = 0; j < 6; j++) assertEquals(w1[j], mlp.w[0].get(0, j), 1e-16);
        for (int j = 0; j < 3; j++) assertEquals(w4[j], mlp.w[3].get(9, 61 + j), 1e-16);
        Matrix xb = data.xTrain.rowsView(0, ReferenceExperiment.BATCH);
        double loss = mlp.forward(xb, data.yTrain, 0, null) / ReferenceExperiment.BATCH;
        assertEquals(c.get("first_batch_loss").asDouble(), loss, 1e-12);
        mlp.backward(xb, data.yTrain, 0);
        double[] norms = Golden.vector(c.get("first_batch_gradW_frobenius"));
        for (int l = 0; l < 4; l++) assertEquals(norms[l], mlp.gw[l].normF(), 1e-12 * norms[l], "dW" + (l + 1));
    }

    /**
     * One complete run (online, Muon at the reference's best lr, seed 1) against numpy: the spec
     * expects ±0.005 per seed for a float64 port; identical formulas and data give far less.
     */
    @Test
    void muonOnlineRunMatchesNumpy() {
        ReferenceExperiment.Regime r = ReferenceExperiment.Regime.ONLINE;
        ReferenceExperiment.Method m = ReferenceExperiment.Method.MUON;
        double lr = ReferenceExperiment.referenceBestLr(r, m);
        assertEquals(0.02, lr);
        ReferenceExperiment.Run run = ReferenceExperiment.runOne(TeacherTask.generate(r.trainRows, 2048), r, m, lr, 1, 500);
        assertFalse(run.diverged());
        assertEquals(500, run.stepsDone());
        JsonNode v = REF.get(r.key).get("muon@0.02");
        assertEquals(v.get("train_loss").get(0).asDouble(), run.trainLoss(), 0.005);
        assertEquals(v.get("test_loss").get(0).asDouble(), run.testLoss(), 0.005);
        assertEquals(v.get("test_acc").get(0).asDouble(), run.testAccuracy(), 0.005);
        assertTrue(run.orthogonalizeShare() > 0 && run.orthogonalizeShare() < 1);
    }

    /** A run whose activations overflow (AdamW with lr 1e300) is stopped and reported as diverged, not thrown. */
    @Test
    void divergenceIsReported() {
        ReferenceExperiment.Run run = ReferenceExperiment.runOne(TeacherTask.generate(4096, 256), ReferenceExperiment.Regime.MEMORIZATION,
                ReferenceExperiment.Method.ADAMW, 1e300, 1, 5);
        assertTrue(run.diverged());
        assertTrue(run.stepsDone() < 5, "steps done: " + run.stepsDone());
        assertTrue(Double.isNaN(run.trainLoss()) && Double.isNaN(run.testLoss()));
        assertTrue(Double.isNaN(run.batchLoss()[4]));
    }

    @Test
    void shortSweepIsTheBestLrAndItsGridNeighbours() {
        ReferenceExperiment.Config c = ReferenceExperiment.Config.standard();
        assertArrayEquals(new double[] {0.01, 0.02, 0.05}, c.lrs(ReferenceExperiment.Regime.ONLINE, ReferenceExperiment.Method.MUON));
        assertArrayEquals(new double[] {2, 5, 10}, c.lrs(ReferenceExperiment.Regime.MEMORIZATION, ReferenceExperiment.Method.AUON_PACKAGE));
        assertArrayEquals(new double[] {0.01}, ReferenceExperiment.Config.quick().lrs(ReferenceExperiment.Regime.ONLINE,
                ReferenceExperiment.Method.ADAMW));
    }

    @Test
    void tourStepPassesInQuickMode() {
        TourResult r = new OptimTourStep().run(TourContext.of(true, 42));
        assertTrue(r.checks().size() >= 20, "checks: " + r.checks().size());
        for (TourCheck c : r.checks()) assertTrue(c.passed(), c.check() + " = " + c.value() + " " + c.criterionText());
        assertEquals(1, r.plots().size());
        assertEquals(3, r.plots().get(0).series().size());
    }

    @Test
    void tourStepIsRegistered() {
        List<String> names = java.util.ServiceLoader.load(org.ortho4j.core.tour.TourStep.class).stream()
                .map(p -> p.type().getName()).toList();
        assertTrue(names.contains(OptimTourStep.class.getName()), names.toString());
    }

    private static int[] ints(JsonNode n) { return java.util.Arrays.stream(Golden.vector(n)).mapToInt(x -> (int) x).toArray(); }
}
