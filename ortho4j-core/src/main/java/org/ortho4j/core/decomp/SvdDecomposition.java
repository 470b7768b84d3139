package org.ortho4j.core.decomp;

import static org.ortho4j.core.decomp.LapackSupport.grow;
import static org.ortho4j.core.decomp.LapackSupport.ld;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;

/**
 * Singular value decomposition {@code A = U S V^T} of any {@code m x n} matrix,
 * {@code k = min(m, n)}, singular values in descending order.
 *
 * <ul>
 *   <li>{@link Mode#THIN}: U {@code m x k}, S {@code k x k}, V^T {@code k x n};</li>
 *   <li>{@link Mode#FULL}: U {@code m x m}, S {@code m x n}, V^T {@code n x n};</li>
 *   <li>{@link Mode#VALUES_ONLY}: singular values only (much cheaper).</li>
 * </ul>
 *
 * <p><b>Routines.</b> LAPACK's divide-and-conquer {@code dgesdd} (what numpy uses). If it reports
 * that its bidiagonal divide and conquer did not converge ({@code info > 0}, rare), the same
 * matrix is factored again with the QR-iteration driver {@code dgesvd}, which is slower but
 * converges in cases where {@code dgesdd} does not; {@link #routine()} says which one produced
 * the result. If {@code dgesvd} also fails a {@link LapackException} is thrown.
 *
 * <p><b>Layout mapping.</b> The row-major array of A is, read column-major, {@code A^T}. LAPACK
 * factors that: {@code A^T = U' S V'^T}, hence {@code A = V' S U'^T}. Column-major {@code V'^T}
 * ({@code k x m}) is, read row-major, the {@code m x k} matrix {@code V'} = our U; column-major
 * {@code U'} ({@code n x k}) is, read row-major, {@code U'^T} = our V^T. So U and V^T come out
 * of LAPACK already in row-major order and nothing is transposed.
 *
 * <p><b>Cost.</b> O(mn min(m, n)); workspace from LAPACK's query ({@code lwork = -1}), kept
 * across calls. Getters allocate their result. Not thread-safe.
 *
 * <p>Reference: Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., Sec. 8.6; LAPACK
 * Users' Guide, Sec. 2.4.4 (dgesdd, dgesvd).
 */
public final class SvdDecomposition {
    /** Which factors to compute. */
    public enum Mode {
        /** Thin U ({@code m x k}) and V^T ({@code k x n}). */
        THIN,
        /** Full square U ({@code m x m}) and V^T ({@code n x n}). */
        FULL,
        /** Singular values only. */
        VALUES_ONLY
    }

    private final LAPACK lapack;
    private final Mode mode;
    private boolean forceGesvd;
    private double[] a, s, u, vt, work;
    private int[] iwork;
    private int m, n, k, uCols, vtRows;
    private String routine;
    private boolean decomposed;

    /** A thin SVD using {@link Lapack#get()}. */
    public SvdDecomposition() { this(Mode.THIN); }

    /** An SVD of the given mode using {@link Lapack#get()}. */
    public SvdDecomposition(Mode mode) { this(mode, Lapack.get()); }

    /** An SVD of the given mode using the given LAPACK implementation. */
    public SvdDecomposition(Mode mode, LAPACK lapack) {
        this.mode = Check.notNull("mode", mode);
        this.lapack = Check.notNull("lapack", lapack);
    }

    /** {@code new SvdDecomposition(Mode.THIN).decompose(a)}. */
    public static SvdDecomposition of(Matrix a) { return new SvdDecomposition(Mode.THIN).decompose(a); }

    /** The singular values of {@code a}, descending ({@code min(m, n)} of them). */
    public static double[] singularValues(Matrix a) {
        return new SvdDecomposition(Mode.VALUES_ONLY).decompose(a).getSingularValues();
    }

    /** Test hook: skip dgesdd and run the dgesvd fallback directly. */
    SvdDecomposition forceGesvd() {
        forceGesvd = true;
        return this;
    }

    /**
     * Factors {@code a} (not modified; any view).
     *
     * @return this
     * @throws IllegalArgumentException if {@code a} is null or holds NaN or infinite values
     * @throws LapackException if neither dgesdd nor dgesvd converges
     */
    public SvdDecomposition decompose(Matrix a) {
        LapackSupport.requireFinite("a", a);
        decomposed = false;
        m = a.rows;
        n = a.cols;
        k = Math.min(m, n);
        uCols = mode == Mode.FULL ? m : mode == Mode.THIN ? k : 0;
        vtRows = mode == Mode.FULL ? n : mode == Mode.THIN ? k : 0;
        s = new double[k];
        u = new double[m * uCols];
        vt = new double[vtRows * n];
        if (k == 0) {
            // No singular values; the full factors of an empty matrix are identities.
            if (mode == Mode.FULL) {
                u = Matrix.eye(m).data;
                vt = Matrix.eye(n).data;
            }
            routine = "none";
            decomposed = true;
            return this;
        }
        this.a = grow(this.a, m * n);
        if (forceGesvd || !gesdd(a)) gesvd(a);
        decomposed = true;
        return this;
    }

    /**
     * dgesdd on the column-major {@code n x m} matrix {@code A^T}: its U' is our V^T (ldu = n),
     * its V'^T our U (ldvt = k for 'S', m for 'A'). Returns false if it did not converge.
     */
    private boolean gesdd(Matrix src) {
        LapackSupport.copyRowMajor(src, a);
        String jobz = mode == Mode.FULL ? "A" : mode == Mode.THIN ? "S" : "N";
        int lduP = mode == Mode.VALUES_ONLY ? 1 : n, ldvtP = ld(uCols);
        double[] uP = grow(vt, 1), vtP = grow(u, 1);
        iwork = grow(iwork, 8 * k);
        intW info = new intW(0);
        long mx = Math.max(m, n), mn = k;
        long minimum = mode == Mode.VALUES_ONLY ? 3 * mn + Math.max(mx, 7 * mn)
                : 3 * mn * mn + Math.max(mx, 4 * mn * mn + 4 * mn);
        work = LapackSupport.withWorkspace("dgesdd", work, minimum, info,
                (w, lw, inf) -> lapack.dgesdd(jobz, n, m, a, ld(n), s, uP, lduP, vtP, ldvtP, w, lw, iwork, inf));
        if (info.val > 0) return false;
        LapackSupport.check("dgesdd", info.val, "");
        routine = "dgesdd";
        return true;
    }

    /** dgesvd on the column-major {@code A^T}, same mapping as {@link #gesdd}. */
    private void gesvd(Matrix src) {
        LapackSupport.copyRowMajor(src, a);
        String job = mode == Mode.FULL ? "A" : mode == Mode.THIN ? "S" : "N";
        int lduP = mode == Mode.VALUES_ONLY ? 1 : n, ldvtP = ld(uCols);
        double[] uP = grow(vt, 1), vtP = grow(u, 1);
        intW info = new intW(0);
        long mx = Math.max(m, n), mn = k;
        work = LapackSupport.withWorkspace("dgesvd", work, Math.max(3 * mn + mx, 5 * mn), info,
                (w, lw, inf) -> lapack.dgesvd(job, job, n, m, a, ld(n), s, uP, lduP, vtP, ldvtP, w, lw, inf));
        LapackSupport.check("dgesvd", info.val, info.val + " superdiagonals of the bidiagonal form did not converge to zero"
                + " (dgesdd had not converged either)");
        routine = "dgesvd";
    }

    /** The mode this decomposition computes. */
    public Mode mode() { return mode; }

    /** The LAPACK routine that produced the current result: {@code dgesdd}, {@code dgesvd} (fallback) or {@code none} (empty input). */
    public String routine() { LapackSupport.requireDecomposed(decomposed); return routine; }

    /** The {@code min(m, n)} singular values, descending (new array). */
    public double[] getSingularValues() {
        LapackSupport.requireDecomposed(decomposed);
        return s.clone();
    }

    /**
     * S as a matrix (new): {@code k x k} diagonal for THIN and VALUES_ONLY, {@code m x n} with the
     * singular values on its main diagonal for FULL, so that {@code U S V^T = A} in each mode.
     */
    public Matrix getS() {
        LapackSupport.requireDecomposed(decomposed);
        Matrix out = mode == Mode.FULL ? new Matrix(m, n) : new Matrix(k, k);
        for (int i = 0; i < k; i++) out.set(i, i, s[i]);
        return out;
    }

    /** U: {@code m x k} (THIN) or {@code m x m} (FULL), orthonormal columns (new matrix). */
    public Matrix getU() {
        requireVectors();
        return Matrix.wrap(m, uCols, u.clone());
    }

    /** V^T: {@code k x n} (THIN) or {@code n x n} (FULL), orthonormal rows (new matrix). */
    public Matrix getVt() {
        requireVectors();
        return Matrix.wrap(vtRows, n, vt.clone());
    }

    /** V = (V^T)^T: {@code n x k} (THIN) or {@code n x n} (FULL) (new matrix). */
    public Matrix getV() {
        requireVectors();
        return MatrixOps.transpose(Matrix.wrap(vtRows, n, vt), null);
    }

    private void requireVectors() {
        LapackSupport.requireDecomposed(decomposed);
        if (mode == Mode.VALUES_ONLY)
            throw new IllegalStateException("singular vectors were not computed (mode VALUES_ONLY)");
    }

    /**
     * Numerical rank: the number of singular values {@code > tol}.
     *
     * @param tol absolute threshold, finite and {@code >= 0}
     */
    public int rank(double tol) {
        Check.finite("tol", tol);
        Check.inRange("tol", tol, 0, Double.MAX_VALUE);
        LapackSupport.requireDecomposed(decomposed);
        int r = 0;
        while (r < k && s[r] > tol) r++;
        return r;
    }

    /**
     * Numerical rank with numpy's default threshold {@code max(m, n) * eps * sigma_max}
     * ({@code eps = 2^-52}), the size of the singular values that roundoff alone can produce.
     */
    public int rank() {
        LapackSupport.requireDecomposed(decomposed);
        return rank(k == 0 ? 0 : Math.max(m, n) * Math.ulp(1.0) * s[0]);
    }

    /** Largest singular value, the spectral norm {@code ||A||_2} (0 for an empty matrix). */
    public double norm2() {
        LapackSupport.requireDecomposed(decomposed);
        return k == 0 ? 0 : s[0];
    }

    /**
     * 2-norm condition number {@code sigma_max / sigma_min} over the {@code min(m, n)} singular
     * values; {@code +Infinity} if the smallest is 0.
     *
     * @throws IllegalStateException for an empty matrix (no singular values)
     */
    public double cond() {
        LapackSupport.requireDecomposed(decomposed);
        if (k == 0) throw new IllegalStateException("cond() of a " + m + "x" + n + " matrix is undefined (no singular values)");
        return s[k - 1] == 0 ? Double.POSITIVE_INFINITY : s[0] / s[k - 1];
    }
}
