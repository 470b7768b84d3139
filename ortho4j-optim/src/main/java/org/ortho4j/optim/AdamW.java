package org.ortho4j.optim;

import java.util.Locale;
import org.ortho4j.core.Check;

/**
 * AdamW: Adam with decoupled weight decay (Loshchilov and Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019), with PyTorch's {@code torch.optim.AdamW} semantics (spec
 * {@code optimizers.md} §2). The baseline of every comparison and the optimizer for embeddings,
 * heads and 1-D parameters next to the matrix optimizers. Accepts parameters of any rank.
 *
 * <p>Per parameter, state {@code m}, {@code v} (zeros) and step {@code t}:
 * <pre>
 * t ← t + 1
 * m ← β1·m + (1−β1)·g ;   v ← β2·v + (1−β2)·g²
 * TORCH:     W ← W·(1 − lr·wd) − (lr/(1−β1^t)) · m / (sqrt(v)/sqrt(1−β2^t) + eps)
 * MOONLIGHT: W ← W·(1 − lr·wd) − (lr·sqrt(1−β2^t)/(1−β1^t)) · m / (sqrt(v) + eps)
 * </pre>
 * {@link EpsMode#MOONLIGHT} is the form of ROOT's example and Moonlight (eps not
 * bias-corrected). Cost: O(N) per step, no allocation. Trace keys: {@code state_m},
 * {@code state_v}.
 */
public final class AdamW extends UpdateRule {

    /** Where eps enters the denominator; see the class documentation. */
    public enum EpsMode {
        /** {@code torch.optim.AdamW}: {@code sqrt(v̂) + eps} with bias-corrected {@code v̂}. */
        TORCH,
        /** ROOT example / Moonlight: {@code sqrt(v) + eps} on the raw {@code v}, bias correction folded into the step size. */
        MOONLIGHT
    }

    private final double lr, beta1, beta2, eps, weightDecay;
    private final EpsMode epsMode;

    private AdamW(Builder b) {
        this.lr = b.lr;
        this.beta1 = b.beta1;
        this.beta2 = b.beta2;
        this.eps = b.eps;
        this.weightDecay = b.weightDecay;
        this.epsMode = b.epsMode;
    }

    /** A builder with PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, wd 0.01, TORCH. */
    public static Builder builder() { return new Builder(); }

    /**
     * The auxiliary AdamW of {@code KellerJordan/Muon}'s {@code MuonWithAuxAdam}: lr 3e-4, betas
     * (0.9, 0.95), eps 1e-10, wd 0.
     */
    public static AdamW auxDefaults() { return builder().lr(3e-4).betas(0.9, 0.95).eps(1e-10).weightDecay(0).build(); }

    @Override public String id() { return "AdamW"; }
    @Override public double lr() { return lr; }
    @Override public double weightDecay() { return weightDecay; }
    @Override public boolean matrixOnly() { return false; }

    /** β1. */
    public double beta1() { return beta1; }

    /** β2. */
    public double beta2() { return beta2; }

    /** eps. */
    public double eps() { return eps; }

    /** The eps placement. */
    public EpsMode epsMode() { return epsMode; }

    /** A builder initialized with this rule's values. */
    public Builder toBuilder() {
        return builder().lr(lr).betas(beta1, beta2).eps(eps).weightDecay(weightDecay).epsMode(epsMode);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "AdamW[lr %s, betas (%s, %s), eps %s, wd %s, %s]", lr, beta1, beta2, eps, weightDecay, epsMode);
    }

    @Override
    RuleState newState(Parameter p) { return new State(this, p); }

    /**
     * One AdamW step on {@code g} (overwritten with the direction), then the write-back. Shared
     * with the full-rank fallback of {@link LowRankAdamW}.
     */
    void step(RuleState s, Workspace ws, Parameter p, Dense g, Dense m, Dense v, double lrNow) {
        double bc1 = 1 - Math.pow(beta1, s.t), bc2 = 1 - Math.pow(beta2, s.t);
        double sbc2 = Math.sqrt(bc2);
        boolean torch = epsMode == EpsMode.TORCH;
        double a1 = 1 - beta1, a2 = 1 - beta2;
        for (int i = 0; i < g.size; i++) {
            double gi = g.get(i);
            m.set(i, beta1 * m.get(i) + a1 * gi);
            v.set(i, beta2 * v.get(i) + a2 * gi * gi);
            double mi = m.get(i), sv = Math.sqrt(v.get(i));
            g.set(i, torch ? mi / (sv / sbc2 + eps) : mi / (sv + eps));
        }
        double alpha = torch ? lrNow / bc1 : lrNow * sbc2 / bc1;
        ws.trace(p, "state_m", m);
        ws.trace(p, "state_v", v);
        s.write(p, 1 - lrNow * weightDecay, alpha, g, false);
    }

    private static final class State extends RuleState {
        final Dense m, v;

        State(AdamW rule, Parameter p) {
            super(rule, p);
            m = persistent("m", rows, cols);
            v = persistent("v", rows, cols);
        }

        @Override
        void update(Workspace ws, Parameter p, Dense g, double lr) { ((AdamW) rule).step(this, ws, p, g, m, v, lr); }
    }

    /** Builder; every setter validates its value ({@link IllegalArgumentException} naming it). */
    public static final class Builder {
        private double lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weightDecay = 0.01;
        private EpsMode epsMode = EpsMode.TORCH;

        private Builder() {}

        /** Learning rate, finite and {@code > 0}. */
        public Builder lr(double v) { lr = Hyper.lr("lr", v); return this; }

        /** β1 and β2, each in {@code [0, 1)}. */
        public Builder betas(double b1, double b2) {
            beta1 = Hyper.beta("beta1", b1);
            beta2 = Hyper.beta("beta2", b2);
            return this;
        }

        /** eps, finite and {@code ≥ 0}. */
        public Builder eps(double v) { eps = Hyper.nonNegative("eps", v); return this; }

        /** Decoupled weight decay, finite and {@code ≥ 0}. */
        public Builder weightDecay(double v) { weightDecay = Hyper.nonNegative("weightDecay", v); return this; }

        /** Eps placement (default {@link EpsMode#TORCH}). */
        public Builder epsMode(EpsMode v) { epsMode = Check.notNull("epsMode", v); return this; }

        /** The rule. */
        public AdamW build() { return new AdamW(this); }
    }
}
