package org.ortho4j.core.transform;

import org.jtransforms.dct.DoubleDCT_1D;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * Orthonormal DCT-II and its inverse DCT-III for any length n ≥ 1 (spec optimizers.md §7):
 * <pre>
 *   y_k = s_k Σ_j x_j cos(π k (2j + 1) / (2n)),   s_0 = sqrt(1/n), s_k = sqrt(2/n) (k > 0)
 * </pre>
 * i.e. {@code y = C x} with the orthonormal basis matrix {@link #basis(int) C}
 * ({@code C[k][j] = s_k cos(π k (2j+1) / (2n))}, {@code C C^T = I}); {@link #inverse} applies
 * {@code C^T}. Equal to scipy's {@code dct(x, type=2, norm='ortho')}. O(n log n) through
 * JTransforms' scaled DCT; in place. A plan is not thread-safe when used with the row/column
 * helpers (they share a scratch array).
 */
public final class Dct {
    private final int n;
    private final DoubleDCT_1D dct;
    private final double[] scratch;

    /** A plan for length n ≥ 1. */
    public Dct(int n) {
        this.n = Check.positive("n", n);
        this.dct = new DoubleDCT_1D(n);
        this.scratch = new double[n];
    }

    /** Transform length. */
    public int size() { return n; }

    /** Orthonormal DCT-II in place on {@code a[off .. off+n)}: {@code a <- C a}. */
    public void forward(double[] a, int off) {
        Check.block("a", a.length, off, 1, n, n);
        dct.forward(a, off, true);
    }

    /** Orthonormal DCT-III (the inverse) in place: {@code a <- C^T a}. */
    public void inverse(double[] a, int off) {
        Check.block("a", a.length, off, 1, n, n);
        dct.inverse(a, off, true);
    }

    /** {@code out = g C^T}: the DCT-II of every row of g (g has n columns). out may be g (in place) or null (allocate). */
    public Matrix forwardRows(Matrix g, Matrix out) { return rows(g, out, false); }

    /** {@code out = g C}: the DCT-III of every row of g — the right projection of DCT-AdamW. out may be g or null. */
    public Matrix inverseRows(Matrix g, Matrix out) { return rows(g, out, true); }

    /** {@code out = C g}: the DCT-II of every column of g (g has n rows). out may be g or null. */
    public Matrix forwardColumns(Matrix g, Matrix out) { return columns(g, out, false); }

    /** {@code out = C^T g}: the DCT-III of every column of g — the left projection of DCT-AdamW. out may be g or null. */
    public Matrix inverseColumns(Matrix g, Matrix out) { return columns(g, out, true); }

    private Matrix rows(Matrix g, Matrix out, boolean inverse) {
        Check.dimension("g.cols", g.cols, n);
        out = prepare(g, out, g.rows, n);
        for (int i = 0; i < out.rows; i++) {
            if (inverse) inverse(out.data, out.offset + i * out.ld);
            else forward(out.data, out.offset + i * out.ld);
        }
        return out;
    }

    private Matrix columns(Matrix g, Matrix out, boolean inverse) {
        Check.dimension("g.rows", g.rows, n);
        out = prepare(g, out, n, g.cols);
        for (int j = 0; j < out.cols; j++) {
            for (int i = 0; i < n; i++) scratch[i] = out.data[out.offset + i * out.ld + j];
            if (inverse) dct.inverse(scratch, 0, true);
            else dct.forward(scratch, 0, true);
            for (int i = 0; i < n; i++) out.data[out.offset + i * out.ld + j] = scratch[i];
        }
        return out;
    }

    private static Matrix prepare(Matrix g, Matrix out, int rows, int cols) {
        if (out == null) return g.copy();
        if (out.rows != rows || out.cols != cols)
            throw new IllegalArgumentException("out is " + out.rows + "x" + out.cols + ", expected " + rows + "x" + cols);
        if (out != g) out.setTo(g);
        return out;
    }

    /**
     * The orthonormal DCT-II basis matrix {@code C} (n x n), {@code C[k][j] = s_k cos(π k (2j+1)/(2n))}
     * with {@code s_0 = sqrt(1/n)}, {@code s_k = sqrt(2/n)}. O(n²).
     */
    public static Matrix basis(int n) {
        Check.positive("n", n);
        Matrix c = new Matrix(n, n);
        double s0 = Math.sqrt(1.0 / n), s = Math.sqrt(2.0 / n);
        for (int k = 0; k < n; k++)
            for (int j = 0; j < n; j++)
                c.data[k * n + j] = (k == 0 ? s0 : s) * Math.cos(Math.PI * k * (2 * j + 1) / (2.0 * n));
        return c;
    }
}
