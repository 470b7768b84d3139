package org.ortho4j.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.random.SplitMix64;
import org.ortho4j.optim.AdamW;
import org.ortho4j.testkit.Ortho4jTest;

/**
 * The optimizers inside DJL's {@link Trainer} on the PyTorch engine: gradients are zeroed by the
 * optimizer (the engine accumulates them otherwise — checked here, the behaviour the spec left
 * unconfirmed), weights change in place, every parameter is stepped once per step.
 */
class TrainerIntegrationTest extends Ortho4jTest {
    private static final CharTransformer.Config TINY = new CharTransformer.Config(62, 8, 8, 2, 1);

    /** One forward/backward on a fixed batch; returns the loss. */
    private static float backward(Trainer trainer, long[][] w) {
        NDManager m = trainer.getManager();
        NDArray x = m.create(w[0], new Shape(2, 8)), y = m.create(w[1], new Shape(2, 8));
        try (GradientCollector gc = trainer.newGradientCollector()) {
            NDArray loss = trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
            gc.backward(loss);
            return loss.getFloat();
        }
    }

    private static List<float[]> gradients(CharTransformer block) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) out.add(p.getValue().getArray().getGradient().toFloatArray());
        return out;
    }

    @Test
    void engineAccumulatesGradientsAndTheOptimizerZeroesThem() {
        CharCorpus corpus = CharCorpus.shakespeare();
        long[][] batch = corpus.windows(false, 2, 8, new SplitMix64(seed));
        try (Model model = Model.newInstance("tiny")) {
            CharTransformer block = new CharTransformer(TINY, seed);
            model.setBlock(block);
            DjlMuon opt = DjlMuon.builder().optLearningRateTracker(Tracker.fixed(0.02f)).optRouting(Routing.forBlock(block))
                    .optAuxAdamW(AdamW.builder().lr(3e-3).betas(0.9, 0.95).weightDecay(0).build()).build();
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(CharTransformer.loss()).optOptimizer(opt))) {
                trainer.initialize(new Shape(2, 8));
                backward(trainer, batch);
                List<float[]> once = gradients(block);
                backward(trainer, batch);
                List<float[]> twice = gradients(block);
                // Without zeroing, a second backward adds the same gradient: exactly twice the first (x + x is exact).
                for (int i = 0; i < once.size(); i++)
                    for (int j = 0; j < once.get(i).length; j++) assertEquals(2 * once.get(i)[j], twice.get(i)[j], 0f, "accumulated");
                List<float[]> before = new ArrayList<>();
                for (Pair<String, Parameter> p : block.getParameters()) before.add(p.getValue().getArray().toFloatArray());
                trainer.step();
                int k = 0;
                for (Pair<String, Parameter> p : block.getParameters()) {
                    NDArray w = p.getValue().getArray();
                    for (float g : w.getGradient().toFloatArray()) assertEquals(0f, g, 0f, p.getKey() + ": gradient zeroed by the optimizer");
                    float[] now = w.toFloatArray(), old = before.get(k++);
                    double moved = 0;
                    for (int j = 0; j < now.length; j++) moved = Math.max(moved, Math.abs(now[j] - old[j]));
                    assertTrue(moved > 0, p.getKey() + " was updated in place");
                }
                assertEquals(1, opt.stats().steps());
                assertTrue(Float.isFinite(backward(trainer, batch)));
                trainer.step();
                assertEquals(2, opt.stats().steps());
                assertTrue(opt.stats().orthogonalizeNanos() > 0 && opt.stats().orthogonalizeNanos() <= opt.stats().stepNanos());
            }
        }
    }
}
