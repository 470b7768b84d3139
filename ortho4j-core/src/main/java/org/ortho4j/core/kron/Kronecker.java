package org.ortho4j.core.kron;

import java.util.ArrayList;
import java.util.List;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Blas;
import org.ortho4j.core.decomp.SvdDecomposition;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;

/**
 * Kronecker-product algebra that never forms the product unless asked.
 *
 * <p>Convention (numpy/MATLAB {@code kron}, spec scientific.md §0.4): for A (m x n) and B (p x q),
 * {@code kron(A, B)[i*p + k][j*q + l] = A[i][j] * B[k][l]} — the first factor is the slowest index.
 * A vector of length {@code n1*...*nd} is the row-major tensor {@code (i1, ..., id)} with
 * {@code id} fastest, so {@code kron(A, B) vec_r(X) = vec_r(A X B^T)} for X (n x q).
 */
public final class Kronecker {
    private Kronecker() {}

    /** The explicit product {@code A1 ⊗ A2 ⊗ ... ⊗ Ad} (d ≥ 1). O(Π m_i n_i) memory: small factors only. */
    public static Matrix kron(Matrix... factors) {
        checkFactors(factors);
        Matrix out = factors[0].copy();
        for (int f = 1; f < factors.length; f++) out = kron2(out, factors[f]);
        return out;
    }

    private static Matrix kron2(Matrix a, Matrix b) {
        long rows = (long) a.rows * b.rows, cols = (long) a.cols * b.cols;
        if (rows * cols > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException("kron of " + a.rows + "x" + a.cols + " and " + b.rows + "x" + b.cols
                    + " has " + rows * cols + " entries, more than an array holds; use matvec instead");
        Matrix out = new Matrix((int) rows, (int) cols);
        for (int i = 0; i < a.rows; i++)
            for (int j = 0; j < a.cols; j++) {
                double aij = a.data[a.offset + i * a.ld + j];
                for (int k = 0; k < b.rows; k++) {
                    int o = (i * b.rows + k) * out.cols + j * b.cols, s = b.offset + k * b.ld;
                    for (int l = 0; l < b.cols; l++) out.data[o + l] = aij * b.data[s + l];
                }
            }
        return out;
    }

    /**
     * {@code y = (A1 ⊗ ... ⊗ Ad) x} by successive mode products (one GEMM per slice on the active
     * backend), never forming the product. {@code x.length = Π n_k}; returns a new array of length
     * {@code Π m_k}. Cost {@code Σ_k (Π_{i<k} m_i)(Π_{i≥k} n_i) m_k} multiply-adds; two work buffers.
     */
    public static double[] matvec(List<Matrix> factors, double[] x) {
        return matvec(factors.toArray(new Matrix[0]), x, false);
    }

    /** {@code y = (A1 ⊗ ... ⊗ Ad)^T x = (A1^T ⊗ ... ⊗ Ad^T) x}, without forming anything. */
    public static double[] matvecTranspose(List<Matrix> factors, double[] x) {
        return matvec(factors.toArray(new Matrix[0]), x, true);
    }

    /** Array form of {@link #matvec(List, double[])}. */
    public static double[] matvec(Matrix[] factors, double[] x, boolean transpose) {
        checkFactors(factors);
        Check.notNull("x", x);
        int d = factors.length;
        long in = 1;
        for (Matrix f : factors) in *= transpose ? f.rows : f.cols;
        if (in != x.length)
            throw new IllegalArgumentException("x.length = " + x.length + ", expected the product of the factors' "
                    + (transpose ? "row" : "column") + " counts = " + in);
        double[] cur = x.clone();
        // tensor shape: modes < k already mapped to out sizes, modes >= k still in sizes
        long left = 1;
        for (int k = 0; k < d; k++) {
            Matrix a = factors[k];
            int mk = transpose ? a.cols : a.rows, nk = transpose ? a.rows : a.cols;
            long right = 1;
            for (int i = k + 1; i < d; i++) right *= transpose ? factors[i].rows : factors[i].cols;
            long outLen = left * mk * right;
            if (outLen > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("intermediate of " + outLen + " entries is too large");
            double[] next = new double[(int) outLen];
            int r = (int) right;
            for (int l = 0; l < left; l++)
                Blas.gemm(transpose, false, mk, r, nk, 1.0, a.data, a.offset, a.ld,
                        cur, l * nk * r, r, 0.0, next, l * mk * r, r);
            cur = next;
            left *= mk;
        }
        return cur;
    }

    /**
     * Solves {@code (A1 ⊗ ... ⊗ Ad) x = y} for square nonsingular factors, using
     * {@code (⊗ A_k)^{-1} = ⊗ A_k^{-1}}: each factor is inverted by LU (LAPACK {@code dgesv}) and
     * the inverses are applied by mode products, never forming the product. Cost
     * {@code O(Σ n_k³ + N Σ n_k)}. The relative error is bounded by about
     * {@code Π cond(A_k) · ε}; for symmetric positive definite factors with a shift use
     * {@link KroneckerEigen}.
     *
     * @throws org.ortho4j.core.decomp.SingularMatrixException if a factor is singular
     * @throws IllegalArgumentException if a factor is not square or y has the wrong length
     */
    public static double[] solve(List<Matrix> factors, double[] y) {
        Matrix[] inv = new Matrix[factors.size()];
        for (int k = 0; k < inv.length; k++) {
            Matrix a = Check.notNull("factors[" + k + "]", factors.get(k));
            if (!a.isSquare()) throw new IllegalArgumentException("factors[" + k + "] is " + a.rows + "x" + a.cols + ", expected square");
            inv[k] = org.ortho4j.core.decomp.Solvers.solve(a, Matrix.eye(a.rows));
        }
        return matvec(inv, y, false);
    }

    /** {@code diag(D1 ⊗ ... ⊗ Dd)} from the factor diagonals: the outer product, first factor slowest. */
    public static double[] kronDiagonal(double[]... diagonals) {
        if (diagonals.length == 0) throw new IllegalArgumentException("diagonals is empty, expected at least one");
        double[] out = {1.0};
        for (double[] d : diagonals) {
            double[] next = new double[out.length * d.length];
            for (int i = 0; i < out.length; i++)
                for (int j = 0; j < d.length; j++) next[i * d.length + j] = out[i] * d[j];
            out = next;
        }
        return out;
    }

    /**
     * {@code diag(W D W^T)} for {@code W = W1 ⊗ ... ⊗ Wd} and diagonal D, as
     * {@code (⊗ (W_k ∘ W_k)) diag(D)} (elementwise squares), without forming W — the posterior
     * variances of Kronecker sparse Bayesian learning.
     */
    public static double[] diagOfCongruence(List<Matrix> factors, double[] d) {
        Matrix[] sq = new Matrix[factors.size()];
        for (int k = 0; k < sq.length; k++) sq[k] = factors.get(k).hadamard(factors.get(k));
        return matvec(sq, d, false);
    }

    /**
     * The Van Loan–Pitsianis rearrangement R(W) of W ((m1 m2) x (n1 n2)) into ((m1 n1) x (m2 n2)):
     * {@code R(W)[i*n1 + j][p*n2 + q] = W[i*m2 + p][j*n2 + q]}. R is an isometry and
     * {@code R(A ⊗ B) = vec_r(A) vec_r(B)^T}. O(MN).
     */
    public static Matrix rearrange(Matrix w, int m1, int n1, int m2, int n2) {
        checkShape(w.rows, w.cols, m1, n1, m2, n2);
        Matrix r = new Matrix(m1 * n1, m2 * n2);
        for (int i = 0; i < m1; i++)
            for (int j = 0; j < n1; j++)
                for (int p = 0; p < m2; p++)
                    System.arraycopy(w.data, w.offset + (i * m2 + p) * w.ld + j * n2, r.data, (i * n1 + j) * r.cols + p * n2, n2);
        return r;
    }

    /** Inverse of {@link #rearrange}: R ((m1 n1) x (m2 n2)) back to W ((m1 m2) x (n1 n2)). */
    public static Matrix unrearrange(Matrix r, int m1, int n1, int m2, int n2) {
        Check.positive("m1", m1); Check.positive("n1", n1); Check.positive("m2", m2); Check.positive("n2", n2);
        Check.dimension("r.rows", r.rows, m1 * n1);
        Check.dimension("r.cols", r.cols, m2 * n2);
        Matrix w = new Matrix(m1 * m2, n1 * n2);
        for (int i = 0; i < m1; i++)
            for (int j = 0; j < n1; j++)
                for (int p = 0; p < m2; p++)
                    System.arraycopy(r.data, r.offset + (i * n1 + j) * r.ld + p * n2, w.data, (i * m2 + p) * w.cols + j * n2, n2);
        return w;
    }

    /**
     * Kronecker-product SVD of W ((m1 m2) x (n1 n2)) into at most {@code maxTerms} terms
     * ({@code -1} = all {@code min(m1 n1, m2 n2)}), via LAPACK's SVD of R(W). O(MN min(m1 n1, m2 n2)).
     */
    public static KpSvd kpsvd(Matrix w, int m1, int n1, int m2, int n2, int maxTerms) {
        MatrixOps.requireFinite("w", w);
        Matrix r = rearrange(w, m1, n1, m2, n2);
        SvdDecomposition svd = new SvdDecomposition(SvdDecomposition.Mode.THIN).decompose(r);
        double[] s = svd.getSingularValues();
        int terms = maxTerms < 0 ? s.length : Math.min(Check.nonNegative("maxTerms", maxTerms), s.length);
        Matrix u = svd.getU(), vt = svd.getVt();
        List<Matrix> as = new ArrayList<>(), bs = new ArrayList<>();
        for (int k = 0; k < terms; k++) {
            Matrix ak = new Matrix(m1, n1), bk = new Matrix(m2, n2);
            for (int t = 0; t < m1 * n1; t++) ak.data[t] = u.get(t, k);
            for (int t = 0; t < m2 * n2; t++) bk.data[t] = vt.get(k, t);
            int big = 0;
            for (int t = 1; t < ak.data.length; t++) if (Math.abs(ak.data[t]) > Math.abs(ak.data[big])) big = t;
            if (ak.data[big] < 0) {
                MatrixOps.scale(-1, ak, ak);
                MatrixOps.scale(-1, bk, bk);
            }
            as.add(ak);
            bs.add(bk);
        }
        return new KpSvd(java.util.Arrays.copyOf(s, terms), List.copyOf(as), List.copyOf(bs), w.normF());
    }

    static void checkShape(int rows, int cols, int m1, int n1, int m2, int n2) {
        Check.positive("m1", m1); Check.positive("n1", n1); Check.positive("m2", m2); Check.positive("n2", n2);
        if ((long) m1 * m2 != rows)
            throw new IllegalArgumentException("m1 * m2 = " + m1 + " * " + m2 + ", expected W.rows = " + rows);
        if ((long) n1 * n2 != cols)
            throw new IllegalArgumentException("n1 * n2 = " + n1 + " * " + n2 + ", expected W.cols = " + cols);
    }

    private static void checkFactors(Matrix[] factors) {
        if (factors == null || factors.length == 0) throw new IllegalArgumentException("factors is empty, expected at least one matrix");
        for (int k = 0; k < factors.length; k++) Check.notNull("factors[" + k + "]", factors[k]);
    }
}
