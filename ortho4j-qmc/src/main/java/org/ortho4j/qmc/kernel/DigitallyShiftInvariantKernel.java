package org.ortho4j.qmc.kernel;

import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * Digitally-shift-invariant (DSI) product kernel in base 2, paired with base-2 digital nets (QMCPy
 * {@code KernelDigShiftInvar}, spec qmc.md §2.10), including the higher-order-smoothness kernels
 * of Dick's weighted Walsh spaces:
 * <pre>
 *   K(x, z) = S * prod_j (1 + gamma_j * Ktilde_{alpha_j}(x_j XOR z_j)),
 *   Ktilde_alpha(y) = sum_{k >= 1} wal_k(y) 2^(-mu_alpha(k))            (alpha = 2, 3, 4),
 * </pre>
 * with {@code mu_alpha(k)} the sum of the alpha largest 1-bit positions (1-based) of k. Inputs are
 * t-bit integers {@code xb} (the point is {@code xb * 2^-t}); with {@code v = x XOR z},
 * {@code y = v 2^-t}, {@code beta = -floor(log2 y)} and {@code t_nu = 2^(-nu beta)}, for v > 0:
 * <pre>
 *   Ktilde_1 = 6 (1/6 - 2^(-beta-1))                                     (value 1 at v = 0)
 *   Ktilde_2 = -beta y + 5/2 (1 - t_1) - 1                               (3/2 at 0)
 *   Ktilde_3 = beta y^2 - 5 (1 - t_1) y + 43/18 (1 - t_2) - 1            (43/18 - 1 at 0)
 *   Ktilde_4 = -2/3 beta y^3 + 5 (1 - t_1) y^2 - 43/9 (1 - t_2) y + 701/294 (1 - t_3)
 *              + beta (kappa/48 - 1/42) - 1                              (701/294 - 1 at 0)
 *   kappa    = sum_{a=0}^{min(t,9)-1} (-1)^(bit a of v, most significant first) 2^(-3a).
 * </pre>
 * <b>The kappa sum stops after 9 terms as QMCPy's does</b> (it breaks once {@code 2^(-3a) < 1e-8});
 * the omitted tail changes {@code Ktilde_4} by at most {@code beta/48 * 8.5e-9}. This matches the
 * golden values of {@code kernels_si_dsi.json} exactly.
 *
 * <p>{@code beta} is computed from the integer ({@code t - floor(log2 v)}, exact), where QMCPy takes
 * {@code floor(log2)} of the rounded double {@code y}; the two agree whenever v has at most 53
 * significant bits below its leading one (always for {@code t <= 53}) and differ only in a last-place
 * rounding case for larger t. The float {@code y} is the correctly rounded {@code v 2^-t}, as numpy's
 * uint64-to-float64 conversion.
 *
 * <p><b>Float inputs</b> are converted as QMCPy's {@code to_bin}: {@code xb = floor((x mod 1) 2^t)}
 * ({@link #toBits}); this is exact for points produced from t-bit integers with {@code t <= 53}.
 */
public final class DigitallyShiftInvariantKernel extends ProductKernel {
    /** Largest supported smoothness. */
    public static final int MAX_ALPHA = 4;
    /** Number of terms of QMCPy's truncated kappa sum ({@code 2^(-3a) >= 1e-8} for {@code a < 9}). */
    static final int KAPPA_TERMS = 9;
    /** {@code Ktilde_alpha(0)} for alpha = 1..4 (index 0 unused). */
    private static final double[] AT_ZERO = {Double.NaN, 1.0, 1.5, 43.0 / 18 - 1, 701.0 / 294 - 1};

    private final int t;

    /**
     * A kernel on t-bit inputs with scale S, weights {@code gamma} and smoothness {@code alpha}.
     *
     * @param t number of bits of the integer inputs, 1..64
     * @throws IllegalArgumentException if t is outside 1..64, {@code scale} or a weight is not a
     *     finite positive number, the lengths differ, or an {@code alpha_j} is outside 1..4
     */
    public DigitallyShiftInvariantKernel(int t, double scale, double[] gamma, int[] alpha) {
        super(scale, gamma, alpha, MAX_ALPHA);
        this.t = Check.inRange("t", t, 1, 64);
    }

    /** The same smoothness and weight in every one of d coordinates. */
    public static DigitallyShiftInvariantKernel isotropic(int t, int d, double scale, double gamma, int alpha) {
        Check.positive("d", d);
        double[] g = new double[d];
        int[] a = new int[d];
        java.util.Arrays.fill(g, gamma);
        java.util.Arrays.fill(a, alpha);
        return new DigitallyShiftInvariantKernel(t, scale, g, a);
    }

    /** Number of bits t of the integer inputs. */
    public int bits() { return t; }

    @Override
    public DigitallyShiftInvariantKernel withParameters(double scale, double[] gamma) {
        Check.notNull("gamma", gamma);
        Check.dimension("gamma.length", gamma.length, dimension());
        return new DigitallyShiftInvariantKernel(t, scale, gamma, alpha());
    }

    /**
     * The one-dimensional factor {@code Ktilde_alpha(v 2^-t)} for a t-bit integer v (read as
     * unsigned; only its low t bits may be set). O(1) (O(9) for alpha = 4).
     *
     * @throws IllegalArgumentException if alpha is outside 1..4, t outside 1..64 or v has bits at
     *     or above t
     */
    public static double kTilde(int alpha, long v, int t) {
        Check.inRange("alpha", alpha, 1, MAX_ALPHA);
        Check.inRange("t", t, 1, 64);
        requireBits("v", v, t);
        return tildeOf(alpha, v, t);
    }

    /** Unchecked {@link #kTilde}. */
    static double tildeOf(int alpha, long v, int t) {
        if (v == 0) return AT_ZERO[alpha];
        int beta = t - (63 - Long.numberOfLeadingZeros(v));
        double y = Math.scalb(unsignedToDouble(v), -t);
        double t1 = Math.scalb(1.0, -beta);
        // the operations follow QMCPy's expressions term by term (same association), so the
        // results agree with it to the last bit except where its pow(y, 3) and Java's differ
        switch (alpha) {
            case 1:
                return 6 * (1.0 / 6 - Math.scalb(1.0, -beta - 1));
            case 2:
                return -beta * y + 2.5 * (1 - t1) - 1;
            case 3:
                return beta * (y * y) - 5 * (1 - t1) * y + 43.0 / 18 * (1 - Math.scalb(1.0, -2 * beta)) - 1;
            default: {
                double kappa = 0;
                int terms = Math.min(t, KAPPA_TERMS);
                for (int a = 0; a < terms; a++) {
                    double f = Math.scalb(1.0, -3 * a);
                    kappa += ((v >>> (t - a - 1)) & 1) == 0 ? f : -f;
                }
                return -2.0 / 3 * beta * Math.pow(y, 3) + 5 * (1 - t1) * (y * y)
                        - 43.0 / 9 * (1 - Math.scalb(1.0, -2 * beta)) * y
                        + 701.0 / 294 * (1 - Math.scalb(1.0, -3 * beta)) + beta * (1.0 / 48 * kappa - 1.0 / 42) - 1;
            }
        }
    }

    /** The unsigned 64-bit value of v, correctly rounded to double. */
    static double unsignedToDouble(long v) {
        if (v >= 0) return v;
        // halve with the lost bit kept sticky (round-to-odd), convert, double: correctly rounded
        return ((v >>> 1) | (v & 1)) * 2.0;
    }

    /**
     * QMCPy's {@code to_bin}: {@code floor((x mod 1) 2^t)} as an unsigned t-bit integer. A value
     * {@code x mod 1} that rounds to 1 (x a tiny negative number) maps to {@code 2^t - 1}, the floor
     * of the exact {@code (x mod 1) 2^t}.
     *
     * @throws IllegalArgumentException if x is not finite or t is outside 1..64
     */
    public static long toBits(double x, int t) {
        Check.finite("x", x);
        Check.inRange("t", t, 1, 64);
        return bitsOf(x, t);
    }

    /** Unchecked {@link #toBits}. */
    static long bitsOf(double x, int t) {
        double f = x - Math.floor(x);
        long max = t == 64 ? -1L : (1L << t) - 1;
        if (f >= 1) return max;
        double s = Math.floor(Math.scalb(f, t));
        if (t < 64) return Math.min((long) s, max);
        // s < 2^64: values >= 2^63 do not fit a signed long; subtract 2^63 and set the top bit
        return s >= 0x1p63 ? ((long) (s - 0x1p63)) | Long.MIN_VALUE : (long) s;
    }

    /** Throws unless {@code v < 2^t} as an unsigned number. */
    static void requireBits(String name, long v, int t) {
        if (t < 64 && (v >>> t) != 0)
            throw new IllegalArgumentException(name + " = " + Long.toUnsignedString(v) + ", expected a " + t
                    + "-bit unsigned integer (< 2^" + t + ")");
    }

    /** Checks a t-bit integer point set: rows of length d, every value below 2^t. */
    void requirePoints(String name, long[][] xb) {
        Check.notNull(name, xb);
        for (int i = 0; i < xb.length; i++) {
            Check.notNull(name + "[" + i + "]", xb[i]);
            Check.dimension(name + "[" + i + "].length", xb[i].length, dimension());
            for (int j = 0; j < xb[i].length; j++) requireBits(name + "[" + i + "][" + j + "]", xb[i][j], t);
        }
    }

    @Override
    double tilde(int j, double x, double z) { return tildeOf(alpha(j), bitsOf(x, t) ^ bitsOf(z, t), t); }

    /** {@code Ktilde} of coordinate j between two t-bit integers. */
    double tildeBits(int j, long x, long z) { return tildeOf(alpha(j), x ^ z, t); }

    /** {@code K(x, x)}, the same for every x. */
    @Override
    public double diagonal() { return diagonalFrom(AT_ZERO); }

    /**
     * {@code K(xb, zb)} for two points given as t-bit integers (length d each). O(d).
     *
     * @throws IllegalArgumentException if a length differs from d or a value has bits at or above t
     */
    public double eval(long[] xb, long[] zb) {
        requirePoints("xb", new long[][] {xb});
        requirePoints("zb", new long[][] {zb});
        return evalBits(xb, zb);
    }

    /** Unchecked integer evaluation. */
    double evalBits(long[] xb, long[] zb) {
        double p = 1;
        for (int j = 0; j < xb.length; j++) p *= 1 + gamma(j) * tildeOf(alpha(j), xb[j] ^ zb[j], t);
        return scale() * p;
    }

    /**
     * Batch evaluation on paired integer rows: {@code out[i] = K(xb_i, zb_i)}, or {@code K(xb_i, zb_0)}
     * when {@code zb} has one row. Returns a new array of length n. O(n d).
     */
    public double[] eval(long[][] xb, long[][] zb) {
        requirePoints("xb", xb);
        requirePoints("zb", zb);
        if (zb.length != 1) Check.dimension("zb.length", zb.length, xb.length);
        double[] out = new double[xb.length];
        for (int i = 0; i < xb.length; i++) out[i] = evalBits(xb[i], zb[zb.length == 1 ? 0 : i]);
        return out;
    }

    /** The dense cross Gram matrix {@code K(xb_i, zb_k)} of integer points, {@code n x m}. O(n m d). */
    public Matrix gram(long[][] xb, long[][] zb) {
        requirePoints("xb", xb);
        requirePoints("zb", zb);
        return fill(xb.length, zb.length, (i, k) -> evalBits(xb[i], zb[k]));
    }

    /** The dense symmetric Gram matrix of integer points, {@code n x n}. */
    public Matrix gram(long[][] xb) { return gram(xb, xb); }

    /** The rows of a float matrix converted with {@link #toBits}; a new {@code n x d} array. */
    public long[][] toBits(Matrix x) {
        requireCols("x", x);
        long[][] b = new long[x.rows][x.cols];
        for (int i = 0; i < x.rows; i++)
            for (int j = 0; j < x.cols; j++) b[i][j] = toBits(x.get(i, j), t);
        return b;
    }

    @Override
    public String toString() { return super.toString().replace("(", "(t=" + t + ", "); }
}
