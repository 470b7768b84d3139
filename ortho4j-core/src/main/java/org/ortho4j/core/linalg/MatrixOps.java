package org.ortho4j.core.linalg;

import java.util.function.DoubleUnaryOperator;
import org.ortho4j.core.Check;
import org.ortho4j.core.random.Rng;

/**
 * Static double-matrix kernels with explicit outputs (model: EJML {@code CommonOps_DDRM}).
 *
 * <p>Conventions: a {@code null} output means "allocate it" and the output is returned; a given
 * output must have the right shape (else {@link IllegalArgumentException}). Outputs may be views.
 * Elementwise ops may write in place (output == an input); products and transposes reject an
 * output that shares its array with an input. No hidden temporaries.
 */
public final class MatrixOps {
    private MatrixOps() {}

    static Matrix out(Matrix out, int rows, int cols, String what) {
        if (out == null) return new Matrix(rows, cols);
        if (out.rows != rows || out.cols != cols)
            throw new IllegalArgumentException("out is " + out.rows + "x" + out.cols + ", expected " + rows + "x" + cols + " for " + what);
        return out;
    }

    static void sameShape(String name, Matrix a, Matrix b) {
        Check.notNull(name, b);
        if (a.rows != b.rows || a.cols != b.cols)
            throw new IllegalArgumentException(name + " is " + b.rows + "x" + b.cols + ", expected " + a.rows + "x" + a.cols);
    }

    private static void noAlias(Matrix out, Matrix in, String op) {
        if (out.data == in.data && out.size() > 0 && in.size() > 0)
            throw new IllegalArgumentException("out shares its array with an input; " + op + " is not in-place");
    }

    /** Copies {@code a} into {@code out} (allocated when null). */
    public static Matrix copy(Matrix a, Matrix out) {
        out = out(out, a.rows, a.cols, "copy");
        for (int i = 0; i < a.rows; i++) System.arraycopy(a.data, a.offset + i * a.ld, out.data, out.offset + i * out.ld, a.cols);
        return out;
    }

    /** {@code out = a^T}. O(mn), cache-blocked. */
    public static Matrix transpose(Matrix a, Matrix out) {
        out = out(out, a.cols, a.rows, "transpose");
        noAlias(out, a, "transpose");
        final int bs = 32;
        for (int i0 = 0; i0 < a.rows; i0 += bs)
            for (int j0 = 0; j0 < a.cols; j0 += bs)
                for (int i = i0, ie = Math.min(a.rows, i0 + bs); i < ie; i++)
                    for (int j = j0, je = Math.min(a.cols, j0 + bs); j < je; j++)
                        out.data[out.offset + j * out.ld + i] = a.data[a.offset + i * a.ld + j];
        return out;
    }

    /** {@code out = a + b} (out may be a or b). */
    public static Matrix add(Matrix a, Matrix b, Matrix out) {
        sameShape("b", a, b);
        out = out(out, a.rows, a.cols, "add");
        for (int i = 0; i < a.rows; i++) {
            int ra = a.offset + i * a.ld, rb = b.offset + i * b.ld, ro = out.offset + i * out.ld;
            for (int j = 0; j < a.cols; j++) out.data[ro + j] = a.data[ra + j] + b.data[rb + j];
        }
        return out;
    }

    /** {@code out = a - b} (out may be a or b). */
    public static Matrix subtract(Matrix a, Matrix b, Matrix out) {
        sameShape("b", a, b);
        out = out(out, a.rows, a.cols, "subtract");
        for (int i = 0; i < a.rows; i++) {
            int ra = a.offset + i * a.ld, rb = b.offset + i * b.ld, ro = out.offset + i * out.ld;
            for (int j = 0; j < a.cols; j++) out.data[ro + j] = a.data[ra + j] - b.data[rb + j];
        }
        return out;
    }

    /** {@code out = alpha * a + b} (out may be a or b). */
    public static Matrix addScaled(double alpha, Matrix a, Matrix b, Matrix out) {
        sameShape("b", a, b);
        out = out(out, a.rows, a.cols, "addScaled");
        for (int i = 0; i < a.rows; i++) {
            int ra = a.offset + i * a.ld, rb = b.offset + i * b.ld, ro = out.offset + i * out.ld;
            for (int j = 0; j < a.cols; j++) out.data[ro + j] = alpha * a.data[ra + j] + b.data[rb + j];
        }
        return out;
    }

    /** {@code out = alpha * a} (out may be a). */
    public static Matrix scale(double alpha, Matrix a, Matrix out) {
        out = out(out, a.rows, a.cols, "scale");
        for (int i = 0; i < a.rows; i++) {
            int ra = a.offset + i * a.ld, ro = out.offset + i * out.ld;
            for (int j = 0; j < a.cols; j++) out.data[ro + j] = alpha * a.data[ra + j];
        }
        return out;
    }

    /** Elementwise product {@code out = a .* b} (out may be a or b). */
    public static Matrix hadamard(Matrix a, Matrix b, Matrix out) {
        sameShape("b", a, b);
        out = out(out, a.rows, a.cols, "hadamard");
        for (int i = 0; i < a.rows; i++) {
            int ra = a.offset + i * a.ld, rb = b.offset + i * b.ld, ro = out.offset + i * out.ld;
            for (int j = 0; j < a.cols; j++) out.data[ro + j] = a.data[ra + j] * b.data[rb + j];
        }
        return out;
    }

    /** Elementwise {@code out = f(a)} (out may be a). */
    public static Matrix map(Matrix a, DoubleUnaryOperator f, Matrix out) {
        out = out(out, a.rows, a.cols, "map");
        for (int i = 0; i < a.rows; i++) {
            int ra = a.offset + i * a.ld, ro = out.offset + i * out.ld;
            for (int j = 0; j < a.cols; j++) out.data[ro + j] = f.applyAsDouble(a.data[ra + j]);
        }
        return out;
    }

    /** Sets every element to {@code v}; returns a. */
    public static Matrix fill(Matrix a, double v) {
        for (int i = 0; i < a.rows; i++) java.util.Arrays.fill(a.data, a.offset + i * a.ld, a.offset + i * a.ld + a.cols, v);
        return a;
    }

    /**
     * General product {@code out = alpha * op(a) * op(b) + beta * out}; allocates a zero output when
     * {@code out} is null. O(mnk) on the active backend.
     */
    public static Matrix gemm(double alpha, Matrix a, boolean transA, Matrix b, boolean transB, double beta, Matrix out) {
        Check.notNull("a", a);
        Check.notNull("b", b);
        int m = transA ? a.cols : a.rows, k = transA ? a.rows : a.cols;
        int kb = transB ? b.cols : b.rows, n = transB ? b.rows : b.cols;
        if (k != kb)
            throw new IllegalArgumentException("inner dimensions differ: op(a) is " + m + "x" + k + ", op(b) is " + kb + "x" + n);
        out = out(out, m, n, "a product");
        noAlias(out, a, "gemm");
        noAlias(out, b, "gemm");
        Blas.gemm(transA, transB, m, n, k, alpha, a.data, a.offset, a.ld, b.data, b.offset, b.ld, beta, out.data, out.offset, out.ld);
        return out;
    }

    /** {@code out = a * b}. */
    public static Matrix mult(Matrix a, Matrix b, Matrix out) { return gemm(1, a, false, b, false, 0, out); }

    /** {@code out = a^T * b}. */
    public static Matrix multTransA(Matrix a, Matrix b, Matrix out) { return gemm(1, a, true, b, false, 0, out); }

    /** {@code out = a * b^T}. */
    public static Matrix multTransB(Matrix a, Matrix b, Matrix out) { return gemm(1, a, false, b, true, 0, out); }

    /** {@code out = a^T a} (cols x cols, both triangles, exactly symmetric). SYRK, O(n² m). */
    public static Matrix gramCols(Matrix a, Matrix out) {
        out = out(out, a.cols, a.cols, "a^T a");
        noAlias(out, a, "syrk");
        Blas.syrk(true, a.cols, a.rows, 1.0, a.data, a.offset, a.ld, 0.0, out.data, out.offset, out.ld);
        return out;
    }

    /** {@code out = a a^T} (rows x rows, both triangles, exactly symmetric). SYRK, O(m² n). */
    public static Matrix gramRows(Matrix a, Matrix out) {
        out = out(out, a.rows, a.rows, "a a^T");
        noAlias(out, a, "syrk");
        Blas.syrk(false, a.rows, a.cols, 1.0, a.data, a.offset, a.ld, 0.0, out.data, out.offset, out.ld);
        return out;
    }

    /** {@code y = a x} (y allocated when null). */
    public static double[] multVector(Matrix a, double[] x, double[] y) {
        Check.notNull("x", x);
        Check.dimension("x.length", x.length, a.cols);
        if (y == null) y = new double[a.rows];
        Check.dimension("y.length", y.length, a.rows);
        if (a.rows == 0) return y;
        if (a.cols == 0) { java.util.Arrays.fill(y, 0); return y; }
        Blas.gemv(false, a.rows, a.cols, 1.0, a.data, a.offset, a.ld, x, 0, 0.0, y, 0);
        return y;
    }

    /** {@code y = a^T x} (y allocated when null). */
    public static double[] multTransVector(Matrix a, double[] x, double[] y) {
        Check.notNull("x", x);
        Check.dimension("x.length", x.length, a.rows);
        if (y == null) y = new double[a.cols];
        Check.dimension("y.length", y.length, a.cols);
        if (a.cols == 0) return y;
        if (a.rows == 0) { java.util.Arrays.fill(y, 0); return y; }
        Blas.gemv(true, a.rows, a.cols, 1.0, a.data, a.offset, a.ld, x, 0, 0.0, y, 0);
        return y;
    }

    /** Sum of all elements. */
    public static double sum(Matrix a) {
        double s = 0;
        for (int i = 0; i < a.rows; i++)
            for (int j = 0; j < a.cols; j++) s += a.data[a.offset + i * a.ld + j];
        return s;
    }

    /** Sum of the diagonal of a square matrix. */
    public static double trace(Matrix a) {
        if (a.rows != a.cols) throw new IllegalArgumentException("matrix is " + a.rows + "x" + a.cols + ", expected square for trace");
        double s = 0;
        for (int i = 0; i < a.rows; i++) s += a.data[a.offset + i * a.ld + i];
        return s;
    }

    /** Largest absolute element (NaN if any element is NaN; 0 for an empty matrix). */
    public static double normMax(Matrix a) {
        double m = 0;
        for (int i = 0; i < a.rows; i++)
            for (int j = 0; j < a.cols; j++) {
                double v = Math.abs(a.data[a.offset + i * a.ld + j]);
                if (v > m || Double.isNaN(v)) m = v;
                if (Double.isNaN(m)) return m;
            }
        return m;
    }

    /** Frobenius norm, scaled by the largest element so it neither overflows nor underflows. */
    public static double normF(Matrix a) {
        double scale = normMax(a);
        if (scale == 0 || !Double.isFinite(scale)) return scale;
        double s = 0, inv = 1.0 / scale;
        for (int i = 0; i < a.rows; i++)
            for (int j = 0; j < a.cols; j++) {
                double v = a.data[a.offset + i * a.ld + j] * inv;
                s += v * v;
            }
        return scale * Math.sqrt(s);
    }

    /** True if any element is NaN or infinite. */
    public static boolean hasNonFinite(Matrix a) {
        for (int i = 0; i < a.rows; i++)
            for (int j = 0; j < a.cols; j++)
                if (!Double.isFinite(a.data[a.offset + i * a.ld + j])) return true;
        return false;
    }

    /** Requires every element of {@code a} to be finite; the message names {@code name}. */
    public static Matrix requireFinite(String name, Matrix a) {
        Check.notNull(name, a);
        for (int i = 0; i < a.rows; i++)
            for (int j = 0; j < a.cols; j++) {
                double v = a.data[a.offset + i * a.ld + j];
                if (!Double.isFinite(v))
                    throw new IllegalArgumentException(name + "(" + i + ", " + j + ") = " + v + ", expected finite values");
            }
        return a;
    }

    /** Result of an iterative norm estimate: the value and its diagnostics. */
    public record NormEstimate(double value, int iterations, double relativeChange, boolean converged) {}

    /**
     * Spectral norm by power iteration on {@code a^T a} from a seeded Gaussian start vector.
     * Stops when the relative change of the estimate falls below {@code tol} or after
     * {@code maxIter} iterations; the result says which. O(mn) per iteration.
     */
    public static NormEstimate norm2Estimate(Matrix a, double tol, int maxIter, long seed) {
        Check.positive("tol", tol);
        Check.positive("maxIter", maxIter);
        if (a.size() == 0) return new NormEstimate(0, 0, 0, true);
        double nf = normF(a);
        if (nf == 0 || !Double.isFinite(nf)) return new NormEstimate(nf, 0, 0, true);
        var rng = Rng.of(seed);
        double[] v = new double[a.cols], u = new double[a.rows];
        for (int j = 0; j < v.length; j++) v[j] = rng.nextGaussian();
        double est = 0, change = Double.POSITIVE_INFINITY;
        int it = 0;
        while (it < maxIter) {
            it++;
            double nv = Math.sqrt(Blas.dot(v.length, v, 0, v, 0));
            if (nv == 0) break;
            for (int j = 0; j < v.length; j++) v[j] /= nv;
            multVector(a, v, u);
            double next = Math.sqrt(Blas.dot(u.length, u, 0, u, 0));
            multTransVector(a, u, v);
            change = Math.abs(next - est) / next;
            est = next;
            if (change <= tol) break;
        }
        return new NormEstimate(est, it, change, change <= tol);
    }
}
