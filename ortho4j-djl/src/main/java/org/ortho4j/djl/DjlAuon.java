package org.ortho4j.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ortho4j.core.Check;
import org.ortho4j.core.orthogonal.NewtonSchulz;
import org.ortho4j.optim.AuOn;
import org.ortho4j.optim.LrAdjust;
import org.ortho4j.optim.MomentumMode;

/**
 * AuON (Maity, arXiv 2509.24320; spec {@code optimizers.md} §6) as a DJL optimizer: Newton–Schulz
 * replaced by a Frobenius normalization and a global brake {@code r = RMS(cosh(·)) ≥ 1}, O(mn) per
 * matrix; the same rule as ortho4j-optim's {@link AuOn}. With EMA momentum β, look-ahead
 * {@code U}, {@code ν = ‖U‖_F}, {@code Y = U/(ν + 1e-7)}, {@code r = sqrt(mean(cosh(γY)²))}:
 * <pre>
 * PAPER   (default): Δ = Y/(r + 1e-8),  W ← W(1 − lr·wd) − lr·s(m,n)·Δ   (γ 1, s = max(1, m/n)^½)
 * PACKAGE:           Δ = U/(r + 1e-8),  W ← W(1 − lr·wd) − lr·Δ          (γ 1.5, no shape factor)
 * hybrid (hybridNsSteps &gt; 0): U is first replaced by NS_MUON(U, steps), then the brake.
 * </pre>
 * Defaults: lr 0.24 (the code's), momentum 0.95, Nesterov, {@link AuOn.Variant#PAPER}, γ and the
 * shape factor by variant, no Newton–Schulz, wd 0. The brake is computed in float32 on the device
 * (|γY| ≤ γ, so {@code cosh} cannot overflow); it is what {@link #stats()} times as the transform.
 */
public final class DjlAuon extends OrthoOptimizer {
    private final AuOn.Variant variant;
    private final double momentum, gamma;
    private final boolean nesterov;
    private final int hybridNsSteps;
    private final LrAdjust shapeScale;
    private final NewtonSchulz ns;
    private final Map<String, Map<Device, NDArray>> buffers = new ConcurrentHashMap<>();

    private DjlAuon(Builder b) {
        super(b);
        variant = b.variant;
        momentum = b.momentum;
        nesterov = b.nesterov;
        gamma = Double.isNaN(b.gamma) ? (variant == AuOn.Variant.PAPER ? 1.0 : 1.5) : b.gamma;
        hybridNsSteps = b.hybridNsSteps;
        shapeScale = b.shapeScale != null ? b.shapeScale : variant == AuOn.Variant.PAPER ? LrAdjust.KELLER_JORDAN : LrAdjust.NONE;
        ns = hybridNsSteps > 0 ? NewtonSchulz.muon(hybridNsSteps) : null;
    }

    /**
     * A builder with the defaults above (paper variant).
     *
     * @return the builder
     */
    public static Builder builder() { return new Builder(); }

    @Override
    protected void matrixStep(String parameterId, NDArray weight, NDArray grad, float lr, int t) {
        NDArray look = momentum(state(buffers, parameterId, weight, grad.getShape()), grad, MomentumMode.EMA, momentum, nesterov);
        NDArray delta = timed(() -> {
            NDArray u = ns != null ? NdNewtonSchulz.apply(look, ns) : look;
            NDArray y = u.div(u.norm().addi(1e-7));
            NDArray c = y.mul(gamma).cosh();
            NDArray brake = c.muli(c).mean().sqrt().addi(1e-8);
            return (variant == AuOn.Variant.PAPER ? y : u).div(brake);
        });
        decayAndSubtract(weight, delta, lr, lr * DjlMuon.Family.scale(shapeScale, grad));
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "AuON[%s%s, momentum %s EMA%s, gamma %s, %s, wd %s]", variant,
                hybridNsSteps > 0 ? " hybrid NS" + hybridNsSteps : "", momentum, nesterov ? " nesterov" : "", gamma, shapeScale,
                getWeightDecay());
    }

    /** Builder of {@link DjlAuon}; setters validate their value. */
    public static final class Builder extends MomentumBuilder<Builder> {
        private AuOn.Variant variant = AuOn.Variant.PAPER;
        private double gamma = Double.NaN;
        private int hybridNsSteps;
        private LrAdjust shapeScale;

        private Builder() { super(0.24); }

        @Override
        protected Builder self() { return this; }

        /**
         * The brake's form (default {@link AuOn.Variant#PAPER}).
         *
         * @param v the variant
         * @return this builder
         */
        public Builder optVariant(AuOn.Variant v) { variant = Check.notNull("variant", v); return this; }

        /**
         * γ, finite and &gt; 0 (default 1 for PAPER, 1.5 for PACKAGE).
         *
         * @param v γ
         * @return this builder
         */
        public Builder optGamma(double v) { gamma = Args.positive("gamma", v); return this; }

        /**
         * Newton–Schulz steps before the brake, ≥ 0 (default 0: plain AuON; 5: the package's HybridAuON).
         *
         * @param v the count
         * @return this builder
         */
        public Builder optHybridNsSteps(int v) { hybridNsSteps = Args.atLeast("hybridNsSteps", v, 0); return this; }

        /**
         * The shape factor (default by variant: {@link LrAdjust#KELLER_JORDAN} for PAPER, {@link LrAdjust#NONE} for PACKAGE).
         *
         * @param v the factor
         * @return this builder
         */
        public Builder optShapeScale(LrAdjust v) { shapeScale = Check.notNull("shapeScale", v); return this; }

        /**
         * The optimizer.
         *
         * @return the optimizer
         */
        public DjlAuon build() { return new DjlAuon(this); }
    }
}
