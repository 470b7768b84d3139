package org.ortho4j.core.tour.steps;

import org.ortho4j.core.backend.Backend;
import org.ortho4j.core.random.SplitMix64;

/**
 * One seeded GEMM problem {@code C = alpha * op(A) * op(B) + beta * C0} ({@code op(A)} m x k,
 * {@code op(B)} k x n, row-major, A stored k x m when {@code transA}), its naive reference and the
 * componentwise error bound used to judge any backend's result. A SYRK problem is the case B = A.
 *
 * <p>Inputs are standard normal values rounded to float, so the double and the float problem have
 * exactly the same inputs and one double reference serves both.
 *
 * <p><b>Error model</b> (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd ed.,
 * §3.5): any GEMM that forms each {@code C_ij} as a sum of the k products in <em>some</em> order
 * (blocked, FMA or not, any thread split) satisfies
 * {@code |fl(C) - C| <= gamma_{k+2} (|alpha| |op(A)| |op(B)| + |beta| |C0|)} componentwise, with
 * {@code gamma_j = j u / (1 - j u)}; the {@code +2} covers the scaling by alpha and the final
 * addition of {@code beta C0}. Two such results (a backend and the naive loop, or two backends)
 * therefore differ by at most {@code 2 gamma_{k+2}} times that bound: {@link #tolerance(int, double)}.
 * The bound is rigorous, so a larger {@link #scaledError} means a wrong kernel, not bad luck.
 */
final class GemmCase {
    /** Unit roundoff of double, 2^-53. */
    static final double U_DOUBLE = 0x1.0p-53;
    /** Unit roundoff of float, 2^-24. */
    static final double U_FLOAT = 0x1.0p-24;

    final boolean transA, transB;
    final int m, n, k;
    final double alpha, beta;
    final double[] a, b, c0;

    private GemmCase(boolean transA, boolean transB, int m, int n, int k, double alpha, double beta,
                     double[] a, double[] b, double[] c0) {
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
        this.alpha = alpha;
        this.beta = beta;
        this.a = a;
        this.b = b;
        this.c0 = c0;
    }

    /** A GEMM problem with A, B and C0 drawn, in that order, from {@code SplitMix64(seed)}. */
    static GemmCase gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double beta, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] a = floatGaussians(m * k, rng), b = floatGaussians(k * n, rng), c0 = floatGaussians(m * n, rng);
        return new GemmCase(transA, transB, m, n, k, alpha, beta, a, b, c0);
    }

    /**
     * The SYRK problem {@code C = alpha A A^T + beta C0} (A n x k, {@code trans == false}) or
     * {@code C = alpha A^T A + beta C0} (A k x n, {@code trans == true}) as the GEMM with B = A;
     * C0 is symmetric (SYRK reads only one triangle of it).
     */
    static GemmCase syrk(boolean trans, int n, int k, double alpha, double beta, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] a = floatGaussians(n * k, rng), c0 = floatGaussians(n * n, rng);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++) c0[i * n + j] = c0[j * n + i];
        return new GemmCase(trans, !trans, n, n, k, alpha, beta, a, a, c0);
    }

    /**
     * The same product with {@code beta} and every entry of C0 replaced by {@code c0Fill}, e.g.
     * {@code (0, NaN)} to check that beta == 0 overwrites C (BLAS semantics).
     */
    GemmCase withC0(double beta, double c0Fill) {
        double[] c = new double[c0.length];
        java.util.Arrays.fill(c, c0Fill);
        return new GemmCase(transA, transB, m, n, k, alpha, beta, a, b, c);
    }

    private static double[] floatGaussians(int count, SplitMix64 rng) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) v[i] = (float) rng.nextGaussian();
        return v;
    }

    private int lda() { return transA ? m : k; }

    private int ldb() { return transB ? k : n; }

    private double opA(int i, int p) { return transA ? a[p * m + i] : a[i * k + p]; }

    private double opB(int p, int j) { return transB ? b[j * k + p] : b[p * n + j]; }

    /** C computed by {@code backend.dgemm} (C0 copied first). */
    double[] run(Backend backend) {
        double[] c = c0.clone();
        backend.dgemm(transA, transB, m, n, k, alpha, a, 0, lda(), b, 0, ldb(), beta, c, 0, n);
        return c;
    }

    /** C computed by {@code backend.sgemm} on the (exactly representable) float inputs, widened to double. */
    double[] runFloat(Backend backend) {
        float[] c = toFloat(c0);
        backend.sgemm(transA, transB, m, n, k, (float) alpha, toFloat(a), 0, lda(), toFloat(b), 0, ldb(),
                (float) beta, c, 0, n);
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) out[i] = c[i];
        return out;
    }

    /** C computed by {@code backend.dsyrk} (C0 copied first); only for a {@link #syrk} case. */
    double[] runSyrk(Backend backend) {
        if (a != b) throw new IllegalStateException("not a SYRK case");
        double[] c = c0.clone();
        backend.dsyrk(transA, n, k, alpha, a, 0, lda(), beta, c, 0, n);
        return c;
    }

    /**
     * The reference in one pass: C by the textbook triple loop in double (sum over p in increasing
     * order) and the componentwise bound {@code |alpha| |op(A)| |op(B)| + |beta| |C0|}. O(mnk).
     */
    Reference reference() {
        double[] c = new double[m * n], bound = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                double s = 0, t = 0;
                for (int p = 0; p < k; p++) {
                    double x = opA(i, p) * opB(p, j);
                    s += x;
                    t += Math.abs(x);
                }
                double cij = c0[i * n + j];
                c[i * n + j] = alpha * s + beta * cij;
                bound[i * n + j] = Math.abs(alpha) * t + Math.abs(beta) * Math.abs(cij);
            }
        return new Reference(c, bound);
    }

    /**
     * The naive product and its error scale.
     *
     * @param value C by the triple loop
     * @param bound {@code |alpha| |op(A)| |op(B)| + |beta| |C0|}
     */
    record Reference(double[] value, double[] bound) {
        /** {@link GemmCase#scaledError} of {@code x} against the naive value. */
        double errorOf(double[] x) { return scaledError(x, value, bound); }

        /** {@link GemmCase#scaledError} of {@code x} against another result {@code y}, on this scale. */
        double distance(double[] x, double[] y) { return scaledError(x, y, bound); }
    }

    /**
     * {@code max_i |x_i - ref_i| / bound_i}; an entry with {@code bound_i == 0} counts 0 when
     * {@code x_i == ref_i} and infinity otherwise; NaN anywhere gives NaN (which fails every check).
     */
    static double scaledError(double[] x, double[] ref, double[] bound) {
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double d = Math.abs(x[i] - ref[i]);
            if (Double.isNaN(d)) return Double.NaN;
            double e = bound[i] > 0 ? d / bound[i] : (d == 0 ? 0 : Double.POSITIVE_INFINITY);
            worst = Math.max(worst, e);
        }
        return worst;
    }

    /** {@code 2 gamma_{k+2}} for unit roundoff {@code u}: the allowed {@link #scaledError} between two GEMMs of depth k. */
    static double tolerance(int k, double u) {
        double ju = (k + 2) * u;
        return 2 * ju / (1 - ju);
    }

    /** Entries whose bit patterns differ. */
    static int bitwiseDifferences(double[] x, double[] y) {
        int d = 0;
        for (int i = 0; i < x.length; i++)
            if (Double.doubleToRawLongBits(x[i]) != Double.doubleToRawLongBits(y[i])) d++;
        return d;
    }

    /** {@code max |C_ij - C_ji|} of a square row-major n x n matrix (exactly 0 when symmetric; NaN propagates). */
    static double maxAsymmetry(double[] c, int n) {
        double worst = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) {
                double d = Math.abs(c[i * n + j] - c[j * n + i]);
                if (Double.isNaN(d)) return Double.NaN;
                worst = Math.max(worst, d);
            }
        return worst;
    }

    /** Entries that are NaN or infinite. */
    static int countNonFinite(double[] x) {
        int bad = 0;
        for (double v : x) if (!Double.isFinite(v)) bad++;
        return bad;
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
        return f;
    }

    /** The product's shape as {@code "m x k x n"}, e.g. {@code "300x200x250"}. */
    String shape() { return m + "x" + k + "x" + n; }
}
