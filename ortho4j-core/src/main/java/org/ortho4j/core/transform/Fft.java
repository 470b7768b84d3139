package org.ortho4j.core.transform;

import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.FloatFFT_1D;
import org.ortho4j.core.Check;

/**
 * Complex and real FFT plan of any length n ≥ 1 (mixed radix; Bluestein for other lengths), a
 * thin wrapper over JTransforms with ortho4j's conventions:
 * <ul>
 *   <li>{@link #forward}: {@code X_k = Σ_j x_j e^{-2πi jk/n}} (unnormalized);</li>
 *   <li>{@link #inverse}: {@code x_j = (1/n) Σ_k X_k e^{+2πi jk/n}}, so inverse(forward(x)) = x.</li>
 * </ul>
 * Complex data is <em>interleaved</em> ({@code re0, im0, re1, im1, ...}, 2n values from
 * {@code off}) or split into two arrays; both work in place. Real input uses the half-spectrum
 * packing of JTransforms' {@code realForward} (documented there); {@link #realForwardFull} gives
 * all n complex outputs. O(n log n); JTransforms parallelizes large transforms itself.
 */
public final class Fft {
    private final int n;
    private final DoubleFFT_1D d;
    private FloatFFT_1D f;

    /** A plan for length n ≥ 1. */
    public Fft(int n) {
        this.n = Check.positive("n", n);
        this.d = new DoubleFFT_1D(n);
    }

    /** Transform length. */
    public int size() { return n; }

    /** In-place forward DFT of n interleaved complex values at {@code a[off ..]}. */
    public void forward(double[] a, int off) {
        Check.block("a", a.length, off, 1, 2 * n, 2 * n);
        d.complexForward(a, off);
    }

    /** In-place inverse DFT (scaled by 1/n) of n interleaved complex values at {@code a[off ..]}. */
    public void inverse(double[] a, int off) {
        Check.block("a", a.length, off, 1, 2 * n, 2 * n);
        d.complexInverse(a, off, true);
    }

    /** Float twin of {@link #forward(double[], int)}. */
    public void forward(float[] a, int off) {
        Check.block("a", a.length, off, 1, 2 * n, 2 * n);
        floatPlan().complexForward(a, off);
    }

    /** Float twin of {@link #inverse(double[], int)}. */
    public void inverse(float[] a, int off) {
        Check.block("a", a.length, off, 1, 2 * n, 2 * n);
        floatPlan().complexInverse(a, off, true);
    }

    /** In-place forward DFT of split complex data {@code re[0..n), im[0..n)}. Uses a 2n scratch array. */
    public void forward(double[] re, double[] im) {
        double[] buf = interleave(re, im);
        d.complexForward(buf, 0);
        split(buf, re, im, 1.0);
    }

    /** In-place inverse DFT (scaled by 1/n) of split complex data. Uses a 2n scratch array. */
    public void inverse(double[] re, double[] im) {
        double[] buf = interleave(re, im);
        d.complexInverse(buf, 0, true);
        split(buf, re, im, 1.0);
    }

    /**
     * Forward DFT of real {@code x[0..n)} into a new interleaved array of all n complex outputs
     * (Hermitian symmetric).
     */
    public double[] realForwardFull(double[] x) {
        Check.dimension("x.length", x.length, n);
        double[] out = new double[2 * n];
        System.arraycopy(x, 0, out, 0, n);
        d.realForwardFull(out);
        return out;
    }

    /** JTransforms' packed real forward transform in place on {@code x[off .. off+n)}. */
    public void realForward(double[] x, int off) {
        Check.block("x", x.length, off, 1, n, n);
        d.realForward(x, off);
    }

    /** Inverse of {@link #realForward} (scaled), in place. */
    public void realInverse(double[] x, int off) {
        Check.block("x", x.length, off, 1, n, n);
        d.realInverse(x, off, true);
    }

    private FloatFFT_1D floatPlan() {
        if (f == null) f = new FloatFFT_1D(n);
        return f;
    }

    private double[] interleave(double[] re, double[] im) {
        Check.dimension("re.length", re.length, n);
        Check.dimension("im.length", im.length, n);
        double[] buf = new double[2 * n];
        for (int j = 0; j < n; j++) {
            buf[2 * j] = re[j];
            buf[2 * j + 1] = im[j];
        }
        return buf;
    }

    static void split(double[] buf, double[] re, double[] im, double scale) {
        for (int j = 0; j < re.length; j++) {
            re[j] = buf[2 * j] * scale;
            im[j] = buf[2 * j + 1] * scale;
        }
    }
}
