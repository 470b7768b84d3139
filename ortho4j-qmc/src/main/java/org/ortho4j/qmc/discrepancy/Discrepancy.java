package org.ortho4j.qmc.discrepancy;

import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * Kernel L2 discrepancies of n points in {@code [0,1]^d} (spec qmc.md §2.11): for a product
 * reproducing kernel {@code K(x, z) = prod_j k(x_j, z_j)},
 * <pre>
 *   D^2 = integral integral K  -  (2/n) sum_i integral K(x_i, .)  +  (1/n^2) sum_{i,k} K(x_i, x_k),
 * </pre>
 * the worst-case squared error of the equal-weight rule over the unit ball of the kernel's
 * Hilbert space. Per coordinate ({@code a = |x - 1/2|}, {@code b = |z - 1/2|}, {@code u = |x - z|}):
 * <table>
 *   <caption>kernels</caption>
 *   <tr><th>method</th><th>k(x, z)</th><th>integral k(x, .)</th><th>double integral</th></tr>
 *   <tr><td>CENTERED (CD)</td><td>1 + a/2 + b/2 - u/2</td><td>1 + a/2 - a^2/2</td><td>13/12</td></tr>
 *   <tr><td>WRAP_AROUND (WD)</td><td>3/2 - u + u^2</td><td>4/3</td><td>4/3</td></tr>
 *   <tr><td>MIXTURE (MD)</td><td>15/8 - a/4 - b/4 - 3u/4 + u^2/2</td><td>5/3 - a/4 - a^2/4</td><td>19/12</td></tr>
 *   <tr><td>L2_STAR</td><td>1 - max(x, z)</td><td>(1 - x^2)/2</td><td>1/3</td></tr>
 *   <tr><td>STAR</td><td>2 - max(x, z)</td><td>(3 - x^2)/2</td><td>4/3</td></tr>
 * </table>
 *
 * <p><b>scipy's convention.</b> {@code scipy.stats.qmc.discrepancy(x, method)} returns the
 * <i>squared</i> discrepancy {@code D^2} for "CD", "WD" and "MD" but the discrepancy {@code D}
 * itself (the square root) for "L2-star". {@link #squared} and {@link #value} are explicit;
 * {@link #scipy} returns what scipy returns. STAR is not in scipy.
 *
 * <p><b>Agreement with scipy.</b> For the four scipy methods the sums run in scipy's order
 * ({@code _qmc_cy.pyx}: single sum over i; pair sum over i then k into one accumulator, except
 * L2-star which adds a subtotal per row) and each factor is written in scipy's form (e.g.
 * {@code 3/2 - u + u^2} rather than {@code 3/2 - u(1 - u)}; L2-star as
 * {@code 3^-d - (1/n) 2^(1-d) sum prod(1 - x^2) + ...}). Java doubles follow IEEE 754 without fused
 * multiply-add, so the results agree with scipy to the last bit apart from {@code pow} (all 20
 * golden values of {@code discrepancy_scipy.json} agree bit for bit). This matters: {@code D^2} is a
 * difference of O(c^d) terms, and a different but equally accurate summation order changes WD in
 * d = 5 by ~1e-11 relative.
 *
 * <p><b>Cost.</b> O(n^2 d) time, O(1) extra memory, single-threaded (a fixed order is what makes the
 * agreement possible); 0.1 to 0.3 s for n = 1024, d = 5 on a loaded two-core machine.
 */
public final class Discrepancy {
    private Discrepancy() {}

    /** The kernel. */
    public enum Method {
        /** Centered L2 discrepancy (Hickernell), scipy "CD". */
        CENTERED("CD") {
            @Override double single(double x) {
                double a = Math.abs(x - 0.5);
                return 1 + 0.5 * a - 0.5 * (a * a);
            }
            @Override double pair(double x, double z) {
                return 1 + 0.5 * Math.abs(x - 0.5) + 0.5 * Math.abs(z - 0.5) - 0.5 * Math.abs(x - z);
            }
            @Override double combine(int n, int d, double s1, double s2) {
                return Math.pow(13.0 / 12.0, d) - 2.0 / n * s1 + 1.0 / ((double) n * n) * s2;
            }
        },
        /** Wrap-around L2 discrepancy, scipy "WD" (its single integral is the constant 4/3). */
        WRAP_AROUND("WD") {
            @Override double single(double x) { return 4.0 / 3.0; }
            @Override boolean usesSingleSum() { return false; }
            @Override double pair(double x, double z) {
                double u = Math.abs(x - z);
                return 3.0 / 2.0 - u + u * u;
            }
            @Override double combine(int n, int d, double s1, double s2) {
                return -Math.pow(4.0 / 3.0, d) + 1.0 / ((double) n * n) * s2;
            }
        },
        /** Mixture discrepancy (Zhou, Fang, Ning 2013), scipy "MD". */
        MIXTURE("MD") {
            @Override double single(double x) {
                double a = Math.abs(x - 0.5);
                return 5.0 / 3.0 - 0.25 * a - 0.25 * (a * a);
            }
            @Override double pair(double x, double z) {
                double u = Math.abs(x - z);
                return 15.0 / 8.0 - 0.25 * Math.abs(x - 0.5) - 0.25 * Math.abs(z - 0.5) - 3.0 / 4.0 * u + 0.5 * (u * u);
            }
            @Override double combine(int n, int d, double s1, double s2) {
                return Math.pow(19.0 / 12.0, d) - 2.0 / n * s1 + 1.0 / ((double) n * n) * s2;
            }
        },
        /** L2-star discrepancy (Warnock's formula), scipy "L2-star" (scipy returns its square root). */
        L2_STAR("L2-star") {
            /** {@code 1 - x^2}, twice the single integral; the factor 2^-d goes into {@link #combine}. */
            @Override double single(double x) { return 1 - x * x; }
            @Override double pair(double x, double z) { return 1 - Math.max(x, z); }
            @Override boolean rowSubtotals() { return true; }
            @Override double combine(int n, int d, double s1, double s2) {
                double oneOverN = 1.0 / n;
                return Math.pow(3, -d) - oneOverN * Math.pow(2, 1 - d) * s1 + 1 / Math.pow(n, 2) * s2;
            }
        },
        /** The "star" kernel {@code prod (2 - max(x_j, z_j))} of QMCPy's development code; not in scipy. */
        STAR(null) {
            @Override double single(double x) { return (3 - x * x) / 2; }
            @Override double pair(double x, double z) { return 2 - Math.max(x, z); }
            @Override double combine(int n, int d, double s1, double s2) {
                return Math.pow(4.0 / 3.0, d) - 2.0 / n * s1 + 1.0 / ((double) n * n) * s2;
            }
        };

        private final String scipyName;

        Method(String scipyName) { this.scipyName = scipyName; }

        /** scipy's name ("CD", "WD", "MD", "L2-star"), or null for STAR. */
        public String scipyName() { return scipyName; }

        /** One coordinate's factor of the single sum. */
        abstract double single(double x);

        /** One coordinate's kernel factor. */
        abstract double pair(double x, double z);

        /** Whether the single sum enters the result (WD's is a constant, folded into combine). */
        boolean usesSingleSum() { return true; }

        /** Whether the pair sum adds one subtotal per row (scipy's L2-star loop) or every term directly. */
        boolean rowSubtotals() { return false; }

        /** {@code D^2} from the single sum {@code s1} and the pair sum {@code s2}, in scipy's expression. */
        abstract double combine(int n, int d, double s1, double s2);
    }

    /**
     * The squared discrepancy {@code D^2} of the rows of x ({@code n x d}, n >= 1, d >= 1, entries in
     * [0, 1]). Can be slightly negative for an (almost) perfect set through round-off. O(n^2 d).
     *
     * @throws IllegalArgumentException if x or the method is null, x is empty or has an entry outside
     *     [0, 1] (scipy: "Sample is not in unit hypercube")
     */
    public static double squared(Matrix x, Method method) {
        Check.notNull("method", method);
        requireUnitCube(x);
        int n = x.rows, d = x.cols;
        double s1 = 0;
        if (method.usesSingleSum()) {
            for (int i = 0; i < n; i++) {
                double p = 1;
                for (int j = 0; j < d; j++) p *= method.single(x.get(i, j));
                s1 += p;
            }
        }
        boolean sub = method.rowSubtotals();
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            int ri = x.offset + i * x.ld;
            double acc = sub ? 0 : s2;
            for (int k = 0; k < n; k++) {
                int rk = x.offset + k * x.ld;
                double p = 1;
                for (int j = 0; j < d; j++) p *= method.pair(x.data[ri + j], x.data[rk + j]);
                acc += p;
            }
            s2 = sub ? s2 + acc : acc;
        }
        return method.combine(n, d, s1, s2);
    }

    /** The discrepancy {@code D = sqrt(max(D^2, 0))} (a round-off negative square gives 0). O(n^2 d). */
    public static double value(Matrix x, Method method) {
        return Math.sqrt(Math.max(squared(x, method), 0));
    }

    /**
     * What {@code scipy.stats.qmc.discrepancy(x, method=m.scipyName())} returns: {@link #squared}
     * for CENTERED, WRAP_AROUND and MIXTURE, the root for L2_STAR (NaN, as scipy, if the computed
     * square is negative).
     *
     * @throws IllegalArgumentException for STAR, which scipy does not have
     */
    public static double scipy(Matrix x, Method method) {
        Check.notNull("method", method);
        if (method.scipyName() == null)
            throw new IllegalArgumentException("method = " + method + ", expected one of scipy's methods "
                    + "(CENTERED, WRAP_AROUND, MIXTURE, L2_STAR)");
        double sq = squared(x, method);
        return method == Method.L2_STAR ? Math.sqrt(sq) : sq;
    }

    private static void requireUnitCube(Matrix x) {
        Check.notNull("x", x);
        Check.positive("x.rows", x.rows);
        Check.positive("x.cols", x.cols);
        for (int i = 0; i < x.rows; i++)
            for (int j = 0; j < x.cols; j++) {
                double v = x.get(i, j);
                if (!(v >= 0 && v <= 1))
                    throw new IllegalArgumentException("x[" + i + "][" + j + "] = " + v
                            + ", expected points in the unit cube [0, 1]^d");
            }
    }
}
