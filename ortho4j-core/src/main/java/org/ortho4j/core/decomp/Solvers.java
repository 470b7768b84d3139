package org.ortho4j.core.decomp;

import static org.ortho4j.core.decomp.LapackSupport.ld;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;

/**
 * One-call dense solvers built on the decompositions of this package (model: numpy.linalg).
 * Each method allocates its result and its LAPACK workspace; for repeated solves with one
 * matrix keep a {@link LuDecomposition} or {@link CholeskyDecomposition} instead. The overloads
 * taking a {@link LAPACK} use that implementation; the others use {@link Lapack#get()}.
 */
public final class Solvers {
    private Solvers() {}

    /**
     * Solves the square system {@code A X = B} by LU with partial pivoting ({@code dgetrf} +
     * {@code dgetrs}); {@code 2n^3/3 + 2n^2 nrhs} flops. Neither input is modified.
     *
     * @param a {@code n x n}
     * @param b {@code n x nrhs}
     * @return X, {@code n x nrhs}
     * @throws IllegalArgumentException if a is not square, b has not n rows, or either is not finite
     * @throws SingularMatrixException if a is exactly singular (a zero pivot)
     */
    public static Matrix solve(Matrix a, Matrix b) { return solve(Lapack.get(), a, b); }

    /** {@link #solve(Matrix, Matrix)} with the given LAPACK. */
    public static Matrix solve(LAPACK lapack, Matrix a, Matrix b) {
        LapackSupport.requireFinite("a", a);
        LapackSupport.requireSquare("a", a);
        LapackSupport.requireRows("b", b, a.rows);
        LapackSupport.requireFinite("b", b);
        return new LuDecomposition(lapack).decompose(a).solve(b);
    }

    /** {@link #solve(Matrix, Matrix)} for one right-hand side vector (new array). */
    public static double[] solve(Matrix a, double[] b) {
        Check.notNull("b", b);
        return solve(a, Matrix.column(b)).data;
    }

    /**
     * Minimum-norm least squares {@code min ||A X - B||_F} for any {@code m x n} A (over- or
     * under-determined, rank-deficient allowed) with numpy's default cutoff
     * {@code rcond = max(m, n) * eps}.
     *
     * @see #leastSquares(LAPACK, Matrix, Matrix, double)
     */
    public static LeastSquaresResult leastSquares(Matrix a, Matrix b) {
        return leastSquares(Lapack.get(), a, b, Math.max(a == null ? 0 : Math.max(a.rows, a.cols), 1) * Math.ulp(1.0));
    }

    /** {@link #leastSquares(LAPACK, Matrix, Matrix, double)} with {@link Lapack#get()}. */
    public static LeastSquaresResult leastSquares(Matrix a, Matrix b, double rcond) {
        return leastSquares(Lapack.get(), a, b, rcond);
    }

    /**
     * Minimum-norm least squares by LAPACK's SVD-based {@code dgelsd}: singular values
     * {@code <= rcond * sigma_max} are treated as zero, which makes rank-deficient problems well
     * posed. The residual norms are then computed explicitly ({@code B - A X}, one GEMM), which is
     * valid for every shape and rank. A and B are copied column-major (dgelsd overwrites both).
     * O(mn min(m, n) + mn nrhs) flops.
     *
     * @param a {@code m x n}
     * @param b {@code m x nrhs}
     * @param rcond relative singular value cutoff in {@code [0, 1)}
     * @throws IllegalArgumentException if b has not m rows, an input is not finite or rcond is out of range
     * @throws LapackException if the SVD inside dgelsd fails to converge
     */
    public static LeastSquaresResult leastSquares(LAPACK lapack, Matrix a, Matrix b, double rcond) {
        Check.notNull("lapack", lapack);
        LapackSupport.requireFinite("a", a);
        LapackSupport.requireRows("b", b, a.rows);
        LapackSupport.requireFinite("b", b);
        Check.finite("rcond", rcond);
        if (!(rcond >= 0 && rcond < 1)) throw new IllegalArgumentException("rcond = " + rcond + ", expected in [0, 1)");
        int m = a.rows, n = a.cols, nrhs = b.cols, k = Math.min(m, n);
        double[] s = new double[k];
        Matrix x;
        int rank = 0;
        if (k == 0 || nrhs == 0) {
            x = new Matrix(n, nrhs);
            if (k > 0) {
                s = new SvdDecomposition(SvdDecomposition.Mode.VALUES_ONLY, lapack).decompose(a).getSingularValues();
                while (rank < k && s[rank] > rcond * s[0]) rank++;
            }
        } else {
            int ldb = Math.max(m, n);
            double[] acm = new double[m * n], bcm = new double[ldb * nrhs];
            LapackSupport.toColumnMajor(a, acm, m);
            LapackSupport.toColumnMajor(b, bcm, ldb);
            // LIWORK >= 3 k NLVL + 11 k with NLVL = int(log2(k / (SMLSIZ + 1))) + 1 (dgelsd's
            // documentation). SMLSIZ (from ilaenv, usually 25) is taken as 1, which bounds NLVL from
            // above: F2J's dgelsd does not report LIWORK from its workspace query, so it is sized here.
            int nlvl = Math.max(0, (int) Math.floor(Math.log(k / 2.0) / Math.log(2)) + 1);
            int[] iwork = new int[Math.max(1, 3 * k * nlvl + 11 * k)];
            intW rankW = new intW(0), info = new intW(0);
            double[] sv = s;
            LapackSupport.withWorkspace("dgelsd", null, 1, info,
                    (w, lw, inf) -> lapack.dgelsd(m, n, nrhs, acm, ld(m), bcm, ldb, sv, rcond, rankW, w, lw, iwork, inf));
            LapackSupport.check("dgelsd", info.val, "the SVD failed to converge (" + info.val
                    + " off-diagonal elements of an intermediate bidiagonal form did not converge to zero)");
            rank = rankW.val;
            x = LapackSupport.fromColumnMajor(bcm, ldb, n, nrhs);
        }
        Matrix r = b.copy();
        if (n > 0 && nrhs > 0 && m > 0) MatrixOps.gemm(-1, a, false, x, false, 1, r);
        double[] res = new double[nrhs];
        for (int j = 0; j < nrhs; j++) res[j] = MatrixOps.normF(r.view(0, j, m, 1));
        return new LeastSquaresResult(x, rank, s, res);
    }

    /**
     * Moore-Penrose pseudo-inverse with numpy's default cutoff {@code rcond = max(m, n) * eps}.
     *
     * @see #pinv(LAPACK, Matrix, double)
     */
    public static Matrix pinv(Matrix a) {
        return pinv(Lapack.get(), a, Math.max(a == null ? 0 : Math.max(a.rows, a.cols), 1) * Math.ulp(1.0));
    }

    /** {@link #pinv(LAPACK, Matrix, double)} with {@link Lapack#get()}. */
    public static Matrix pinv(Matrix a, double rcond) { return pinv(Lapack.get(), a, rcond); }

    /**
     * Moore-Penrose pseudo-inverse {@code A^+ = V_r S_r^-1 U_r^T} (new {@code n x m} matrix) from the
     * thin SVD, keeping the r singular values {@code > rcond * sigma_max}. O(mn min(m, n)).
     *
     * @param rcond relative cutoff in {@code [0, 1)}
     * @throws IllegalArgumentException if a is not finite or rcond is out of range
     */
    public static Matrix pinv(LAPACK lapack, Matrix a, double rcond) {
        Check.notNull("lapack", lapack);
        Check.finite("rcond", rcond);
        if (!(rcond >= 0 && rcond < 1)) throw new IllegalArgumentException("rcond = " + rcond + ", expected in [0, 1)");
        SvdDecomposition svd = new SvdDecomposition(SvdDecomposition.Mode.THIN, lapack).decompose(a);
        double[] s = svd.getSingularValues();
        int m = a.rows, n = a.cols;
        int r = s.length == 0 ? 0 : svd.rank(rcond * s[0]);
        if (r == 0) return new Matrix(n, m);
        Matrix w = svd.getVt().view(0, 0, r, n).copy();      // rows of V^T scaled by 1/sigma: S_r^-1 V_r^T
        for (int i = 0; i < r; i++) MatrixOps.scale(1 / s[i], w.rowView(i), w.rowView(i));
        return MatrixOps.gemm(1, w, true, svd.getU().view(0, 0, m, r), true, 0, null);
    }

    /**
     * {@code log |det A|} with the sign of {@code det A}, for square A. An exactly symmetric A is
     * first tried with Cholesky ({@code n^3/3} flops; success proves positive definiteness, sign
     * +1); anything else, or a symmetric A that is not positive definite, goes through LU
     * ({@code 2n^3/3} flops). A singular matrix gives sign 0 and {@code -Infinity}.
     *
     * @throws IllegalArgumentException if a is null, not square or not finite
     */
    public static LogDeterminant logDet(Matrix a) { return logDet(Lapack.get(), a); }

    /** {@link #logDet(Matrix)} with the given LAPACK. */
    public static LogDeterminant logDet(LAPACK lapack, Matrix a) {
        LapackSupport.requireFinite("a", a);
        LapackSupport.requireSquare("a", a);
        if (LapackSupport.isExactlySymmetric(a)) {
            CholeskyDecomposition chol = new CholeskyDecomposition(lapack);
            if (chol.tryDecompose(a)) return new LogDeterminant(1, chol.logDet());
        }
        return new LuDecomposition(lapack).decompose(a).logDeterminant();
    }
}
