package org.ortho4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Ortho4jTest;

/** Schedule values at the key steps, and that the optimizer applies them to lr and weight decay. */
class LrScheduleTest extends Ortho4jTest {
    /** The factors are a few arithmetic operations on exact inputs: a few ulps. */
    static final double TOL = 1e-15;

    @Test
    void constant() {
        LrSchedule s = LrSchedule.constant();
        assertEquals(1, s.factor(0));
        assertEquals(1, s.factor(1_000_000));
    }

    @Test
    void warmupCosine() {
        LrSchedule s = LrSchedule.warmupCosine(10, 110, 0.1);
        assertEquals(0.1, s.factor(0), TOL);
        assertEquals(0.5, s.factor(4), TOL);
        assertEquals(1.0, s.factor(9), TOL);
        assertEquals(1.0, s.factor(10), TOL);
        assertEquals(0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * 0.25)), s.factor(35), TOL);
        assertEquals(0.55, s.factor(60), TOL);
        assertEquals(0.1, s.factor(110), TOL);
        assertEquals(0.1, s.factor(5000), TOL);
        assertEquals(0.5 * (1 + Math.cos(Math.PI * 0.5)), LrSchedule.warmupCosine(0, 100, 0).factor(50), TOL);
    }

    /** Spec §10: 1 for t/T < 0.7, then (1 − t/T)/0.3. */
    @Test
    void wsdIsTheReferenceExperimentSchedule() {
        LrSchedule s = LrSchedule.wsd(0, 500, 0.3, 0);
        assertEquals(1, s.factor(0));
        assertEquals(1, s.factor(349));
        assertEquals(1, s.factor(350), TOL);
        assertEquals(0.5, s.factor(425), 1e-14);
        assertEquals(1.0 / 150, s.factor(499), 1e-14);
        assertEquals(0, s.factor(500));
        assertEquals(0, s.factor(900));
        LrSchedule w = LrSchedule.wsd(5, 100, 0.2, 0.1);
        assertEquals(0.2, w.factor(0), TOL);
        assertEquals(1.0, w.factor(4), TOL);
        assertEquals(1.0, w.factor(79), TOL);
        assertEquals(0.55, w.factor(90), 1e-14);
        assertEquals(0.1, w.factor(100), TOL);
    }

    /** Step k uses lr·factor(k), and the decoupled decay uses it too: SGD without momentum, W ← W(1 − lr f wd) − lr f g. */
    @Test
    void theOptimizerScalesLrAndDecayByTheFactor() {
        double lr = 0.1, wd = 0.5;
        LrSchedule s = LrSchedule.warmupCosine(2, 6, 0);
        Matrix w = Matrix.gaussian(3, 2, seed), expected = w.copy();
        Parameter p = Parameter.of("W", w);
        Optimizer opt = HybridOptimizer.builder().matrix(Sgd.builder().lr(lr).momentum(0).weightDecay(wd).build()).schedule(s).build();
        for (int k = 0; k < 6; k++) {
            Matrix g = Matrix.gaussian(3, 2, seed + k + 1);
            double f = s.factor(k);
            for (int i = 0; i < expected.data.length; i++) expected.data[i] = expected.data[i] * (1 - lr * f * wd) - lr * f * g.data[i];
            opt.stepDouble(List.of(p), List.of(g));
            assertEquals(k + 1, opt.stepCount());
        }
        for (int i = 0; i < w.data.length; i++) assertEquals(expected.data[i], w.data[i], 1e-15);
    }
}
