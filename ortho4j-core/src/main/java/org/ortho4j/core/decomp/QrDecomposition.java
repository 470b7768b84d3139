package org.ortho4j.core.decomp;

import static org.ortho4j.core.decomp.LapackSupport.grow;
import static org.ortho4j.core.decomp.LapackSupport.ld;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * Householder QR factorization {@code A = Q R} of any {@code m x n} matrix (tall, wide, square or
 * empty), {@code k = min(m, n)}: thin {@code Q} is {@code m x k} with orthonormal columns, full
 * {@code Q} is {@code m x m} orthogonal, {@code R} is {@code k x n} upper trapezoidal (its diagonal
 * may have either sign, as LAPACK leaves it).
 *
 * <p><b>Layout mapping.</b> The row-major array of A is, read column-major, {@code A^T}
 * ({@code n x m}). LAPACK's LQ factorization of that array ({@code dgelqf}) is the Householder QR
 * of A, transposed: {@code A^T = L Q_lq} gives {@code A = Q_lq^T L^T}, so {@code R = L^T} and
 * {@code Q = Q_lq^T}. Both come out of the LAPACK buffers already in row-major order: the
 * lower triangle L of the column-major array is the upper triangle R of the row-major one, and
 * {@code dorglq}'s column-major {@code k x m} rows-orthonormal {@code Q_lq} is the row-major
 * {@code m x k} thin Q. No transposition is ever made; the only copy is of the input (which
 * LAPACK overwrites).
 *
 * <p><b>Cost.</b> {@link #decompose} runs {@code dgelqf} only, about {@code 2mn^2 - 2n^3/3} flops
 * for {@code m >= n}; {@link #getQ()} / {@link #getFullQ()} each run {@code dorglq} on a fresh
 * copy of the reflectors (about as much again; more for full Q). Getters allocate their result.
 * The object keeps its factor and workspace arrays across calls (they only grow), so reuse it for
 * many matrices of similar size. Not thread-safe.
 *
 * <p>Reference: Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., Sec. 5.2; LAPACK Users'
 * Guide, Sec. 2.4.2 (dgelqf, dorglq).
 */
public final class QrDecomposition {
    private final LAPACK lapack;
    private double[] factor, tau, work;
    private int m, n, k;
    private boolean decomposed;

    /** A decomposition using {@link Lapack#get()}. */
    public QrDecomposition() { this(Lapack.get()); }

    /** A decomposition using the given LAPACK implementation. */
    public QrDecomposition(LAPACK lapack) { this.lapack = Check.notNull("lapack", lapack); }

    /** {@code new QrDecomposition().decompose(a)}. */
    public static QrDecomposition of(Matrix a) { return new QrDecomposition().decompose(a); }

    /**
     * Factors {@code a} (not modified; any view). O(mn min(m, n)).
     *
     * @return this
     * @throws IllegalArgumentException if {@code a} is null or holds NaN or infinite values
     */
    public QrDecomposition decompose(Matrix a) {
        LapackSupport.requireFinite("a", a);
        decomposed = false;
        m = a.rows;
        n = a.cols;
        k = Math.min(m, n);
        factor = grow(factor, m * n);
        tau = grow(tau, k);
        LapackSupport.copyRowMajor(a, factor);
        if (k > 0) {
            intW info = new intW(0);
            // Column-major view of the row-major buffer: A^T, n x m, leading dimension n.
            work = LapackSupport.withWorkspace("dgelqf", work, n, info,
                    (w, lw, inf) -> lapack.dgelqf(n, m, factor, ld(n), tau, w, lw, inf));
            LapackSupport.check("dgelqf", info.val, "unexpected positive code");
        }
        decomposed = true;
        return this;
    }

    /** Number of rows m of the last factored matrix. */
    public int rows() { LapackSupport.requireDecomposed(decomposed); return m; }

    /** Number of columns n of the last factored matrix. */
    public int cols() { LapackSupport.requireDecomposed(decomposed); return n; }

    /** The thin Q, {@code m x min(m, n)} with orthonormal columns (new matrix). */
    public Matrix getQ() {
        LapackSupport.requireDecomposed(decomposed);
        return generateQ(k);
    }

    /** The full Q, {@code m x m} orthogonal; its first {@code min(m, n)} columns are {@link #getQ()} (new matrix). */
    public Matrix getFullQ() {
        LapackSupport.requireDecomposed(decomposed);
        if (k == 0) return Matrix.eye(m);
        return generateQ(m);
    }

    /** {@code R}, {@code min(m, n) x n}, upper trapezoidal (new matrix). */
    public Matrix getR() {
        LapackSupport.requireDecomposed(decomposed);
        Matrix r = new Matrix(k, n);
        for (int i = 0; i < k; i++) System.arraycopy(factor, i * n + i, r.data, i * n + i, n - i);
        return r;
    }

    /**
     * Runs dorglq to build the first {@code qcols} columns of Q ({@code k <= qcols <= m}).
     * Buffer: row-major m x qcols, i.e. column-major qcols x m with leading dimension qcols,
     * seeded with the reflectors (column-major rows 0..k-1 of the factor = its row-major columns).
     */
    private Matrix generateQ(int qcols) {
        Matrix q = new Matrix(m, qcols);
        if (m == 0 || qcols == 0) return q;
        double[] qbuf = q.data;
        for (int i = 0; i < m; i++) System.arraycopy(factor, i * n, qbuf, i * qcols, k);
        intW info = new intW(0);
        work = LapackSupport.withWorkspace("dorglq", work, qcols, info,
                (w, lw, inf) -> lapack.dorglq(qcols, m, k, qbuf, ld(qcols), tau, w, lw, inf));
        LapackSupport.check("dorglq", info.val, "unexpected positive code");
        return q;
    }
}
