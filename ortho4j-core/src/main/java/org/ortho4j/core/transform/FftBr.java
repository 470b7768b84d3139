package org.ortho4j.core.transform;

import org.jtransforms.fft.DoubleFFT_1D;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * Orthonormal FFT with bit-reversed input (FFTBR) and its inverse with bit-reversed output
 * (IFFTBR), as QMCPy's {@code fftbr}/{@code ifftbr} (spec qmc.md §2.9), for {@code n = 2^m}:
 * <pre>
 *   FFTBR(x)_k  = n^{-1/2} Σ_j x_{bitrev(j)} e^{-2πi jk/n}
 *   IFFTBR(y)_j = [n^{-1/2} Σ_k y_k e^{+2πi jk/n}] evaluated at index bitrev(j)
 * </pre>
 * so {@code IFFTBR(FFTBR(x)) = x}. These diagonalize the Gram matrices of shift-invariant kernels
 * on rank-1 lattices in radical-inverse order. Data is split complex ({@code re}, {@code im}),
 * transformed in place; batched forms transform every row of a matrix pair. O(n log n) per vector
 * via JTransforms, plus one O(n) bit-reversal gather/scatter; one 2n scratch array per plan (a
 * plan is therefore not thread-safe; use one plan per thread).
 */
public final class FftBr {
    private final int n;
    private final int[] rev;
    private final double scale;
    private final DoubleFFT_1D fft;
    private final double[] buf;

    /**
     * A plan for length n.
     *
     * @throws IllegalArgumentException if n is not a power of two
     */
    public FftBr(int n) {
        this.n = Transforms.requirePowerOfTwo("n", n);
        this.rev = Transforms.bitReversal(n);
        this.scale = 1.0 / Math.sqrt(n);
        this.fft = new DoubleFFT_1D(n);
        this.buf = new double[2 * n];
    }

    /** Transform length. */
    public int size() { return n; }

    /** FFTBR in place on {@code re[off..off+n)}, {@code im[off..off+n)}. */
    public void forward(double[] re, int reOff, double[] im, int imOff) {
        check(re, reOff, im, imOff);
        for (int j = 0; j < n; j++) {
            int s = rev[j];
            buf[2 * j] = re[reOff + s];
            buf[2 * j + 1] = im[imOff + s];
        }
        fft.complexForward(buf, 0);
        for (int k = 0; k < n; k++) {
            re[reOff + k] = buf[2 * k] * scale;
            im[imOff + k] = buf[2 * k + 1] * scale;
        }
    }

    /** IFFTBR in place on {@code re[off..off+n)}, {@code im[off..off+n)}. */
    public void inverse(double[] re, int reOff, double[] im, int imOff) {
        check(re, reOff, im, imOff);
        for (int k = 0; k < n; k++) {
            buf[2 * k] = re[reOff + k];
            buf[2 * k + 1] = im[imOff + k];
        }
        fft.complexInverse(buf, 0, false);
        for (int j = 0; j < n; j++) {
            int s = rev[j];
            re[reOff + j] = buf[2 * s] * scale;
            im[imOff + j] = buf[2 * s + 1] * scale;
        }
    }

    /** FFTBR of whole arrays of length n, in place. */
    public void forward(double[] re, double[] im) {
        Check.dimension("re.length", re.length, n);
        Check.dimension("im.length", im.length, n);
        forward(re, 0, im, 0);
    }

    /** IFFTBR of whole arrays of length n, in place. */
    public void inverse(double[] re, double[] im) {
        Check.dimension("re.length", re.length, n);
        Check.dimension("im.length", im.length, n);
        inverse(re, 0, im, 0);
    }

    /** FFTBR of every row of the pair ({@code re}, {@code im}), each with n columns, in place. */
    public void forwardRows(Matrix re, Matrix im) {
        checkRows(re, im);
        for (int i = 0; i < re.rows; i++) forward(re.data, re.offset + i * re.ld, im.data, im.offset + i * im.ld);
    }

    /** IFFTBR of every row of the pair ({@code re}, {@code im}), in place. */
    public void inverseRows(Matrix re, Matrix im) {
        checkRows(re, im);
        for (int i = 0; i < re.rows; i++) inverse(re.data, re.offset + i * re.ld, im.data, im.offset + i * im.ld);
    }

    private void check(double[] re, int reOff, double[] im, int imOff) {
        Check.block("re", re.length, reOff, 1, n, n);
        Check.block("im", im.length, imOff, 1, n, n);
        if (re == im && Math.abs(reOff - imOff) < n) throw new IllegalArgumentException("re and im overlap");
    }

    private void checkRows(Matrix re, Matrix im) {
        Check.dimension("re.cols", re.cols, n);
        Check.dimension("im.cols", im.cols, n);
        Check.dimension("im.rows", im.rows, re.rows);
    }
}
