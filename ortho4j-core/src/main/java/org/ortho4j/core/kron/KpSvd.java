package org.ortho4j.core.kron;

import java.util.List;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;

/**
 * Kronecker-product SVD (Van Loan & Pitsianis 1993): {@code W = Σ_k σ_k A_k ⊗ B_k} with
 * Frobenius-orthonormal factors {@code A_k} (m1 x n1) and {@code B_k} (m2 x n2), σ descending —
 * the SVD of the rearrangement {@link Kronecker#rearrange R(W)}. Sign convention (as
 * {@code shared/data/lowrank/nkp.json}): each {@code A_k} is negated together with {@code B_k} so
 * that its entry of largest magnitude (first in row-major order on ties) is positive.
 *
 * @param sigma the Kronecker singular values, descending
 * @param a the unit factors A_k
 * @param b the unit factors B_k
 * @param normW ‖W‖_F (for error bookkeeping)
 */
public record KpSvd(double[] sigma, List<Matrix> a, List<Matrix> b, double normW) {

    /** Number of terms. */
    public int terms() { return sigma.length; }

    /** The best r-term approximation {@code Σ_{k<r} σ_k A_k ⊗ B_k}. */
    public Matrix reconstruct(int r) {
        Check.inRange("r", r, 0, sigma.length);
        Matrix w = new Matrix(a.get(0).rows * b.get(0).rows, a.get(0).cols * b.get(0).cols);
        for (int k = 0; k < r; k++) MatrixOps.addScaled(sigma[k], Kronecker.kron(a.get(k), b.get(k)), w, w);
        return w;
    }

    /**
     * Frobenius error of the r-term approximation, {@code sqrt(‖W‖² − Σ_{k<r} σ_k²)} (exact when
     * all terms were computed; clipped at 0 against round-off).
     */
    public double truncationError(int r) {
        Check.inRange("r", r, 0, sigma.length);
        double kept = 0;
        for (int k = 0; k < r; k++) kept += sigma[k] * sigma[k];
        return Math.sqrt(Math.max(0, normW * normW - kept));
    }

    /** The nearest Kronecker product {@code A ⊗ B}: {@code {sqrt(σ1) A_1, sqrt(σ1) B_1}}. */
    public Matrix[] nearestKroneckerProduct() {
        if (sigma.length == 0) throw new IllegalStateException("no terms");
        double s = Math.sqrt(sigma[0]);
        return new Matrix[] {a.get(0).times(s), b.get(0).times(s)};
    }
}
