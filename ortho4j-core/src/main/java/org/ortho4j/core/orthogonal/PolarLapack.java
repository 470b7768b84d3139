package org.ortho4j.core.orthogonal;

import dev.ludovic.netlib.lapack.JavaLAPACK;
import dev.ludovic.netlib.lapack.LAPACK;
import java.util.Locale;
import org.netlib.util.intW;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;

/**
 * The two LAPACK calls this package needs (thin SVD for {@link Polar}, symmetric eigenvalues for
 * {@link NewtonSchulz} diagnostics), kept private to the package until the shared decompositions
 * of {@code org.ortho4j.core.decomp} replace them.
 *
 * <p>Layout: LAPACK is column-major, and a contiguous row-major {@code m×n} array is the
 * column-major {@code n×m} matrix {@code Aᵀ}. So {@code dgesdd} is called on {@code Aᵀ = U' Σ V'ᵀ}
 * and, since {@code A = V' Σ U'ᵀ}: LAPACK's column-major {@code n×k} "U" read row-major is the
 * {@code k×n} matrix {@code Vᵀ} of A, and its column-major {@code k×m} "VT" read row-major is the
 * {@code m×k} matrix {@code U} of A.
 *
 * <p>Implementation: {@code -Dorg.ortho4j.lapack=java} forces netlib's pure-Java build, anything
 * else (or nothing) uses {@link LAPACK#getInstance()} (system LAPACK when it loads).
 */
final class PolarLapack {
    private PolarLapack() {}

    private static final class Holder {
        static final LAPACK INSTANCE = "java".equals(System.getProperty("org.ortho4j.lapack", "").trim().toLowerCase(Locale.ROOT))
                ? JavaLAPACK.getInstance() : LAPACK.getInstance();
    }

    static LAPACK lapack() { return Holder.INSTANCE; }

    /**
     * Thin SVD {@code A = U diag(s) Vᵀ} with {@code k = min(m, n)}.
     *
     * @param u {@code m×k} row-major (null without vectors)
     * @param s the k singular values, descending
     * @param vt {@code k×n} row-major (null without vectors)
     */
    record Svd(int m, int n, int k, double[] u, double[] s, double[] vt) {
        /** U as an m×k matrix (shares data). */
        Matrix uMatrix() { return new Matrix(u, 0, m, k, k); }

        /** Vᵀ as a k×n matrix (shares data). */
        Matrix vtMatrix() { return new Matrix(vt, 0, k, n, n); }
    }

    /**
     * Thin SVD of {@code a} (not modified) by LAPACK {@code dgesdd} (divide and conquer).
     * O(mn·min(m, n)); allocates a copy of {@code a} and LAPACK's workspace.
     *
     * @throws IllegalStateException naming {@code dgesdd} and its {@code info} if LAPACK fails
     */
    static Svd svd(Matrix a, boolean vectors) {
        int m = a.rows, n = a.cols, k = Math.min(m, n);
        if (k == 0) return new Svd(m, n, 0, vectors ? new double[0] : null, new double[0], vectors ? new double[0] : null);
        double[] at = MatrixOps.copy(a, null).data;      // column-major n×m: Aᵀ
        double[] s = new double[k];
        String jobz = vectors ? "S" : "N";
        double[] lu = vectors ? new double[n * k] : new double[1];    // Vᵀ of A (row-major k×n)
        double[] lvt = vectors ? new double[k * m] : new double[1];   // U of A (row-major m×k)
        int ldu = vectors ? n : 1, ldvt = vectors ? k : 1;
        int[] iwork = new int[8 * k];
        intW info = new intW(0);
        double[] query = new double[1];
        lapack().dgesdd(jobz, n, m, at, n, s, lu, ldu, lvt, ldvt, query, -1, iwork, info);
        checkInfo("dgesdd (workspace query)", info.val);
        double[] work = new double[Math.max(1, (int) query[0])];
        lapack().dgesdd(jobz, n, m, at, n, s, lu, ldu, lvt, ldvt, work, work.length, iwork, info);
        checkInfo("dgesdd", info.val);
        return new Svd(m, n, k, vectors ? lvt : null, s, vectors ? lu : null);
    }

    /**
     * Eigenvalues (ascending) of a symmetric matrix by LAPACK {@code dsyev} without vectors.
     * O(n³); {@code sym} is not modified.
     *
     * @throws IllegalStateException naming {@code dsyev} and its {@code info} if LAPACK fails
     */
    static double[] symmetricEigenvalues(Matrix sym) {
        Check.dimension("sym.cols", sym.cols, sym.rows);
        int n = sym.rows;
        if (n == 0) return new double[0];
        double[] a = MatrixOps.copy(sym, null).data;      // symmetric: row- and column-major agree
        double[] w = new double[n];
        intW info = new intW(0);
        double[] query = new double[1];
        lapack().dsyev("N", "U", n, a, n, w, query, -1, info);
        checkInfo("dsyev (workspace query)", info.val);
        double[] work = new double[Math.max(1, (int) query[0])];
        lapack().dsyev("N", "U", n, a, n, w, work, work.length, info);
        checkInfo("dsyev", info.val);
        return w;
    }

    static void checkInfo(String routine, int info) {
        if (info < 0) throw new IllegalStateException("LAPACK " + routine + " failed: info = " + info + " (argument " + (-info) + " had an illegal value)");
        if (info > 0) throw new IllegalStateException("LAPACK " + routine + " failed: info = " + info + " (the iteration did not converge)");
    }
}
