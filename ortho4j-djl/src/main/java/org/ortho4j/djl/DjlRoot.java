package org.ortho4j.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ortho4j.core.Check;
import org.ortho4j.core.orthogonal.NewtonSchulz;
import org.ortho4j.core.orthogonal.NewtonSchulzRootTable;
import org.ortho4j.optim.LrAdjust;
import org.ortho4j.optim.MomentumMode;

/**
 * ROOT, "Robust Orthogonalized Optimizer" (He et al., arXiv 2511.20626; spec {@code optimizers.md}
 * §5), as a DJL optimizer computed with NDArray operations; the same rule as ortho4j-optim's
 * {@link org.ortho4j.optim.Root}. Per hidden matrix ({@code m×n}):
 * <pre>
 * M ← μ·M + G;   U ← nesterov ? G + μ·M : M                   (SUM momentum)
 * ε ← quantile_linear(|U|, q) + floor        (or a fixed absolute threshold)
 * B ← clamp(U, −ε, ε)                        (the outliers U − B are dropped)
 * X ← NS(B) with ROOT's coefficients for (min(m,n), max(m,n)), MUON tuple for other shapes
 * W ← W·(1 − lr·wd) − lr·s(m, n)·X            (s = 0.2·sqrt(max(m, n)) by default)
 * </pre>
 * The quantile is the linear-interpolation one of numpy/{@code torch.quantile}
 * ({@code h = q(N−1)}, {@code v_lo + (h − lo)(v_hi − v_lo)} over the sorted values): the two order
 * statistics come from one {@code topK} of the {@code N − floor(h)} largest magnitudes, so the
 * work is O(N log(N − floor(h))) on the device, no sort of the whole matrix and no host copy.
 * Defaults (official example): lr 1e-3, μ 0.95, Nesterov, q 0.9, floor 1e-9, published table,
 * 5 steps, {@link LrAdjust#MATCH_RMS_ADAMW}. The example's weight decay is 0.1; here it is DJL's
 * {@link Builder#optWeightDecays} (default 0). Its AdamW branch uses the Moonlight eps placement:
 * pass {@link org.ortho4j.optim.Root#auxAdamW()} to {@link Builder#optAuxAdamW} to reproduce it.
 */
public final class DjlRoot extends OrthoOptimizer {
    private final double momentum, quantile, floor, absoluteThreshold;
    private final boolean nesterov;
    private final NewtonSchulz orthogonalizer;
    private final LrAdjust lrAdjust;
    private final Map<String, Map<Device, NDArray>> buffers = new ConcurrentHashMap<>();

    private DjlRoot(Builder b) {
        super(b);
        momentum = b.momentum;
        nesterov = b.nesterov;
        quantile = b.quantile;
        floor = b.floor;
        absoluteThreshold = b.absoluteThreshold;
        orthogonalizer = NewtonSchulz.root(b.table, b.nsSteps);
        lrAdjust = b.lrAdjust;
    }

    /**
     * A builder with the official example's defaults (see the class documentation).
     *
     * @return the builder
     */
    public static Builder builder() { return new Builder(); }

    @Override
    protected void matrixStep(String parameterId, NDArray weight, NDArray grad, float lr, int t) {
        NDArray u = momentum(state(buffers, parameterId, weight, grad.getShape()), grad, MomentumMode.SUM, momentum, nesterov);
        NDArray base;
        if (Double.isNaN(absoluteThreshold)) {
            NDArray eps = linearQuantile(u.abs().reshape(-1), quantile).addi(floor);
            base = u.minimum(eps).maximum(eps.neg());
        } else {
            base = u.clip(-absoluteThreshold, absoluteThreshold);
        }
        NDArray x = timed(() -> NdNewtonSchulz.apply(base, orthogonalizer));
        decayAndSubtract(weight, x, lr, lr * DjlMuon.Family.scale(lrAdjust, grad));
    }

    /**
     * The {@code q}-quantile with linear interpolation of a 1-D array of N ≥ 1 values, as a scalar
     * array on the same device: {@code h = q(N−1)}, {@code lo = floor(h)}, {@code hi = ceil(h)},
     * result {@code v_lo + (h − lo)(v_hi − v_lo)} with {@code v} the ascending order statistics.
     *
     * @param values the values (1-D, not modified)
     * @param q      in [0, 1]
     * @return a new scalar array
     */
    static NDArray linearQuantile(NDArray values, double q) {
        long n = values.size();
        double h = q * (n - 1);
        long lo = (long) Math.floor(h), hi = (long) Math.ceil(h);
        int k = Math.toIntExact(n - lo);   // v_lo is the k-th largest value, v_hi the (k−1)-th
        NDArray top = values.topK(k, 0, true, true).get(0);
        NDArray vLo = top.get(k - 1);
        if (hi == lo) return vLo;
        return vLo.add(top.get(k - 2).sub(vLo).muli(h - lo));
    }

    @Override
    public String describe() {
        String thr = Double.isNaN(absoluteThreshold) ? "q " + quantile + " + " + floor : "threshold " + absoluteThreshold;
        return String.format(Locale.ROOT, "ROOT[momentum %s SUM%s, %s, %s, %s, wd %s]", momentum, nesterov ? " nesterov" : "", thr,
                orthogonalizer.describe(), lrAdjust, getWeightDecay());
    }

    /** Builder of {@link DjlRoot}; setters validate their value. */
    public static final class Builder extends MomentumBuilder<Builder> {
        private double quantile = 0.9, floor = 1e-9, absoluteThreshold = Double.NaN;
        private NewtonSchulzRootTable table = NewtonSchulzRootTable.published();
        private int nsSteps = 5;
        private LrAdjust lrAdjust = LrAdjust.MATCH_RMS_ADAMW;

        private Builder() { super(1e-3); }

        @Override
        protected Builder self() { return this; }

        /**
         * The outlier quantile q in {@code [0, 1]} (default 0.9); clears an absolute threshold.
         *
         * @param v q
         * @return this builder
         */
        public Builder optOutlierQuantile(double v) {
            quantile = Args.unit("outlierQuantile", v);
            absoluteThreshold = Double.NaN;
            return this;
        }

        /**
         * Added to the quantile, finite and ≥ 0 (default 1e-9).
         *
         * @param v the floor
         * @return this builder
         */
        public Builder optThresholdFloor(double v) { floor = Args.nonNegative("thresholdFloor", v); return this; }

        /**
         * A fixed clipping threshold {@code > 0} instead of the quantile (the readme's ε).
         *
         * @param v ε
         * @return this builder
         */
        public Builder optAbsoluteThreshold(double v) { absoluteThreshold = Args.positive("absoluteThreshold", v); return this; }

        /**
         * Shape-keyed Newton–Schulz coefficients (default {@link NewtonSchulzRootTable#published()}).
         *
         * @param v the table
         * @return this builder
         */
        public Builder optCoefficients(NewtonSchulzRootTable v) { table = Check.notNull("coefficients", v); return this; }

        /**
         * Newton–Schulz steps, ≥ 1 (default 5).
         *
         * @param v the count
         * @return this builder
         */
        public Builder optNsSteps(int v) { nsSteps = Args.atLeast("nsSteps", v, 1); return this; }

        /**
         * The learning-rate shape factor (default {@link LrAdjust#MATCH_RMS_ADAMW}).
         *
         * @param v the factor
         * @return this builder
         */
        public Builder optLrAdjust(LrAdjust v) { lrAdjust = Check.notNull("lrAdjust", v); return this; }

        /**
         * The optimizer.
         *
         * @return the optimizer
         */
        public DjlRoot build() { return new DjlRoot(this); }
    }
}
