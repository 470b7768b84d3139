package org.ortho4j.optim;

import java.util.Locale;
import org.ortho4j.core.Check;
import org.ortho4j.core.orthogonal.NewtonSchulz;
import org.ortho4j.core.orthogonal.Orthogonalizer;

/**
 * Muon: SGD-momentum whose matrix update is replaced by its approximate orthogonal polar factor
 * (Jordan et al., "Muon: An optimizer for hidden layers in neural networks", 2024; spec
 * {@code optimizers.md} §3). For hidden weight matrices only (ndim ≥ 2; conv filters flattened
 * to {@code [C_out, prod(rest)]}, see {@link Parameter#reshaped}); route everything else to
 * {@link AdamW} with a {@link HybridOptimizer}.
 * <pre>
 * M, U ← momentum(M, G)                ({@link MomentumMode}; U = Nesterov look-ahead or M)
 * O ← orthogonalize(U)                 (default: Newton–Schulz, MUON tuple × 5)
 * W ← W·(1 − lr·wd) − lr·s(m, n)·O     (s from {@link LrAdjust}; cautious wd optional)
 * </pre>
 * Presets for the variants of the spec: {@link #kellerJordan()} (= {@link #builder()}),
 * {@link #torchDefaults()}, {@link #torchMatchRmsAdamW()}, {@link #dionStyle()},
 * {@link #polarExpress()}. Cost per step: the orthogonalizer's ({@code 20r²c + 10r³} flops for
 * NS5 with {@code r = min(m,n)}, {@code c = max(m,n)}) plus O(mn). A parameter always has a
 * gradient here (the reference zero-fills missing gradients to keep distributed ranks in step;
 * a single-process optimizer simply is not stepped for that parameter).
 *
 * <p>Cautious weight decay ({@code microsoft/dion} option; Chen et al., arXiv 2510.12402): the
 * decay is applied only to entries where {@code W_ij·O_ij ≥ 0}, i.e. where the parameter and the
 * update (the orthogonalized, scaled direction that is subtracted) have the same sign.
 *
 * <p>Trace keys: {@code state_m}, {@code O} (orthogonalizer output, before the factor s).
 */
public final class Muon extends UpdateRule {
    private final double lr, momentum, weightDecay;
    private final boolean nesterov, cautiousWeightDecay;
    private final MomentumMode momentumMode;
    private final Orthogonalizer orthogonalizer;
    private final LrAdjust lrAdjust;

    private Muon(Builder b) {
        lr = b.lr;
        momentum = b.momentum;
        weightDecay = b.weightDecay;
        nesterov = b.nesterov;
        cautiousWeightDecay = b.cautious;
        momentumMode = b.mode;
        orthogonalizer = b.orthogonalizer;
        lrAdjust = b.lrAdjust;
    }

    /**
     * {@code KellerJordan/Muon} defaults: lr 0.02, momentum 0.95 (EMA), Nesterov, NS5 MUON,
     * {@link LrAdjust#KELLER_JORDAN}, wd 0.
     */
    public static Builder builder() { return new Builder(); }

    /** Same as {@link #builder()}: the KellerJordan/Muon variant. */
    public static Builder kellerJordan() { return builder(); }

    /**
     * {@code torch.optim.Muon} defaults: lr 1e-3, wd 0.1, momentum 0.95 ({@link MomentumMode#SUM}),
     * Nesterov, NS5 MUON (eps 1e-7), adjust "original" ({@link LrAdjust#KELLER_JORDAN}).
     */
    public static Builder torchDefaults() {
        return builder().lr(1e-3).weightDecay(0.1).momentumMode(MomentumMode.SUM);
    }

    /** {@link #torchDefaults()} with {@code adjust_lr_fn="match_rms_adamw"} ({@link LrAdjust#MATCH_RMS_ADAMW}). */
    public static Builder torchMatchRmsAdamW() { return torchDefaults().lrAdjust(LrAdjust.MATCH_RMS_ADAMW); }

    /**
     * {@code microsoft/dion}'s Muon: lr 0.01, wd 0.01, SUM momentum 0.95 without Nesterov, the
     * DION_NS schedule, {@link LrAdjust#SPECTRAL}.
     */
    public static Builder dionStyle() {
        return builder().lr(0.01).weightDecay(0.01).momentumMode(MomentumMode.SUM).nesterov(false)
                .orthogonalizer(NewtonSchulz.dion()).lrAdjust(LrAdjust.SPECTRAL);
    }

    /** KellerJordan's variant with the Polar Express schedule (modded-nanogpt; normScale 1.02, eps 1e-6). */
    public static Builder polarExpress() { return builder().orthogonalizer(NewtonSchulz.polarExpress()); }

    @Override public String id() { return "Muon"; }
    @Override public double lr() { return lr; }
    @Override public double weightDecay() { return weightDecay; }

    /** The orthogonalizer. */
    public Orthogonalizer orthogonalizer() { return orthogonalizer; }

    /** The learning-rate shape factor. */
    public LrAdjust lrAdjust() { return lrAdjust; }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Muon[lr %s, momentum %s %s%s, %s, %s, wd %s%s]", lr, momentum, momentumMode,
                nesterov ? " nesterov" : "", orthogonalizer.describe(), lrAdjust, weightDecay, cautiousWeightDecay ? " cautious" : "");
    }

    @Override
    RuleState newState(Parameter p) {
        return new MomentumState(this, p) {
            @Override
            void update(Workspace ws, Parameter p, Dense g, double lrNow) {
                Dense u = advance(ws, p, momentumMode, momentum, nesterov, g);
                Dense o = scratch(ws, Workspace.O, rows, cols);
                ws.orthogonalize(orthogonalizer, u, o);
                ws.trace(p, "O", o);
                write(p, 1 - lrNow * weightDecay, lrNow * lrAdjust.scale(rows, cols), o, cautiousWeightDecay);
            }
        };
    }

    /** Builder; every setter validates its value ({@link IllegalArgumentException} naming it). */
    public static final class Builder {
        private double lr = 0.02, momentum = 0.95, weightDecay = 0;
        private boolean nesterov = true, cautious;
        private MomentumMode mode = MomentumMode.EMA;
        private Orthogonalizer orthogonalizer = NewtonSchulz.muon();
        private LrAdjust lrAdjust = LrAdjust.KELLER_JORDAN;

        private Builder() {}

        /** Learning rate, finite and {@code > 0}. */
        public Builder lr(double v) { lr = Hyper.lr("lr", v); return this; }

        /** Momentum coefficient in {@code [0, 1)}. */
        public Builder momentum(double v) { momentum = Hyper.beta("momentum", v); return this; }

        /** Nesterov look-ahead (default true). */
        public Builder nesterov(boolean v) { nesterov = v; return this; }

        /** Momentum convention (default EMA). */
        public Builder momentumMode(MomentumMode v) { mode = Check.notNull("momentumMode", v); return this; }

        /** The orthogonalizer (default {@link NewtonSchulz#muon()}; e.g. {@link org.ortho4j.core.orthogonal.Polar#exact()}). */
        public Builder orthogonalizer(Orthogonalizer v) { orthogonalizer = Check.notNull("orthogonalizer", v); return this; }

        /** Shape factor (default {@link LrAdjust#KELLER_JORDAN}). */
        public Builder lrAdjust(LrAdjust v) { lrAdjust = Check.notNull("lrAdjust", v); return this; }

        /** Decoupled weight decay, finite and {@code ≥ 0}. */
        public Builder weightDecay(double v) { weightDecay = Hyper.nonNegative("weightDecay", v); return this; }

        /** Cautious weight decay (default false); see the class documentation. */
        public Builder cautiousWeightDecay(boolean v) { cautious = v; return this; }

        /** The rule. */
        public Muon build() { return new Muon(this); }
    }
}
