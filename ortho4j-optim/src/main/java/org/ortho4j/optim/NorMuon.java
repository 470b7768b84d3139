package org.ortho4j.optim;

import java.util.Locale;
import org.ortho4j.core.Check;
import org.ortho4j.core.orthogonal.NewtonSchulz;
import org.ortho4j.core.orthogonal.Orthogonalizer;

/**
 * NorMuon (Li, Liu, Liang, Chen, Zhao, "NorMuon: Making Muon more efficient and scalable",
 * arXiv 2510.05491; spec {@code optimizers.md} §4): Muon followed by an Adam-like per-neuron
 * normalization of the orthogonalized update. Extra state: one value per output neuron.
 *
 * <p><b>Official code form</b> ({@code zichongli5/NorMuon:normuon.py}, {@link Scaling#PRESERVE_FROBENIUS},
 * the default; {@link #builder()}):
 * <pre>
 * M, U ← EMA momentum (β), Nesterov;   O ← NS5(U);   ν ← ‖O‖_F
 * q_i ← mean_j O_ij²;   v ← lerp(v, q, 1−β2)                 (no bias correction)
 * Ô_ij ← O_ij / (sqrt(v_i) + eps)                              (eps 1e-10)
 * Ô ← Ô · ν / (‖Ô‖_F + eps) · s(m, n)                           (s = max(1, m/n)^½ by default)
 * W ← W·(1 − lr·wd) − lr·Ô
 * </pre>
 * <b>Paper form</b> (Algorithm 1, {@link #paper()}, {@link Scaling#PAPER_RMS_0_2}) [DIFF]: no
 * Nesterov, eps 1e-8 (the paper's value is not stated; 1e-8 as {@code microsoft/dion:normuon.py}),
 * and the step size {@code η̂ = 0.2·lr·sqrt(mn)/‖Ô‖_F} so that the update RMS is exactly
 * {@code 0.2·lr} ({@link LrAdjust} is not used): {@code W ← W·(1 − lr·wd) − η̂·Ô}.
 *
 * <p>{@link NormAxis#ROWS} (default, official code) keeps one statistic per row (output neuron);
 * {@link NormAxis#LONGER_SIDE} (modded-nanogpt) per row for tall/square and per column for wide
 * matrices. Conv filters are normalized per row of the flattened {@code [C_out, prod(rest)]}
 * matrix, i.e. per output channel as in {@code microsoft/dion} (the official code normalizes the
 * 4-D tensor over its last axis only; spec §4 "quirk" — not reproduced).
 *
 * <p>Cost over Muon: O(mn). Trace keys: {@code state_m}, {@code O}, {@code vmean} (q),
 * {@code state_v}, {@code update} (the matrix multiplied by lr).
 */
public final class NorMuon extends UpdateRule {

    /** How the normalized update is rescaled; see the class documentation. */
    public enum Scaling {
        /** Official code: restore Muon's Frobenius norm, then the {@link LrAdjust} factor. */
        PRESERVE_FROBENIUS,
        /** Paper: step size {@code 0.2·lr·sqrt(mn)/‖Ô‖_F}, update RMS = 0.2·lr. */
        PAPER_RMS_0_2
    }

    /** Along which axis the second-moment statistic is kept. */
    public enum NormAxis {
        /** One value per row (output neuron): the official code. */
        ROWS,
        /** Per row when {@code m ≥ n}, per column when {@code m < n} (modded-nanogpt). */
        LONGER_SIDE
    }

    private final double lr, momentum, beta2, eps, weightDecay;
    private final boolean nesterov;
    private final MomentumMode momentumMode;
    private final Scaling scaling;
    private final NormAxis normAxis;
    private final Orthogonalizer orthogonalizer;
    private final LrAdjust lrAdjust;

    private NorMuon(Builder b) {
        lr = b.lr;
        momentum = b.momentum;
        beta2 = b.beta2;
        eps = b.eps;
        weightDecay = b.weightDecay;
        nesterov = b.nesterov;
        momentumMode = b.mode;
        scaling = b.scaling;
        normAxis = b.normAxis;
        orthogonalizer = b.orthogonalizer;
        lrAdjust = b.lrAdjust;
    }

    /**
     * Official code defaults: lr 0.02, momentum 0.95 (EMA), Nesterov, β2 0.95, eps 1e-10, wd 0,
     * NS5 MUON, {@link Scaling#PRESERVE_FROBENIUS}, {@link NormAxis#ROWS}, {@link LrAdjust#KELLER_JORDAN}.
     */
    public static Builder builder() { return new Builder(); }

    /** The paper's Algorithm 1: {@link #builder()} with Nesterov off, eps 1e-8, {@link Scaling#PAPER_RMS_0_2}. */
    public static Builder paper() { return builder().nesterov(false).eps(1e-8).scaling(Scaling.PAPER_RMS_0_2); }

    @Override public String id() { return "NorMuon"; }
    @Override public double lr() { return lr; }
    @Override public double weightDecay() { return weightDecay; }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "NorMuon[lr %s, momentum %s %s%s, beta2 %s, eps %s, %s, %s, %s, %s, wd %s]", lr, momentum,
                momentumMode, nesterov ? " nesterov" : "", beta2, eps, scaling, normAxis, orthogonalizer.describe(), lrAdjust, weightDecay);
    }

    /** Length of v for an m×n matrix, and whether it is per row. */
    private boolean perRow(int m, int n) { return normAxis == NormAxis.ROWS || m >= n; }

    @Override
    RuleState newState(Parameter p) {
        int len = perRow(p.fanOut(), p.fanIn()) ? p.fanOut() : p.fanIn();
        return new MomentumState(this, p) {
            final Dense v = persistent("v", len, 1);

            @Override
            void update(Workspace ws, Parameter p, Dense g, double lrNow) {
                Dense u = advance(ws, p, momentumMode, momentum, nesterov, g);
                Dense o = scratch(ws, Workspace.O, rows, cols);
                ws.orthogonalize(orthogonalizer, u, o);
                ws.trace(p, "O", o);
                double oNorm = o.normF();
                Dense q = scratch(ws, Workspace.AUX1, len, 1);
                boolean byRow = perRow(rows, cols);
                meanSquares(o, byRow, q);
                ws.trace(p, "vmean", q);
                double w = 1 - beta2;
                for (int k = 0; k < len; k++) v.set(k, v.get(k) + w * (q.get(k) - v.get(k)));
                ws.trace(p, "state_v", v);
                for (int i = 0; i < rows; i++)
                    for (int j = 0; j < cols; j++) {
                        int idx = i * cols + j;
                        o.set(idx, o.get(idx) / (Math.sqrt(v.get(byRow ? i : j)) + eps));
                    }
                double hatNorm = o.normF();
                double alpha;
                if (scaling == Scaling.PRESERVE_FROBENIUS) {
                    o.scale(oNorm / (hatNorm + eps));
                    alpha = lrNow * lrAdjust.scale(rows, cols);
                } else {
                    alpha = hatNorm == 0 ? 0 : 0.2 * lrNow * Math.sqrt((double) rows * cols) / hatNorm;
                }
                if (ws.tracing()) ws.trace(p, "update", o.toMatrix().times(alpha / lrNow));
                write(p, 1 - lrNow * weightDecay, alpha, o, false);
            }
        };
    }

    /** {@code q} ← mean of squares of every row (byRow) or every column of {@code o}. */
    private static void meanSquares(Dense o, boolean byRow, Dense q) {
        q.fill(0);
        int r = o.rows, c = o.cols;
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) {
                double x = o.get(i * c + j);
                int k = byRow ? i : j;
                q.set(k, q.get(k) + x * x);
            }
        q.scale(1.0 / (byRow ? c : r));
    }

    /** Builder; every setter validates its value ({@link IllegalArgumentException} naming it). */
    public static final class Builder {
        private double lr = 0.02, momentum = 0.95, beta2 = 0.95, eps = 1e-10, weightDecay = 0;
        private boolean nesterov = true;
        private MomentumMode mode = MomentumMode.EMA;
        private Scaling scaling = Scaling.PRESERVE_FROBENIUS;
        private NormAxis normAxis = NormAxis.ROWS;
        private Orthogonalizer orthogonalizer = NewtonSchulz.muon();
        private LrAdjust lrAdjust = LrAdjust.KELLER_JORDAN;

        private Builder() {}

        /** Learning rate, finite and {@code > 0}. */
        public Builder lr(double v) { lr = Hyper.lr("lr", v); return this; }

        /** Momentum coefficient β in {@code [0, 1)}. */
        public Builder momentum(double v) { momentum = Hyper.beta("momentum", v); return this; }

        /** Second-moment coefficient β2 in {@code [0, 1)}. */
        public Builder beta2(double v) { beta2 = Hyper.beta("beta2", v); return this; }

        /** eps of both divisions, finite and {@code ≥ 0}. */
        public Builder eps(double v) { eps = Hyper.nonNegative("eps", v); return this; }

        /** Nesterov look-ahead (default true). */
        public Builder nesterov(boolean v) { nesterov = v; return this; }

        /** Momentum convention (default EMA, as the official code). */
        public Builder momentumMode(MomentumMode v) { mode = Check.notNull("momentumMode", v); return this; }

        /** Rescaling of the normalized update. */
        public Builder scaling(Scaling v) { scaling = Check.notNull("scaling", v); return this; }

        /** Axis of the statistic. */
        public Builder normAxis(NormAxis v) { normAxis = Check.notNull("normAxis", v); return this; }

        /** The orthogonalizer (default NS5 MUON). */
        public Builder orthogonalizer(Orthogonalizer v) { orthogonalizer = Check.notNull("orthogonalizer", v); return this; }

        /** Shape factor of the code form (default {@link LrAdjust#KELLER_JORDAN}; unused by the paper form). */
        public Builder lrAdjust(LrAdjust v) { lrAdjust = Check.notNull("lrAdjust", v); return this; }

        /** Decoupled weight decay, finite and {@code ≥ 0}. */
        public Builder weightDecay(double v) { weightDecay = Hyper.nonNegative("weightDecay", v); return this; }

        /** The rule. */
        public NorMuon build() { return new NorMuon(this); }
    }
}
