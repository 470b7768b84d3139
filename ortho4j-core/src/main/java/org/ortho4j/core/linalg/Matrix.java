package org.ortho4j.core.linalg;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import org.ortho4j.core.Check;
import org.ortho4j.core.random.Rng;

/**
 * A dense double matrix: one primitive array, row-major, with public fields (model: EJML
 * {@code DMatrixD1}). Element {@code (i, j)} is {@code data[offset + i * ld + j]}, {@code ld >= cols}.
 * A matrix with {@code offset != 0} or {@code ld != cols} is a <em>view</em> into another
 * matrix's array: writes through a view change the parent.
 *
 * <p>The instance methods form the readable fluent layer ({@code a.mult(b).plus(c)}); each
 * returns a new contiguous matrix and leaves its operands alone. Hot paths use the static kernels
 * in {@link MatrixOps} and {@link Blas}, which take an explicit output.
 */
public final class Matrix {
    /** Backing array (shared by views). */
    public final double[] data;
    /** Index of element (0, 0) in {@link #data}. */
    public final int offset;
    /** Number of rows. */
    public final int rows;
    /** Number of columns. */
    public final int cols;
    /** Leading dimension: distance in {@link #data} between (i, j) and (i + 1, j). */
    public final int ld;

    /** A zero matrix of the given shape. */
    public Matrix(int rows, int cols) {
        this(new double[checkedSize(rows, cols)], 0, rows, cols, cols);
    }

    /**
     * Wraps {@code data} (not copied) as a view with the given layout.
     *
     * @throws IllegalArgumentException if the block does not fit in {@code data}
     */
    public Matrix(double[] data, int offset, int rows, int cols, int ld) {
        Check.notNull("data", data);
        Check.block("matrix", data.length, offset, rows, cols, Math.max(ld, cols == 0 ? 0 : ld));
        if (ld < Math.max(cols, 0) && rows > 1)
            throw new IllegalArgumentException("ld = " + ld + ", expected >= cols = " + cols);
        this.data = data;
        this.offset = offset;
        this.rows = rows;
        this.cols = cols;
        this.ld = Math.max(ld, cols);
    }

    private static int checkedSize(int rows, int cols) {
        Check.nonNegative("rows", rows);
        Check.nonNegative("cols", cols);
        long n = (long) rows * cols;
        if (n > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException("rows * cols = " + n + ", expected <= " + (Integer.MAX_VALUE - 8));
        return (int) n;
    }

    // ------------------------------------------------------------------ factories

    /** A zero matrix. */
    public static Matrix zeros(int rows, int cols) { return new Matrix(rows, cols); }

    /** The n x n identity. */
    public static Matrix eye(int n) { return eye(n, n); }

    /** The rows x cols matrix with ones on the main diagonal. */
    public static Matrix eye(int rows, int cols) {
        Matrix m = new Matrix(rows, cols);
        for (int i = 0, n = Math.min(rows, cols); i < n; i++) m.data[i * cols + i] = 1;
        return m;
    }

    /** A square diagonal matrix. */
    public static Matrix diag(double... d) {
        Matrix m = new Matrix(d.length, d.length);
        for (int i = 0; i < d.length; i++) m.data[i * d.length + i] = d[i];
        return m;
    }

    /** Wraps a row-major array of length {@code rows * cols} without copying. */
    public static Matrix wrap(int rows, int cols, double... data) {
        Check.notNull("data", data);
        if (data.length != checkedSize(rows, cols))
            throw new IllegalArgumentException("data.length = " + data.length + ", expected rows * cols = " + rows + " * " + cols);
        return new Matrix(data, 0, rows, cols, cols);
    }

    /**
     * Copies a rectangular {@code double[rows][cols]} array.
     *
     * @throws IllegalArgumentException if the rows have different lengths
     */
    public static Matrix of(double[][] values) {
        Check.notNull("values", values);
        int r = values.length, c = r == 0 ? 0 : values[0].length;
        Matrix m = new Matrix(r, c);
        for (int i = 0; i < r; i++) {
            if (values[i].length != c)
                throw new IllegalArgumentException("values[" + i + "].length = " + values[i].length + ", expected " + c + " (a rectangular array)");
            System.arraycopy(values[i], 0, m.data, i * c, c);
        }
        return m;
    }

    /** A column vector (n x 1) holding a copy of {@code v}. */
    public static Matrix column(double... v) { return wrap(v.length, 1, v.clone()); }

    /** A row vector (1 x n) holding a copy of {@code v}. */
    public static Matrix row(double... v) { return wrap(1, v.length, v.clone()); }

    /** Independent standard normal entries, filled row-major from {@code Rng.of(seed)} (SplitMix64 + Box-Muller). */
    public static Matrix gaussian(int rows, int cols, long seed) { return gaussian(rows, cols, Rng.of(seed)); }

    /** Independent standard normal entries drawn row-major from {@code rng}. */
    public static Matrix gaussian(int rows, int cols, RandomGenerator rng) {
        Check.notNull("rng", rng);
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = rng.nextGaussian();
        return m;
    }

    /** Independent uniform entries on {@code [lo, hi)}, filled row-major from {@code Rng.of(seed)}. */
    public static Matrix uniform(int rows, int cols, double lo, double hi, long seed) {
        return uniform(rows, cols, lo, hi, Rng.of(seed));
    }

    /** Independent uniform entries on {@code [lo, hi)} drawn row-major from {@code rng}. */
    public static Matrix uniform(int rows, int cols, double lo, double hi, RandomGenerator rng) {
        Check.finite("lo", lo);
        Check.finite("hi", hi);
        if (!(hi > lo)) throw new IllegalArgumentException("hi = " + hi + ", expected > lo = " + lo);
        Matrix m = new Matrix(rows, cols);
        double w = hi - lo;
        for (int i = 0; i < m.data.length; i++) m.data[i] = lo + w * rng.nextDouble();
        return m;
    }

    // ------------------------------------------------------------------ access and views

    /** Flat index of (i, j) in {@link #data}, with bounds checks. */
    public int index(int i, int j) {
        if (i < 0 || i >= rows) throw new IndexOutOfBoundsException("row i = " + i + ", expected in [0, " + rows + ")");
        if (j < 0 || j >= cols) throw new IndexOutOfBoundsException("column j = " + j + ", expected in [0, " + cols + ")");
        return offset + i * ld + j;
    }

    /** Element (i, j). */
    public double get(int i, int j) { return data[index(i, j)]; }

    /** Sets element (i, j); returns this. */
    public Matrix set(int i, int j, double v) {
        data[index(i, j)] = v;
        return this;
    }

    /** Number of elements, {@code rows * cols}. */
    public int size() { return rows * cols; }

    /** True if rows are adjacent in {@link #data} ({@code ld == cols} or at most one row). */
    public boolean isContiguous() { return ld == cols || rows <= 1; }

    /** True if {@code rows == cols}. */
    public boolean isSquare() { return rows == cols; }

    /** A view of rows {@code r0 .. r0 + n - 1} (shares data). */
    public Matrix rowsView(int r0, int n) { return view(r0, 0, n, cols); }

    /** A 1 x cols view of row i (shares data). */
    public Matrix rowView(int i) { return view(i, 0, 1, cols); }

    /**
     * A view of the block with top-left corner (r0, c0) and shape nr x nc (shares data).
     *
     * @throws IllegalArgumentException if the block leaves the matrix
     */
    public Matrix view(int r0, int c0, int nr, int nc) {
        if (r0 < 0 || c0 < 0 || nr < 0 || nc < 0 || r0 + nr > rows || c0 + nc > cols)
            throw new IllegalArgumentException("block (" + r0 + ", " + c0 + ") of shape " + nr + "x" + nc
                    + ", expected inside a " + rows + "x" + cols + " matrix");
        return new Matrix(data, nr == 0 || nc == 0 ? 0 : offset + r0 * ld + c0, nr, nc, ld);
    }

    /** A copy of column j as an n x 1 matrix. */
    public Matrix col(int j) {
        if (j < 0 || j >= cols) throw new IndexOutOfBoundsException("column j = " + j + ", expected in [0, " + cols + ")");
        Matrix c = new Matrix(rows, 1);
        for (int i = 0; i < rows; i++) c.data[i] = data[offset + i * ld + j];
        return c;
    }

    /** Column j as a new array. */
    public double[] colArray(int j) { return col(j).data; }

    /** Row i as a new array. */
    public double[] rowArray(int i) {
        if (i < 0 || i >= rows) throw new IndexOutOfBoundsException("row i = " + i + ", expected in [0, " + rows + ")");
        int s = offset + i * ld;
        return Arrays.copyOfRange(data, s, s + cols);
    }

    /** Copies {@code src} (same shape) into this matrix, view or not; returns this. */
    public Matrix setTo(Matrix src) {
        MatrixOps.copy(src, this);
        return this;
    }

    /** A contiguous copy. */
    public Matrix copy() { return MatrixOps.copy(this, null); }

    /** The contents as a new row-major array of length rows * cols. */
    public double[] toRowMajor() { return copy().data; }

    /** The contents as a new {@code double[rows][cols]}. */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) out[i] = Arrays.copyOfRange(data, offset + i * ld, offset + i * ld + cols);
        return out;
    }

    /** A float copy. */
    public FloatMatrix toFloat() {
        FloatMatrix f = new FloatMatrix(rows, cols);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) f.data[i * cols + j] = (float) data[offset + i * ld + j];
        return f;
    }

    // ------------------------------------------------------------------ fluent arithmetic

    /** {@code this^T} as a new matrix. */
    public Matrix transpose() { return MatrixOps.transpose(this, null); }

    /** {@code this + b}. */
    public Matrix plus(Matrix b) { return MatrixOps.add(this, b, null); }

    /** {@code this - b}. */
    public Matrix minus(Matrix b) { return MatrixOps.subtract(this, b, null); }

    /** {@code alpha * this}. */
    public Matrix times(double alpha) { return MatrixOps.scale(alpha, this, null); }

    /** Elementwise product {@code this .* b}. */
    public Matrix hadamard(Matrix b) { return MatrixOps.hadamard(this, b, null); }

    /** Elementwise {@code f(x)}. */
    public Matrix map(DoubleUnaryOperator f) { return MatrixOps.map(this, f, null); }

    /** Matrix product {@code this * b} (GEMM on the active backend). */
    public Matrix mult(Matrix b) { return MatrixOps.mult(this, b, null); }

    /** {@code this^T * b} without forming the transpose. */
    public Matrix transposeMult(Matrix b) { return MatrixOps.multTransA(this, b, null); }

    /** {@code this * b^T} without forming the transpose. */
    public Matrix multTranspose(Matrix b) { return MatrixOps.multTransB(this, b, null); }

    /** The Gram matrix {@code this^T this} (cols x cols, exactly symmetric). */
    public Matrix gram() { return MatrixOps.gramCols(this, null); }

    /** The outer Gram matrix {@code this this^T} (rows x rows, exactly symmetric). */
    public Matrix outerGram() { return MatrixOps.gramRows(this, null); }

    /** Matrix-vector product {@code this * x}. */
    public double[] mult(double[] x) { return MatrixOps.multVector(this, x, null); }

    // ------------------------------------------------------------------ reductions and norms

    /** Sum of all elements. */
    public double sum() { return MatrixOps.sum(this); }

    /** Sum of the diagonal; requires a square matrix. */
    public double trace() { return MatrixOps.trace(this); }

    /** Frobenius norm, computed with scaling so it neither overflows nor underflows. */
    public double normF() { return MatrixOps.normF(this); }

    /** Largest absolute element (0 for an empty matrix). */
    public double normMax() { return MatrixOps.normMax(this); }

    /**
     * Spectral norm (largest singular value) estimated by power iteration on {@code A^T A} to a
     * relative change of 1e-12 or 1000 iterations; see {@link MatrixOps#norm2Estimate}.
     */
    public double norm2() { return MatrixOps.norm2Estimate(this, 1e-12, 1000, 0x5eed).value(); }

    /** Nuclear norm (sum of singular values), through LAPACK's SVD. O(mn min(m, n)). */
    public double normNuclear() {
        double s = 0;
        for (double v : org.ortho4j.core.decomp.SvdDecomposition.singularValues(this)) s += v;
        return s;
    }

    /** True if any element is NaN or infinite. */
    public boolean hasNonFinite() { return MatrixOps.hasNonFinite(this); }

    // ------------------------------------------------------------------ comparison and printing

    /**
     * Same shape and {@code |this(i,j) - b(i,j)| <= tol} for all elements.
     *
     * @param tol absolute tolerance, {@code >= 0}
     */
    public boolean equals(Matrix b, double tol) {
        if (tol < 0 || Double.isNaN(tol)) throw new IllegalArgumentException("tol = " + tol + ", expected >= 0");
        if (b == null || b.rows != rows || b.cols != cols) return false;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                double d = Math.abs(data[offset + i * ld + j] - b.data[b.offset + i * b.ld + j]);
                if (!(d <= tol)) return false;
            }
        return true;
    }

    /** Exact equality of shape and values (views compare by content; NaN equals NaN). */
    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Matrix)) return false;
        Matrix b = (Matrix) o;
        if (b.rows != rows || b.cols != cols) return false;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                if (Double.doubleToLongBits(data[offset + i * ld + j]) != Double.doubleToLongBits(b.data[b.offset + i * b.ld + j]))
                    return false;
        return true;
    }

    @Override
    public int hashCode() {
        int h = 31 * rows + cols;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) h = 31 * h + Double.hashCode(data[offset + i * ld + j]);
        return h;
    }

    /** Shape line, then all elements for up to 12 x 12, else the corners with ellipses. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("Matrix ").append(rows).append('x').append(cols).append('\n');
        int show = 12, edge = 4;
        boolean cutR = rows > show, cutC = cols > show;
        for (int i = 0; i < rows; i++) {
            if (cutR && i == edge) { sb.append(" ...\n"); i = rows - edge; }
            for (int j = 0; j < cols; j++) {
                if (cutC && j == edge) { sb.append("  ..."); j = cols - edge; }
                sb.append(String.format(Locale.ROOT, " %11.4g", data[offset + i * ld + j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
