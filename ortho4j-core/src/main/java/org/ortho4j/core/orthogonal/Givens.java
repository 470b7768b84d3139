package org.ortho4j.core.orthogonal;

import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * A plane (Givens) rotation {@code G = [c s; −s c]} with {@code c² + s² = 1}, computed so that
 * <pre>
 *   [ c  s] [f]   [r]
 *   [−s  c] [g] = [0]
 * </pre>
 * following the conventions of LAPACK 3.10's {@code dlartg} (Anderson, "Algorithm 978: Safe
 * scaling in the Level 1 BLAS", ACM TOMS 44, 2017): {@code c ≥ 0}, r has the sign of f, and
 * {@code |r| = √(f² + g²)} is computed without overflow or harmful underflow (inputs whose squares
 * leave the normal range are scaled first). Special cases: {@code g = 0} gives {@code c = 1, s = 0,
 * r = f}; {@code f = 0} gives {@code c = 0, s = sign(g), r = |g|}.
 *
 * @param c cosine, in [0, 1]
 * @param s sine, in [−1, 1]
 * @param r the rotated first component {@code c f + s g}
 */
public record Givens(double c, double s, double r) {

    /** Squares of values in [RT_MIN, RT_MAX] neither underflow nor overflow (also their sum). */
    private static final double RT_MIN = Math.sqrt(Double.MIN_NORMAL);
    private static final double RT_MAX = Math.sqrt(Double.MAX_VALUE / 2);

    /**
     * The rotation that zeroes g against f. O(1).
     *
     * @throws IllegalArgumentException if f or g is NaN or infinite
     */
    public static Givens of(double f, double g) {
        Check.finite("f", f);
        Check.finite("g", g);
        if (g == 0) return new Givens(1, 0, f);
        if (f == 0) return new Givens(0, Math.signum(g), Math.abs(g));
        double af = Math.abs(f), ag = Math.abs(g);
        if (af > RT_MIN && af < RT_MAX && ag > RT_MIN && ag < RT_MAX) {
            double d = Math.sqrt(f * f + g * g);
            double r = Math.copySign(d, f);
            return new Givens(af / d, g / r, r);
        }
        // Scale by u = max(|f|, |g|) clamped to the normal range, so fs, gs are O(1) or tiny.
        double u = Math.min(Double.MAX_VALUE, Math.max(Double.MIN_NORMAL, Math.max(af, ag)));
        double fs = f / u, gs = g / u;
        double d = Math.sqrt(fs * fs + gs * gs);
        double rs = Math.copySign(d, f);
        return new Givens(Math.abs(fs) / d, gs / rs, rs * u);
    }

    /**
     * Rotates rows i and k of A from the left: {@code (a_i, a_k) ← (c a_i + s a_k, −s a_i + c a_k)},
     * i.e. {@code A ← G_{ik} A} with G embedded in the (i, k) plane. In place, O(cols).
     *
     * @throws IllegalArgumentException if A is null, an index is out of range or {@code i == k}
     */
    public void applyRows(Matrix a, int i, int k) {
        Check.notNull("a", a);
        checkPair("i", i, "k", k, a.rows);
        rotate(a.data, a.offset + i * a.ld, a.offset + k * a.ld, 1, a.cols);
    }

    /**
     * Rotates columns j and k of A from the right by {@code Gᵀ}:
     * {@code (a_j, a_k) ← (c a_j + s a_k, −s a_j + c a_k)}, i.e. {@code A ← A G_{jk}ᵀ}; built from
     * {@code (f, g) = (a_pj, a_pk)} it zeroes {@code a_pk}. In place, O(rows).
     *
     * @throws IllegalArgumentException if A is null, an index is out of range or {@code j == k}
     */
    public void applyCols(Matrix a, int j, int k) {
        Check.notNull("a", a);
        checkPair("j", j, "k", k, a.cols);
        rotate(a.data, a.offset + j, a.offset + k, a.ld, a.rows);
    }

    /**
     * The {@code n x n} identity with G in rows/columns (i, k): {@code Q_ii = Q_kk = c},
     * {@code Q_ik = s}, {@code Q_ki = −s}. O(n²), allocates it.
     *
     * @throws IllegalArgumentException if an index is out of range or {@code i == k}
     */
    public Matrix toMatrix(int n, int i, int k) {
        Check.nonNegative("n", n);
        checkPair("i", i, "k", k, n);
        Matrix q = Matrix.eye(n);
        q.set(i, i, c).set(k, k, c).set(i, k, s).set(k, i, -s);
        return q;
    }

    private void rotate(double[] d, int x, int y, int stride, int len) {
        for (int t = 0, p = 0; t < len; t++, p += stride) {
            double a = d[x + p], b = d[y + p];
            d[x + p] = c * a + s * b;
            d[y + p] = c * b - s * a;
        }
    }

    private static void checkPair(String ni, int i, String nk, int k, int size) {
        Check.inRange(ni, i, 0, size - 1);
        Check.inRange(nk, k, 0, size - 1);
        if (i == k) throw new IllegalArgumentException(ni + " = " + nk + " = " + i + ", expected two different indices");
    }
}
