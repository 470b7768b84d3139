package org.ortho4j.qmc.kernel;

import java.util.random.RandomGenerator;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.transform.Transforms;

/**
 * Minimal structured point sets for the tour step and the tests of this package, built directly
 * from their definitions so that the kernel code does not depend on the generators of
 * {@code org.ortho4j.qmc.points}: a shifted rank-1 lattice in radical-inverse order and a
 * digitally shifted digital net in natural order from given generating matrices.
 */
final class DemoPoints {
    private DemoPoints() {}

    /** First entries of the Kuo lattice vector {@code lattice-33002-1024-1048576.9125} (QMCPy's default). */
    static final long[] KUO = {1, 182667, 213731, 255351, 96013, 116671, 479315, 424089};

    /**
     * {@code x_i = frac(bitrev_m(i) g_j / n + shift_j)}, {@code i < n = 2^m}: the first n radical-inverse-order
     * points of the rank-1 lattice with generating vector g, shifted. {@code n x g.length}.
     */
    static Matrix lattice(int n, long[] g, double[] shift) {
        Transforms.requirePowerOfTwo("n", n);
        Check.dimension("shift.length", shift.length, g.length);
        int[] rev = Transforms.bitReversal(n);
        Matrix x = Matrix.zeros(n, g.length);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < g.length; j++) {
                double v = (double) Math.floorMod(rev[i] * g[j], (long) n) / n + shift[j];
                x.set(i, j, v - Math.floor(v));
            }
        return x;
    }

    /**
     * Natural-order digital net: {@code xb_i[j] = shift[j] XOR (XOR of c[j][k] over the set bits k of
     * i)}, {@code i < n}, with {@code c[j][k]} the k-th generating-matrix column of coordinate j as a t-bit
     * integer (most significant bit first).
     */
    static long[][] digitalNet(int n, long[][] c, long[] shift) {
        Transforms.requirePowerOfTwo("n", n);
        int d = c.length;
        long[][] xb = new long[n][d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) {
                long v = shift[j];
                for (int k = 0; (i >>> k) != 0; k++) if (((i >>> k) & 1) != 0) v ^= c[j][k];
                xb[i][j] = v;
            }
        return xb;
    }

    /**
     * Random generating matrices for d coordinates with m columns of t bits: column k has its bit
     * {@code t-1-k} set (unit upper-triangular in MSB-first layout, so each coordinate alone is a
     * (0, m, 1)-net) and random bits below it.
     */
    static long[][] randomMatrices(int d, int m, int t, RandomGenerator rng) {
        long[][] c = new long[d][m];
        for (int j = 0; j < d; j++)
            for (int k = 0; k < m; k++) {
                long lead = 1L << (t - 1 - k);
                long below = lead - 1;
                c[j][k] = lead | (rng.nextLong() & below);
            }
        return c;
    }

    /** A random t-bit digital shift for each of d coordinates. */
    static long[] randomShift(int d, int t, RandomGenerator rng) {
        long[] s = new long[d];
        for (int j = 0; j < d; j++) s[j] = t == 64 ? rng.nextLong() : rng.nextLong() & ((1L << t) - 1);
        return s;
    }

    /** Floats {@code xb 2^-t} of integer points. */
    static Matrix toFloat(long[][] xb, int t) {
        Matrix x = Matrix.zeros(xb.length, xb.length == 0 ? 0 : xb[0].length);
        for (int i = 0; i < xb.length; i++)
            for (int j = 0; j < xb[i].length; j++) x.set(i, j, Math.scalb(DigitallyShiftInvariantKernel.unsignedToDouble(xb[i][j]), -t));
        return x;
    }
}
