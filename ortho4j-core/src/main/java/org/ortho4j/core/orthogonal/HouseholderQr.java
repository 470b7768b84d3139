package org.ortho4j.core.orthogonal;

import java.util.Arrays;
import org.ortho4j.core.linalg.Matrix;

/**
 * Blocked Householder QR {@code A = Q R} (LAPACK {@code dgeqrf} structure: unblocked
 * {@code dgeqr2} on a panel of {@link #PANEL} columns, then the trailing columns updated by the
 * panel's compact WY form with two GEMMs). The package's own small QR, used by {@link Haar} and
 * {@link SkewSymmetric} so that this package does not depend on {@code org.ortho4j.core.decomp}.
 *
 * <p>Storage is LAPACK's: after {@link #factor} the input holds R on and above the diagonal and
 * the tails of the reflector vectors below it ({@code v_j[j] = 1} implicit), with
 * {@code Q = H₀ H₁ ⋯ H_{p−1}}, {@code p = min(m, n)}. Backward stable: the computed factors
 * satisfy {@code A + E = Q R} with {@code ‖E‖ = O(mnε‖A‖)}.
 */
final class HouseholderQr {
    /** Columns per panel. */
    static final int PANEL = 32;

    private final Matrix a;     // m x n packed factor
    private final double[] tau; // p scalars

    private HouseholderQr(Matrix a, double[] tau) {
        this.a = a;
        this.tau = tau;
    }

    /** Factors {@code a} in place (it becomes the packed factor). O(2mn² − 2n³/3). */
    static HouseholderQr factor(Matrix a) {
        int m = a.rows, n = a.cols, p = Math.min(m, n);
        double[] tau = new double[p], work = new double[Math.max(n, 1)];
        for (int j0 = 0; j0 < p; j0 += PANEL) {
            int jb = Math.min(PANEL, p - j0);
            for (int j = j0; j < j0 + jb; j++) {
                int d = a.offset + j * a.ld + j;
                tau[j] = Householder.generate(a.data, d, m - j, a.ld);
                if (j + 1 < j0 + jb) { // apply H_j to the rest of the panel, with v_j's implicit head 1 in place
                    double rjj = a.data[d];
                    a.data[d] = 1;
                    Householder.applyLeft(tau[j], a.data, d, a.ld, a.view(j, j + 1, m - j, j0 + jb - j - 1), work);
                    a.data[d] = rjj;
                }
            }
            if (j0 + jb < n)
                CompactWY.ofRows(vectorRows(a, j0, jb), tau, j0)
                        .applyLeft(a.view(j0, j0 + jb, m - j0, n - j0 - jb), true);
        }
        return new HouseholderQr(a, tau);
    }

    /**
     * The reflector vectors {@code j0 .. j0 + jb − 1} as explicit rows over rows {@code j0 .. m−1}
     * ({@code jb x (m − j0)}: zeros before the diagonal, 1 on it, the stored tail after it).
     */
    private static Matrix vectorRows(Matrix a, int j0, int jb) {
        int len = a.rows - j0;
        Matrix vt = new Matrix(jb, len);
        for (int t = 0; t < jb; t++) {
            vt.data[t * len + t] = 1;
            for (int i = t + 1; i < len; i++) vt.data[t * len + i] = a.get(j0 + i, j0 + t);
        }
        return vt;
    }

    /** {@code R(i, i)} for {@code i < min(m, n)}. */
    double diagonal(int i) { return a.get(i, i); }

    /** Q as a {@link HouseholderProduct} in LAPACK form ({@code m x m}, p factors). O(m p²). */
    HouseholderProduct q() {
        return HouseholderProduct.fromRows(vectorRows(a, 0, tau.length), tau);
    }

    /**
     * The first {@code cols} columns of Q, {@code Q [I; 0]} ({@code m x cols}), with column j
     * multiplied by {@code sign[j]} when {@code sign} is not null. O(m p cols).
     */
    Matrix thinQ(int cols, double[] sign) {
        Matrix q = Matrix.eye(a.rows, cols);
        if (sign != null) for (int j = 0; j < cols; j++) q.set(j, j, sign[j]);
        q().applyLeft(q, false);
        return q;
    }

    /**
     * Solves {@code A X = B} for square A in place ({@code B ← R⁻¹ Qᵀ B}): one blocked
     * application of {@code Qᵀ} and a back substitution, O(n² · B.cols).
     *
     * @throws IllegalStateException if R has a zero or non-finite diagonal entry
     */
    void solveInPlace(Matrix b) {
        int n = a.rows;
        q().applyLeft(b, true);
        double[] d = b.data;
        for (int i = n - 1; i >= 0; i--) {
            double rii = a.get(i, i);
            if (rii == 0 || !Double.isFinite(rii))
                throw new IllegalStateException("R(" + i + ", " + i + ") = " + rii + ": the matrix is singular");
            int bi = b.offset + i * b.ld;
            for (int j = i + 1; j < n; j++) {
                double rij = a.get(i, j);
                if (rij == 0) continue;
                for (int c = 0, bj = b.offset + j * b.ld; c < b.cols; c++) d[bi + c] -= rij * d[bj + c];
            }
            double inv = 1 / rii;
            for (int c = 0; c < b.cols; c++) d[bi + c] *= inv;
        }
    }

    /** Signs of the diagonal of R ({@code +1} for a zero entry), length p. */
    double[] diagonalSigns() {
        double[] s = new double[tau.length];
        Arrays.setAll(s, i -> a.get(i, i) < 0 ? -1 : 1);
        return s;
    }
}
