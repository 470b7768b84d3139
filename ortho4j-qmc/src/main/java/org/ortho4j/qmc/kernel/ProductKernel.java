package org.ortho4j.qmc.kernel;

import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * A product kernel on {@code [0,1)^d} with scale {@code S > 0}, weights {@code gamma_j > 0} and
 * integer smoothness {@code alpha_j}:
 * <pre>
 *   K(x, z) = S * prod_j (1 + gamma_j * Ktilde_{alpha_j}(x_j, z_j)),   integral of Ktilde over [0,1) = 0,
 * </pre>
 * so that {@code integral K(x, .) = integral integral K = S} (QMCPy {@code AbstractSIDSIKernel},
 * spec qmc.md §2.10). The two subclasses differ only in the one-dimensional factor
 * {@code Ktilde}: {@link ShiftInvariantKernel} (a function of {@code (x - z) mod 1}, paired with
 * rank-1 lattices) and {@link DigitallyShiftInvariantKernel} (a function of the XOR of the binary
 * expansions, paired with base-2 digital nets).
 *
 * <p>Evaluation order: the product runs over {@code j = 0..d-1} and is multiplied by {@code S} last,
 * as QMCPy does. Instances are immutable and thread-safe; {@link #withParameters} returns a new
 * kernel with other scale and weights (used by the hyper-parameter fit of
 * {@link LdGaussianProcess}).
 */
public abstract sealed class ProductKernel permits ShiftInvariantKernel, DigitallyShiftInvariantKernel {
    private final double scale;
    private final double[] gamma;
    private final int[] alpha;

    /**
     * Validates and copies the parameters.
     *
     * @param maxAlpha largest supported smoothness of the subclass
     */
    ProductKernel(double scale, double[] gamma, int[] alpha, int maxAlpha) {
        Check.positive("scale", scale);
        Check.notNull("gamma", gamma);
        Check.notNull("alpha", alpha);
        Check.positive("gamma.length", gamma.length);
        Check.dimension("alpha.length", alpha.length, gamma.length);
        for (int j = 0; j < gamma.length; j++) {
            Check.positive("gamma[" + j + "]", gamma[j]);
            Check.inRange("alpha[" + j + "]", alpha[j], 1, maxAlpha);
        }
        this.scale = scale;
        this.gamma = gamma.clone();
        this.alpha = alpha.clone();
    }

    /** Number of coordinates d. */
    public int dimension() { return gamma.length; }

    /** The scale S (also the value of {@code integral K(x, .)} and of the double integral). */
    public double scale() { return scale; }

    /** A copy of the weights {@code gamma_j} (QMCPy's {@code lengthscales}). */
    public double[] gamma() { return gamma.clone(); }

    /** A copy of the smoothness parameters {@code alpha_j}. */
    public int[] alpha() { return alpha.clone(); }

    /** Weight of coordinate j. */
    public double gamma(int j) { return gamma[j]; }

    /** Smoothness of coordinate j. */
    public int alpha(int j) { return alpha[j]; }

    /**
     * The same kernel family and smoothness with another scale and weights.
     *
     * @throws IllegalArgumentException if {@code scale <= 0}, a weight is not positive, or
     *     {@code gamma.length != dimension()}
     */
    public abstract ProductKernel withParameters(double scale, double[] gamma);

    /** {@code Ktilde_{alpha_j}} between float coordinates {@code x} and {@code z} of coordinate j. */
    abstract double tilde(int j, double x, double z);

    /** {@code K(x, x)}: the same for every x (both kernels are translation invariant), O(d). */
    public abstract double diagonal();

    /**
     * {@code K(x, z)} for two points given as floats (length d each; coordinates are taken mod 1).
     * O(d), no allocation.
     *
     * @throws IllegalArgumentException if a length differs from d
     */
    public double eval(double[] x, double[] z) {
        Check.dimension("x.length", x.length, dimension());
        Check.dimension("z.length", z.length, dimension());
        double p = 1;
        for (int j = 0; j < gamma.length; j++) p *= 1 + gamma[j] * tilde(j, x[j], z[j]);
        return scale * p;
    }

    /**
     * Batch evaluation on paired rows: {@code out[i] = K(x_i, z_i)}, or {@code K(x_i, z_0)} when
     * {@code z} has one row (broadcast). Shapes {@code n x d} and {@code n x d} (or {@code 1 x d});
     * returns a new array of length n. O(n d).
     *
     * @throws IllegalArgumentException on a shape mismatch
     */
    public double[] eval(Matrix x, Matrix z) {
        requireCols("x", x);
        requireCols("z", z);
        if (z.rows != 1) Check.dimension("z.rows", z.rows, x.rows);
        double[] out = new double[x.rows];
        for (int i = 0; i < x.rows; i++) out[i] = evalRows(x, i, z, z.rows == 1 ? 0 : i);
        return out;
    }

    /**
     * The dense cross Gram matrix {@code G[i][k] = K(x_i, z_k)}, {@code x: n x d}, {@code z: m x d};
     * returns a new {@code n x m} matrix. O(n m d) time, O(n m) memory: meant for checking the fast
     * algebra of {@link FastGram} and for small problems.
     */
    public Matrix gram(Matrix x, Matrix z) {
        requireCols("x", x);
        requireCols("z", z);
        return fill(x.rows, z.rows, (i, k) -> evalRows(x, i, z, k));
    }

    /** The dense symmetric Gram matrix {@code K(x_i, x_k)} of the rows of {@code x} (n x d); n x n. */
    public Matrix gram(Matrix x) { return gram(x, x); }

    /** {@code K(x_i, z_k)} for rows of two matrices whose column count is d (checked by callers). */
    double evalRows(Matrix x, int i, Matrix z, int k) {
        double p = 1;
        int xo = x.offset + i * x.ld, zo = z.offset + k * z.ld;
        for (int j = 0; j < gamma.length; j++) p *= 1 + gamma[j] * tilde(j, x.data[xo + j], z.data[zo + j]);
        return scale * p;
    }

    /**
     * {@code S * prod_j (1 + gamma_j * t[j][i])} for a table of one-dimensional values
     * {@code t[j][i]} ({@code d} rows): the kernel from precomputed {@code Ktilde} values, the
     * product in the same order as {@link #eval(double[], double[])}.
     */
    static double product(double scale, double[] gamma, double[][] t, int i) {
        double p = 1;
        for (int j = 0; j < gamma.length; j++) p *= 1 + gamma[j] * t[j][i];
        return scale * p;
    }

    /** {@code S * prod_j (1 + gamma_j * k0[alpha_j])}: K(x, x) from the values of Ktilde at 0. */
    double diagonalFrom(double[] tildeAtZero) {
        double p = 1;
        for (int j = 0; j < gamma.length; j++) p *= 1 + gamma[j] * tildeAtZero[alpha[j]];
        return scale * p;
    }

    void requireCols(String name, Matrix m) {
        Check.notNull(name, m);
        Check.dimension(name + ".cols", m.cols, dimension());
    }

    /** Entry function of a dense matrix. */
    @FunctionalInterface
    interface Entry {
        double at(int i, int k);
    }

    /** A new {@code rows x cols} matrix with entries {@code f(i, k)}. */
    static Matrix fill(int rows, int cols, Entry f) {
        Matrix g = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++)
            for (int k = 0; k < cols; k++) g.data[i * cols + k] = f.at(i, k);
        return g;
    }

    /** Parameters as text, e.g. {@code scale=10.0, gamma=[1.0, 0.25], alpha=[1, 2]}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "(scale=" + scale + ", gamma=" + java.util.Arrays.toString(gamma)
                + ", alpha=" + java.util.Arrays.toString(alpha) + ")";
    }
}
