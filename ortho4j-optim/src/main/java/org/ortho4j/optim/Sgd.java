package org.ortho4j.optim;

import java.util.Locale;

/**
 * Stochastic gradient descent with heavy-ball or Nesterov momentum and decoupled weight decay.
 * Accepts parameters of any rank.
 * <pre>
 * M ← μ·M + G                                  ({@link MomentumMode#SUM}, as torch.optim.SGD with dampening 0)
 * D ← nesterov ? G + μ·M : M                   (D = G when μ = 0; no buffer is kept then)
 * W ← W·(1 − lr·wd) − lr·D
 * </pre>
 * Difference from {@code torch.optim.SGD}: its {@code weight_decay} is an L2 term added to the
 * gradient; here, as for every rule of this module (spec §0), decay is decoupled. Cost O(N), no
 * allocation. Trace key: {@code state_m} (when μ &gt; 0).
 */
public final class Sgd extends UpdateRule {
    private final double lr, momentum, weightDecay;
    private final boolean nesterov;

    private Sgd(Builder b) {
        if (b.nesterov && b.momentum == 0)
            throw new IllegalArgumentException("nesterov = true needs momentum > 0, got momentum = 0.0");
        this.lr = b.lr;
        this.momentum = b.momentum;
        this.weightDecay = b.weightDecay;
        this.nesterov = b.nesterov;
    }

    /** A builder with lr 0.01, momentum 0.9, Nesterov off, wd 0. */
    public static Builder builder() { return new Builder(); }

    @Override public String id() { return "SGD"; }
    @Override public double lr() { return lr; }
    @Override public double weightDecay() { return weightDecay; }
    @Override public boolean matrixOnly() { return false; }

    /** μ. */
    public double momentum() { return momentum; }

    /** Whether the Nesterov look-ahead is used. */
    public boolean nesterov() { return nesterov; }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "SGD[lr %s, momentum %s%s, wd %s]", lr, momentum, nesterov ? " nesterov" : "", weightDecay);
    }

    @Override
    RuleState newState(Parameter p) { return new State(this, p); }

    private static final class State extends RuleState {
        final Dense m;

        State(Sgd rule, Parameter p) {
            super(rule, p);
            m = rule.momentum > 0 ? persistent("m", rows, cols) : null;
        }

        @Override
        void update(Workspace ws, Parameter p, Dense g, double lr) {
            Sgd r = (Sgd) rule;
            Dense dir = g;
            if (m != null) {
                // The look-ahead overwrites g element by element after it has been read.
                MomentumMode.SUM.apply(r.momentum, r.nesterov, m, g, r.nesterov ? g : m);
                if (!r.nesterov) dir = m;
                ws.trace(p, "state_m", m);
            }
            write(p, 1 - lr * r.weightDecay, lr, dir, false);
        }
    }

    /** Builder; every setter validates its value ({@link IllegalArgumentException} naming it). */
    public static final class Builder {
        private double lr = 0.01, momentum = 0.9, weightDecay = 0;
        private boolean nesterov;

        private Builder() {}

        /** Learning rate, finite and {@code > 0}. */
        public Builder lr(double v) { lr = Hyper.lr("lr", v); return this; }

        /** μ in {@code [0, 1)}; 0 disables momentum. */
        public Builder momentum(double v) { momentum = Hyper.beta("momentum", v); return this; }

        /** Nesterov look-ahead (needs momentum &gt; 0). */
        public Builder nesterov(boolean v) { nesterov = v; return this; }

        /** Decoupled weight decay, finite and {@code ≥ 0}. */
        public Builder weightDecay(double v) { weightDecay = Hyper.nonNegative("weightDecay", v); return this; }

        /** The rule. */
        public Sgd build() { return new Sgd(this); }
    }
}
