package org.ortho4j.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ortho4j.core.random.Rng;
import org.ortho4j.core.transform.Fft;
import org.ortho4j.core.transform.FftBr;
import org.ortho4j.core.transform.Fwht;
import org.ortho4j.core.transform.Transforms;

/**
 * One length-n transform with a fixed input (entries uniform in [-1, 1) from a fixed seed, real and
 * imaginary parts alike). Shared by {@link TransformBenchmark} and {@link QuickToolkit}. Kinds:
 * <ul>
 *   <li>{@code fwht} ({@code double} or {@code float}): {@link Fwht#orthonormal(int)} in place on
 *       n reals. Orthonormal FWHT is an involution, so repeated calls stay bounded and need no
 *       reset. Nominal {@code n log₂ n} flops.</li>
 *   <li>{@code fft} ({@code double} or {@code float}): {@link Fft#forward} on n interleaved
 *       complex values. The unnormalized forward DFT multiplies the norm by √n, so every call
 *       first copies the fixed input into the work array ({@code 2n} values, a few percent of
 *       the transform; numpy's {@code fft} likewise writes a fresh output array each call).
 *       Nominal {@code 5 n log₂ n} flops.</li>
 *   <li>{@code fftbr} ({@code double} only): {@link FftBr#forward(double[], double[])} in place on
 *       split complex data; orthonormal, so no reset. Nominal {@code 5 n log₂ n} flops.</li>
 * </ul>
 * Allocates the input and one work copy ({@code 2n} or {@code 4n} values) and the plan once;
 * {@link #run()} allocates nothing.
 */
final class TransformCase implements TimedCase {
    /** Seed of the input. */
    static final long SEED = 20240601L;
    /** Output entries checked by {@link #verify()}, each against an O(n) direct sum. */
    private static final int VERIFY_SAMPLES = 8;

    final String kind, dtype;
    final int n, threads;
    private final int log2n;
    private final Fwht fwht;
    private final Fft fft;
    private final FftBr fftbr;
    /** Fixed input: n reals (fwht), 2n interleaved (fft), or re then im (fftbr, 2n). */
    private final double[] src;
    private final double[] dwork, dwork2;
    private final float[] fsrc, fwork;

    /**
     * Builds the case.
     *
     * @param kind {@code fwht}, {@code fft} or {@code fftbr}
     * @param dtype {@code double} or {@code float} ({@code fftbr}: double only)
     * @param n transform length, a power of two
     * @param threads at least 1: ortho4j's {@code Parallel} limit (FWHT) and JTransforms' thread
     *     count (FFT, FFTBR; JVM-wide)
     * @throws IllegalArgumentException for an unknown kind or type, or n not a power of two
     */
    TransformCase(String kind, String dtype, int n, int threads) {
        this.kind = kind.toLowerCase(Locale.ROOT);
        this.dtype = BenchArgs.dtype(dtype);
        this.n = Transforms.requirePowerOfTwo("n", n);
        this.log2n = Integer.numberOfTrailingZeros(n);
        this.threads = ThreadLimits.check(threads);
        int len = switch (this.kind) {
            case "fwht" -> n;
            case "fft" -> 2 * n;
            case "fftbr" -> {
                if (!this.dtype.equals("double"))
                    throw new IllegalArgumentException("dtype = " + dtype + ", expected double for fftbr");
                yield 2 * n;
            }
            default -> throw new IllegalArgumentException("kind = " + kind + ", expected fwht, fft or fftbr");
        };
        fwht = this.kind.equals("fwht") ? Fwht.orthonormal(n) : null;
        fft = this.kind.equals("fft") ? new Fft(n) : null;
        fftbr = this.kind.equals("fftbr") ? new FftBr(n) : null;
        RandomGenerator rng = Rng.of(SEED ^ n);
        src = new double[len];
        for (int i = 0; i < len; i++) src[i] = 2 * rng.nextDouble() - 1;
        if (this.dtype.equals("float")) {
            fsrc = new float[len];
            for (int i = 0; i < len; i++) fsrc[i] = (float) src[i];
            // the reference must see exactly the float input
            for (int i = 0; i < len; i++) src[i] = fsrc[i];
            fwork = fsrc.clone();
            dwork = dwork2 = null;
        } else {
            fsrc = fwork = null;
            if (this.kind.equals("fftbr")) {
                dwork = Arrays.copyOfRange(src, 0, n);
                dwork2 = Arrays.copyOfRange(src, n, 2 * n);
            } else {
                dwork = src.clone();
                dwork2 = null;
            }
        }
        ThreadLimits.transforms(threads);
    }

    @Override
    public Object run() {
        ThreadLimits.transforms(threads);
        switch (kind) {
            case "fwht" -> {
                if (fwork != null) fwht.transform(fwork, 0);
                else fwht.transform(dwork, 0);
            }
            case "fft" -> {
                if (fwork != null) {
                    System.arraycopy(fsrc, 0, fwork, 0, fsrc.length);
                    fft.forward(fwork, 0);
                } else {
                    System.arraycopy(src, 0, dwork, 0, src.length);
                    fft.forward(dwork, 0);
                }
            }
            default -> fftbr.forward(dwork, dwork2);
        }
        return fwork != null ? fwork : dwork;
    }

    @Override
    public double flops() { return (kind.equals("fwht") ? 1.0 : 5.0) * n * log2n; }

    @Override
    public int threads() { return threads; }

    @Override
    public Map<String, Object> details() { return new LinkedHashMap<>(); }

    /**
     * Transforms a fresh copy of the input once and checks {@value #VERIFY_SAMPLES} sampled
     * outputs against direct O(n) sums in double (exact ±1 signs for the FWHT; twiddles
     * {@code e^{-2πi (jk mod n)/n}} for the FFTs, the reduction mod n keeping their angles
     * accurate). Bounds:
     * <ul>
     *   <li>FWHT: each output is a signed sum of all n inputs through log₂n levels of exact-pair
     *       butterflies, so its error is at most {@code γ_{log₂n+1} Σ|x_j|} in the working
     *       precision (times the 1/√n scale); allowed twice that, plus the reference's own
     *       {@code n u_d Σ|x_j|/√n}.</li>
     *   <li>FFT/FFTBR: the normwise bound for radix-2 FFTs (Higham, <i>Accuracy and Stability of
     *       Numerical Algorithms</i>, 2nd ed., Thm 24.2), {@code ‖ŷ − y‖₂ ≤ c log₂n u ‖y‖₂}, bounds
     *       every single output; with {@code ‖y‖₂ = √n ‖x‖₂} (times 1/√n for FFTBR) the check
     *       allows {@code 4 (log₂n + 2) u ‖y‖₂}, plus the reference's {@code 2 n u_d Σ|x_j|}.</li>
     * </ul>
     * A wrong transform misses by O(‖y‖₂/√n) or more, many orders of magnitude above these.
     */
    @Override
    public void verify() {
        double u = dtype.equals("double") ? Math.ulp(1.0) / 2 : Math.ulp(1.0f) / 2, ud = Math.ulp(1.0) / 2;
        double[] out = freshOutput();
        double sumAbs = 0, norm2 = 0;
        for (double v : src) {
            sumAbs += Math.abs(v);
            norm2 += v * v;
        }
        double scale = kind.equals("fft") ? 1.0 : 1.0 / Math.sqrt(n);
        RandomGenerator pick = Rng.of(SEED ^ (n + 1L));
        for (int s = 0; s < VERIFY_SAMPLES; s++) {
            int k = pick.nextInt(n);
            if (kind.equals("fwht")) {
                double ref = 0;
                for (int j = 0; j < n; j++) ref += (Integer.bitCount(j & k) & 1) == 0 ? src[j] : -src[j];
                ref *= scale;
                double tol = (2 * (log2n + 1) * u + n * ud) * sumAbs * scale;
                check(k, out[k], 0, ref, 0, tol);
                continue;
            }
            double re = 0, im = 0;
            for (int j = 0; j < n; j++) {
                int jj = kind.equals("fftbr") ? Transforms.bitReverse(j, n) : j;
                double xr = kind.equals("fftbr") ? src[jj] : src[2 * jj];
                double xi = kind.equals("fftbr") ? src[n + jj] : src[2 * jj + 1];
                double ang = -2 * Math.PI * (double) ((long) j * k % n) / n;
                double cr = Math.cos(ang), ci = Math.sin(ang);
                re += xr * cr - xi * ci;
                im += xr * ci + xi * cr;
            }
            double yNorm = Math.sqrt(n * norm2) * scale;
            double tol = 4 * (log2n + 2) * u * yNorm + 2 * n * ud * sumAbs * scale;
            double gr = kind.equals("fftbr") ? out[k] : out[2 * k], gi = kind.equals("fftbr") ? out[n + k] : out[2 * k + 1];
            check(k, gr, gi, re * scale, im * scale, tol);
        }
    }

    /** The transform of a fresh copy of the input, in double, in the layout of {@link #src}. */
    private double[] freshOutput() {
        double[] out = new double[src.length];
        switch (kind) {
            case "fwht" -> {
                if (fsrc != null) {
                    float[] f = fsrc.clone();
                    fwht.transform(f, 0);
                    for (int i = 0; i < f.length; i++) out[i] = f[i];
                } else {
                    System.arraycopy(src, 0, out, 0, src.length);
                    fwht.transform(out, 0);
                }
            }
            case "fft" -> {
                if (fsrc != null) {
                    float[] f = fsrc.clone();
                    fft.forward(f, 0);
                    for (int i = 0; i < f.length; i++) out[i] = f[i];
                } else {
                    System.arraycopy(src, 0, out, 0, src.length);
                    fft.forward(out, 0);
                }
            }
            default -> {
                double[] re = Arrays.copyOfRange(src, 0, n), im = Arrays.copyOfRange(src, n, 2 * n);
                fftbr.forward(re, im);
                System.arraycopy(re, 0, out, 0, n);
                System.arraycopy(im, 0, out, n, n);
            }
        }
        return out;
    }

    private void check(int k, double gotRe, double gotIm, double refRe, double refIm, double tol) {
        double err = Math.hypot(gotRe - refRe, gotIm - refIm);
        if (!(err <= tol))
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s %s n=%d: output %d = (%.9g, %.9g), reference (%.9g, %.9g), error %.3g exceeds %.3g",
                    kind, dtype, n, k, gotRe, gotIm, refRe, refIm, err, tol));
    }
}
