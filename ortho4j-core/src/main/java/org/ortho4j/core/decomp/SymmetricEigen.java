package org.ortho4j.core.decomp;

import static org.ortho4j.core.decomp.LapackSupport.grow;
import static org.ortho4j.core.decomp.LapackSupport.ld;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;

/**
 * Eigendecomposition {@code A = V diag(lambda) V^T} of a real symmetric {@code n x n} matrix:
 * eigenvalues in ascending order, eigenvectors orthonormal, as the columns of V (column i
 * belongs to eigenvalue i).
 *
 * <p><b>Symmetry.</b> The input is checked: {@code ||A - A^T||_F <= 1e-10 ||A||_F}, else
 * {@link IllegalArgumentException} (this tolerance admits matrices that are symmetric up to the
 * roundoff of forming them, e.g. {@code B D B^T}, and rejects genuinely non-symmetric ones).
 * LAPACK then reads only the <em>lower</em> triangle (row-major), so any asymmetry within the
 * tolerance is resolved by taking the lower triangle as the matrix.
 *
 * <p><b>Routine.</b> LAPACK's divide-and-conquer {@code dsyevd} (what numpy's {@code eigh}
 * uses): fast and, unlike MRRR ({@code dsyevr}) in older LAPACK builds such as the F2J one,
 * reliably orthogonal eigenvectors. {@code info > 0} (an eigenvalue failed to converge) raises
 * {@link LapackException}.
 *
 * <p><b>Layout mapping.</b> A symmetric matrix equals its transpose, so the row-major array is
 * passed as is; its row-major lower triangle is the column-major upper one ({@code uplo = "U"}).
 * dsyevd returns the eigenvectors as column-major columns, i.e. as the <em>rows</em> of the
 * row-major buffer; {@link #getEigenvectors()} transposes once (O(n²), against O(n³) for the
 * decomposition) and {@link #getEigenvector(int)} reads a row directly.
 *
 * <p><b>Cost.</b> About {@code 4n^3/3} flops for values only, {@code ~9n^3} with vectors;
 * workspace from LAPACK's query, kept across calls. Getters allocate. Not thread-safe.
 *
 * <p>Reference: Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., Sec. 8.3 and 8.4;
 * LAPACK Users' Guide, Sec. 2.4.4 (dsyevd).
 */
public final class SymmetricEigen {
    private final LAPACK lapack;
    private final boolean computeVectors;
    private double[] a, w, work;
    private int[] iwork;
    private int n;
    private boolean decomposed;

    /** Eigenvalues and eigenvectors, using {@link Lapack#get()}. */
    public SymmetricEigen() { this(true, Lapack.get()); }

    /**
     * A decomposition with or without eigenvectors, using the given LAPACK.
     *
     * @param computeVectors false for eigenvalues only (cheaper)
     * @param lapack the LAPACK implementation to call
     */
    public SymmetricEigen(boolean computeVectors, LAPACK lapack) {
        this.computeVectors = computeVectors;
        this.lapack = Check.notNull("lapack", lapack);
    }

    /** {@code new SymmetricEigen().decompose(a)}. */
    public static SymmetricEigen of(Matrix a) { return new SymmetricEigen().decompose(a); }

    /** The eigenvalues of symmetric {@code a}, ascending. */
    public static double[] eigenvalues(Matrix a) {
        return new SymmetricEigen(false, Lapack.get()).decompose(a).getEigenvalues();
    }

    /**
     * Decomposes symmetric {@code a} (not modified; any view).
     *
     * @return this
     * @throws IllegalArgumentException if {@code a} is null, not square, not symmetric (see the
     *     class comment) or holds NaN or infinite values
     * @throws LapackException if dsyevd fails to converge
     */
    public SymmetricEigen decompose(Matrix a) {
        LapackSupport.requireSymmetric("a", a);
        decomposed = false;
        n = a.rows;
        w = new double[n];
        this.a = grow(this.a, n * n);
        if (n > 0) {
            LapackSupport.copyRowMajor(a, this.a);
            String jobz = computeVectors ? "V" : "N";
            intW info = new intW(0);
            work = grow(work, 1);
            iwork = grow(iwork, 1);
            lapack.dsyevd(jobz, "U", n, this.a, ld(n), w, work, -1, iwork, -1, info);
            LapackSupport.check("dsyevd", info.val, "workspace query failed");
            long nn = n;
            long minWork = computeVectors ? 1 + 6 * nn + 2 * nn * nn : 2 * nn + 1;
            long minIwork = computeVectors ? 3 + 5 * nn : 1;
            int lwork = LapackSupport.lwork(work[0], minWork);
            int liwork = LapackSupport.lwork(iwork[0], minIwork);
            work = grow(work, lwork);
            iwork = grow(iwork, liwork);
            lapack.dsyevd(jobz, "U", n, this.a, ld(n), w, work, lwork, iwork, liwork, info);
            LapackSupport.check("dsyevd", info.val, "the algorithm failed to converge (" + info.val
                    + " off-diagonal elements of an intermediate tridiagonal form did not converge to zero,"
                    + " or a divide-and-conquer subproblem failed)");
        }
        decomposed = true;
        return this;
    }

    /** Order n of the last decomposed matrix. */
    public int size() { LapackSupport.requireDecomposed(decomposed); return n; }

    /** The eigenvalues, ascending (new array). */
    public double[] getEigenvalues() {
        LapackSupport.requireDecomposed(decomposed);
        return w.clone();
    }

    /** V, {@code n x n} orthogonal, column i the unit eigenvector of eigenvalue i (new matrix). */
    public Matrix getEigenvectors() {
        requireVectors();
        return n == 0 ? new Matrix(0, 0) : MatrixOps.transpose(new Matrix(a, 0, n, n, n), null);
    }

    /** The unit eigenvector of eigenvalue {@code i} (new array of length n). */
    public double[] getEigenvector(int i) {
        requireVectors();
        Check.inRange("i", i, 0, n - 1);
        return java.util.Arrays.copyOfRange(a, i * n, i * n + n);
    }

    private void requireVectors() {
        LapackSupport.requireDecomposed(decomposed);
        if (!computeVectors) throw new IllegalStateException("eigenvectors were not computed (computeVectors = false)");
    }
}
