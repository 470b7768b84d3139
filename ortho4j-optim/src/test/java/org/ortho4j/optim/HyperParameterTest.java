package org.ortho4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Ortho4jTest;

/** Bad hyper-parameters, gradients and parameters are refused with messages naming them. */
class HyperParameterTest extends Ortho4jTest {

    private static void refused(Executable e, String... fragments) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        for (String f : fragments) assertTrue(x.getMessage().contains(f), "message '" + x.getMessage() + "' lacks '" + f + "'");
    }

    @Test
    void learningRates() {
        refused(() -> AdamW.builder().lr(0), "lr = 0.0", "> 0");
        refused(() -> AdamW.builder().lr(-1e-3), "lr = -0.001");
        refused(() -> Muon.builder().lr(Double.NaN), "lr = NaN");
        refused(() -> NorMuon.builder().lr(Double.POSITIVE_INFINITY), "lr = Infinity");
        refused(() -> Root.builder().lr(0), "lr = 0.0");
        refused(() -> AuOn.builder().lr(-1), "lr = -1.0");
        refused(() -> LowRankAdamW.dct().lr(0), "lr = 0.0");
        refused(() -> Dion.builder().lr(0), "lr = 0.0");
        refused(() -> Sgd.builder().lr(0), "lr = 0.0");
    }

    @Test
    void betasAndMomenta() {
        refused(() -> AdamW.builder().betas(1.0, 0.9), "beta1 = 1.0", "[0, 1)");
        refused(() -> AdamW.builder().betas(0.9, -0.1), "beta2 = -0.1");
        refused(() -> AdamW.builder().betas(Double.NaN, 0.9), "beta1 = NaN");
        refused(() -> LowRankAdamW.svd().betas(0.9, 1.5), "beta2 = 1.5");
        refused(() -> Muon.builder().momentum(1.0), "momentum = 1.0");
        refused(() -> NorMuon.builder().beta2(1.0), "beta2 = 1.0");
        refused(() -> Root.builder().momentum(-0.5), "momentum = -0.5");
        refused(() -> AuOn.packageForm().momentum(2), "momentum = 2.0");
        refused(() -> Dion.builder().mu(1.0), "mu = 1.0");
        refused(() -> Sgd.builder().momentum(1.0), "momentum = 1.0");
        refused(() -> Sgd.builder().momentum(0).nesterov(true).build(), "nesterov", "momentum");
    }

    @Test
    void epsAndWeightDecay() {
        refused(() -> AdamW.builder().eps(-1e-8), "eps = -1.0E-8", ">= 0");
        refused(() -> NorMuon.builder().eps(-1), "eps = -1.0");
        refused(() -> Dion.builder().eps(Double.NaN), "eps = NaN");
        refused(() -> AdamW.builder().weightDecay(-0.1), "weightDecay = -0.1");
        refused(() -> Muon.builder().weightDecay(-1), "weightDecay = -1.0");
        refused(() -> Root.builder().weightDecay(Double.POSITIVE_INFINITY), "weightDecay = Infinity");
        refused(() -> AuOn.builder().weightDecay(-0.01), "weightDecay = -0.01");
        refused(() -> Sgd.builder().weightDecay(-1), "weightDecay = -1.0");
    }

    @Test
    void ruleSpecificValues() {
        refused(() -> Root.builder().outlierQuantile(0), "outlierQuantile = 0.0", "(0, 1]");
        refused(() -> Root.builder().outlierQuantile(1.5), "outlierQuantile = 1.5");
        refused(() -> Root.builder().absoluteThreshold(0), "absoluteThreshold = 0.0");
        refused(() -> Root.builder().nsSteps(0), "nsSteps = 0");
        refused(() -> AuOn.builder().gamma(0), "gamma = 0.0");
        refused(() -> AuOn.builder().hybridNsSteps(-1), "hybridNsSteps = -1");
        refused(() -> LowRankAdamW.dct().rank(0), "rank = 0");
        refused(() -> LowRankAdamW.dct().updateProjGap(0), "updateProjGap = 0");
        refused(() -> Dion.builder().rank(-2), "rank = -2");
        refused(() -> LrSchedule.wsd(0, 100, 0, 0), "decayFraction = 0.0");
        refused(() -> LrSchedule.warmupCosine(10, 10, 0), "totalSteps = 10");
        refused(() -> LrSchedule.warmupCosine(-1, 10, 0), "warmupSteps = -1");
        refused(() -> LrSchedule.warmupCosine(0, 10, 1.5), "minFactor = 1.5");
    }

    @Test
    void nanGradientIsRefusedBeforeAnythingChanges() {
        FloatMatrix w = FloatMatrix.gaussian(4, 3, seed), b = FloatMatrix.gaussian(1, 4, seed + 1);
        float[] bias = b.data;
        Parameter pw = Parameter.of("layer.weight", w), pb = Parameter.vector("layer.bias", bias);
        FloatMatrix gw = FloatMatrix.gaussian(4, 3, seed + 2), gb = FloatMatrix.gaussian(1, 4, seed + 3);
        gb.set(0, 2, Float.NaN);
        Optimizer opt = HybridOptimizer.builder().build();
        float[] w0 = w.data.clone();
        refused(() -> opt.step(List.of(pw, pb), List.of(gw, gb)), "grads[1]", "'layer.bias'", "NaN", "(0, 2)");
        assertArrayEquals(w0, w.data, "the weight must not move when another gradient is bad");
        gb.set(0, 2, Float.POSITIVE_INFINITY);
        refused(() -> opt.step(List.of(pw, pb), List.of(gw, gb)), "Infinity");
    }

    @Test
    void mismatchedGradients() {
        Parameter p = Parameter.of("W", FloatMatrix.gaussian(4, 3, seed));
        Optimizer opt = HybridOptimizer.of(Muon.builder().build());
        refused(() -> opt.step(List.of(p), List.of(new FloatMatrix(3, 4))), "grads[0]", "'W'", "3x4", "expected 4x3");
        refused(() -> opt.step(List.of(p), List.of()), "grads.size() = 0", "params.size() = 1");
        refused(() -> opt.step(List.of(p), java.util.Arrays.asList((FloatMatrix) null)), "grads[0]", "null");
        refused(() -> opt.stepDouble(List.of(p), List.of(new Matrix(4, 3))), "params[0]", "float32");
        refused(() -> opt.step(List.of(p, p), List.of(new FloatMatrix(4, 3), new FloatMatrix(4, 3))), "'W' appears twice");
        opt.step(List.of(p), List.of(new FloatMatrix(4, 3)));
        Parameter other = Parameter.of("W", FloatMatrix.gaussian(3, 4, seed));
        refused(() -> opt.step(List.of(other), List.of(new FloatMatrix(3, 4))), "'W'", "state was made for 4x3");
    }

    @Test
    void badParameters() {
        refused(() -> Parameter.vector("b", new float[0]), "'b'", "0 elements");
        refused(() -> Parameter.reshaped("conv", new FloatMatrix(4, 11), 4, 3, 2, 2), "'conv'", "4x11", "48 elements");
        refused(() -> Parameter.reshaped("conv", new FloatMatrix(12, 4), 4, 3, 2, 2), "must be stored flattened to 4x12");
        refused(() -> Parameter.of("", new FloatMatrix(2, 2)), "name is empty");
        refused(() -> Parameter.of(null, new FloatMatrix(2, 2)), "name is null");
    }
}
