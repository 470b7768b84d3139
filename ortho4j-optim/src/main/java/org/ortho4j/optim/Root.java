package org.ortho4j.optim;

import java.util.Locale;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.orthogonal.NewtonSchulz;
import org.ortho4j.core.orthogonal.NewtonSchulzRootTable;

/**
 * ROOT, "Robust Orthogonalized Optimizer" (He, Han, Zhou, Chen, Liu, Chen, Wang, arXiv
 * 2511.20626; spec {@code optimizers.md} §5), following the official example
 * {@code huawei-noah/noah-research:ROOT/examples/example_train.py}: Muon with (1) Newton–Schulz
 * coefficients keyed by the matrix shape ({@link NewtonSchulzRootTable}; unknown shapes fall back
 * to MUON's tuple) and (2) proximal outlier suppression — the momentum is clipped element-wise at
 * a threshold before it is orthogonalized, so a few huge entries cannot dominate the direction.
 * <pre>
 * M ← μ·M + G;   U ← nesterov ? G + μ·M : M                    (SUM momentum)
 * ε ← quantile_linear(|U|, q) + floor      (or a fixed absoluteThreshold)
 * B ← clamp(U, −ε, ε)                      (= U − soft_threshold(U, ε): the outliers are dropped)
 * X ← NS(B) with ROOT(min(m,n), max(m,n)) × nsSteps, eps 1e-7, in the parameter's precision
 * W ← W·(1 − lr·wd) − lr·s(m, n)·X          (s = 0.2·sqrt(max(m,n)), {@link LrAdjust#MATCH_RMS_ADAMW})
 * </pre>
 * Defaults: lr 1e-3, wd 0.1, μ 0.95, Nesterov, q 0.9, floor 1e-9, published table, 5 steps. The
 * readme writes the threshold as a hyper-parameter ε, the code fixes it at the 90th percentile of
 * |U|: both are offered ({@link Builder#outlierQuantile}, {@link Builder#absoluteThreshold}).
 * The quantile is found by selection (expected O(mn)), not by sorting. ROOT's AdamW branch uses
 * the Moonlight eps placement with the same lr and wd: {@link #auxAdamW()}.
 *
 * <p>Trace keys: {@code state_m}, {@code threshold}, {@code B}, {@code O} (the NS output),
 * {@code abc} (1×3, the tuple used), {@code adjusted_lr} (lr·s).
 */
public final class Root extends UpdateRule {
    private final double lr, momentum, weightDecay, quantile, floor, absoluteThreshold;
    private final boolean nesterov;
    private final NewtonSchulzRootTable table;
    private final int nsSteps;
    private final LrAdjust lrAdjust;
    private final NewtonSchulz orthogonalizer;

    private Root(Builder b) {
        lr = b.lr;
        momentum = b.momentum;
        weightDecay = b.weightDecay;
        quantile = b.quantile;
        floor = b.floor;
        absoluteThreshold = b.absoluteThreshold;
        nesterov = b.nesterov;
        table = b.table;
        nsSteps = b.nsSteps;
        lrAdjust = b.lrAdjust;
        orthogonalizer = NewtonSchulz.root(table, nsSteps);
    }

    /** A builder with the defaults of the official example (see the class documentation). */
    public static Builder builder() { return new Builder(); }

    @Override public String id() { return "ROOT"; }
    @Override public double lr() { return lr; }
    @Override public double weightDecay() { return weightDecay; }

    /** The shape-keyed orthogonalizer in use. */
    public NewtonSchulz orthogonalizer() { return orthogonalizer; }

    /**
     * The AdamW of ROOT's example for the non-matrix parameters: same lr and wd, betas
     * (0.9, 0.95), eps 1e-8, {@link AdamW.EpsMode#MOONLIGHT}.
     */
    public AdamW auxAdamW() {
        return AdamW.builder().lr(lr).weightDecay(weightDecay).betas(0.9, 0.95).eps(1e-8).epsMode(AdamW.EpsMode.MOONLIGHT).build();
    }

    @Override
    public String describe() {
        String thr = Double.isNaN(absoluteThreshold) ? "q " + quantile + " + " + floor : "threshold " + absoluteThreshold;
        return String.format(Locale.ROOT, "ROOT[lr %s, momentum %s%s, %s, %s, %s, wd %s]", lr, momentum, nesterov ? " nesterov" : "",
                thr, orthogonalizer.describe(), lrAdjust, weightDecay);
    }

    /**
     * The outlier split of spec §5 on a matrix: {@code ε = quantile_linear(|U|, q) + floor},
     * {@code outBase = clamp(U, −ε, ε)}, {@code outOutliers = U − outBase =
     * sign(U)·max(|U| − ε, 0)}. Allocates an {@code mn} work array.
     *
     * @param u           the matrix (not modified)
     * @param q           quantile in [0, 1]
     * @param floor       added to the quantile ({@code 1e-9} in the reference), finite
     * @param outOutliers receives the outliers (same shape), or null
     * @param outBase     receives the clipped base (same shape), or null
     * @return the threshold ε
     */
    public static double softThresholdSplit(Matrix u, double q, double floor, Matrix outOutliers, Matrix outBase) {
        Check.notNull("u", u);
        Check.inRange("q", q, 0, 1);
        Check.finite("floor", floor);
        int r = u.rows, c = u.cols;
        double[] abs = new double[r * c];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) abs[i * c + j] = Math.abs(u.get(i, j));
        double eps = Quantile.linear(abs, abs.length, q) + floor;
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) {
                double x = u.get(i, j), b = clamp(x, eps);
                if (outBase != null) outBase.set(i, j, b);
                if (outOutliers != null) outOutliers.set(i, j, x - b);
            }
        return eps;
    }

    private static double clamp(double x, double eps) { return x > eps ? eps : x < -eps ? -eps : x; }

    @Override
    RuleState newState(Parameter p) {
        return new MomentumState(this, p) {
            @Override
            void update(Workspace ws, Parameter p, Dense g, double lrNow) {
                Dense u = advance(ws, p, MomentumMode.SUM, momentum, nesterov, g);
                if (u == momentumBuffer) { // clip a copy, never the momentum itself
                    g.copyFrom(momentumBuffer);
                    u = g;
                }
                double eps;
                if (Double.isNaN(absoluteThreshold)) {
                    double[] abs = ws.raw(u.size);
                    for (int i = 0; i < u.size; i++) abs[i] = Math.abs(u.get(i));
                    eps = Quantile.linear(abs, u.size, quantile) + floor;
                } else {
                    eps = absoluteThreshold;
                }
                for (int i = 0; i < u.size; i++) u.set(i, clamp(u.get(i), eps));
                ws.trace(p, "threshold", eps);
                ws.trace(p, "B", u);
                Dense o = scratch(ws, Workspace.O, rows, cols);
                ws.orthogonalize(orthogonalizer, u, o);
                double alpha = lrNow * lrAdjust.scale(rows, cols);
                if (ws.tracing()) {
                    ws.trace(p, "O", o);
                    ws.trace(p, "abc", Matrix.row(orthogonalizer.scheduleFor(rows, cols).tuple(0)));
                    ws.trace(p, "adjusted_lr", alpha);
                }
                write(p, 1 - lrNow * weightDecay, alpha, o, false);
            }
        };
    }

    /** Builder; every setter validates its value ({@link IllegalArgumentException} naming it). */
    public static final class Builder {
        private double lr = 1e-3, momentum = 0.95, weightDecay = 0.1, quantile = 0.9, floor = 1e-9, absoluteThreshold = Double.NaN;
        private boolean nesterov = true;
        private NewtonSchulzRootTable table = NewtonSchulzRootTable.published();
        private int nsSteps = 5;
        private LrAdjust lrAdjust = LrAdjust.MATCH_RMS_ADAMW;

        private Builder() {}

        /** Learning rate, finite and {@code > 0}. */
        public Builder lr(double v) { lr = Hyper.lr("lr", v); return this; }

        /** μ in {@code [0, 1)}. */
        public Builder momentum(double v) { momentum = Hyper.beta("momentum", v); return this; }

        /** Nesterov look-ahead (default true). */
        public Builder nesterov(boolean v) { nesterov = v; return this; }

        /** Decoupled weight decay, finite and {@code ≥ 0}. */
        public Builder weightDecay(double v) { weightDecay = Hyper.nonNegative("weightDecay", v); return this; }

        /** Quantile of |U| used as threshold, in (0, 1] (default 0.9); clears an absolute threshold. */
        public Builder outlierQuantile(double v) {
            quantile = Hyper.fraction("outlierQuantile", v);
            absoluteThreshold = Double.NaN;
            return this;
        }

        /** Added to the quantile (default 1e-9), finite and {@code ≥ 0}. */
        public Builder thresholdFloor(double v) { floor = Hyper.nonNegative("thresholdFloor", v); return this; }

        /** A fixed clipping threshold ε &gt; 0 instead of the quantile rule (the readme's form). */
        public Builder absoluteThreshold(double v) { absoluteThreshold = Hyper.positive("absoluteThreshold", v); return this; }

        /** Shape-keyed coefficients (default {@link NewtonSchulzRootTable#published()}). */
        public Builder coefficients(NewtonSchulzRootTable v) { table = Check.notNull("coefficients", v); return this; }

        /** Newton–Schulz steps, {@code ≥ 1} (default 5). */
        public Builder nsSteps(int v) { nsSteps = Hyper.atLeast("nsSteps", v, 1); return this; }

        /** Shape factor (default {@link LrAdjust#MATCH_RMS_ADAMW}). */
        public Builder lrAdjust(LrAdjust v) { lrAdjust = Check.notNull("lrAdjust", v); return this; }

        /** The rule. */
        public Root build() { return new Root(this); }
    }
}
