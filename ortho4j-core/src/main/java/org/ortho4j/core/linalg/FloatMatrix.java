package org.ortho4j.core.linalg;

import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.ortho4j.core.Check;
import org.ortho4j.core.random.Rng;

/**
 * A dense float matrix with the same layout rules as {@link Matrix}: one primitive array,
 * row-major, element (i, j) at {@code data[offset + i * ld + j]}. The float type exists for the
 * hot kernels of machine learning (GEMM, SYRK, Newton–Schulz, optimizer steps); everything else
 * is done in double. Products use {@link Blas} float GEMM on the active backend.
 */
public final class FloatMatrix {
    /** Backing array (shared by views). */
    public final float[] data;
    /** Index of element (0, 0) in {@link #data}. */
    public final int offset;
    /** Number of rows. */
    public final int rows;
    /** Number of columns. */
    public final int cols;
    /** Leading dimension. */
    public final int ld;

    /** A zero matrix. */
    public FloatMatrix(int rows, int cols) {
        this(new float[size(rows, cols)], 0, rows, cols, cols);
    }

    /** Wraps {@code data} (not copied) with the given layout. */
    public FloatMatrix(float[] data, int offset, int rows, int cols, int ld) {
        Check.notNull("data", data);
        Check.block("matrix", data.length, offset, rows, cols, Math.max(ld, cols == 0 ? 0 : ld));
        if (ld < cols && rows > 1) throw new IllegalArgumentException("ld = " + ld + ", expected >= cols = " + cols);
        this.data = data;
        this.offset = offset;
        this.rows = rows;
        this.cols = cols;
        this.ld = Math.max(ld, cols);
    }

    private static int size(int rows, int cols) {
        Check.nonNegative("rows", rows);
        Check.nonNegative("cols", cols);
        long n = (long) rows * cols;
        if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("rows * cols = " + n + ", expected <= " + (Integer.MAX_VALUE - 8));
        return (int) n;
    }

    /** Wraps a row-major array of length rows * cols without copying. */
    public static FloatMatrix wrap(int rows, int cols, float... data) {
        if (data.length != size(rows, cols))
            throw new IllegalArgumentException("data.length = " + data.length + ", expected rows * cols = " + rows + " * " + cols);
        return new FloatMatrix(data, 0, rows, cols, cols);
    }

    /** The n x n identity. */
    public static FloatMatrix eye(int n) {
        FloatMatrix m = new FloatMatrix(n, n);
        for (int i = 0; i < n; i++) m.data[i * n + i] = 1f;
        return m;
    }

    /** Standard normal entries (drawn in double from {@code Rng.of(seed)}, rounded to float). */
    public static FloatMatrix gaussian(int rows, int cols, long seed) { return gaussian(rows, cols, Rng.of(seed)); }

    /** Standard normal entries (drawn in double from {@code rng}, rounded to float). */
    public static FloatMatrix gaussian(int rows, int cols, RandomGenerator rng) {
        FloatMatrix m = new FloatMatrix(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = (float) rng.nextGaussian();
        return m;
    }

    /** Flat index of (i, j), with bounds checks. */
    public int index(int i, int j) {
        if (i < 0 || i >= rows) throw new IndexOutOfBoundsException("row i = " + i + ", expected in [0, " + rows + ")");
        if (j < 0 || j >= cols) throw new IndexOutOfBoundsException("column j = " + j + ", expected in [0, " + cols + ")");
        return offset + i * ld + j;
    }

    /** Element (i, j). */
    public float get(int i, int j) { return data[index(i, j)]; }

    /** Sets element (i, j); returns this. */
    public FloatMatrix set(int i, int j, float v) {
        data[index(i, j)] = v;
        return this;
    }

    /** A view of a block (shares data). */
    public FloatMatrix view(int r0, int c0, int nr, int nc) {
        if (r0 < 0 || c0 < 0 || nr < 0 || nc < 0 || r0 + nr > rows || c0 + nc > cols)
            throw new IllegalArgumentException("block (" + r0 + ", " + c0 + ") of shape " + nr + "x" + nc
                    + ", expected inside a " + rows + "x" + cols + " matrix");
        return new FloatMatrix(data, nr == 0 || nc == 0 ? 0 : offset + r0 * ld + c0, nr, nc, ld);
    }

    /** A contiguous copy. */
    public FloatMatrix copy() {
        FloatMatrix out = new FloatMatrix(rows, cols);
        for (int i = 0; i < rows; i++) System.arraycopy(data, offset + i * ld, out.data, i * cols, cols);
        return out;
    }

    /** A double copy. */
    public Matrix toDouble() {
        Matrix d = new Matrix(rows, cols);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) d.data[i * cols + j] = data[offset + i * ld + j];
        return d;
    }

    /** {@code this^T}. */
    public FloatMatrix transpose() {
        FloatMatrix out = new FloatMatrix(cols, rows);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) out.data[j * rows + i] = data[offset + i * ld + j];
        return out;
    }

    /** {@code alpha * this}. */
    public FloatMatrix times(float alpha) {
        FloatMatrix out = copy();
        for (int i = 0; i < out.data.length; i++) out.data[i] *= alpha;
        return out;
    }

    /** {@code this + b}. */
    public FloatMatrix plus(FloatMatrix b) {
        if (b.rows != rows || b.cols != cols) throw new IllegalArgumentException("b is " + b.rows + "x" + b.cols + ", expected " + rows + "x" + cols);
        FloatMatrix out = copy();
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) out.data[i * cols + j] += b.data[b.offset + i * b.ld + j];
        return out;
    }

    /** {@code this * b} (float GEMM on the active backend). */
    public FloatMatrix mult(FloatMatrix b) { return gemm(1f, this, false, b, false, 0f, null); }

    /**
     * {@code out = alpha * op(a) * op(b) + beta * out}; allocates a zero output when null. The
     * output must not share its array with a or b.
     */
    public static FloatMatrix gemm(float alpha, FloatMatrix a, boolean transA, FloatMatrix b, boolean transB, float beta, FloatMatrix out) {
        int m = transA ? a.cols : a.rows, k = transA ? a.rows : a.cols;
        int kb = transB ? b.cols : b.rows, n = transB ? b.rows : b.cols;
        if (k != kb) throw new IllegalArgumentException("inner dimensions differ: op(a) is " + m + "x" + k + ", op(b) is " + kb + "x" + n);
        if (out == null) out = new FloatMatrix(m, n);
        else if (out.rows != m || out.cols != n)
            throw new IllegalArgumentException("out is " + out.rows + "x" + out.cols + ", expected " + m + "x" + n);
        Blas.gemm(transA, transB, m, n, k, alpha, a.data, a.offset, a.ld, b.data, b.offset, b.ld, beta, out.data, out.offset, out.ld);
        return out;
    }

    /** {@code out = a^T a} (cols x cols) or, with {@code rowsSide}, {@code a a^T}; exactly symmetric. */
    public static FloatMatrix gram(FloatMatrix a, boolean rowsSide, FloatMatrix out) {
        int n = rowsSide ? a.rows : a.cols, k = rowsSide ? a.cols : a.rows;
        if (out == null) out = new FloatMatrix(n, n);
        else if (out.rows != n || out.cols != n)
            throw new IllegalArgumentException("out is " + out.rows + "x" + out.cols + ", expected " + n + "x" + n);
        Blas.syrk(!rowsSide, n, k, 1f, a.data, a.offset, a.ld, 0f, out.data, out.offset, out.ld);
        return out;
    }

    /** Frobenius norm accumulated in double. */
    public double normF() {
        double s = 0;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                double v = data[offset + i * ld + j];
                s += v * v;
            }
        return Math.sqrt(s);
    }

    /** Same shape and all elements within {@code tol}. */
    public boolean equals(FloatMatrix b, double tol) {
        if (b == null || b.rows != rows || b.cols != cols) return false;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                if (!(Math.abs(data[offset + i * ld + j] - b.data[b.offset + i * b.ld + j]) <= tol)) return false;
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof FloatMatrix)) return false;
        FloatMatrix b = (FloatMatrix) o;
        if (b.rows != rows || b.cols != cols) return false;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                if (Float.floatToIntBits(data[offset + i * ld + j]) != Float.floatToIntBits(b.data[b.offset + i * b.ld + j])) return false;
        return true;
    }

    @Override
    public int hashCode() {
        int h = 31 * rows + cols;
        for (int i = 0; i < rows; i++) h = 31 * h + Arrays.hashCode(Arrays.copyOfRange(data, offset + i * ld, offset + i * ld + cols));
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("FloatMatrix ").append(rows).append('x').append(cols).append('\n');
        for (int i = 0; i < Math.min(rows, 12); i++) {
            for (int j = 0; j < Math.min(cols, 12); j++) sb.append(String.format(Locale.ROOT, " %11.4g", data[offset + i * ld + j]));
            sb.append(cols > 12 ? "  ...\n" : "\n");
        }
        if (rows > 12) sb.append(" ...\n");
        return sb.toString();
    }
}
