package org.ortho4j.optim;

import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;

/**
 * A contiguous row-major {@code rows×cols} buffer in float32 or float64, the one numeric container
 * the optimizers work on. Exactly one of {@link #f} and {@link #d} is non-null; element {@code i}
 * (flat, row-major) is {@code f[i]} or {@code d[i]}. The backing array may be longer than
 * {@code rows·cols} (shared scratch); only the first {@code size} elements belong to the buffer.
 *
 * <p>Arithmetic convention of the whole module: element-wise formulas are evaluated in double and
 * rounded once when stored ({@link #set}), so a float32 state differs from the float64 golden by
 * the storage rounding only; matrix products and Newton–Schulz run in the buffer's own precision
 * (float GEMMs on the float path), through {@link #fm} / {@link #dm}.
 *
 * <p>The accessors branch on a final field; the JIT hoists that loop-invariant test out of the
 * element loops (loop unswitching), so the loops run as plain float or double loops.
 */
final class Dense {
    final int rows, cols, size;
    final float[] f;
    final double[] d;
    /** Float view of the buffer (null on the double path). */
    final FloatMatrix fm;
    /** Double view of the buffer (null on the float path). */
    final Matrix dm;

    private Dense(int rows, int cols, float[] f, double[] d) {
        this.rows = rows;
        this.cols = cols;
        this.size = rows * cols;
        this.f = f;
        this.d = d;
        this.fm = f == null ? null : new FloatMatrix(f, 0, rows, cols, cols);
        this.dm = d == null ? null : new Matrix(d, 0, rows, cols, cols);
    }

    /** A zero buffer of the given precision. */
    static Dense zeros(int rows, int cols, boolean isFloat) {
        long n = (long) rows * cols;
        if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("rows * cols = " + n + ", too large for one array");
        return isFloat ? new Dense(rows, cols, new float[(int) n], null) : new Dense(rows, cols, null, new double[(int) n]);
    }

    /** A view of the first {@code rows·cols} elements of {@code f} (its length must suffice). */
    static Dense over(float[] f, int rows, int cols) { return new Dense(rows, cols, f, null); }

    /** A view of the first {@code rows·cols} elements of {@code d}. */
    static Dense over(double[] d, int rows, int cols) { return new Dense(rows, cols, null, d); }

    boolean isFloat() { return f != null; }

    /** The backing array (float[] or double[]), for identity checks. */
    Object array() { return f != null ? f : d; }

    double get(int i) { return f != null ? f[i] : d[i]; }

    void set(int i, double v) {
        if (f != null) f[i] = (float) v;
        else d[i] = v;
    }

    double get(int i, int j) { return get(i * cols + j); }

    void fill(double v) {
        for (int i = 0; i < size; i++) set(i, v);
    }

    /** Copies {@code src} (same size) into this buffer. */
    void copyFrom(Dense src) {
        if (f != null && src.f != null) System.arraycopy(src.f, 0, f, 0, size);
        else if (d != null && src.d != null) System.arraycopy(src.d, 0, d, 0, size);
        else for (int i = 0; i < size; i++) set(i, src.get(i));
    }

    /** Σ x_i², accumulated in double. */
    double sumSquares() {
        double s = 0;
        for (int i = 0; i < size; i++) {
            double v = get(i);
            s += v * v;
        }
        return s;
    }

    /** Frobenius norm, accumulated in double. */
    double normF() { return Math.sqrt(sumSquares()); }

    /** {@code x ← alpha·x}. */
    void scale(double alpha) {
        for (int i = 0; i < size; i++) set(i, alpha * get(i));
    }

    /** A double copy, {@code rows×cols} (for traces and tests; allocates). */
    Matrix toMatrix() {
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < size; i++) m.data[i] = get(i);
        return m;
    }

    /**
     * {@code out ← alpha·op(a)·op(b) + beta·out} in the buffers' common precision, on the active
     * backend; {@code out} must not share its array with {@code a} or {@code b}.
     */
    static void gemm(double alpha, Dense a, boolean ta, Dense b, boolean tb, double beta, Dense out) {
        if (out.f != null) FloatMatrix.gemm((float) alpha, a.fm, ta, b.fm, tb, (float) beta, out.fm);
        else MatrixOps.gemm(alpha, a.dm, ta, b.dm, tb, beta, out.dm);
    }
}
