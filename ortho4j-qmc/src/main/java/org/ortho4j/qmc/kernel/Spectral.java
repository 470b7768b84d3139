package org.ortho4j.qmc.kernel;

import org.ortho4j.core.transform.FftBr;
import org.ortho4j.core.transform.Fwht;

/**
 * The orthonormal transform {@code T} that diagonalizes a structured Gram matrix,
 * {@code K = T^{-1} diag(lambda) T}, for n = 2^m: FFTBR/IFFTBR for lattices (complex, split
 * re/im) and the orthonormal FWHT (an involution) for digital nets (spec qmc.md §2.9–2.10).
 *
 * <p>Every method is O(n log n) and allocates O(n). The FFTBR plan keeps a scratch buffer, so the
 * methods are synchronized; the FWHT plan is stateless.
 */
final class Spectral {
    final FastGram.Structure structure;
    final int n;
    private final Fwht fwht;
    private final FftBr fft;

    Spectral(FastGram.Structure structure, int n) {
        this.structure = structure;
        this.n = n;
        this.fwht = structure == FastGram.Structure.DIGITAL_NET ? Fwht.orthonormal(n) : null;
        this.fft = structure == FastGram.Structure.LATTICE ? new FftBr(n) : null;
    }

    /**
     * Eigenvalues {@code sqrt(n) T(k0)} of the Gram matrix with first column {@code k0}: the real
     * parts; {@code imagOut[0]} receives the largest magnitude of an imaginary part (0 for nets).
     */
    synchronized double[] eigenvalues(double[] k0, double[] imagOut) {
        double s = Math.sqrt(n);
        double[] re = k0.clone();
        double maxImag = 0;
        if (fft != null) {
            double[] im = new double[n];
            fft.forward(re, im);
            for (int k = 0; k < n; k++) maxImag = Math.max(maxImag, Math.abs(im[k]) * s);
        } else {
            fwht.transform(re);
        }
        for (int k = 0; k < n; k++) re[k] *= s;
        imagOut[0] = maxImag;
        return re;
    }

    /**
     * {@code T^{-1} diag(lambda) T y} ({@code divide == false}: the product) or
     * {@code T^{-1} diag(lambda)^{-1} T y} ({@code divide == true}: the solve), as a new array; the
     * real part for lattices (the imaginary part is round-off for real symmetric matrices).
     */
    synchronized double[] apply(double[] y, double[] lambda, boolean divide) {
        double[] re = y.clone();
        if (fft != null) {
            double[] im = new double[n];
            fft.forward(re, im);
            scale(re, lambda, divide);
            scale(im, lambda, divide);
            fft.inverse(re, im);
        } else {
            fwht.transform(re);
            scale(re, lambda, divide);
            fwht.transform(re);
        }
        return re;
    }

    private static void scale(double[] a, double[] lambda, boolean divide) {
        if (divide) for (int k = 0; k < a.length; k++) a[k] /= lambda[k];
        else for (int k = 0; k < a.length; k++) a[k] *= lambda[k];
    }

    /** {@code |T y|^2} entrywise: {@code y^T K^{-1} y = sum_k power[k] / lambda[k]}. A new array. */
    synchronized double[] power(double[] y) {
        double[] re = y.clone();
        if (fft != null) {
            double[] im = new double[n];
            fft.forward(re, im);
            for (int k = 0; k < n; k++) re[k] = re[k] * re[k] + im[k] * im[k];
        } else {
            fwht.transform(re);
            for (int k = 0; k < n; k++) re[k] *= re[k];
        }
        return re;
    }
}
