package org.ortho4j.qmc.cubature;

import org.ortho4j.core.transform.FftBr;
import org.ortho4j.core.transform.Fwht;

/**
 * The discrete transform coefficients {@code ỹ = FT(y)/√n} of the integrand values y at the
 * first n = 2^m points of a natural-order digital net (FT = orthonormal Walsh–Hadamard, real) or
 * rank-1 lattice (FT = orthonormal bit-reversed FFT, complex), so {@code ỹ_0 = mean(y)}
 * (spec qmc.md 2.14; QMCPy {@code fwht} / {@code fftbr}). Extended when n doubles without
 * recomputing: with {@code v = ω ⊙ FT(y_new)/√(n/2)} for the new half-block,
 * {@code ỹ ← [(ỹ + v)/2, (ỹ − v)/2]}, ω ≡ 1 for nets and {@code ω_k = e^{−iπk/(n/2)}} for lattices.
 * Cost O(n log n) per doubling. Package-private, not thread-safe.
 */
final class Spectrum {
    final boolean complex;
    double[] re, im;   // im is null for a real (net) spectrum
    int size;

    Spectrum(boolean complex) { this.complex = complex; }

    /** {@code FT(v)/√n} of real values, as new (re, im) arrays. */
    private static double[][] scaledTransform(double[] v, boolean complex) {
        int n = v.length;
        double[] re = v.clone(), im = complex ? new double[n] : null;
        if (complex) new FftBr(n).forward(re, im);
        else Fwht.orthonormal(n).transform(re);
        double s = 1 / Math.sqrt(n);
        for (int i = 0; i < n; i++) {
            re[i] *= s;
            if (complex) im[i] *= s;
        }
        return new double[][] {re, im};
    }

    /** Sets the coefficients of the first block (length a power of two). */
    void init(double[] y) {
        double[][] t = scaledTransform(y, complex);
        re = t[0];
        im = t[1];
        size = y.length;
    }

    /** Doubles the spectrum with the values of the next {@code size} points. */
    void extend(double[] yNext) {
        int h = size;
        if (yNext.length != h) throw new IllegalStateException("next block has " + yNext.length + " values, expected " + h);
        double[][] t = scaledTransform(yNext, complex);
        double[] vr = t[0], vi = t[1];
        double[] nr = new double[2 * h], ni = complex ? new double[2 * h] : null;
        for (int k = 0; k < h; k++) {
            double wr = vr[k], wi = 0;
            if (complex) {                               // (vr + i vi) e^{-iπk/h}
                double ang = Math.PI * k / h, c = Math.cos(ang), s = Math.sin(ang);
                wr = vr[k] * c + vi[k] * s;
                wi = vi[k] * c - vr[k] * s;
                ni[k] = 0.5 * (im[k] + wi);
                ni[k + h] = 0.5 * (im[k] - wi);
            }
            nr[k] = 0.5 * (re[k] + wr);
            nr[k + h] = 0.5 * (re[k] - wr);
        }
        re = nr;
        im = ni;
        size = 2 * h;
    }

    /** {@code |ỹ_i|}. */
    double magnitude(int i) { return complex ? Math.hypot(re[i], im[i]) : Math.abs(re[i]); }

    /** {@code |ỹ_i|²}. */
    double magnitudeSquared(int i) { return complex ? re[i] * re[i] + im[i] * im[i] : re[i] * re[i]; }

    /** {@code ỹ ← ỹ − beta · other} (same size). */
    void subtract(double beta, Spectrum other) {
        for (int i = 0; i < size; i++) {
            re[i] -= beta * other.re[i];
            if (complex) im[i] -= beta * other.im[i];
        }
    }
}
