package org.ortho4j.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ortho4j.core.Check;
import org.ortho4j.optim.NorMuon;

/**
 * NorMuon (Li et al., arXiv 2510.05491; spec {@code optimizers.md} §4) as a DJL optimizer: Muon
 * followed by an Adam-like per-neuron normalization of the orthogonalized update, computed with
 * NDArray operations; the same rule as ortho4j-optim's {@link NorMuon}. Per hidden matrix
 * ({@code m×n}):
 * <pre>
 * O ← NS(momentum look-ahead)  (as {@link DjlMuon});   ν ← ‖O‖_F
 * q ← mean of O² over each row (or column, {@link NorMuon.NormAxis});  v ← v + (1−β2)(q − v)
 * Ô ← O / (sqrt(v) + eps)
 * PRESERVE_FROBENIUS (official code, default): Ô ← Ô·ν/(‖Ô‖_F + eps);  W ← W(1 − lr·wd) − lr·s(m,n)·Ô
 * PAPER_RMS_0_2 (paper):                         W ← W(1 − lr·wd) − (0.2·lr·sqrt(mn)/‖Ô‖_F)·Ô
 * </pre>
 * Defaults (official code): lr 0.02, momentum 0.95 EMA, Nesterov, β2 0.95, eps 1e-10, NS5 MUON,
 * {@link NorMuon.Scaling#PRESERVE_FROBENIUS}, {@link NorMuon.NormAxis#ROWS}, shape factor
 * {@code max(1, m/n)^½}, wd 0. Extra state: one value per row (or column); extra cost O(mn).
 */
public final class DjlNorMuon extends OrthoOptimizer {
    private final DjlMuon.Family family;
    private final double beta2, eps;
    private final NorMuon.Scaling scaling;
    private final NorMuon.NormAxis normAxis;
    private final Map<String, Map<Device, NDArray>> buffers = new ConcurrentHashMap<>(), second = new ConcurrentHashMap<>();

    private DjlNorMuon(Builder b) {
        super(b);
        family = new DjlMuon.Family(b);
        beta2 = b.beta2;
        eps = b.eps;
        scaling = b.scaling;
        normAxis = b.normAxis;
    }

    /**
     * A builder with the official code's defaults (see the class documentation).
     *
     * @return the builder
     */
    public static Builder builder() { return new Builder(); }

    @Override
    protected void matrixStep(String parameterId, NDArray weight, NDArray grad, float lr, int t) {
        NDArray o = family.orthogonalizedMomentum(this, buffers, parameterId, weight, grad);
        long m = grad.getShape().get(0), n = grad.getShape().get(1);
        boolean byRow = normAxis == NorMuon.NormAxis.ROWS || m >= n;
        NDArray v = state(second, parameterId, weight, byRow ? new Shape(m, 1) : new Shape(1, n));
        NDArray q = o.square().mean(new int[] {byRow ? 1 : 0}, true);
        v.addi(q.sub(v).muli(1 - beta2));
        NDArray hat = o.div(v.sqrt().addi(eps));
        if (scaling == NorMuon.Scaling.PRESERVE_FROBENIUS) {
            hat.muli(o.norm().divi(hat.norm().addi(eps)));
            decayAndSubtract(weight, hat, lr, lr * family.scale(grad));
        } else {
            // 0.2·sqrt(mn)/‖Ô‖_F; a zero Ô stays zero (the norm is floored instead of dividing by 0)
            hat.divi(hat.norm().maximum(Float.MIN_NORMAL)).muli(0.2 * Math.sqrt((double) m * n));
            decayAndSubtract(weight, hat, lr, lr);
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "NorMuon[%s, beta2 %s, eps %s, %s, %s, wd %s]", family.describe(), beta2, eps, scaling,
                normAxis, getWeightDecay());
    }

    /** Builder of {@link DjlNorMuon}; setters validate their value. */
    public static final class Builder extends DjlMuon.FamilyBuilder<Builder> {
        private double beta2 = 0.95, eps = 1e-10;
        private NorMuon.Scaling scaling = NorMuon.Scaling.PRESERVE_FROBENIUS;
        private NorMuon.NormAxis normAxis = NorMuon.NormAxis.ROWS;

        private Builder() { super(0.02); }

        @Override
        protected Builder self() { return this; }

        /**
         * Decay of the per-row second moment, in {@code [0, 1)} (default 0.95).
         *
         * @param v β2
         * @return this builder
         */
        public Builder optBeta2(double v) { beta2 = Args.beta("beta2", v); return this; }

        /**
         * eps of both divisions, finite and ≥ 0 (default 1e-10; the paper form uses 1e-8).
         *
         * @param v eps
         * @return this builder
         */
        public Builder optEpsilon(double v) { eps = Args.nonNegative("eps", v); return this; }

        /**
         * How the normalized update is rescaled (default {@link NorMuon.Scaling#PRESERVE_FROBENIUS}).
         *
         * @param v the scaling
         * @return this builder
         */
        public Builder optScaling(NorMuon.Scaling v) { scaling = Check.notNull("scaling", v); return this; }

        /**
         * Along which axis the statistic is kept (default {@link NorMuon.NormAxis#ROWS}).
         *
         * @param v the axis rule
         * @return this builder
         */
        public Builder optNormAxis(NorMuon.NormAxis v) { normAxis = Check.notNull("normAxis", v); return this; }

        /**
         * The optimizer.
         *
         * @return the optimizer
         */
        public DjlNorMuon build() { return new DjlNorMuon(this); }
    }
}
