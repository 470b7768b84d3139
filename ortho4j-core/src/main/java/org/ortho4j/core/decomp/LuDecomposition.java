package org.ortho4j.core.decomp;

import static org.ortho4j.core.decomp.LapackSupport.grow;
import static org.ortho4j.core.decomp.LapackSupport.ld;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.doubleW;
import org.netlib.util.intW;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * LU factorization with partial (row) pivoting, {@code A = P L U}, of any {@code m x n} matrix,
 * {@code k = min(m, n)}: P an {@code m x m} permutation, L {@code m x k} unit lower trapezoidal
 * with {@code |L(i, j)| <= 1}, U {@code k x n} upper trapezoidal. For square A it gives the
 * determinant, solves {@code A X = B} and estimates the reciprocal condition number.
 *
 * <p>An exactly singular matrix is not an error here: {@code dgetrf} completes the factorization,
 * {@link #isSingular()} becomes true and {@link #singularPivot()} names the first zero pivot
 * {@code U(k, k)}; {@link #det()} is then 0 and {@link #solve} throws
 * {@link SingularMatrixException}. Nearly singular matrices factor normally; test them with
 * {@link #rcond()}.
 *
 * <p><b>Layout mapping.</b> Row pivoting of A is column pivoting of {@code A^T}, so the row-major
 * array cannot be handed to dgetrf as is; since dgetrf overwrites its input a copy is needed
 * anyway, and it is written column-major (copy-transpose, the cost of a plain copy). The
 * getters read the column-major factor; {@link #solve(Matrix)} copies B in and X out transposed
 * (O(n nrhs), against O(n² nrhs) for dgetrs).
 *
 * <p><b>Cost.</b> {@code mnk - (m+n)k^2/2 + k^3/3} flops ({@code 2n^3/3} square) to factor,
 * {@code 2n^2} per right-hand side to solve, O(n²) for {@link #rcond()}. The factor array is kept
 * across calls. Getters allocate. Not thread-safe.
 *
 * <p>Reference: Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., Sec. 3.4; LAPACK Users'
 * Guide, Sec. 2.4.1 (dgetrf, dgetrs, dgecon).
 */
public final class LuDecomposition {
    private final LAPACK lapack;
    private double[] lu;
    private int[] ipiv;
    private int m, n, k;
    private int singularPivot;
    private double norm1;
    private boolean decomposed;

    /** A decomposition using {@link Lapack#get()}. */
    public LuDecomposition() { this(Lapack.get()); }

    /** A decomposition using the given LAPACK implementation. */
    public LuDecomposition(LAPACK lapack) { this.lapack = Check.notNull("lapack", lapack); }

    /** {@code new LuDecomposition().decompose(a)}. */
    public static LuDecomposition of(Matrix a) { return new LuDecomposition().decompose(a); }

    /** The determinant of square {@code a} (may overflow; see {@link #logDeterminant()}). */
    public static double det(Matrix a) { return of(a).det(); }

    /**
     * Factors {@code a} (not modified; any view). A singular {@code a} factors normally.
     *
     * @return this
     * @throws IllegalArgumentException if {@code a} is null or holds NaN or infinite values
     */
    public LuDecomposition decompose(Matrix a) {
        LapackSupport.requireFinite("a", a);
        decomposed = false;
        m = a.rows;
        n = a.cols;
        k = Math.min(m, n);
        lu = grow(lu, m * n);
        ipiv = new int[k];
        singularPivot = -1;
        norm1 = 0;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) s += Math.abs(a.data[a.offset + i * a.ld + j]);
            norm1 = Math.max(norm1, s);
        }
        if (k > 0) {
            LapackSupport.toColumnMajor(a, lu, m);
            intW info = new intW(0);
            lapack.dgetrf(m, n, lu, ld(m), ipiv, info);
            if (info.val > 0) singularPivot = info.val - 1;
            else LapackSupport.check("dgetrf", info.val, "");
        }
        decomposed = true;
        return this;
    }

    /** Number of rows m of the last factored matrix. */
    public int rows() { LapackSupport.requireDecomposed(decomposed); return m; }

    /** Number of columns n of the last factored matrix. */
    public int cols() { LapackSupport.requireDecomposed(decomposed); return n; }

    /** True if U has an exactly zero diagonal element (then A is singular, or rank-deficient if not square). */
    public boolean isSingular() { LapackSupport.requireDecomposed(decomposed); return singularPivot >= 0; }

    /** 0-based index of the first zero pivot {@code U(k, k)}, or -1 if there is none. */
    public int singularPivot() { LapackSupport.requireDecomposed(decomposed); return singularPivot; }

    /** L, {@code m x min(m, n)}, unit lower trapezoidal (new matrix). */
    public Matrix getL() {
        LapackSupport.requireDecomposed(decomposed);
        Matrix out = new Matrix(m, k);
        for (int j = 0; j < k; j++) {
            out.data[j * k + j] = 1;
            for (int i = j + 1; i < m; i++) out.data[i * k + j] = lu[j * m + i];
        }
        return out;
    }

    /** U, {@code min(m, n) x n}, upper trapezoidal (new matrix). */
    public Matrix getU() {
        LapackSupport.requireDecomposed(decomposed);
        Matrix out = new Matrix(k, n);
        for (int j = 0; j < n; j++)
            for (int i = 0, ie = Math.min(j + 1, k); i < ie; i++) out.data[i * n + j] = lu[j * m + i];
        return out;
    }

    /**
     * LAPACK's pivots, 0-based: during elimination row i was interchanged with row
     * {@code pivots[i] >= i}, for {@code i = 0 .. min(m, n) - 1} (new array).
     */
    public int[] getPivots() {
        LapackSupport.requireDecomposed(decomposed);
        int[] p = new int[k];
        for (int i = 0; i < k; i++) p[i] = ipiv[i] - 1;
        return p;
    }

    /**
     * The row permutation as an index array {@code p} of length m: row i of {@code L U} is row
     * {@code p[i]} of A (new array).
     */
    public int[] getRowPermutation() {
        LapackSupport.requireDecomposed(decomposed);
        int[] p = new int[m];
        for (int i = 0; i < m; i++) p[i] = i;
        for (int i = 0; i < k; i++) {
            int r = ipiv[i] - 1, t = p[i];
            p[i] = p[r];
            p[r] = t;
        }
        return p;
    }

    /** P, the {@code m x m} permutation matrix with {@code A = P L U}: {@code P(p[i], i) = 1} (new matrix). */
    public Matrix getP() {
        int[] p = getRowPermutation();
        Matrix out = new Matrix(m, m);
        for (int i = 0; i < m; i++) out.data[p[i] * m + i] = 1;
        return out;
    }

    /**
     * {@code det A} as sign and log-magnitude (never overflows); sign 0 and log {@code -Infinity}
     * for a singular matrix, {@code (1, 0)} for the empty one.
     *
     * @throws IllegalStateException if the factored matrix is not square
     */
    public LogDeterminant logDeterminant() {
        requireSquare("logDeterminant()");
        if (singularPivot >= 0) return new LogDeterminant(0, Double.NEGATIVE_INFINITY);
        double sign = 1, log = 0;
        for (int i = 0; i < n; i++) {
            double u = lu[i * m + i];
            if (u < 0) sign = -sign;
            if (ipiv[i] - 1 != i) sign = -sign;
            log += Math.log(Math.abs(u));
        }
        return new LogDeterminant(sign, log);
    }

    /** {@code det A} (product of the pivots times the permutation's sign; may overflow or underflow). */
    public double det() {
        requireSquare("det()");
        if (singularPivot >= 0) return 0;
        double d = 1;
        for (int i = 0; i < n; i++) d *= ipiv[i] - 1 != i ? -lu[i * m + i] : lu[i * m + i];
        return d;
    }

    /**
     * Estimate of the reciprocal 1-norm condition number {@code 1 / (||A||_1 ||A^-1||_1)} by
     * LAPACK's {@code dgecon} (O(n²)); 0 for a singular matrix, 1 for the empty one. Values near
     * {@code eps = 2.2e-16} or below mean A is singular to working precision.
     */
    public double rcond() {
        requireSquare("rcond()");
        if (n == 0) return 1;
        if (singularPivot >= 0 || norm1 == 0) return 0;
        doubleW rc = new doubleW(0);
        intW info = new intW(0);
        lapack.dgecon("1", n, lu, ld(n), norm1, rc, new double[4 * n], new int[n], info);
        LapackSupport.check("dgecon", info.val, "");
        return rc.val;
    }

    /**
     * Solves {@code A X = B} (new {@code n x nrhs} matrix; B not modified) with dgetrs.
     *
     * @throws IllegalStateException if the factored matrix is not square
     * @throws IllegalArgumentException if B is null, has not n rows or is not finite
     * @throws SingularMatrixException if A is exactly singular
     */
    public Matrix solve(Matrix b) {
        requireSquare("solve");
        LapackSupport.requireRows("b", b, n);
        LapackSupport.requireFinite("b", b);
        if (singularPivot >= 0) throw new SingularMatrixException("a", singularPivot);
        int nrhs = b.cols;
        if (n == 0 || nrhs == 0) return new Matrix(n, nrhs);
        double[] x = new double[n * nrhs];
        LapackSupport.toColumnMajor(b, x, n);
        intW info = new intW(0);
        lapack.dgetrs("N", n, nrhs, lu, ld(n), ipiv, x, ld(n), info);
        LapackSupport.check("dgetrs", info.val, "");
        return LapackSupport.fromColumnMajor(x, n, n, nrhs);
    }

    /** Solves {@code A x = b} for one right-hand side (new array). */
    public double[] solve(double[] b) {
        Check.notNull("b", b);
        return solve(Matrix.column(b)).data;
    }

    private void requireSquare(String what) {
        LapackSupport.requireDecomposed(decomposed);
        if (m != n) throw new IllegalStateException(what + " needs a square matrix, the factored one is " + m + "x" + n);
    }
}
