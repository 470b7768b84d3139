package org.ortho4j.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.optim.AdamW;
import org.ortho4j.optim.AuOn;
import org.ortho4j.optim.HybridOptimizer;
import org.ortho4j.optim.LowRankAdamW;
import org.ortho4j.optim.MomentumMode;
import org.ortho4j.optim.Muon;
import org.ortho4j.optim.NorMuon;
import org.ortho4j.optim.Parameter;
import org.ortho4j.optim.Root;
import org.ortho4j.optim.UpdateRule;
import org.ortho4j.testkit.Ortho4jTest;

/**
 * Each DJL optimizer (NDArray operations on the PyTorch engine, float32) against ortho4j-optim's
 * plain-Java optimizer with the same hyper-parameters ({@link HybridOptimizer}, float32 storage),
 * on the same seeded weights and gradients, three steps with a new gradient each step.
 *
 * <p>Parameters: a tall 7×3, a wide 3×8, a square 5×5 and a 13×11 hidden matrix, a conv filter
 * [4, 3, 2, 2] (flattened to 4×12), an embedding 6×4 (name → AdamW) and a vector [5] (→ AdamW).
 *
 * <p>Compared: the total change of every parameter after the three steps,
 * {@code ‖ΔW_djl − ΔW_java‖_F ≤ tol·‖ΔW_java‖_F + 2·steps·u·‖W‖_F}, reported as the ratio of the
 * left side to the right (must be ≤ 1). Both sides store float32 (unit roundoff u = 2^-24 = 6e-8)
 * and differ in evaluation order and intermediate precision (ortho4j-optim computes element-wise
 * work and norms in double before rounding, the engine in float32):
 * <ul>
 *   <li>{@code 2·steps·u·‖W‖_F}: each side rounds the updated weight to float32 at every step, an
 *       error of up to {@code u·|w|} per entry that does not shrink with the update (it dominates
 *       when the update is small against the weight, e.g. AuON PACKAGE's gradient-sized steps);</li>
 *   <li>{@code tol = 2e-5} relative to the change: the element-wise rules (AdamW, AuON's brake)
 *       differ by a few u, the Newton–Schulz products (inner dimension ≤ 13, five steps with gains
 *       up to a ≈ 3.4 on small singular values, three optimizer steps) by ~10²u;
 *       {@code 2e-5 ≈ 330u} is above that and still about a hundred times below any real change
 *       of rule (a wrong shape factor, a missing Nesterov term or bias correction changes the update
 *       by ≥ 1e-3 relative; {@link #toleranceDetectsAChangedRule} checks that a change of momentum
 *       from 0.95 to 0.94 fails it).</li>
 * </ul>
 */
class ParityTest extends Ortho4jTest {
    /** See the class documentation. */
    private static final double TOL = 2e-5;
    private static final float LR = 0.01f, AUX_LR = 3e-3f;

    private record Spec(String name, int... shape) {
        int rows() { return shape.length < 2 ? 1 : shape[0]; }
        int cols() { return Math.toIntExact(size() / rows()); }
        long size() { return Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b); }
    }

    private static final List<Spec> SPECS = List.of(new Spec("h.tall", 7, 3), new Spec("h.wide", 3, 8), new Spec("h.square", 5, 5),
            new Spec("h.prime", 13, 11), new Spec("conv", 4, 3, 2, 2), new Spec("tok_embed", 6, 4), new Spec("ln.gain", 5));

    private NDManager manager;

    @BeforeEach
    void open() { manager = NDManager.newBaseManager(); }

    @AfterEach
    void close() { manager.close(); }

    private static AdamW aux() { return AdamW.builder().lr(AUX_LR).betas(0.9, 0.95).eps(1e-8).weightDecay(0.02).build(); }

    private static <T extends OrthoOptimizer.Builder<T>> T common(T b) {
        return b.optLearningRateTracker(Tracker.fixed(LR)).optAuxAdamW(aux()).optWeightDecays(0.05f);
    }

    @Test
    void adamW() {
        check(DjlAdamW.builder().optLearningRateTracker(Tracker.fixed(LR)).optBetas(0.9, 0.95).optEpsilon(1e-8).optWeightDecays(0.05f)
                .build(), () -> HybridOptimizer.of(AdamW.builder().lr(LR).betas(0.9, 0.95).eps(1e-8).weightDecay(0.05).build()));
    }

    @Test
    void adamWMoonlightEps() {
        check(DjlAdamW.builder().optLearningRateTracker(Tracker.fixed(LR)).optEpsMode(AdamW.EpsMode.MOONLIGHT).optEpsilon(1e-3).build(),
                () -> HybridOptimizer.of(AdamW.builder().lr(LR).eps(1e-3).weightDecay(0).epsMode(AdamW.EpsMode.MOONLIGHT).build()));
    }

    /**
     * DJL's built-in {@link ai.djl.training.optimizer.AdamW} (native PyTorch update) is the
     * MOONLIGHT form: {@code W ← W − lr·wd·W − (lr·sqrt(bc2)/bc1)·m/(sqrt(v) + eps)}. Same inputs,
     * same tolerance reasoning as the class documentation (both sides float32 in the engine). eps
     * = 1e-3 is large enough against {@code sqrt(v) ≈ 0.2} that the TORCH placement would differ by
     * ~1e-2 relative, far outside the tolerance.
     */
    @Test
    void moonlightFormEqualsDjlsOwnAdamW() {
        ai.djl.training.optimizer.Optimizer djlOwn = ai.djl.training.optimizer.Optimizer.adamW().optLearningRateTracker(Tracker.fixed(LR))
                .optBeta1(0.9f).optBeta2(0.95f).optEpsilon(1e-3f).optWeightDecays(0.05f).build();
        OrthoOptimizer ours = DjlAdamW.builder().optLearningRateTracker(Tracker.fixed(LR)).optBetas(0.9, 0.95).optEpsilon(1e-3)
                .optEpsMode(AdamW.EpsMode.MOONLIGHT).optWeightDecays(0.05f).build();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (Spec s : SPECS) {
            float[] w = gaussian(rnd, s.size(), 0.5);
            Shape shape = new Shape(Arrays.stream(s.shape).asLongStream().toArray());
            NDArray a = manager.create(w.clone(), shape), b = manager.create(w.clone(), shape);
            for (int k = 0; k < 3; k++) {
                NDArray g = manager.create(gaussian(rnd, s.size(), 1.0), shape);
                djlOwn.update(s.name, a, g);
                ours.update(s.name, b, g);
            }
            float[] x = a.toFloatArray(), y = b.toFloatArray();
            double diff = 0, ref = 0, norm = 0;
            for (int j = 0; j < x.length; j++) {
                diff += Math.pow(x[j] - y[j], 2);
                ref += Math.pow(x[j] - w[j], 2);
                norm += x[j] * x[j];
            }
            double allowed = TOL * Math.sqrt(ref) + 2 * 3 * Math.ulp(1f) / 2 * Math.sqrt(norm);
            assertTrue(Math.sqrt(diff) <= allowed, s.name + ": difference " + Math.sqrt(diff) + " > " + allowed);
        }
    }

    @Test
    void muon() {
        check(common(DjlMuon.builder()).build(), () -> hybrid(Muon.builder().lr(LR).weightDecay(0.05).build()));
    }

    @Test
    void muonSumMomentumWithoutNesterov() {
        check(common(DjlMuon.builder()).optMomentumMode(MomentumMode.SUM).optNesterov(false).optMomentum(0.9).build(),
                () -> hybrid(Muon.builder().lr(LR).weightDecay(0.05).momentumMode(MomentumMode.SUM).nesterov(false).momentum(0.9).build()));
    }

    @Test
    void norMuon() {
        check(common(DjlNorMuon.builder()).build(), () -> hybrid(NorMuon.builder().lr(LR).weightDecay(0.05).build()));
    }

    @Test
    void norMuonPaperLongerSide() {
        check(common(DjlNorMuon.builder()).optNesterov(false).optEpsilon(1e-8).optScaling(NorMuon.Scaling.PAPER_RMS_0_2)
                        .optNormAxis(NorMuon.NormAxis.LONGER_SIDE).build(),
                () -> hybrid(NorMuon.paper().lr(LR).weightDecay(0.05).normAxis(NorMuon.NormAxis.LONGER_SIDE).build()));
    }

    @Test
    void root() {
        check(common(DjlRoot.builder()).build(), () -> hybrid(Root.builder().lr(LR).weightDecay(0.05).build()));
    }

    @Test
    void rootAbsoluteThresholdAndQuantileOne() {
        check(common(DjlRoot.builder()).optAbsoluteThreshold(0.7).build(),
                () -> hybrid(Root.builder().lr(LR).weightDecay(0.05).absoluteThreshold(0.7).build()));
        check(common(DjlRoot.builder()).optOutlierQuantile(1.0).optNesterov(false).build(),
                () -> hybrid(Root.builder().lr(LR).weightDecay(0.05).outlierQuantile(1.0).nesterov(false).build()));
    }

    @Test
    void auonPaper() {
        check(common(DjlAuon.builder()).build(), () -> hybrid(AuOn.builder().lr(LR).weightDecay(0.05).build()));
    }

    @Test
    void auonPackageAndHybrid() {
        check(common(DjlAuon.builder()).optVariant(AuOn.Variant.PACKAGE).build(),
                () -> hybrid(AuOn.packageForm().lr(LR).weightDecay(0.05).build()));
        check(common(DjlAuon.builder()).optVariant(AuOn.Variant.PACKAGE).optHybridNsSteps(5).build(),
                () -> hybrid(AuOn.hybrid().lr(LR).weightDecay(0.05).build()));
    }

    @Test
    void dctAdamW() {
        // rank 2 and a projection gap of 2: steps 1 and 2 select, step 3 projects on the kept basis
        check(common(DjlDctAdamW.builder()).optRank(2).optUpdateProjGap(2).build(),
                () -> hybrid(LowRankAdamW.dct().rank(2).updateProjGap(2).lr(LR).weightDecay(0.05).build()));
    }

    @Test
    void dctAdamWFullRankAndFallback() {
        check(common(DjlDctAdamW.builder()).optRank(64).optBetas(0.8, 0.99).build(),
                () -> hybrid(LowRankAdamW.dct().rank(64).betas(0.8, 0.99).lr(LR).weightDecay(0.05).build()));
        check(common(DjlDctAdamW.builder()).optRank(2).optMaxShape(8).build(),
                () -> hybrid(LowRankAdamW.dct().rank(2).maxShape(8).lr(LR).weightDecay(0.05).build()));
    }

    /** The check compares against the right rule: a changed momentum must fail the tolerance. */
    @Test
    void toleranceDetectsAChangedRule() {
        double ratio = maxError(common(DjlMuon.builder()).optMomentum(0.94).build(),
                hybrid(Muon.builder().lr(LR).weightDecay(0.05).build()), 3);
        assertTrue(ratio > 20, "momentum 0.94 vs 0.95 should be far outside the tolerance, error / allowed = " + ratio);
    }

    private static HybridOptimizer hybrid(UpdateRule matrixRule) {
        return HybridOptimizer.builder().matrix(matrixRule).aux(aux()).build();
    }

    private void check(OrthoOptimizer djl, Supplier<HybridOptimizer> java) {
        double ratio = maxError(djl, java.get(), 3);
        assertTrue(ratio <= 1, djl.describe() + ": parameter-change error / allowed = " + ratio + " > 1");
        assertEquals(3, djl.stats().steps(), "steps counted");
    }

    /**
     * Runs both optimizers for {@code steps} steps; the largest ratio over the parameters of the
     * change difference to its allowance (see the class documentation).
     */
    private double maxError(OrthoOptimizer djl, HybridOptimizer java, int steps) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<float[]> w0 = new ArrayList<>();
        List<NDArray> djlW = new ArrayList<>();
        List<Parameter> javaW = new ArrayList<>();
        for (Spec s : SPECS) {
            float[] v = gaussian(rnd, s.size(), 0.5);
            w0.add(v);
            djlW.add(manager.create(v.clone(), new Shape(Arrays.stream(s.shape).asLongStream().toArray())));
            FloatMatrix flat = new FloatMatrix(v.clone(), 0, s.rows(), s.cols(), s.cols());
            javaW.add(s.shape.length == 1 ? Parameter.vector(s.name, flat.data) : Parameter.reshaped(s.name, flat, s.shape));
        }
        for (int k = 0; k < steps; k++) {
            List<FloatMatrix> grads = new ArrayList<>();
            for (int i = 0; i < SPECS.size(); i++) {
                Spec s = SPECS.get(i);
                float[] g = gaussian(rnd, s.size(), 1.0);
                try (NDArray gd = manager.create(g.clone(), djlW.get(i).getShape())) {
                    djl.update(s.name, djlW.get(i), gd);
                }
                grads.add(new FloatMatrix(g, 0, s.rows(), s.cols(), s.cols()));
            }
            java.step(javaW, grads);
        }
        double worst = 0;
        for (int i = 0; i < SPECS.size(); i++) {
            float[] a = djlW.get(i).toFloatArray(), b = javaW.get(i).value().data, base = w0.get(i);
            double diff = 0, ref = 0, norm = 0;
            for (int j = 0; j < a.length; j++) {
                double dj = (double) b[j] - base[j];
                diff += Math.pow(((double) a[j] - base[j]) - dj, 2);
                ref += dj * dj;
                norm += (double) b[j] * b[j];
            }
            double allowed = TOL * Math.sqrt(ref) + 2 * steps * Math.ulp(1f) / 2 * Math.sqrt(norm);
            worst = Math.max(worst, Math.sqrt(diff) / allowed);
        }
        return worst;
    }

    private static float[] gaussian(SplittableRandom rnd, long n, double scale) {
        float[] v = new float[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            double u1 = 1 - rnd.nextDouble(), u2 = rnd.nextDouble();
            v[i] = (float) (scale * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
        return v;
    }
}
