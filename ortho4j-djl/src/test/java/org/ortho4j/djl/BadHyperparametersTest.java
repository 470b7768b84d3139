package org.ortho4j.djl;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ortho4j.optim.LrSchedule;
import org.ortho4j.optim.ParamRole;
import org.ortho4j.testkit.Ortho4jTest;

/** Every bad setting is refused with an {@link IllegalArgumentException} naming the parameter and its value. */
class BadHyperparametersTest extends Ortho4jTest {

    private static void refused(String name, String value, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(name) && ex.getMessage().contains(value), "message '" + ex.getMessage() + "' should name "
                + name + " and " + value);
    }

    @Test
    void builderSettings() {
        refused("momentum", "1.0", () -> DjlMuon.builder().optMomentum(1.0));
        refused("momentum", "-0.1", () -> DjlAuon.builder().optMomentum(-0.1));
        refused("momentum", "NaN", () -> DjlRoot.builder().optMomentum(Double.NaN));
        refused("beta2", "1.0", () -> DjlNorMuon.builder().optBeta2(1.0));
        refused("eps", "-1.0", () -> DjlNorMuon.builder().optEpsilon(-1));
        refused("beta1", "1.5", () -> DjlDctAdamW.builder().optBetas(1.5, 0.9));
        refused("beta2", "-0.5", () -> DjlDctAdamW.builder().optBetas(0.9, -0.5));
        refused("rank", "0", () -> DjlDctAdamW.builder().optRank(0));
        refused("updateProjGap", "0", () -> DjlDctAdamW.builder().optUpdateProjGap(0));
        refused("maxShape", "-3", () -> DjlDctAdamW.builder().optMaxShape(-3));
        refused("nsSteps", "0", () -> DjlRoot.builder().optNsSteps(0));
        refused("outlierQuantile", "1.5", () -> DjlRoot.builder().optOutlierQuantile(1.5));
        refused("absoluteThreshold", "0.0", () -> DjlRoot.builder().optAbsoluteThreshold(0));
        refused("thresholdFloor", "Infinity", () -> DjlRoot.builder().optThresholdFloor(Double.POSITIVE_INFINITY));
        refused("gamma", "0.0", () -> DjlAuon.builder().optGamma(0));
        refused("hybridNsSteps", "-1", () -> DjlAuon.builder().optHybridNsSteps(-1));
        refused("weightDecays", "-1.0", () -> DjlMuon.builder().optWeightDecays(-1f));
        refused("weightDecays", "NaN", () -> DjlAdamW.builder().optWeightDecays(Float.NaN));
        refused("rescaleGrad", "0.0", () -> DjlMuon.builder().setRescaleGrad(0f));
        refused("clipGrad", "NaN", () -> DjlMuon.builder().optClipGrad(Float.NaN));
        refused("eps", "-1.0", () -> DjlAdamW.builder().optEpsilon(-1));   // validated by ortho4j-optim's AdamW
        refused("learningRateTracker", "null", () -> DjlMuon.builder().optLearningRateTracker(null));
        refused("orthogonalizer", "null", () -> DjlMuon.builder().optOrthogonalizer(null));
        refused("variant", "null", () -> DjlAuon.builder().optVariant(null));
        refused("routing", "null", () -> DjlNorMuon.builder().optRouting(null));
        refused("baseRate", "-0.1", () -> new ScheduleTracker(-0.1, LrSchedule.constant()));
    }

    @Test
    void updateTimeChecks() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.zeros(new Shape(3, 3)), g = m.ones(new Shape(3, 3));
            refused("learning rate of parameter 'h.w'", "-0.5",
                    () -> DjlMuon.builder().optLearningRateTracker(Tracker.fixed(-0.5f)).build().update("h.w", w, g));
            refused("learning rate of parameter 'h.w'", "NaN",
                    () -> DjlAdamW.builder().optLearningRateTracker(Tracker.fixed(Float.NaN)).build().update("h.w", w, g));
            NDArray v = m.zeros(new Shape(4)), gv = m.ones(new Shape(4));
            refused("parameter 'bias'", "ndim 1",
                    () -> DjlMuon.builder().optRouting(Routing.byShape().withRole("bias", ParamRole.HIDDEN_MATRIX)).build().update("bias", v, gv));
        }
    }

    @Test
    void raceAndModelSettings() {
        LmRace.Config q = LmRace.Config.quick();
        refused("steps", "0", () -> q.toBuilder().steps(0).build());
        refused("seeds", "empty", () -> q.toBuilder().seeds(List.of()).build());
        refused("contenders", "[MUON, MUON]", () -> q.toBuilder().contenders(List.of(LmRace.Contender.MUON, LmRace.Contender.MUON)).build());
        refused("learningRates[AUON]", "-1.0", () -> q.toBuilder().learningRate(LmRace.Contender.AUON, -1).build());
        refused("warmupFraction", "1.0", () -> q.toBuilder().schedule(1.0, 0.3).build());
        refused("decayFraction", "0.0", () -> q.toBuilder().schedule(0.1, 0).build());
        refused("evalBatches", "0", () -> q.toBuilder().evaluation(5, 0).build());
        refused("model vocabulary", "61",
                () -> LmRace.run(q.toBuilder().model(new CharTransformer.Config(61, 8, 8, 2, 1)).build(), s -> { }));
        refused("dModel", "10", () -> new CharTransformer.Config(62, 8, 10, 3, 1));
        refused("layers", "0", () -> new CharTransformer.Config(62, 8, 8, 2, 0));
        refused("valFraction", "1.0", () -> CharCorpus.of("abcdefgh", 1.0));
        refused("context", "7", () -> CharCorpus.of("abcdefghij", 0.5).windows(true, 1, 7, new org.ortho4j.core.random.SplitMix64(1)));
        refused("rates.length", "0", () -> LmRace.sweep(q, LmRace.Contender.ADAMW, new double[0], s -> { }));
    }
}
