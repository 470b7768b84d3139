package org.ortho4j.optim;

import java.util.Arrays;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;
import org.ortho4j.core.transform.Dct;

/**
 * SVD-free subspace selection from the orthonormal DCT-II basis (Modoranu, Safaryan, Schultheis,
 * Ryabinin, Chumachenko, Alistarh, arXiv 2505.17967; official code
 * {@code IST-DASLab/ISTA-DASLab-Optimizers}, {@code fft_low_rank/fft_projector.py}; spec
 * {@code optimizers.md} §7). The basis vectors are the <b>columns</b> of
 * {@code C_n = }{@link Dct#basis(int)} (the code's default {@code sim_type='matmul'}).
 *
 * <p>For a gradient {@code G} ({@code m×n}, OUT_IN orientation):
 * <ul>
 *   <li>{@code m ≥ n}: right projection. {@code S = G·C_n} ({@code m×n}) computed row by row as
 *       the orthonormal DCT-III ({@link Dct#inverseRows}), O(mn log n); score of column j =
 *       {@code Σ_i |S_ij|}; low-rank gradient {@code S[:, idx]} ({@code m×r}); back-projection
 *       {@code u·C_n[:, idx]ᵀ}.</li>
 *   <li>{@code m < n}: left projection. {@code S = C_mᵀ·G} ({@link Dct#inverseColumns}); score of
 *       row i = {@code Σ_j |S_ij|}; low-rank gradient {@code S[idx, :]} ({@code r×n});
 *       back-projection {@code C_m[:, idx]·u}.</li>
 * </ul>
 * {@code idx} = the r highest scores, <b>sorted ascending, ties broken toward the lower index</b>
 * (the reference uses an unordered {@code topk}; this convention makes the state canonical). No
 * SVD and no basis matrix are formed: the r selected basis columns are computed as
 * {@code C e_j} by one fast DCT each, O(r·k log k) for k = n or m.
 */
public final class DctColumnSelector {
    private DctColumnSelector() {}

    /**
     * A selection.
     *
     * @param rightProjection true for {@code m ≥ n} (columns of S selected)
     * @param transformed     S ({@code m×n})
     * @param scores          the L1 norm of every column (right) or row (left) of S
     * @param indices         the r selected indices, ascending
     * @param lowRank         the low-rank gradient, {@code m×r} (right) or {@code r×n} (left)
     * @param basis           the selected basis vectors {@code C[:, idx]} as columns, {@code n×r} (right) or {@code m×r} (left)
     */
    public record Selection(boolean rightProjection, Matrix transformed, double[] scores, int[] indices, Matrix lowRank, Matrix basis) {

        /** The back-projection of the low-rank gradient, {@code m×n}: {@code lowRank·basisᵀ} or {@code basis·lowRank}. */
        public Matrix reconstruction() {
            return rightProjection ? MatrixOps.multTransB(lowRank, basis, null) : MatrixOps.mult(basis, lowRank, null);
        }
    }

    /**
     * Selects the top-{@code rank} DCT directions of {@code g}. Allocates its results; the
     * optimizer ({@link LowRankAdamW}) uses the same steps on preallocated buffers.
     *
     * @param g    the gradient, {@code m×n} (OUT_IN), finite
     * @param rank r ≥ 1; capped at n (right) or m (left)
     * @return the selection
     * @throws IllegalArgumentException for a bad rank or non-finite g
     */
    public static Selection select(Matrix g, int rank) {
        MatrixOps.requireFinite("g", g);
        Check.positive("rank", rank);
        boolean right = g.rows >= g.cols;
        int size = right ? g.cols : g.rows, r = Math.min(rank, size);
        Dct dct = new Dct(size);
        Matrix s = g.copy();
        transform(dct, s, right);
        double[] scores = new double[size];
        l1Scores(s, right, scores);
        int[] idx = new int[r];
        topRanked(scores, size, idx, new double[r]);
        Matrix low = right ? new Matrix(g.rows, r) : new Matrix(r, g.cols);
        Dense lowD = Dense.over(low.data, low.rows, low.cols);
        gather(s, right, idx, lowD);
        Matrix basis = new Matrix(size, r);
        basisColumns(dct, idx, new double[size], Dense.over(basis.data, size, r));
        return new Selection(right, s, scores, idx, low, basis);
    }

    /** In place: {@code s ← s·C_n} (right) or {@code s ← C_mᵀ·s} (left). */
    static void transform(Dct dct, Matrix s, boolean right) {
        if (right) dct.inverseRows(s, s);
        else dct.inverseColumns(s, s);
    }

    /** L1 norm of every column (right) or row (left) of s into {@code scores}. */
    static void l1Scores(Matrix s, boolean right, double[] scores) {
        int size = right ? s.cols : s.rows;
        Arrays.fill(scores, 0, size, 0.0);
        for (int i = 0; i < s.rows; i++)
            for (int j = 0; j < s.cols; j++) scores[right ? j : i] += Math.abs(s.data[s.offset + i * s.ld + j]);
    }

    /**
     * The {@code idx.length} largest of {@code scores[0..size)}: ties go to the lower index, result
     * sorted ascending. {@code work} has {@code idx.length} slots. O(size·r), no allocation.
     */
    static void topRanked(double[] scores, int size, int[] idx, double[] work) {
        int r = idx.length, count = 0;
        for (int j = 0; j < size; j++) {
            double s = scores[j];
            if (count == r && !(s > work[r - 1])) continue;
            int pos = count < r ? count++ : r - 1;
            // equal scores already held have lower indices and stay ahead (strict comparison)
            while (pos > 0 && work[pos - 1] < s) {
                work[pos] = work[pos - 1];
                idx[pos] = idx[pos - 1];
                pos--;
            }
            work[pos] = s;
            idx[pos] = j;
        }
        Arrays.sort(idx, 0, r);
    }

    /** {@code out ← S[:, idx]} (right, m×r) or {@code S[idx, :]} (left, r×n). */
    static void gather(Matrix s, boolean right, int[] idx, Dense out) {
        int r = idx.length;
        if (right) {
            for (int i = 0; i < s.rows; i++)
                for (int t = 0; t < r; t++) out.set(i * r + t, s.data[s.offset + i * s.ld + idx[t]]);
        } else {
            for (int t = 0; t < r; t++)
                for (int j = 0; j < s.cols; j++) out.set(t * s.cols + j, s.data[s.offset + idx[t] * s.ld + j]);
        }
    }

    /** {@code out[:, t] ← C e_{idx[t]}}, the basis column idx[t] ({@code out} is size×r; work has size slots). */
    static void basisColumns(Dct dct, int[] idx, double[] work, Dense out) {
        int size = dct.size(), r = idx.length;
        for (int t = 0; t < r; t++) {
            Arrays.fill(work, 0, size, 0.0);
            work[idx[t]] = 1;
            dct.forward(work, 0);
            for (int k = 0; k < size; k++) out.set(k * r + t, work[k]);
        }
    }
}
