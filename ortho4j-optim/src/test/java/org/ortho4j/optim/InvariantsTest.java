package org.ortho4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.decomp.SvdDecomposition;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;
import org.ortho4j.testkit.Ortho4jTest;

/** The invariants of spec §2–§8 that hold for any input, checked on seeded random matrices (float64 path). */
class InvariantsTest extends Ortho4jTest {

    /** Runs {@code rule} on one float64 parameter and returns the traced values of the last step. */
    private static Map<String, Matrix> lastTrace(UpdateRule rule, Matrix w, List<Matrix> grads) {
        Map<String, Matrix> seen = new LinkedHashMap<>();
        StepTrace trace = new StepTrace() {
            @Override public void matrix(String p, String key, Matrix v) { seen.put(key, v); }
            @Override public void scalar(String p, String key, double v) { seen.put(key, Matrix.row(v)); }
        };
        Optimizer opt = HybridOptimizer.builder().matrix(rule).aux(rule).trace(trace).build();
        Parameter p = Parameter.of("W", w);
        for (Matrix g : grads) opt.stepDouble(List.of(p), List.of(g));
        return seen;
    }

    private List<Matrix> grads(int m, int n, int count) {
        List<Matrix> g = new ArrayList<>();
        for (int k = 0; k < count; k++) g.add(Matrix.gaussian(m, n, seed + k));
        return g;
    }

    /** Spec §2: step 1 with wd 0 moves every entry by exactly lr·g/(|g| + eps). */
    @Test
    void adamWFirstStepIsSignLike() {
        for (int[] s : new int[][] {{1, 1}, {2, 3}, {7, 5}}) {
            Matrix w = Matrix.gaussian(s[0], s[1], seed), w0 = w.copy(), g = Matrix.gaussian(s[0], s[1], seed + 1);
            lastTrace(AdamW.builder().lr(1e-3).weightDecay(0).build(), w, List.of(g));
            for (int i = 0; i < w.data.length; i++) {
                double expected = 1e-3 * g.data[i] / (Math.abs(g.data[i]) + 1e-8);
                // a handful of roundings in the step (1e-13 of it), plus the cancellation in w0 − w (one ulp of w each)
                assertEquals(expected, w0.data[i] - w.data[i], 1e-13 * 1e-3 + 2 * Math.ulp(w0.data[i]));
            }
        }
    }

    /** Spec §4: after step 1 (v ∝ q) every row of the update has the same norm; code form keeps ‖O‖_F·s; paper RMS = 0.2·lr. */
    @Test
    void norMuonFirstStepEqualisesRows() {
        for (int[] s : new int[][] {{8, 5}, {5, 8}, {16, 16}, {9, 2}}) {
            int m = s[0], n = s[1];
            Map<String, Matrix> t = lastTrace(NorMuon.builder().build(), Matrix.gaussian(m, n, seed), grads(m, n, 1));
            Matrix u = t.get("update"), o = t.get("O");
            // equal up to the eps term: ‖row_i‖ ∝ sqrt(q_i)/(sqrt(1−β2)·sqrt(q_i) + 1e-10), a relative spread of
            // about 1e-10/(0.22·sqrt(q_min)) ≤ 1e-8 for these Gaussian inputs (q_i = mean of row i of O²)
            double first = rowNorm(u, 0);
            for (int i = 1; i < m; i++) assertEquals(first, rowNorm(u, i), 1e-8 * first, "row " + i + " of " + m + "x" + n);
            assertEquals(MatrixOps.normF(o) * LrAdjust.KELLER_JORDAN.scale(m, n), MatrixOps.normF(u), 1e-9);
            Map<String, Matrix> tp = lastTrace(NorMuon.paper().lr(0.02).build(), Matrix.gaussian(m, n, seed), grads(m, n, 3));
            double rms = MatrixOps.normF(tp.get("update")) / Math.sqrt(m * n);
            assertEquals(0.2, rms, 1e-12); // "update" is the matrix multiplied by lr: RMS(η̂Ô) / lr = 0.2
        }
    }

    private static double rowNorm(Matrix a, int i) {
        double s = 0;
        for (int j = 0; j < a.cols; j++) s += a.get(i, j) * a.get(i, j);
        return Math.sqrt(s);
    }

    /** Spec §5: with distinct values exactly N−1−⌊0.9(N−1)⌋ entries are clipped; B = clamp(U); O + B = U. */
    @Test
    void rootClipsTheTopDecile() {
        for (int[] s : new int[][] {{8, 5}, {16, 16}, {7, 3}, {1, 2}, {1, 1}}) {
            Matrix u = Matrix.gaussian(s[0], s[1], seed);
            Matrix out = new Matrix(s[0], s[1]), base = new Matrix(s[0], s[1]);
            double eps = Root.softThresholdSplit(u, 0.9, 1e-9, out, base);
            int n = s[0] * s[1], clipped = 0;
            for (int i = 0; i < n; i++) {
                if (Math.abs(u.data[i]) > eps) clipped++;
                assertEquals(Math.max(-eps, Math.min(eps, u.data[i])), base.data[i]);
                assertEquals(u.data[i], out.data[i] + base.data[i], 1e-15 * Math.abs(u.data[i]));
            }
            assertEquals(n - 1 - (int) Math.floor(0.9 * (n - 1)), clipped, s[0] + "x" + s[1]);
        }
    }

    /** Spec §5: with q = 1 nothing is clipped and ROOT is SUM-momentum Muon with the same factor and schedule. */
    @Test
    void rootWithoutClippingIsSumMuon() {
        Matrix w1 = Matrix.gaussian(6, 4, seed), w2 = w1.copy();
        List<Matrix> g = grads(6, 4, 3);
        lastTrace(Root.builder().outlierQuantile(1.0).build(), w1, g);
        lastTrace(Muon.torchMatchRmsAdamW().build(), w2, g);
        for (int i = 0; i < w1.data.length; i++) assertEquals(w2.data[i], w1.data[i], 1e-15);
    }

    @Test
    void quantileMatchesSortedDefinition() {
        java.util.SplittableRandom r = rng();
        for (int n : new int[] {1, 2, 3, 7, 100, 1001}) {
            for (double q : new double[] {0, 0.3, 0.9, 1}) {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) a[i] = i % 3 == 0 ? 1.5 : r.nextDouble(); // duplicates included
                double[] sorted = a.clone();
                Arrays.sort(sorted);
                double h = q * (n - 1);
                int lo = (int) Math.floor(h), hi = (int) Math.ceil(h);
                double expected = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
                assertEquals(expected, Quantile.linear(a, n, q), 0.0, "n " + n + " q " + q);
            }
        }
    }

    /** Spec §6: r ≥ 1; PAPER ‖Δ‖_F = 1/(r+1e-8)·‖U‖/(‖U‖+1e-7); PACKAGE Δ ∥ U; signs and ratios kept. */
    @Test
    void auonBrake() {
        Matrix w = Matrix.gaussian(5, 7, seed);
        List<Matrix> g = grads(5, 7, 2);
        Map<String, Matrix> paper = lastTrace(AuOn.builder().build(), w.copy(), g);
        double r = paper.get("rms").get(0, 0);
        assertTrue(r >= 1, "r = " + r);
        assertEquals(1 / (r + 1e-8), MatrixOps.normF(paper.get("update")), 1e-6);
        Map<String, Matrix> pkg = lastTrace(AuOn.packageForm().build(), w.copy(), g);
        Matrix d = pkg.get("update");
        double rp = pkg.get("rms").get(0, 0);
        // Nesterov look-ahead U from the momentum m and the last gradient: U = g + β(m − g)
        Matrix m = pkg.get("state_m"), last = g.get(1);
        for (int i = 0; i < d.data.length; i++) {
            double u = last.data[i] + 0.95 * (m.data[i] - last.data[i]);
            assertEquals(u / (rp + 1e-8), d.data[i], 1e-14);
        }
        Map<String, Matrix> zero = lastTrace(AuOn.packageForm().weightDecay(0.1).lr(0.5).build(), Matrix.gaussian(3, 3, seed), List.of(new Matrix(3, 3)));
        assertEquals(0, MatrixOps.normF(zero.get("update")));
        Matrix wz = Matrix.gaussian(3, 3, seed), wz0 = wz.copy();
        lastTrace(AuOn.packageForm().weightDecay(0.1).lr(0.5).build(), wz, List.of(new Matrix(3, 3)));
        for (int i = 0; i < 9; i++) assertEquals(wz0.data[i] * (1 - 0.05), wz.data[i], 1e-15);
    }

    /** Spec §1.6: EMA-Nesterov = (1−β)·SUM-Nesterov, so the orthogonalized updates agree up to the eps term. */
    @Test
    void emaAndSumMomentumGiveTheSameDirection() {
        List<Matrix> g = grads(8, 5, 3);
        Matrix o1 = lastTrace(Muon.builder().build(), Matrix.gaussian(8, 5, seed), g).get("O");
        Matrix o2 = lastTrace(Muon.builder().momentumMode(MomentumMode.SUM).build(), Matrix.gaussian(8, 5, seed), g).get("O");
        double err = 0;
        for (int i = 0; i < o1.data.length; i++) err = Math.max(err, Math.abs(o1.data[i] - o2.data[i]));
        assertTrue(err <= 1e-6, "EMA vs SUM: " + err);
    }

    /** Spec §3: ‖W_new − W(1−lr·wd)‖₂ = lr·s·σ_max(O) ≤ lr·s·1.21 (range of the 5-step MUON map). */
    @Test
    void muonUpdateNormIsBounded() {
        for (int[] s : new int[][] {{8, 5}, {5, 8}, {12, 12}}) {
            Matrix w = Matrix.gaussian(s[0], s[1], seed), w0 = w.copy();
            double lr = 0.02, wd = 0.01;
            lastTrace(Muon.builder().lr(lr).weightDecay(wd).build(), w, grads(s[0], s[1], 1));
            Matrix step = new Matrix(s[0], s[1]);
            for (int i = 0; i < w.data.length; i++) step.data[i] = w0.data[i] * (1 - lr * wd) - w.data[i];
            double norm2 = SvdDecomposition.singularValues(step)[0], bound = lr * LrAdjust.KELLER_JORDAN.scale(s[0], s[1]) * 1.21;
            assertTrue(norm2 <= bound && norm2 >= 0.3 * bound, norm2 + " vs " + bound);
        }
    }

    /** Spec §8: PᵀP = I, so updateᵀ·update = Q·Qᵀ; Q's columns have unit norm (up to eps). */
    @Test
    void dionFactorsAreOrthonormal() {
        for (int[] s : new int[][] {{8, 5}, {5, 8}, {9, 9}}) {
            Map<String, Matrix> t = lastTrace(Dion.builder().rank(3).build(), Matrix.gaussian(s[0], s[1], seed), grads(s[0], s[1], 3));
            Matrix q = t.get("Q"), u = t.get("update");
            Matrix utu = MatrixOps.multTransA(u, u, null), qqt = MatrixOps.multTransB(q, q, null);
            for (int i = 0; i < utu.data.length; i++) assertEquals(qqt.data[i], utu.data[i], 1e-12);
            for (int j = 0; j < q.cols; j++) {
                double c = 0;
                for (int i = 0; i < q.rows; i++) c += q.get(i, j) * q.get(i, j);
                assertEquals(1, Math.sqrt(c), 1e-6);
            }
        }
    }

    /** SGD with Nesterov momentum follows M ← μM + G, W ← W(1 − lr·wd) − lr(G + μM). */
    @Test
    void sgdNesterov() {
        double lr = 0.1, mu = 0.9, wd = 0.01;
        Matrix w = Matrix.gaussian(3, 4, seed), expected = w.copy(), m = new Matrix(3, 4);
        List<Matrix> g = grads(3, 4, 3);
        lastTrace(Sgd.builder().lr(lr).momentum(mu).nesterov(true).weightDecay(wd).build(), w, g);
        for (Matrix gk : g)
            for (int i = 0; i < 12; i++) {
                m.data[i] = mu * m.data[i] + gk.data[i];
                expected.data[i] = expected.data[i] * (1 - lr * wd) - lr * (gk.data[i] + mu * m.data[i]);
            }
        for (int i = 0; i < 12; i++) assertEquals(expected.data[i], w.data[i], 1e-14);
    }
}
