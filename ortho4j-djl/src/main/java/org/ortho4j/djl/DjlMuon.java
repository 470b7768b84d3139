package org.ortho4j.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ortho4j.core.Check;
import org.ortho4j.core.orthogonal.NewtonSchulz;
import org.ortho4j.optim.LrAdjust;
import org.ortho4j.optim.MomentumMode;

/**
 * Muon (Jordan et al. 2024; spec {@code optimizers.md} §3) as a DJL optimizer: SGD-momentum whose
 * matrix update is replaced by its Newton–Schulz orthogonalization, computed with NDArray matrix
 * products ({@link NdNewtonSchulz}); the same rule as ortho4j-optim's
 * {@link org.ortho4j.optim.Muon}. Per hidden matrix ({@code m×n} after flattening):
 * <pre>
 * M, U ← momentum(M, G)               (EMA by default; U = Nesterov look-ahead or M)
 * O ← NS(U)                           (default MUON tuple × 5, eps 1e-7)
 * W ← W·(1 − lr·wd) − lr·s(m, n)·O     (s = max(1, m/n)^½ by default, {@link LrAdjust})
 * </pre>
 * Other parameters go to the auxiliary AdamW ({@link OrthoOptimizer}). Defaults (KellerJordan/Muon):
 * lr 0.02, momentum 0.95, Nesterov, {@link MomentumMode#EMA}, {@link NewtonSchulz#muon()},
 * {@link LrAdjust#KELLER_JORDAN}, weight decay 0. Cost per matrix and step: the Newton–Schulz
 * products ({@code 20r²c + 10r³} flops, {@code r = min(m,n)}, {@code c = max(m,n)}) plus O(mn).
 *
 * <pre>{@code
 * Optimizer opt = DjlMuon.builder().optLearningRateTracker(Tracker.fixed(0.02f))
 *         .optRouting(Routing.forBlock(block))
 *         .optAuxAdamW(AdamW.builder().lr(3e-3).betas(0.9, 0.95).weightDecay(0).build())
 *         .build();
 * }</pre>
 */
public final class DjlMuon extends OrthoOptimizer {
    private final Family family;
    private final Map<String, Map<Device, NDArray>> buffers = new ConcurrentHashMap<>();

    private DjlMuon(Builder b) {
        super(b);
        family = new Family(b);
    }

    /**
     * A builder with the KellerJordan/Muon defaults (see the class documentation).
     *
     * @return the builder
     */
    public static Builder builder() { return new Builder(); }

    @Override
    protected void matrixStep(String parameterId, NDArray weight, NDArray grad, float lr, int t) {
        NDArray o = family.orthogonalizedMomentum(this, buffers, parameterId, weight, grad);
        decayAndSubtract(weight, o, lr, lr * family.scale(grad));
    }

    @Override
    public String describe() { return "Muon[" + family.describe() + ", wd " + getWeightDecay() + "]"; }

    /** The settings Muon and NorMuon share, and their common first half of the step. */
    static final class Family {
        final double momentum;
        final boolean nesterov;
        final MomentumMode mode;
        final NewtonSchulz orthogonalizer;
        final LrAdjust lrAdjust;

        Family(FamilyBuilder<?> b) {
            momentum = b.momentum;
            nesterov = b.nesterov;
            mode = b.mode;
            orthogonalizer = b.orthogonalizer;
            lrAdjust = b.lrAdjust;
        }

        /** Advances the momentum of {@code grad} and returns NS(U) (timed as the transform). */
        NDArray orthogonalizedMomentum(OrthoOptimizer opt, Map<String, Map<Device, NDArray>> buffers, String id, NDArray weight,
                                       NDArray grad) {
            NDArray u = momentum(opt.state(buffers, id, weight, grad.getShape()), grad, mode, momentum, nesterov);
            return opt.timed(() -> NdNewtonSchulz.apply(u, orthogonalizer));
        }

        /** The shape factor for the {@code m×n} gradient. */
        double scale(NDArray grad) { return scale(lrAdjust, grad); }

        /** The shape factor of {@code adjust} for the {@code m×n} matrix {@code g}. */
        static double scale(LrAdjust adjust, NDArray g) {
            return adjust.scale(Math.toIntExact(g.getShape().get(0)), Math.toIntExact(g.getShape().get(1)));
        }

        String describe() {
            return String.format(Locale.ROOT, "momentum %s %s%s, %s, %s", momentum, mode, nesterov ? " nesterov" : "",
                    orthogonalizer.describe(), lrAdjust);
        }
    }

    /**
     * Settings shared by {@link DjlMuon} and {@link DjlNorMuon}: momentum, Nesterov, momentum
     * convention, Newton–Schulz schedule and shape factor.
     *
     * @param <T> the concrete builder
     */
    public abstract static class FamilyBuilder<T extends FamilyBuilder<T>> extends MomentumBuilder<T> {
        MomentumMode mode = MomentumMode.EMA;
        NewtonSchulz orthogonalizer = NewtonSchulz.muon();
        LrAdjust lrAdjust = LrAdjust.KELLER_JORDAN;

        /**
         * @param defaultLearningRate the rule's default learning rate
         */
        FamilyBuilder(double defaultLearningRate) { super(defaultLearningRate); }

        /**
         * Momentum convention (default {@link MomentumMode#EMA}).
         *
         * @param v the convention
         * @return this builder
         */
        public T optMomentumMode(MomentumMode v) {
            mode = Check.notNull("momentumMode", v);
            return self();
        }

        /**
         * The Newton–Schulz schedule (default {@link NewtonSchulz#muon()}; e.g.
         * {@link NewtonSchulz#polarExpress()}); only its coefficients are used, see {@link NdNewtonSchulz}.
         *
         * @param v the orthogonalizer
         * @return this builder
         */
        public T optOrthogonalizer(NewtonSchulz v) {
            orthogonalizer = Check.notNull("orthogonalizer", v);
            return self();
        }

        /**
         * The learning-rate shape factor (default {@link LrAdjust#KELLER_JORDAN}).
         *
         * @param v the factor
         * @return this builder
         */
        public T optLrAdjust(LrAdjust v) {
            lrAdjust = Check.notNull("lrAdjust", v);
            return self();
        }
    }

    /** Builder of {@link DjlMuon}. */
    public static final class Builder extends FamilyBuilder<Builder> {
        private Builder() { super(0.02); }

        @Override
        protected Builder self() { return this; }

        /**
         * The optimizer.
         *
         * @return the optimizer
         */
        public DjlMuon build() { return new DjlMuon(this); }
    }
}
