package org.ortho4j.core.decomp;

import java.util.Arrays;
import java.util.Locale;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * A small dense complex matrix: real and imaginary parts in two row-major arrays,
 * element {@code (i, j)} = {@code re[i * cols + j] + i im[i * cols + j]}. Deliberately minimal
 * (it carries the complex eigenvectors of {@link Eigen}); operations allocate their results and
 * use straightforward loops, O(size) or O(mnk) for products.
 */
public final class ComplexMatrix {
    /** Number of rows. */
    public final int rows;
    /** Number of columns. */
    public final int cols;
    /** Real parts, row-major, length {@code rows * cols}. */
    public final double[] re;
    /** Imaginary parts, row-major, length {@code rows * cols}. */
    public final double[] im;

    /** A zero matrix. */
    public ComplexMatrix(int rows, int cols) {
        Check.nonNegative("rows", rows);
        Check.nonNegative("cols", cols);
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException("rows * cols = " + size + ", expected <= " + (Integer.MAX_VALUE - 8));
        this.rows = rows;
        this.cols = cols;
        this.re = new double[(int) size];
        this.im = new double[(int) size];
    }

    /**
     * Wraps (does not copy) row-major real and imaginary parts.
     *
     * @throws IllegalArgumentException if an array is null or its length is not {@code rows * cols}
     */
    public ComplexMatrix(int rows, int cols, double[] re, double[] im) {
        Check.nonNegative("rows", rows);
        Check.nonNegative("cols", cols);
        Check.notNull("re", re);
        Check.notNull("im", im);
        long size = (long) rows * cols;
        if (re.length != size) throw new IllegalArgumentException("re.length = " + re.length + ", expected rows * cols = " + size);
        if (im.length != size) throw new IllegalArgumentException("im.length = " + im.length + ", expected rows * cols = " + size);
        this.rows = rows;
        this.cols = cols;
        this.re = re;
        this.im = im;
    }

    /** A complex copy of a real matrix (imaginary part zero). */
    public static ComplexMatrix of(Matrix real) {
        Check.notNull("real", real);
        return new ComplexMatrix(real.rows, real.cols, real.toRowMajor(), new double[real.size()]);
    }

    /** {@code re + i im} from two real matrices of the same shape (copied). */
    public static ComplexMatrix of(Matrix re, Matrix im) {
        Check.notNull("re", re);
        Check.notNull("im", im);
        if (re.rows != im.rows || re.cols != im.cols)
            throw new IllegalArgumentException("im is " + im.rows + "x" + im.cols + ", expected " + re.rows + "x" + re.cols + " like re");
        return new ComplexMatrix(re.rows, re.cols, re.toRowMajor(), im.toRowMajor());
    }

    private int index(int i, int j) {
        if (i < 0 || i >= rows) throw new IndexOutOfBoundsException("row i = " + i + ", expected in [0, " + rows + ")");
        if (j < 0 || j >= cols) throw new IndexOutOfBoundsException("column j = " + j + ", expected in [0, " + cols + ")");
        return i * cols + j;
    }

    /** Real part of element (i, j). */
    public double getRe(int i, int j) { return re[index(i, j)]; }

    /** Imaginary part of element (i, j). */
    public double getIm(int i, int j) { return im[index(i, j)]; }

    /** Sets element (i, j) to {@code re + i im}; returns this. */
    public ComplexMatrix set(int i, int j, double re, double im) {
        int p = index(i, j);
        this.re[p] = re;
        this.im[p] = im;
        return this;
    }

    /** The real part as a new {@link Matrix}. */
    public Matrix real() { return Matrix.wrap(rows, cols, re.clone()); }

    /** The imaginary part as a new {@link Matrix}. */
    public Matrix imag() { return Matrix.wrap(rows, cols, im.clone()); }

    /** Column j as a new {@code rows x 1} complex matrix. */
    public ComplexMatrix column(int j) {
        if (j < 0 || j >= cols) throw new IndexOutOfBoundsException("column j = " + j + ", expected in [0, " + cols + ")");
        ComplexMatrix c = new ComplexMatrix(rows, 1);
        for (int i = 0; i < rows; i++) {
            c.re[i] = re[i * cols + j];
            c.im[i] = im[i * cols + j];
        }
        return c;
    }

    /**
     * {@code y = this * x} for a complex vector {@code x = xRe + i xIm} (length cols), written to
     * {@code yRe, yIm} (length rows). O(rows * cols).
     */
    public void multVector(double[] xRe, double[] xIm, double[] yRe, double[] yIm) {
        Check.dimension("xRe.length", Check.notNull("xRe", xRe).length, cols);
        Check.dimension("xIm.length", Check.notNull("xIm", xIm).length, cols);
        Check.dimension("yRe.length", Check.notNull("yRe", yRe).length, rows);
        Check.dimension("yIm.length", Check.notNull("yIm", yIm).length, rows);
        for (int i = 0; i < rows; i++) {
            double sr = 0, si = 0;
            for (int j = 0, p = i * cols; j < cols; j++, p++) {
                sr += re[p] * xRe[j] - im[p] * xIm[j];
                si += re[p] * xIm[j] + im[p] * xRe[j];
            }
            yRe[i] = sr;
            yIm[i] = si;
        }
    }

    /** The product {@code this * b} (new matrix). O(rows * cols * b.cols). */
    public ComplexMatrix mult(ComplexMatrix b) {
        Check.notNull("b", b);
        if (b.rows != cols)
            throw new IllegalArgumentException("b is " + b.rows + "x" + b.cols + ", expected " + cols + " rows");
        ComplexMatrix c = new ComplexMatrix(rows, b.cols);
        for (int i = 0; i < rows; i++)
            for (int t = 0; t < cols; t++) {
                double ar = re[i * cols + t], ai = im[i * cols + t];
                for (int j = 0, p = t * b.cols, q = i * b.cols; j < b.cols; j++, p++, q++) {
                    c.re[q] += ar * b.re[p] - ai * b.im[p];
                    c.im[q] += ar * b.im[p] + ai * b.re[p];
                }
            }
        return c;
    }

    /** {@code (sRe + i sIm) * this} (new matrix). */
    public ComplexMatrix scale(double sRe, double sIm) {
        ComplexMatrix c = new ComplexMatrix(rows, cols);
        for (int p = 0; p < re.length; p++) {
            c.re[p] = sRe * re[p] - sIm * im[p];
            c.im[p] = sRe * im[p] + sIm * re[p];
        }
        return c;
    }

    /** {@code this - b} (new matrix). */
    public ComplexMatrix minus(ComplexMatrix b) {
        Check.notNull("b", b);
        if (b.rows != rows || b.cols != cols)
            throw new IllegalArgumentException("b is " + b.rows + "x" + b.cols + ", expected " + rows + "x" + cols);
        ComplexMatrix c = new ComplexMatrix(rows, cols);
        for (int p = 0; p < re.length; p++) {
            c.re[p] = re[p] - b.re[p];
            c.im[p] = im[p] - b.im[p];
        }
        return c;
    }

    /** The conjugate transpose {@code this^H} (new matrix). */
    public ComplexMatrix conjugateTranspose() {
        ComplexMatrix c = new ComplexMatrix(cols, rows);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                c.re[j * rows + i] = re[i * cols + j];
                c.im[j * rows + i] = -im[i * cols + j];
            }
        return c;
    }

    /** Frobenius norm {@code sqrt(sum |z_ij|^2)}, via {@link Math#hypot} accumulation (no overflow). */
    public double normF() {
        double s = 0;
        for (int p = 0; p < re.length; p++) s = Math.hypot(s, Math.hypot(re[p], im[p]));
        return s;
    }

    /** Same shape and exactly equal parts (NaN equals NaN). */
    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof ComplexMatrix)) return false;
        ComplexMatrix b = (ComplexMatrix) o;
        return rows == b.rows && cols == b.cols && Arrays.equals(re, b.re) && Arrays.equals(im, b.im);
    }

    @Override
    public int hashCode() { return 31 * (31 * (31 * rows + cols) + Arrays.hashCode(re)) + Arrays.hashCode(im); }

    /** Shape line, then up to 8 x 8 elements as {@code re+imi}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ComplexMatrix ").append(rows).append('x').append(cols).append('\n');
        for (int i = 0; i < Math.min(rows, 8); i++) {
            for (int j = 0; j < Math.min(cols, 8); j++)
                sb.append(String.format(Locale.ROOT, " %10.4g%+10.4gi", re[i * cols + j], im[i * cols + j]));
            sb.append(cols > 8 ? " ...\n" : "\n");
        }
        if (rows > 8) sb.append(" ...\n");
        return sb.toString();
    }
}
