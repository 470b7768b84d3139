package org.ortho4j.djl;

import ai.djl.ndarray.NDArray;
import java.util.Locale;
import org.ortho4j.core.Check;
import org.ortho4j.optim.AdamW;

/**
 * AdamW for every parameter (the baseline of the comparisons), as a DJL optimizer computed with
 * NDArray operations, with PyTorch's {@code torch.optim.AdamW} semantics by default (spec
 * {@code optimizers.md} §2; same formulas as ortho4j-optim's {@link AdamW}):
 * <pre>
 * m ← β1 m + (1−β1) g;   v ← β2 v + (1−β2) g²
 * W ← W·(1 − lr·wd) − (lr/(1−β1^t))·m/(sqrt(v)/sqrt(1−β2^t) + eps)        (EpsMode.TORCH)
 * </pre>
 * {@link AdamW.EpsMode#MOONLIGHT} puts eps on the raw {@code sqrt(v)}; that is the formula of
 * DJL's own {@link ai.djl.training.optimizer.AdamW} (whose native PyTorch update also clips
 * gradients only from above). Defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay
 * {@link Builder#optWeightDecays} 0 (torch's default is 0.01), routing ignored.
 *
 * <pre>{@code
 * Optimizer opt = DjlAdamW.builder().optLearningRateTracker(Tracker.fixed(3e-3f))
 *         .optBetas(0.9, 0.95).optWeightDecays(0.01f).build();
 * }</pre>
 */
public final class DjlAdamW extends OrthoOptimizer {

    private DjlAdamW(Builder b) { super(b); }

    /**
     * A builder with the defaults above.
     *
     * @return the builder
     */
    public static Builder builder() { return new Builder(); }

    /** Every parameter goes to AdamW. */
    @Override
    protected boolean routesMatrices() { return false; }

    @Override
    protected void matrixStep(String parameterId, NDArray weight, NDArray grad, float lr, int t) {
        throw new IllegalStateException("DjlAdamW has no matrix rule");
    }

    @Override
    public String describe() {
        AdamW rule = auxAdamW();
        return String.format(Locale.ROOT, "AdamW[betas (%s, %s), eps %s, wd %s, %s]", rule.beta1(), rule.beta2(), rule.eps(),
                rule.weightDecay(), rule.epsMode());
    }

    /** Builder of {@link DjlAdamW}; the learning rate comes from {@link #optLearningRateTracker}. */
    public static final class Builder extends OrthoOptimizer.Builder<Builder> {
        private AdamW rule = AdamW.builder().weightDecay(0).build();
        private float weightDecay;

        private Builder() { super(1e-3); }

        @Override
        protected Builder self() { return this; }

        /**
         * β1 and β2, each in {@code [0, 1)}.
         *
         * @param beta1 first-moment decay
         * @param beta2 second-moment decay
         * @return this builder
         */
        public Builder optBetas(double beta1, double beta2) {
            rule = rule.toBuilder().betas(beta1, beta2).build();
            return this;
        }

        /**
         * eps, finite and ≥ 0 (default 1e-8).
         *
         * @param eps the value
         * @return this builder
         */
        public Builder optEpsilon(double eps) {
            rule = rule.toBuilder().eps(eps).build();
            return this;
        }

        /**
         * Where eps enters (default {@link AdamW.EpsMode#TORCH}).
         *
         * @param mode the form
         * @return this builder
         */
        public Builder optEpsMode(AdamW.EpsMode mode) {
            rule = rule.toBuilder().epsMode(Check.notNull("epsMode", mode)).build();
            return this;
        }

        /** Decoupled weight decay of every parameter, finite and ≥ 0 (default 0). */
        @Override
        public Builder optWeightDecays(float weightDecays) {
            super.optWeightDecays(weightDecays);
            weightDecay = weightDecays;
            return this;
        }

        /**
         * The optimizer. Its learning rate is {@link #optLearningRateTracker}'s for every parameter.
         *
         * @return the optimizer
         */
        public DjlAdamW build() {
            optAuxAdamW(rule.toBuilder().weightDecay(weightDecay).build());
            optAuxLearningRateTracker(learningRateTracker());
            return new DjlAdamW(this);
        }
    }
}
