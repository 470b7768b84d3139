package org.ortho4j.optim;

import java.util.Locale;
import org.ortho4j.core.Check;
import org.ortho4j.core.orthogonal.NewtonSchulz;

/**
 * AuON (Maity, "AuON: A Linear-time Alternative to Semi-Orthogonal Momentum Updates", arXiv
 * 2509.24320; code {@code ryyzn9/AuON}; spec {@code optimizers.md} §6): Newton–Schulz is replaced
 * by a Frobenius normalization and a global "tail-sensitive" brake {@code r = RMS(cosh(·))} ≥ 1.
 * O(mn) per step. The update keeps the signs and ratios of U (it is not semi-orthogonal, as the
 * paper says).
 *
 * <p>With EMA momentum (β), Nesterov look-ahead {@code U}, {@code ν = ‖U‖_F},
 * {@code Y = U/(ν + 1e-7)} and {@code r = sqrt(mean_ij cosh(γ·Y_ij)²)} (computed in double):
 * <ul>
 *   <li>{@link Variant#PAPER} (paper §3.1 and the code used for the paper,
 *       {@code Auon_Adam_train.py} at c87b862; the default): {@code Δ = Y/(r + 1e-8)},
 *       {@code W ← W·(1 − lr·wd) − lr·s(m,n)·Δ} with γ = 1 and s = {@link LrAdjust#KELLER_JORDAN};
 *       that code has no weight decay on AuON parameters (wd defaults to 0 here).</li>
 *   <li>{@link Variant#PACKAGE} (current package {@code auon/optimizer.py}, class {@code AuON})
 *       [DIFF]: γ = 1.5 and {@code Δ = U/(r + 1e-8)} — the raw look-ahead, not the normalized one,
 *       so the step size follows the gradient magnitude — with no shape factor:
 *       {@code W ← W·(1 − lr·wd) − lr·Δ}. (The package applies the decay before the momentum
 *       update; W does not enter the momentum, so this is the same.) A zero U leaves W decayed
 *       only, as the package's early exit does.</li>
 *   <li>Hybrid ({@link Builder#hybridNsSteps} &gt; 0; package class {@code HybridAuON}, default
 *       5 steps; the paper §3.2 says one) [DIFF]: {@code U} is first replaced by
 *       {@code NS_MUON(U, steps)} (float path in the parameter's precision, eps 1e-7), then the
 *       variant's brake is applied to it. With {@link Variant#PACKAGE} this is the package's
 *       HybridAuON.</li>
 * </ul>
 * The paper writes the hybrid's brake as {@code ‖cosh(X)‖_F²/N} without the square root; the
 * code's square root is used (spec: the paper's form is taken to be a typo).
 *
 * <p>Trace keys: {@code state_m}, {@code rms} (r), {@code update} (Δ).
 */
public final class AuOn extends UpdateRule {

    /** Which form of the brake; see the class documentation. */
    public enum Variant {
        /** Paper: normalized direction, γ = 1, KellerJordan shape factor. */
        PAPER,
        /** Package: raw direction braked by r, γ = 1.5, no shape factor. */
        PACKAGE
    }

    private final Variant variant;
    private final double lr, momentum, gamma, weightDecay;
    private final boolean nesterov;
    private final int hybridNsSteps;
    private final LrAdjust shapeScale;
    private final NewtonSchulz ns;

    private AuOn(Builder b) {
        variant = b.variant;
        lr = b.lr;
        momentum = b.momentum;
        gamma = Double.isNaN(b.gamma) ? (b.variant == Variant.PAPER ? 1.0 : 1.5) : b.gamma;
        weightDecay = b.weightDecay;
        nesterov = b.nesterov;
        hybridNsSteps = b.hybridNsSteps;
        shapeScale = b.shapeScale != null ? b.shapeScale : b.variant == Variant.PAPER ? LrAdjust.KELLER_JORDAN : LrAdjust.NONE;
        ns = hybridNsSteps > 0 ? NewtonSchulz.muon(hybridNsSteps) : null;
    }

    /** The paper variant: lr 0.24 (code default), momentum 0.95, Nesterov, γ 1, KJ factor, wd 0, no NS. */
    public static Builder builder() { return new Builder(Variant.PAPER); }

    /** The package variant ({@code AuON}): lr 0.24, momentum 0.95, Nesterov, γ 1.5, no shape factor, wd 0. */
    public static Builder packageForm() { return new Builder(Variant.PACKAGE); }

    /** The package's {@code HybridAuON}: {@link #packageForm()} with 5 Newton–Schulz steps first. */
    public static Builder hybrid() { return packageForm().hybridNsSteps(5); }

    @Override public String id() { return "AuON"; }
    @Override public double lr() { return lr; }
    @Override public double weightDecay() { return weightDecay; }

    /** The variant. */
    public Variant variant() { return variant; }

    /** γ. */
    public double gamma() { return gamma; }

    /** Newton–Schulz steps before the brake (0: none). */
    public int hybridNsSteps() { return hybridNsSteps; }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "AuON[%s%s, lr %s, momentum %s%s, gamma %s, %s, wd %s]", variant,
                hybridNsSteps > 0 ? " hybrid NS" + hybridNsSteps : "", lr, momentum, nesterov ? " nesterov" : "", gamma, shapeScale, weightDecay);
    }

    @Override
    RuleState newState(Parameter p) {
        return new MomentumState(this, p) {
            @Override
            void update(Workspace ws, Parameter p, Dense g, double lrNow) {
                Dense u = advance(ws, p, MomentumMode.EMA, momentum, nesterov, g);
                if (ns != null) {
                    Dense x = scratch(ws, Workspace.O, rows, cols);
                    ws.orthogonalize(ns, u, x);
                    u = x;
                }
                double norm = u.normF();
                double inv = 1.0 / (norm + 1e-7), gi = gamma * inv;
                double sum = 0;
                for (int i = 0; i < u.size; i++) {
                    // cosh(y) = (e^y + e^−y)/2; |y| ≤ γ after the normalization, so no overflow
                    double e = Math.exp(gi * u.get(i)), c = 0.5 * (e + 1 / e);
                    sum += c * c;
                }
                double r = Math.sqrt(sum / u.size);
                // PAPER: Δ = (U/(ν+1e-7)) / (r+1e-8);  PACKAGE: Δ = U / (r+1e-8). The scalar is folded into the
                // step size, so U itself is the direction handed to the write-back (one pass less).
                double f = (variant == Variant.PAPER ? inv : 1.0) / (r + 1e-8);
                ws.trace(p, "rms", r);
                if (ws.tracing()) ws.trace(p, "update", u.toMatrix().times(f));
                write(p, 1 - lrNow * weightDecay, lrNow * shapeScale.scale(rows, cols) * f, u, false);
            }
        };
    }

    /** Builder; every setter validates its value ({@link IllegalArgumentException} naming it). */
    public static final class Builder {
        private final Variant variant;
        private double lr = 0.24, momentum = 0.95, gamma = Double.NaN, weightDecay = 0;
        private boolean nesterov = true;
        private int hybridNsSteps;
        private LrAdjust shapeScale;

        private Builder(Variant variant) { this.variant = variant; }

        /** Learning rate, finite and {@code > 0}. */
        public Builder lr(double v) { lr = Hyper.lr("lr", v); return this; }

        /** Momentum β in {@code [0, 1)}. */
        public Builder momentum(double v) { momentum = Hyper.beta("momentum", v); return this; }

        /** Nesterov look-ahead (default true; the package always uses it). */
        public Builder nesterov(boolean v) { nesterov = v; return this; }

        /** γ of the brake, finite and {@code > 0} (default 1 for PAPER, 1.5 for PACKAGE). */
        public Builder gamma(double v) { gamma = Hyper.positive("gamma", v); return this; }

        /** Decoupled weight decay, finite and {@code ≥ 0} (default 0). */
        public Builder weightDecay(double v) { weightDecay = Hyper.nonNegative("weightDecay", v); return this; }

        /** Newton–Schulz (MUON tuple) steps before the brake, {@code ≥ 0} (0 = plain AuON). */
        public Builder hybridNsSteps(int v) { hybridNsSteps = Hyper.atLeast("hybridNsSteps", v, 0); return this; }

        /** Shape factor (default: KELLER_JORDAN for PAPER, NONE for PACKAGE). */
        public Builder shapeScale(LrAdjust v) { shapeScale = Check.notNull("shapeScale", v); return this; }

        /** The rule. */
        public AuOn build() { return new AuOn(this); }
    }
}
