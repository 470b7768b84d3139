package org.ortho4j.core.decomp;

import org.netlib.util.intW;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;

/**
 * Shared plumbing for the LAPACK-backed decompositions: layout conversion between ortho4j's
 * row-major {@link Matrix} and LAPACK's column-major arrays, workspace sizing and {@code info}
 * checks, and the input checks every decomposition performs.
 *
 * <p>Layout identity used throughout: a row-major {@code r x c} array with leading dimension
 * {@code ld} holds, read column-major with the same {@code ld}, the transpose ({@code c x r}).
 */
final class LapackSupport {
    private LapackSupport() {}

    /** Relative tolerance of the symmetry check, see {@link #requireSymmetric}. */
    static final double SYMMETRY_TOLERANCE = 1e-10;

    /** {@code max(1, n)}: LAPACK rejects leading dimensions below 1 even for empty matrices. */
    static int ld(int n) { return Math.max(1, n); }

    /** Throws {@link LapackException} unless {@code info == 0}. */
    static void check(String routine, int info, String meaningIfPositive) {
        if (info < 0) throw new LapackException(routine, info, "argument " + (-info) + " had an illegal value");
        if (info > 0) throw new LapackException(routine, info, meaningIfPositive);
    }

    /**
     * Workspace length from a {@code lwork = -1} query ({@code work[0]} afterwards), never below
     * {@code minimum} (the documented minimum guards against implementations whose query
     * under-reports) nor 1.
     */
    static int lwork(double queried, long minimum) {
        double q = Math.ceil(queried);
        long n = Math.max(Math.max(1, minimum), Double.isFinite(q) ? (long) q : 0);
        if (n > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException("LAPACK workspace of " + n + " doubles exceeds the largest Java array");
        return (int) n;
    }

    /** A LAPACK call parameterized by its workspace: {@code lwork = -1} means "query". */
    @FunctionalInterface
    interface WorkspaceCall {
        void run(double[] work, int lwork, intW info);
    }

    /**
     * Runs a LAPACK routine in the standard two steps: a workspace query ({@code lwork = -1},
     * whose failure throws), then the real call with the workspace grown to the queried size
     * but at least {@code minimum}. The real call's code is left in {@code info} for the caller
     * to interpret; the (possibly grown) workspace is returned for reuse.
     */
    static double[] withWorkspace(String routine, double[] work, long minimum, intW info, WorkspaceCall call) {
        work = grow(work, 1);
        call.run(work, -1, info);
        check(routine, info.val, "workspace query failed");
        int lwork = lwork(work[0], minimum);
        work = grow(work, lwork);
        call.run(work, lwork, info);
        return work;
    }

    /** {@code a} if it has at least {@code n} elements, else a new array of length {@code max(1, n)}. */
    static double[] grow(double[] a, int n) { return a != null && a.length >= n ? a : new double[Math.max(1, n)]; }

    /** {@code a} if it has at least {@code n} elements, else a new array of length {@code max(1, n)}. */
    static int[] grow(int[] a, int n) { return a != null && a.length >= n ? a : new int[Math.max(1, n)]; }

    /** Copies {@code a} (any view) row-major and contiguous into {@code dst[0 .. rows*cols)}. */
    static void copyRowMajor(Matrix a, double[] dst) {
        if (a.size() > 0) MatrixOps.copy(a, new Matrix(dst, 0, a.rows, a.cols, a.cols));
    }

    /** Writes {@code a} column-major into {@code dst} with leading dimension {@code ld >= a.rows}. */
    static void toColumnMajor(Matrix a, double[] dst, int ld) {
        if (a.size() > 0) MatrixOps.transpose(a, new Matrix(dst, 0, a.cols, a.rows, ld));
    }

    /** A new row-major {@code rows x cols} matrix read from column-major {@code src} with leading dimension {@code ld}. */
    static Matrix fromColumnMajor(double[] src, int ld, int rows, int cols) {
        if (rows == 0 || cols == 0) return new Matrix(rows, cols);
        return MatrixOps.transpose(new Matrix(src, 0, cols, rows, ld), null);
    }

    /** A new contiguous copy of the row-major {@code rows x cols} block of {@code src} with leading dimension {@code ld}. */
    static Matrix fromRowMajor(double[] src, int ld, int rows, int cols) {
        if (rows == 0 || cols == 0) return new Matrix(rows, cols);
        return new Matrix(src, 0, rows, cols, ld).copy();
    }

    /** Null and finiteness check of a decomposition input. */
    static void requireFinite(String name, Matrix a) { MatrixOps.requireFinite(name, a); }

    /** Requires a square matrix. */
    static void requireSquare(String name, Matrix a) {
        if (a.rows != a.cols)
            throw new IllegalArgumentException(name + " is " + a.rows + "x" + a.cols + ", expected a square matrix");
    }

    /** Requires {@code b.rows == rows} for a right-hand side. */
    static void requireRows(String name, Matrix b, int rows) {
        Check.notNull(name, b);
        if (b.rows != rows)
            throw new IllegalArgumentException(name + " is " + b.rows + "x" + b.cols + ", expected " + rows + " rows");
    }

    /**
     * Requires a square, finite, symmetric matrix: {@code ||A - A^T||_F <= }{@value #SYMMETRY_TOLERANCE}
     * {@code * ||A||_F}. Matrices formed in floating point (e.g. {@code B D B^T} by two products)
     * are symmetric only to about {@code k eps} relative for inner dimension {@code k}; this
     * tolerance accepts those up to {@code k ~ 10^5} yet rejects any genuinely non-symmetric input.
     */
    static void requireSymmetric(String name, Matrix a) {
        requireFinite(name, a);
        requireSquare(name, a);
        double scale = MatrixOps.normMax(a);
        if (scale == 0) return;
        double inv = 1 / scale, asym = 0, norm = 0;
        for (int i = 0; i < a.rows; i++) {
            int ri = a.offset + i * a.ld;
            double d = a.data[ri + i] * inv;
            norm += d * d;
            for (int j = 0; j < i; j++) {
                double lo = a.data[ri + j] * inv, up = a.data[a.offset + j * a.ld + i] * inv;
                asym += 2 * (lo - up) * (lo - up);
                norm += lo * lo + up * up;
            }
        }
        double rel = Math.sqrt(asym / norm);
        if (!(rel <= SYMMETRY_TOLERANCE))
            throw new IllegalArgumentException(name + " is not symmetric: ||" + name + " - " + name + "^T||_F / ||" + name
                    + "||_F = " + rel + ", expected <= " + SYMMETRY_TOLERANCE);
    }

    /** True if {@code a} is square and {@code a(i, j) == a(j, i)} exactly for all i, j. */
    static boolean isExactlySymmetric(Matrix a) {
        if (a.rows != a.cols) return false;
        for (int i = 0; i < a.rows; i++)
            for (int j = 0; j < i; j++)
                if (a.data[a.offset + i * a.ld + j] != a.data[a.offset + j * a.ld + i]) return false;
        return true;
    }

    /** Fails when a getter is called before {@code decompose}. */
    static void requireDecomposed(boolean decomposed) {
        if (!decomposed) throw new IllegalStateException("decompose(a) has not been called yet");
    }
}
