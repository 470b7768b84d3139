package org.ortho4j.optim;

import java.util.Locale;
import java.util.function.Function;
import org.ortho4j.core.Check;
import org.ortho4j.core.decomp.QrDecomposition;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.random.Rng;
import org.ortho4j.core.random.SplitMix64;

/**
 * Dion, "Distributed Orthonormalized Updates" (Ahn, Xu, Abreu, Langford et al., arXiv 2504.05295;
 * single-device algorithm of {@code microsoft/dion:dion/dion_simple.py}; spec
 * {@code optimizers.md} §8): a rank-r approximation of the momentum is orthonormalized by one
 * step of power iteration with a QR, and what is not applied stays in the momentum (error
 * feedback). With {@code r = min(rank, m, n)}, state {@code M} ({@code m×n}, zeros) and
 * {@code Q} ({@code n×r}, i.i.d. N(0,1) at the start):
 * <pre>
 * M ← M + G
 * P ← orth(M·Q)                              (thin Householder QR, {@link QrDecomposition}; m×r)
 * R ← Mᵀ·P                                   (n×r)
 * M ← M − (1−μ)·P·Rᵀ                          (error feedback)
 * Q ← R / (‖R_{:,j}‖₂ + eps)                  (column-normalized)
 * W ← W·(1 − lr·wd) − lr·s(m,n)·P·Qᵀ          (s = sqrt(m/n), {@link LrAdjust#SPECTRAL})
 * </pre>
 * No Nesterov. The update {@code P·Qᵀ} and {@code M} do not depend on the sign convention of the
 * QR; Q is defined up to column signs. The QR runs in double (on the float path P is widened and
 * the factor rounded back).
 *
 * <p>The initial Q is drawn from {@link SplitMix64} seeded with {@code seed + fnv1a64(name)} (so
 * it is reproducible per parameter), or supplied by {@link Builder#initialQ}. Cost per step:
 * {@code 4mnr} (two products) + {@code 2mnr} (error feedback) + {@code 2mnr} (update) flops +
 * QR {@code O(mr²)}. Allocation: the QR returns a new {@code m×r} factor each step (core's QR API
 * allocates its results); everything else is preallocated. Trace keys: {@code state_M},
 * {@code update} (P·Qᵀ), {@code Q}.
 */
public final class Dion extends UpdateRule {
    private final double lr, mu, weightDecay, eps;
    private final int rank;
    private final long seed;
    private final LrAdjust lrAdjust;
    private final Function<Parameter, Matrix> initialQ;

    private Dion(Builder b) {
        lr = b.lr;
        mu = b.mu;
        weightDecay = b.weightDecay;
        eps = b.eps;
        rank = b.rank;
        seed = b.seed;
        lrAdjust = b.lrAdjust;
        initialQ = b.initialQ;
    }

    /** Defaults of {@code dion_simple.py}: lr 0.01, μ 0.95, wd 0.01, eps 1e-8, rank 768, seed 0, {@link LrAdjust#SPECTRAL}. */
    public static Builder builder() { return new Builder(); }

    @Override public String id() { return "Dion"; }
    @Override public double lr() { return lr; }
    @Override public double weightDecay() { return weightDecay; }

    /** The requested rank (capped per matrix at min(m, n)). */
    public int rank() { return rank; }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Dion[rank %d, lr %s, mu %s, eps %s, %s, wd %s]", rank, lr, mu, eps, lrAdjust, weightDecay);
    }

    @Override
    RuleState newState(Parameter p) { return new State(this, p); }

    private static final class State extends RuleState {
        final int r;
        final Dense mom, q;
        final QrDecomposition qr = new QrDecomposition();

        State(Dion rule, Parameter p) {
            super(rule, p);
            r = Math.min(rule.rank, Math.min(rows, cols));
            mom = persistent("M", rows, cols);
            q = persistent("Q", cols, r);
            if (rule.initialQ != null) {
                Matrix q0 = rule.initialQ.apply(p);
                if (q0 == null || q0.rows != cols || q0.cols != r)
                    throw new IllegalArgumentException("initialQ for " + describeParam() + " is "
                            + (q0 == null ? "null" : q0.rows + "x" + q0.cols) + ", expected " + cols + "x" + r);
                for (int i = 0; i < cols; i++)
                    for (int j = 0; j < r; j++) q.set(i * r + j, q0.get(i, j));
            } else {
                SplitMix64 rng = new SplitMix64(rule.seed + Rng.fnv1a64(p.name()));
                for (int i = 0; i < q.size; i++) q.set(i, rng.nextGaussian());
            }
        }

        @Override
        void update(Workspace ws, Parameter p, Dense g, double lrNow) {
            Dion rule = (Dion) this.rule;
            for (int i = 0; i < mom.size; i++) mom.set(i, mom.get(i) + g.get(i));
            long t0 = System.nanoTime();
            Dense pm = scratch(ws, Workspace.AUX1, rows, r);
            Dense rm = scratch(ws, Workspace.AUX2, cols, r);
            Dense.gemm(1, mom, false, q, false, 0, pm);
            Matrix pq = qr.decompose(pm.isFloat() ? pm.toMatrix() : pm.dm).getQ();
            for (int i = 0; i < pm.size; i++) pm.set(i, pq.data[i]);
            Dense.gemm(1, mom, true, pm, false, 0, rm);
            Dense.gemm(-(1 - rule.mu), pm, false, rm, true, 1, mom);
            for (int j = 0; j < r; j++) {
                double s = 0;
                for (int i = 0; i < cols; i++) s += rm.get(i * r + j) * rm.get(i * r + j);
                double inv = 1.0 / (Math.sqrt(s) + rule.eps);
                for (int i = 0; i < cols; i++) q.set(i * r + j, rm.get(i * r + j) * inv);
            }
            Dense dir = scratch(ws, Workspace.O, rows, cols);
            Dense.gemm(1, pm, false, q, true, 0, dir);
            ws.orthoNanos += System.nanoTime() - t0;
            ws.trace(p, "state_M", mom);
            ws.trace(p, "update", dir);
            ws.trace(p, "Q", q);
            write(p, 1 - lrNow * rule.weightDecay, lrNow * rule.lrAdjust.scale(rows, cols), dir, false);
        }
    }

    /** Builder; every setter validates its value ({@link IllegalArgumentException} naming it). */
    public static final class Builder {
        private double lr = 0.01, mu = 0.95, weightDecay = 0.01, eps = 1e-8;
        private int rank = 768;
        private long seed;
        private LrAdjust lrAdjust = LrAdjust.SPECTRAL;
        private Function<Parameter, Matrix> initialQ;

        private Builder() {}

        /** Learning rate, finite and {@code > 0}. */
        public Builder lr(double v) { lr = Hyper.lr("lr", v); return this; }

        /** μ in {@code [0, 1)}: the share of the applied rank-r part that stays in M is μ. */
        public Builder mu(double v) { mu = Hyper.beta("mu", v); return this; }

        /** Decoupled weight decay, finite and {@code ≥ 0}. */
        public Builder weightDecay(double v) { weightDecay = Hyper.nonNegative("weightDecay", v); return this; }

        /** eps of the column normalization, finite and {@code ≥ 0}. */
        public Builder eps(double v) { eps = Hyper.nonNegative("eps", v); return this; }

        /** Rank r ≥ 1 (capped per matrix at min(m, n)). */
        public Builder rank(int v) { rank = Hyper.atLeast("rank", v, 1); return this; }

        /** Seed of the initial Q (default 0). */
        public Builder seed(long v) { seed = v; return this; }

        /** Shape factor (default {@link LrAdjust#SPECTRAL}). */
        public Builder lrAdjust(LrAdjust v) { lrAdjust = Check.notNull("lrAdjust", v); return this; }

        /**
         * Supplies the initial Q per parameter ({@code n×min(rank, m, n)}, OUT_IN orientation)
         * instead of the seeded Gaussian, e.g. to reproduce a reference run.
         */
        public Builder initialQ(Function<Parameter, Matrix> v) { initialQ = Check.notNull("initialQ", v); return this; }

        /** The rule. */
        public Dion build() { return new Dion(this); }
    }
}
