package org.ortho4j.optim;

import java.util.Locale;
import org.ortho4j.core.Check;
import org.ortho4j.core.decomp.SvdDecomposition;
import org.ortho4j.core.linalg.Matrix;

/**
 * Low-rank AdamW: the gradient of each matrix is projected on an r-dimensional subspace, Adam's
 * moments live in that subspace, and the update is projected back (spec {@code optimizers.md}
 * §7). Two ways to choose the subspace:
 * <ul>
 *   <li>{@link Subspace#DCT} — DCT-AdamW (Modoranu et al., arXiv 2505.17967, official code
 *       {@code IST-DASLab/ISTA-DASLab-Optimizers:fft_low_rank/dct_adamw.py}): the r columns of
 *       the orthonormal DCT-II basis best aligned with the gradient, chosen with one fast DCT per
 *       row/column and an L1 score ({@link DctColumnSelector}; no SVD, only the r indices and
 *       their r basis vectors are kept).</li>
 *   <li>{@link Subspace#SVD} — the GaLore-like baseline (Zhao et al., arXiv 2403.03507): the top-r
 *       left (m &lt; n) or right (m ≥ n) singular vectors of the gradient from a thin SVD.</li>
 * </ul>
 * Per matrix ({@code m×n}, OUT_IN; right projection when {@code m ≥ n}: basis P is {@code n×r},
 * {@code g = G·P}, back-projection {@code u·Pᵀ}; left: P is {@code m×r}, {@code g = Pᵀ·G},
 * back-projection {@code P·u}), with {@code r = min(rank, n or m)}:
 * <pre>
 * t ← t + 1
 * if t == 1 or t % updateProjGap == 0:  P ← select(G)          (DCT: g taken from the transform, no extra product)
 * else:                                  g ← project(G, P)
 * m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²                   (r-dimensional)
 * u ← m / (eps·sqrt(1−β2^t) + sqrt(v))
 * W ← W·(1 − lr·wd) − (lr·sqrt(1−β2^t)/(1−β1^t))·backproject(u)
 * </pre>
 * which equals torch AdamW's formula in the subspace. The moments are not rotated when the
 * subspace changes (the code's default {@code rotate_subspace=False}; that option and error
 * feedback are not implemented). Matrices with {@code max(m, n) ≥ maxShape} get plain
 * {@link AdamW} (same betas, eps, wd), as the reference does.
 *
 * <p>Cost per step: DCT selection O(mn log k + r·k log k) (k = projected side; the fast DCT of
 * ortho4j-core, over JTransforms, allocates small work arrays per transform); SVD selection
 * O(mn·min(m,n)), allocating (LAPACK work arrays and factors); projection and back-projection
 * 2·2mnr flops. State: 2 low-rank moments + the r basis vectors (+ r indices).
 * Trace keys: {@code idx} (1×r, DCT), {@code g_lowrank}, {@code state_m}, {@code state_v},
 * {@code update_full} (the back-projected u, before the step factor).
 */
public final class LowRankAdamW extends UpdateRule {

    /** How the subspace is chosen. */
    public enum Subspace {
        /** Top-r DCT-II basis columns by L1 alignment (SVD-free). */
        DCT,
        /** Top-r singular vectors (GaLore-like). */
        SVD
    }

    private final Subspace subspace;
    private final int rank, updateProjGap, maxShape;
    private final double lr, beta1, beta2, eps, weightDecay;
    private final AdamW fallback;

    private LowRankAdamW(Builder b) {
        subspace = b.subspace;
        rank = b.rank;
        updateProjGap = b.gap;
        maxShape = b.maxShape;
        lr = b.lr;
        beta1 = b.beta1;
        beta2 = b.beta2;
        eps = b.eps;
        weightDecay = b.weightDecay;
        fallback = AdamW.builder().lr(lr).betas(beta1, beta2).eps(eps).weightDecay(weightDecay).build();
    }

    /**
     * DCT-AdamW with the reference defaults: rank 128, lr 1e-3, betas (0.9, 0.999), eps 1e-8,
     * wd 0, updateProjGap 1, maxShape 32000.
     */
    public static Builder dct() { return new Builder(Subspace.DCT, 1); }

    /** The SVD (GaLore-like) baseline: as {@link #dct()} but SVD subspaces refreshed every 200 steps (GaLore's T). */
    public static Builder svd() { return new Builder(Subspace.SVD, 200); }

    @Override public String id() { return subspace == Subspace.DCT ? "DCT-AdamW" : "SVD-AdamW"; }
    @Override public double lr() { return lr; }
    @Override public double weightDecay() { return weightDecay; }

    /** The subspace rule. */
    public Subspace subspace() { return subspace; }

    /** The rank r requested (capped per matrix at the projected side). */
    public int rank() { return rank; }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "LowRankAdamW[%s, rank %d, gap %d, lr %s, betas (%s, %s), eps %s, wd %s, maxShape %d]", subspace,
                rank, updateProjGap, lr, beta1, beta2, eps, weightDecay, maxShape);
    }

    @Override
    RuleState newState(Parameter p) {
        if (Math.max(p.fanOut(), p.fanIn()) >= maxShape) return fallback.newState(p);
        return new State(this, p);
    }

    private static final class State extends RuleState {
        final boolean right;
        final int size, r;
        final Dense m, v, basis;
        final int[] idx;
        final double[] topWork;

        State(LowRankAdamW rule, Parameter p) {
            super(rule, p);
            right = rows >= cols;
            size = right ? cols : rows;
            r = Math.min(rule.rank, size);
            int lowRows = right ? rows : r, lowCols = right ? r : cols;
            m = persistent("m", lowRows, lowCols);
            v = persistent("v", lowRows, lowCols);
            basis = persistent("P", size, r);
            idx = rule.subspace == Subspace.DCT ? persistentInts("idx", r) : new int[r];
            topWork = new double[r];
        }

        @Override
        void update(Workspace ws, Parameter p, Dense g, double lrNow) {
            LowRankAdamW rule = (LowRankAdamW) this.rule;
            Dense low = right ? scratch(ws, Workspace.AUX1, rows, r) : scratch(ws, Workspace.AUX1, r, cols);
            if (t == 1 || t % rule.updateProjGap == 0) {
                long t0 = System.nanoTime();
                if (rule.subspace == Subspace.DCT) selectDct(ws, g, low);
                else selectSvd(g, low);
                ws.orthoNanos += System.nanoTime() - t0;
            } else {
                project(g, low);
            }
            if (ws.tracing()) {
                if (rule.subspace == Subspace.DCT) {
                    Matrix im = new Matrix(1, r);
                    for (int k = 0; k < r; k++) im.data[k] = idx[k];
                    ws.trace(p, "idx", im);
                }
                ws.trace(p, "g_lowrank", low);
            }
            double bc1 = 1 - Math.pow(rule.beta1, t), bc2 = 1 - Math.pow(rule.beta2, t), sbc2 = Math.sqrt(bc2);
            double a1 = 1 - rule.beta1, a2 = 1 - rule.beta2, epsC = rule.eps * sbc2;
            for (int i = 0; i < low.size; i++) {
                double gi = low.get(i);
                m.set(i, rule.beta1 * m.get(i) + a1 * gi);
                v.set(i, rule.beta2 * v.get(i) + a2 * gi * gi);
                low.set(i, m.get(i) / (epsC + Math.sqrt(v.get(i))));
            }
            ws.trace(p, "state_m", m);
            ws.trace(p, "state_v", v);
            Dense dir = scratch(ws, Workspace.O, rows, cols);
            if (right) Dense.gemm(1, low, false, basis, true, 0, dir);
            else Dense.gemm(1, basis, false, low, false, 0, dir);
            ws.trace(p, "update_full", dir);
            write(p, 1 - lrNow * rule.weightDecay, lrNow * sbc2 / bc1, dir, false);
        }

        /** {@code low ← G·P} (right) or {@code Pᵀ·G} (left). */
        private void project(Dense g, Dense low) {
            if (right) Dense.gemm(1, g, false, basis, false, 0, low);
            else Dense.gemm(1, basis, true, g, false, 0, low);
        }

        private Dense doubleCopy(Workspace ws, Dense g) {
            Dense s = scratchDouble(ws, Workspace.AUX3, rows, cols);
            s.copyFrom(g);
            return s;
        }

        private void selectDct(Workspace ws, Dense g, Dense low) {
            // The transform runs in double on a copy (the DCT plan is double).
            Dense s = doubleCopy(ws, g);
            var dct = ws.dct(size);
            DctColumnSelector.transform(dct, s.dm, right);
            double[] scores = ws.raw(size);
            DctColumnSelector.l1Scores(s.dm, right, scores);
            DctColumnSelector.topRanked(scores, size, idx, topWork);
            DctColumnSelector.gather(s.dm, right, idx, low);
            DctColumnSelector.basisColumns(dct, idx, scores, basis);
        }

        private void selectSvd(Dense g, Dense low) {
            Matrix gd = g.toMatrix();
            SvdDecomposition svd = SvdDecomposition.of(gd);
            Matrix vecs = right ? svd.getV() : svd.getU();
            for (int k = 0; k < size; k++)
                for (int j = 0; j < r; j++) basis.set(k * r + j, vecs.get(k, j));
            project(g, low);
        }
    }

    /** Builder; every setter validates its value ({@link IllegalArgumentException} naming it). */
    public static final class Builder {
        private final Subspace subspace;
        private int rank = 128, gap, maxShape = 32000;
        private double lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weightDecay = 0;

        private Builder(Subspace subspace, int gap) {
            this.subspace = Check.notNull("subspace", subspace);
            this.gap = gap;
        }

        /** Subspace dimension r ≥ 1 (capped per matrix at the projected side). */
        public Builder rank(int v) { rank = Hyper.atLeast("rank", v, 1); return this; }

        /** Re-select the subspace when {@code t % gap == 0} (and at t = 1); gap ≥ 1. */
        public Builder updateProjGap(int v) { gap = Hyper.atLeast("updateProjGap", v, 1); return this; }

        /** Matrices with {@code max(m, n) ≥ maxShape} use plain AdamW; ≥ 1 (default 32000). */
        public Builder maxShape(int v) { maxShape = Hyper.atLeast("maxShape", v, 1); return this; }

        /** Learning rate, finite and {@code > 0}. */
        public Builder lr(double v) { lr = Hyper.lr("lr", v); return this; }

        /** β1 and β2 in {@code [0, 1)}. */
        public Builder betas(double b1, double b2) {
            beta1 = Hyper.beta("beta1", b1);
            beta2 = Hyper.beta("beta2", b2);
            return this;
        }

        /** eps, finite and {@code ≥ 0}. */
        public Builder eps(double v) { eps = Hyper.nonNegative("eps", v); return this; }

        /** Decoupled weight decay, finite and {@code ≥ 0}. */
        public Builder weightDecay(double v) { weightDecay = Hyper.nonNegative("weightDecay", v); return this; }

        /** The rule. */
        public LowRankAdamW build() { return new LowRankAdamW(this); }
    }
}
