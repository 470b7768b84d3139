package org.ortho4j.core.decomp;

import static org.ortho4j.core.decomp.LapackSupport.grow;
import static org.ortho4j.core.decomp.LapackSupport.ld;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * Eigenvalues and right eigenvectors of a general real {@code n x n} matrix,
 * {@code A v_j = lambda_j v_j}, through LAPACK's {@code dgeev} (balancing, Hessenberg reduction,
 * Francis QR; what numpy's {@code eig} uses).
 *
 * <p><b>Eigenvalues</b> come as real and imaginary parts ({@link #getEigenvaluesReal()},
 * {@link #getEigenvaluesImag()}) in LAPACK's order (not sorted); complex eigenvalues come in
 * adjacent conjugate pairs, the one with positive imaginary part first.
 *
 * <p><b>Eigenvectors</b> ({@link #getEigenvectors()}) are the columns of an {@code n x n}
 * {@link ComplexMatrix}, column j for eigenvalue j, each of Euclidean norm 1 with its largest
 * component real (dgeev's normalization). LAPACK stores a conjugate pair compactly as two real
 * columns {@code (x, y)} meaning {@code x + iy} and {@code x - iy}; this class unpacks them. For
 * a defective matrix (e.g. a Jordan block) the returned vectors are (nearly) parallel: there is
 * no basis of eigenvectors, and dgeev does not detect that.
 *
 * <p><b>Layout mapping.</b> dgeev overwrites its input, so a copy is needed anyway; the copy is
 * written column-major (copy-transpose, O(n²)), which costs the same as a plain copy. The
 * eigenvector array is read column-major while unpacking, so no extra transposition is made.
 *
 * <p><b>Cost.</b> About {@code 10n^3} flops for values only, {@code ~25n^3} with vectors;
 * workspace from LAPACK's query, kept across calls. Getters allocate. Not thread-safe.
 *
 * <p>Reference: Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., Sec. 7.5; LAPACK
 * Users' Guide, Sec. 2.4.5 (dgeev).
 */
public final class Eigen {
    private final LAPACK lapack;
    private final boolean computeVectors;
    private double[] a, wr, wi, vr, work;
    private int n;
    private boolean decomposed;

    /** Eigenvalues and right eigenvectors, using {@link Lapack#get()}. */
    public Eigen() { this(true, Lapack.get()); }

    /**
     * A decomposition with or without eigenvectors, using the given LAPACK.
     *
     * @param computeVectors false for eigenvalues only (cheaper)
     * @param lapack the LAPACK implementation to call
     */
    public Eigen(boolean computeVectors, LAPACK lapack) {
        this.computeVectors = computeVectors;
        this.lapack = Check.notNull("lapack", lapack);
    }

    /** {@code new Eigen().decompose(a)}. */
    public static Eigen of(Matrix a) { return new Eigen().decompose(a); }

    /**
     * Decomposes {@code a} (not modified; any view).
     *
     * @return this
     * @throws IllegalArgumentException if {@code a} is null, not square or holds NaN or infinite values
     * @throws LapackException if the QR algorithm fails to compute all eigenvalues
     */
    public Eigen decompose(Matrix a) {
        LapackSupport.requireFinite("a", a);
        LapackSupport.requireSquare("a", a);
        decomposed = false;
        n = a.rows;
        wr = new double[n];
        wi = new double[n];
        vr = computeVectors ? new double[n * n] : null;
        if (n > 0) {
            this.a = grow(this.a, n * n);
            LapackSupport.toColumnMajor(a, this.a, n);
            String jobvr = computeVectors ? "V" : "N";
            double[] vrArg = computeVectors ? vr : new double[1];
            int ldvr = computeVectors ? n : 1;
            double[] vl = new double[1];
            intW info = new intW(0);
            double[] buf = this.a;
            work = LapackSupport.withWorkspace("dgeev", work, (computeVectors ? 4L : 3L) * n, info,
                    (w, lw, inf) -> lapack.dgeev("N", jobvr, n, buf, ld(n), wr, wi, vl, 1, vrArg, ldvr, w, lw, inf));
            LapackSupport.check("dgeev", info.val, "the QR algorithm failed to compute all eigenvalues"
                    + " (only eigenvalues " + info.val + " .. " + (n - 1) + ", 0-based, converged)");
        }
        decomposed = true;
        return this;
    }

    /** Order n of the last decomposed matrix. */
    public int size() { LapackSupport.requireDecomposed(decomposed); return n; }

    /** Real parts of the eigenvalues, LAPACK's order (new array). */
    public double[] getEigenvaluesReal() { LapackSupport.requireDecomposed(decomposed); return wr.clone(); }

    /** Imaginary parts of the eigenvalues, LAPACK's order; conjugate pairs adjacent, positive first (new array). */
    public double[] getEigenvaluesImag() { LapackSupport.requireDecomposed(decomposed); return wi.clone(); }

    /** True if every eigenvalue is real (all imaginary parts exactly 0). */
    public boolean isReal() {
        LapackSupport.requireDecomposed(decomposed);
        for (double v : wi) if (v != 0) return false;
        return true;
    }

    /**
     * The right eigenvectors as columns of a new {@code n x n} complex matrix, column j for
     * eigenvalue j, unit Euclidean norm. O(n²) to unpack.
     */
    public ComplexMatrix getEigenvectors() {
        LapackSupport.requireDecomposed(decomposed);
        if (!computeVectors) throw new IllegalStateException("eigenvectors were not computed (computeVectors = false)");
        ComplexMatrix v = new ComplexMatrix(n, n);
        for (int j = 0; j < n; j++) {
            if (wi[j] == 0) {
                for (int i = 0; i < n; i++) v.re[i * n + j] = vr[j * n + i];
            } else {
                // Conjugate pair: column-major columns j (real part) and j + 1 (imaginary part).
                for (int i = 0; i < n; i++) {
                    double x = vr[j * n + i], y = vr[(j + 1) * n + i];
                    v.re[i * n + j] = x;
                    v.im[i * n + j] = y;
                    v.re[i * n + j + 1] = x;
                    v.im[i * n + j + 1] = -y;
                }
                j++;
            }
        }
        return v;
    }
}
