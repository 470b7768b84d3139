package org.ortho4j.qmc.kernel;

import org.ortho4j.core.Check;

/**
 * Shift-invariant (SI) product kernel of Korobov type, paired with rank-1 lattices (QMCPy
 * {@code KernelShiftInvar}, spec qmc.md §2.10):
 * <pre>
 *   K(x, z)        = S * prod_j (1 + gamma_j * Ktilde_{alpha_j}((x_j - z_j) mod 1)),
 *   Ktilde_alpha(d) = (-1)^(alpha+1) (2 pi)^(2 alpha) / (2 alpha)! * B_{2 alpha}(d)
 *                   = sum_{h != 0} exp(2 pi i h d) / |h|^(2 alpha),
 * </pre>
 * {@code B_n} the Bernoulli polynomial, smoothness {@code alpha_j} in 1..5 (QMCPy tabulates
 * {@code B_1..B_10}). {@code Ktilde_alpha(0) = 2 zeta(2 alpha)}, e.g. {@code pi^2/3} for alpha = 1.
 *
 * <p><b>Evaluation.</b> {@code B_{2 alpha}(d) = B_{2 alpha}(1 - d)}, so it is a polynomial in
 * {@code w = d (1 - d)} in [0, 1/4]: {@code B_2 = 1/6 - w}, {@code B_4 = w^2 - 1/30},
 * {@code B_6 = 1/42 - w^2/2 - w^3}, {@code B_8 = -1/30 + 2/3 w^2 + 4/3 w^3 + w^4},
 * {@code B_10 = 5/66 - 3/2 w^2 - 3 w^3 - 5/2 w^4 - w^5}, evaluated by Horner's rule in w and
 * multiplied by the constant {@code (2 pi)^(2 alpha)/(2 alpha)!} (stored correctly rounded). This
 * keeps the symmetry {@code Ktilde(d) = Ktilde(1 - d)} up to the rounding of {@code 1 - d}, so the
 * lattice eigenvalues are real to round-off, and avoids the cancellation of the monomial form
 * QMCPy sums. Accuracy: a few ulps of {@code Ktilde_alpha(0)} in absolute terms (tested against
 * exact rational arithmetic).
 *
 * <p>The difference is taken as {@code d = x - z - floor(x - z)} (numpy's {@code %}); a result of
 * exactly 1 (from a tiny negative difference) gives the same value as 0 by periodicity.
 */
public final class ShiftInvariantKernel extends ProductKernel {
    /** Largest supported smoothness (Bernoulli polynomial of degree 10). */
    public static final int MAX_ALPHA = 5;

    /** {@code (2 pi)^(2 alpha) / (2 alpha)!} for alpha = 1..5, correctly rounded (index 0 unused). */
    private static final double[] C = {Double.NaN, 19.739208802178716, 64.9393940226683, 85.45681720669373,
        60.24464137187666, 26.4262567833744};
    /** Sign {@code (-1)^(alpha+1)}. */
    private static final double[] SIGN = {Double.NaN, 1, -1, 1, -1, 1};
    /** Coefficients of {@code B_{2 alpha}} in powers of {@code w = d(1-d)}, ascending. */
    private static final double[][] B_IN_W = {
        null,
        {1.0 / 6, -1},
        {-1.0 / 30, 0, 1},
        {1.0 / 42, 0, -0.5, -1},
        {-1.0 / 30, 0, 2.0 / 3, 4.0 / 3, 1},
        {5.0 / 66, 0, -1.5, -3, -2.5, -1},
    };
    /** {@code Ktilde_alpha(0)} for alpha = 1..5 (index 0 unused). */
    private static final double[] AT_ZERO = new double[MAX_ALPHA + 1];

    static {
        for (int a = 1; a <= MAX_ALPHA; a++) AT_ZERO[a] = SIGN[a] * C[a] * B_IN_W[a][0];
    }

    /**
     * A kernel with scale S, weights {@code gamma} and smoothness {@code alpha} (same length d >= 1).
     *
     * @throws IllegalArgumentException if {@code scale} or a weight is not a finite positive number,
     *     the lengths differ, or an {@code alpha_j} is outside 1..5
     */
    public ShiftInvariantKernel(double scale, double[] gamma, int[] alpha) {
        super(scale, gamma, alpha, MAX_ALPHA);
    }

    /**
     * A kernel with the same smoothness {@code alpha} and weight {@code gamma} in every one of d
     * coordinates.
     */
    public static ShiftInvariantKernel isotropic(int d, double scale, double gamma, int alpha) {
        Check.positive("d", d);
        double[] g = new double[d];
        int[] a = new int[d];
        java.util.Arrays.fill(g, gamma);
        java.util.Arrays.fill(a, alpha);
        return new ShiftInvariantKernel(scale, g, a);
    }

    @Override
    public ShiftInvariantKernel withParameters(double scale, double[] gamma) {
        Check.notNull("gamma", gamma);
        Check.dimension("gamma.length", gamma.length, dimension());
        return new ShiftInvariantKernel(scale, gamma, alpha());
    }

    /**
     * The one-dimensional factor {@code Ktilde_alpha(delta mod 1)}. O(alpha).
     *
     * @param alpha smoothness, 1..5
     * @param delta any finite real (taken mod 1)
     * @throws IllegalArgumentException if alpha is out of range or delta is not finite
     */
    public static double kTilde(int alpha, double delta) {
        Check.inRange("alpha", alpha, 1, MAX_ALPHA);
        Check.finite("delta", delta);
        return tildeOf(alpha, delta - Math.floor(delta));
    }

    /** {@code Ktilde_alpha(d)} for {@code d} in [0, 1], unchecked. */
    static double tildeOf(int alpha, double d) {
        double w = d * (1 - d);
        double[] b = B_IN_W[alpha];
        double p = b[b.length - 1];
        for (int k = b.length - 2; k >= 0; k--) p = p * w + b[k];
        return SIGN[alpha] * C[alpha] * p;
    }

    /** {@code (x - z) mod 1} as numpy's {@code %} computes it (a value in [0, 1]). */
    static double wrap(double x, double z) {
        double d = x - z;
        return d - Math.floor(d);
    }

    @Override
    double tilde(int j, double x, double z) { return tildeOf(alpha(j), wrap(x, z)); }

    /** {@code K(x, x) = S prod_j (1 + gamma_j * 2 zeta(2 alpha_j))}. */
    @Override
    public double diagonal() { return diagonalFrom(AT_ZERO); }
}
