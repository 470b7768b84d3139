package org.ortho4j.core.orthogonal;

import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;

/**
 * Compact WY representation (Schreiber and Van Loan 1989) of a product of k elementary reflectors
 * in {@code R^m}:
 * <pre>
 *   Q = H₁ H₂ ⋯ H_k = I − V T Vᵀ,   H_i = I − τ_i v_i v_iᵀ,
 * </pre>
 * with {@code V = [v₁ … v_k]} ({@code m x k}) and T upper triangular ({@code k x k}), built by the
 * forward column-wise recurrence of LAPACK {@code dlarft}:
 * {@code T_ii = τ_i}, {@code T[0:i, i] = −τ_i T[0:i, 0:i] (V[:, 0:i]ᵀ v_i)}.
 * With unit vectors and {@code τ_i = 2} this is the form of {@code structures.md} §1.2; with
 * {@code τ_i = β_i} it covers generalized reflectors {@code I − β_i u_i u_iᵀ} (any τ works: the
 * identity {@code Q = I − V T Vᵀ} is algebraic).
 *
 * <p>Application uses two GEMMs on the active backend plus an in-place triangular product:
 * {@code Q X = X − V (T (Vᵀ X))}, about {@code 4mkn + k²n} flops, never forming Q. Instances are
 * immutable and thread-safe; the vectors are kept as the rows of a {@code k x m} matrix so that
 * both GEMMs read contiguous rows.
 */
public final class CompactWY {
    /** The vectors as rows ({@code k x m}). */
    private final Matrix vt;
    /** Upper-triangular factor ({@code k x k}). */
    private final Matrix t;
    /** Gram matrix {@code VᵀV} ({@code k x k}), kept for the gradient recursion. */
    private final Matrix gram;

    private CompactWY(Matrix vt, Matrix t, Matrix gram) {
        this.vt = vt;
        this.t = t;
        this.gram = gram;
    }

    /**
     * Builds the WY form of {@code (I − τ₁ v₁ v₁ᵀ) ⋯ (I − τ_k v_k v_kᵀ)} from the columns of
     * {@code v} ({@code m x k}, copied). O(mk² + k³), allocates {@code k x m} and {@code k x k}.
     *
     * @param v   finite {@code m x k} matrix whose columns are the vectors (zero columns allowed)
     * @param tau k finite scalars
     * @throws IllegalArgumentException if an argument is null, non-finite, or
     *     {@code tau.length != v.cols}
     */
    public static CompactWY of(Matrix v, double[] tau) {
        MatrixOps.requireFinite("v", v);
        Check.notNull("tau", tau);
        Check.dimension("tau.length", tau.length, v.cols);
        Check.allFinite("tau", tau, 0, tau.length);
        return ofRows(v.transpose(), tau, 0);
    }

    /**
     * The WY form for the reflectors stored as rows {@code vt} ({@code k x m}, kept by reference,
     * must not be modified afterwards) with scalars {@code tau[tauOff .. tauOff + k)}. No checks:
     * callers validate.
     */
    static CompactWY ofRows(Matrix vt, double[] tau, int tauOff) {
        int k = vt.rows;
        Matrix t = new Matrix(k, k);
        Matrix gram = MatrixOps.gramRows(vt, null); // gram(j, i) = v_jᵀ v_i
        if (k > 0) {
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                double ti = tau[tauOff + i];
                t.set(i, i, ti);
                // T[0:i, i] = -τ_i T[0:i, 0:i] z, z_j = v_jᵀ v_i; T upper triangular so row j sums r >= j
                for (int j = 0; j < i; j++) z[j] = gram.get(j, i);
                for (int j = 0; j < i; j++) {
                    double s = 0;
                    for (int r = j; r < i; r++) s += t.get(j, r) * z[r];
                    t.set(j, i, -ti * s);
                }
            }
        }
        return new CompactWY(vt, t, gram);
    }

    /** The dimension m of the space (rows of V). */
    public int dimension() { return vt.cols; }

    /** The number k of reflectors (columns of V). */
    public int count() { return vt.rows; }

    /** A copy of V ({@code m x k}), the reflector vectors as columns. */
    public Matrix v() { return vt.transpose(); }

    /** A copy of the upper-triangular T ({@code k x k}). */
    public Matrix t() { return t.copy(); }

    /** The vectors as rows ({@code k x m}), shared: callers in this package must not modify it. */
    Matrix vectorRows() { return vt; }

    /** T itself ({@code k x k}, contiguous), shared: callers in this package must not modify it. */
    Matrix triangular() { return t; }

    /** {@code VᵀV} ({@code k x k}, contiguous), shared: callers in this package must not modify it. */
    Matrix gram() { return gram; }

    /**
     * {@code X ← Q X} or, when {@code transpose}, {@code X ← Qᵀ X = X − V Tᵀ Vᵀ X}, for X
     * {@code m x n}. In place, O(mkn) in two GEMMs plus {@code O(k²n)}; allocates a
     * {@code k x n} workspace unless {@code work} is given.
     *
     * @param work null, or an array of at least {@code k * n} elements (used as a contiguous
     *             {@code k x n} block at offset 0), not X's array
     * @throws IllegalArgumentException if {@code X.rows != m} or the work array is too small
     */
    public void applyLeft(Matrix x, boolean transpose, double[] work) {
        Check.notNull("x", x);
        Check.dimension("x.rows", x.rows, dimension());
        int k = count(), n = x.cols;
        if (k == 0 || n == 0 || x.rows == 0) return;
        Matrix w = workspace(work, k, n);
        MatrixOps.gemm(1, vt, false, x, false, 0, w);           // W = Vᵀ X
        finishLeft(x, transpose, w);
    }

    /**
     * Second half of {@link #applyLeft(Matrix, boolean, double[])} for a caller that already has
     * {@code W = Vᵀ X} ({@code k x n}, overwritten): {@code X −= V op(T) W}.
     */
    void finishLeft(Matrix x, boolean transpose, Matrix w) {
        triangularLeft(w, transpose);                            // W = T W or Tᵀ W
        MatrixOps.gemm(-1, vt, true, w, false, 1, x);           // X -= V W
    }

    /** {@link #applyLeft(Matrix, boolean, double[])} with an allocated workspace. */
    public void applyLeft(Matrix x, boolean transpose) { applyLeft(x, transpose, null); }

    /**
     * {@code X ← X Q = X − X V T Vᵀ} or, when {@code transpose}, {@code X ← X Qᵀ}, for X
     * {@code n x m}. In place, O(nmk) in two GEMMs plus {@code O(nk²)}; allocates an
     * {@code n x k} workspace unless {@code work} is given.
     *
     * @param work null, or an array of at least {@code n * k} elements, not X's array
     * @throws IllegalArgumentException if {@code X.cols != m} or the work array is too small
     */
    public void applyRight(Matrix x, boolean transpose, double[] work) {
        Check.notNull("x", x);
        Check.dimension("x.cols", x.cols, dimension());
        int k = count(), n = x.rows;
        if (k == 0 || n == 0 || x.cols == 0) return;
        Matrix w = workspace(work, n, k);
        MatrixOps.gemm(1, x, false, vt, true, 0, w);            // W = X V
        triangularRight(w, transpose);                           // W = W T or W Tᵀ
        MatrixOps.gemm(-1, w, false, vt, false, 1, x);          // X -= W Vᵀ
    }

    /** {@link #applyRight(Matrix, boolean, double[])} with an allocated workspace. */
    public void applyRight(Matrix x, boolean transpose) { applyRight(x, transpose, null); }

    /** The explicit {@code m x m} matrix {@code Q = I − V T Vᵀ}. O(m²k), allocates it. */
    public Matrix toMatrix() {
        Matrix q = Matrix.eye(dimension());
        applyLeft(q, false);
        return q;
    }

    private static Matrix workspace(double[] work, int rows, int cols) {
        int need = rows * cols;
        if (work == null) return new Matrix(rows, cols);
        if (work.length < need)
            throw new IllegalArgumentException("work.length = " + work.length + ", expected >= " + need);
        return new Matrix(work, 0, rows, cols, cols);
    }

    // In-place products with the triangular T (k x k, contiguous): W is k x n on the left, n x k on the right.

    /**
     * {@code W ← T W} ({@code !trans}) or {@code W ← Tᵀ W}. Row i of the result combines rows
     * {@code j ≥ i} (T upper) or {@code j ≤ i} (Tᵀ lower); visiting i ascending resp. descending
     * means every row read is still unwritten, so no copy is needed.
     */
    private void triangularLeft(Matrix w, boolean trans) {
        int k = count(), n = w.cols;
        double[] d = w.data, td = t.data;
        for (int step = 0; step < k; step++) {
            int i = trans ? k - 1 - step : step, ri = w.offset + i * w.ld;
            double tii = td[i * k + i];
            for (int c = 0; c < n; c++) d[ri + c] *= tii;
            for (int j = trans ? 0 : i + 1, je = trans ? i : k; j < je; j++) {
                double coef = trans ? td[j * k + i] : td[i * k + j];
                if (coef == 0) continue;
                for (int c = 0, rj = w.offset + j * w.ld; c < n; c++) d[ri + c] += coef * d[rj + c];
            }
        }
    }

    /**
     * {@code W ← W T} ({@code !trans}) or {@code W ← W Tᵀ}, row by row: entry j of a row combines
     * entries {@code i ≤ j} (T) or {@code i ≥ j} (Tᵀ); visiting j descending resp. ascending reads
     * only unwritten entries.
     */
    private void triangularRight(Matrix w, boolean trans) {
        int k = count();
        double[] d = w.data, td = t.data;
        for (int r = 0; r < w.rows; r++) {
            int o = w.offset + r * w.ld;
            for (int step = 0; step < k; step++) {
                int j = trans ? step : k - 1 - step;
                double s = d[o + j] * td[j * k + j];
                if (trans) for (int i = j + 1; i < k; i++) s += d[o + i] * td[j * k + i];
                else for (int i = 0; i < j; i++) s += d[o + i] * td[i * k + j];
                d[o + j] = s;
            }
        }
    }
}
