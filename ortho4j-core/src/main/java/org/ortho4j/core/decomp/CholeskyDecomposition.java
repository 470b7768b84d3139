package org.ortho4j.core.decomp;

import static org.ortho4j.core.decomp.LapackSupport.grow;
import static org.ortho4j.core.decomp.LapackSupport.ld;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * Cholesky factorization {@code A = L L^T} of a symmetric positive definite {@code n x n}
 * matrix, L lower triangular with positive diagonal; solves {@code A X = B} and gives
 * {@code log det A}.
 *
 * <p><b>Input.</b> A must be symmetric to {@code ||A - A^T||_F <= 1e-10 ||A||_F} (checked, as in
 * {@link SymmetricEigen}); only its lower triangle is read. If A is not positive definite,
 * {@link #decompose} throws {@link NotPositiveDefiniteException} naming the order of the first
 * leading minor that is not positive; {@link #tryDecompose} returns false instead.
 *
 * <p><b>Layout mapping.</b> LAPACK's {@code dpotrf("U")} on the row-major array: its
 * column-major upper triangle is our row-major lower one, and the factor {@code U} with
 * {@code A = U^T U} it leaves there is, read row-major, {@code U^T = L}. No transposition.
 * {@code dpotrs} needs the right-hand sides column-major, so {@link #solve(Matrix)} copies B in
 * transposed and X out transposed (O(n nrhs), against O(n² nrhs) for the solve).
 *
 * <p><b>Cost.</b> {@code n^3/3} flops to factor, {@code 2 n^2} per right-hand side to solve.
 * The factor array is kept across calls. Getters allocate. Not thread-safe.
 *
 * <p>Reference: Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., Sec. 4.2; LAPACK
 * Users' Guide, Sec. 2.4.1 (dpotrf, dpotrs).
 */
public final class CholeskyDecomposition {
    private final LAPACK lapack;
    private double[] l;
    private int n;
    private int failedMinor;
    private boolean decomposed;

    /** A decomposition using {@link Lapack#get()}. */
    public CholeskyDecomposition() { this(Lapack.get()); }

    /** A decomposition using the given LAPACK implementation. */
    public CholeskyDecomposition(LAPACK lapack) { this.lapack = Check.notNull("lapack", lapack); }

    /** {@code new CholeskyDecomposition().decompose(a)}. */
    public static CholeskyDecomposition of(Matrix a) { return new CholeskyDecomposition().decompose(a); }

    /**
     * Factors symmetric positive definite {@code a} (not modified; any view).
     *
     * @return this
     * @throws IllegalArgumentException if {@code a} is null, not square, not symmetric or not finite
     * @throws NotPositiveDefiniteException if {@code a} is not positive definite
     */
    public CholeskyDecomposition decompose(Matrix a) {
        if (!tryDecompose(a)) throw new NotPositiveDefiniteException("a", failedMinor);
        return this;
    }

    /**
     * Like {@link #decompose} but returns false, leaving this object undecomposed, when {@code a}
     * is not positive definite (a cheap positive-definiteness test: {@code n^3/3} flops at most).
     *
     * @throws IllegalArgumentException if {@code a} is null, not square, not symmetric or not finite
     */
    public boolean tryDecompose(Matrix a) {
        LapackSupport.requireSymmetric("a", a);
        decomposed = false;
        n = a.rows;
        failedMinor = 0;
        l = grow(l, n * n);
        if (n > 0) {
            LapackSupport.copyRowMajor(a, l);
            intW info = new intW(0);
            lapack.dpotrf("U", n, l, ld(n), info);
            if (info.val > 0) {
                failedMinor = info.val;
                return false;
            }
            LapackSupport.check("dpotrf", info.val, "");
        }
        decomposed = true;
        return true;
    }

    /** Order n of the last factored matrix. */
    public int size() { LapackSupport.requireDecomposed(decomposed); return n; }

    /** L, {@code n x n} lower triangular with positive diagonal, {@code A = L L^T} (new matrix). */
    public Matrix getL() {
        LapackSupport.requireDecomposed(decomposed);
        Matrix out = new Matrix(n, n);
        for (int i = 0; i < n; i++) System.arraycopy(l, i * n, out.data, i * n, i + 1);
        return out;
    }

    /** {@code log det A = 2 sum log L(i, i)} (0 for the empty matrix); never overflows. */
    public double logDet() {
        LapackSupport.requireDecomposed(decomposed);
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.log(l[i * n + i]);
        return 2 * s;
    }

    /**
     * Solves {@code A X = B} (new {@code n x nrhs} matrix; B not modified) with dpotrs.
     *
     * @throws IllegalArgumentException if B is null, has not n rows or is not finite
     */
    public Matrix solve(Matrix b) {
        LapackSupport.requireDecomposed(decomposed);
        LapackSupport.requireRows("b", b, n);
        LapackSupport.requireFinite("b", b);
        int nrhs = b.cols;
        if (n == 0 || nrhs == 0) return new Matrix(n, nrhs);
        double[] x = new double[n * nrhs];
        LapackSupport.toColumnMajor(b, x, n);
        intW info = new intW(0);
        lapack.dpotrs("U", n, nrhs, l, ld(n), x, ld(n), info);
        LapackSupport.check("dpotrs", info.val, "");
        return LapackSupport.fromColumnMajor(x, n, n, nrhs);
    }

    /** Solves {@code A x = b} for one right-hand side (new array). */
    public double[] solve(double[] b) {
        Check.notNull("b", b);
        return solve(Matrix.column(b)).data;
    }
}
