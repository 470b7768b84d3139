package org.ortho4j.qmc.kernel;

import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.transform.Transforms;

/**
 * The {@code n x n} Gram matrix {@code K + sigma^2 I} of a matching kernel and low-discrepancy
 * point set, held as its eigenvalues: O(n log n) multiply, solve and log-determinant in O(n) memory,
 * never forming K (QMCPy's fast kernel algebra, spec qmc.md §2.10).
 *
 * <p><b>Structure.</b> For the first {@code n = 2^m} points of
 * <ul>
 *   <li>a shifted rank-1 lattice in radical-inverse order with a {@link ShiftInvariantKernel},
 *       K is a bit-reversal-permuted circulant: {@code K = IFFTBR diag(lambda) FFTBR} with
 *       {@code lambda = sqrt(n) FFTBR(k0)};</li>
 *   <li>a digitally shifted base-2 digital net (natural or Gray order, any fixed linear scramble)
 *       with a {@link DigitallyShiftInvariantKernel}, K is a dyadic convolution:
 *       {@code K = FWHT diag(lambda) FWHT} with {@code lambda = sqrt(n) FWHT(k0)};</li>
 * </ul>
 * where {@code k0 = (K(x_i, x_0))_i} is the first column and the transforms are the orthonormal
 * ones of {@code org.ortho4j.core.transform}. The factories verify the structure in O(n d) and
 * throw if it does not hold (Gray-order lattices, Owen-scrambled nets, unrelated points). Then
 * {@code K y = T^{-1}(lambda ⊙ T y)}, {@code K^{-1} y = T^{-1}(T y ⊘ lambda)},
 * {@code log det K = sum log lambda_k}. The eigenvalues include the nugget {@code sigma^2}.
 *
 * <p><b>Positive definiteness.</b> {@link #solve}, {@link #logDet} and {@link #quadraticForm}
 * need every eigenvalue above {@code n eps max|lambda|} (the size of the round-off in the computed
 * eigenvalues, whose error is about {@code log2(n) eps sqrt(n) ||k0||_2 <= n eps max|lambda|});
 * otherwise they throw {@link NotPositiveDefiniteGramException} naming the eigenvalue, never
 * returning NaN or garbage. A nugget ({@link #withNugget}) regularizes.
 *
 * <p><b>Lattice eigenvalues</b> are real for a symmetric first column (SI kernels are); the
 * imaginary parts of {@code sqrt(n) FFTBR(k0)} are dropped after checking they are below
 * {@code sqrt(eps) max|lambda|} (round-off is about {@code n eps max|lambda|}; an asymmetric column
 * from {@link #fromFirstColumn} gives O(max|lambda|)). {@link #maxImaginaryPart} reports them.
 *
 * <p>Immutable; methods are thread-safe (lattice transforms synchronize on a shared plan).
 */
public final class FastGram implements GramOperator {

    /** Which transform diagonalizes the Gram matrix. */
    public enum Structure {
        /** Rank-1 lattice, radical-inverse order, SI kernel: FFTBR / IFFTBR. */
        LATTICE,
        /** Base-2 digital net, natural or Gray order, DSI kernel: FWHT. */
        DIGITAL_NET
    }

    private final Spectral spectral;
    private final double[] lambda;
    private final double nugget;
    private final double maxImag;

    private FastGram(Spectral spectral, double[] lambda, double nugget, double maxImag) {
        this.spectral = spectral;
        this.lambda = lambda;
        this.nugget = nugget;
        this.maxImag = maxImag;
    }

    /**
     * The Gram matrix of an SI kernel on the first {@code n = 2^m} points ({@code n x d}, floats)
     * of a shifted rank-1 lattice in radical-inverse order. O(n d + n log n); the points are read,
     * not kept.
     *
     * @throws IllegalArgumentException if n is not a power of two, {@code x.cols != d}, or the points
     *     are not such a lattice (the message names the first offending point and coordinate)
     */
    public static FastGram lattice(ShiftInvariantKernel kernel, Matrix x) {
        Check.notNull("kernel", kernel);
        return of(new GramDesign.Lattice(x), kernel);
    }

    /**
     * The Gram matrix of a DSI kernel on the first {@code n = 2^m} points of a digitally shifted
     * base-2 digital net in natural or Gray order, given as t-bit integers ({@code n} rows of length
     * d; t = {@code kernel.bits()}). O(n d + n log n).
     *
     * @throws IllegalArgumentException if n is not a power of two, a row has the wrong length or a
     *     value too many bits, or the points are not such a net
     */
    public static FastGram digitalNet(DigitallyShiftInvariantKernel kernel, long[][] xb) {
        Check.notNull("kernel", kernel);
        return of(new GramDesign.Net(xb, kernel.bits()), kernel);
    }

    /**
     * {@link #digitalNet(DigitallyShiftInvariantKernel, long[][])} on float points, converted with
     * {@link DigitallyShiftInvariantKernel#toBits(double, int)} (exact for points made from t-bit
     * integers with {@code t <= 53}; for more bits pass the integers).
     */
    public static FastGram digitalNet(DigitallyShiftInvariantKernel kernel, Matrix x) {
        Check.notNull("kernel", kernel);
        return digitalNet(kernel, kernel.toBits(x));
    }

    /** The Gram matrix of {@code kernel} on a verified design. */
    static FastGram of(GramDesign design, ProductKernel kernel) {
        return fromColumn(design.structure(), design.firstColumn(kernel));
    }

    /**
     * The structured matrix with a given first column ({@code K[i][k] = k0[i XOR k]} for
     * {@link Structure#DIGITAL_NET}; the bit-reversal-permuted circulant for
     * {@link Structure#LATTICE}). The column is copied. O(n log n).
     *
     * @throws IllegalArgumentException if the length is not a power of two, an entry is not finite,
     *     or (lattice) the column is not symmetric so the eigenvalues are not real
     */
    public static FastGram fromFirstColumn(Structure structure, double[] k0) {
        Check.notNull("structure", structure);
        Check.notNull("k0", k0);
        Transforms.requirePowerOfTwo("k0.length", k0.length);
        Check.allFinite("k0", k0, 0, k0.length);
        return fromColumn(structure, k0);
    }

    private static FastGram fromColumn(Structure structure, double[] k0) {
        Spectral s = new Spectral(structure, k0.length);
        double[] imag = new double[1];
        double[] lambda = s.eigenvalues(k0, imag);
        double max = maxAbs(lambda);
        if (imag[0] > Math.sqrt(Math.ulp(1.0)) * max)
            throw new IllegalArgumentException("k0 does not define a symmetric lattice Gram matrix: the eigenvalues "
                    + "sqrt(n) FFTBR(k0) have imaginary parts up to " + imag[0] + " (max |real part| " + max + ")");
        return new FastGram(s, lambda, 0, imag[0]);
    }

    /**
     * {@code K + sigma2 I} (replacing any previous nugget): the eigenvalues shift by the difference.
     * O(n).
     *
     * @throws IllegalArgumentException if {@code sigma2} is negative or not finite
     */
    public FastGram withNugget(double sigma2) {
        Check.finite("sigma2", sigma2);
        if (sigma2 < 0) throw new IllegalArgumentException("sigma2 = " + sigma2 + ", expected >= 0");
        double[] l = lambda.clone();
        for (int k = 0; k < l.length; k++) l[k] += sigma2 - nugget;
        return new FastGram(spectral, l, sigma2, maxImag);
    }

    /** The transform that diagonalizes this matrix. */
    public Structure structure() { return spectral.structure; }

    @Override public int size() { return lambda.length; }

    /** The nugget {@code sigma^2} included in the eigenvalues. */
    public double nugget() { return nugget; }

    /** A copy of the eigenvalues (in transform order, not sorted), nugget included. */
    public double[] eigenvalues() { return lambda.clone(); }

    /** Largest {@code |Im|} of the computed lattice eigenvalues (0 for nets): a round-off diagnostic. */
    public double maxImaginaryPart() { return maxImag; }

    /** Smallest eigenvalue. */
    public double minEigenvalue() {
        double m = Double.POSITIVE_INFINITY;
        for (double l : lambda) m = Math.min(m, l);
        return m;
    }

    /** Whether every eigenvalue exceeds the threshold {@code n eps max|lambda|} of the class comment. */
    public boolean isPositiveDefinite() { return firstNonPositive() < 0; }

    /** {@code (K + sigma^2 I) y}: a new array. O(n log n). */
    @Override
    public double[] multiply(double[] y) {
        requireVector("y", y);
        return spectral.apply(y, lambda, false);
    }

    /**
     * {@code (K + sigma^2 I)^{-1} y}: a new array. O(n log n).
     *
     * @throws NotPositiveDefiniteGramException if an eigenvalue is not above the threshold
     */
    @Override
    public double[] solve(double[] y) {
        requireVector("y", y);
        requirePositiveDefinite();
        return spectral.apply(y, lambda, true);
    }

    /**
     * {@code log det (K + sigma^2 I) = sum_k log lambda_k}. O(n).
     *
     * @throws NotPositiveDefiniteGramException if an eigenvalue is not above the threshold
     */
    @Override
    public double logDet() {
        requirePositiveDefinite();
        double s = 0;
        for (double l : lambda) s += Math.log(l);
        return s;
    }

    /**
     * {@code y^T (K + sigma^2 I)^{-1} y = sum_k |(T y)_k|^2 / lambda_k}, one transform. O(n log n).
     *
     * @throws NotPositiveDefiniteGramException if an eigenvalue is not above the threshold
     */
    public double quadraticForm(double[] y) {
        requireVector("y", y);
        requirePositiveDefinite();
        double[] p = spectral.power(y);
        double s = 0;
        for (int k = 0; k < p.length; k++) s += p[k] / lambda[k];
        return s;
    }

    /**
     * The symmetric square root applied to z, {@code (K + sigma^2 I)^{1/2} z} with
     * {@code sqrt(lambda)}: if z is standard normal the result is a draw from {@code N(0, K + sigma^2 I)}
     * (used to simulate Gaussian-process data). A new array. O(n log n).
     *
     * @throws NotPositiveDefiniteGramException if an eigenvalue is negative (zero is allowed here)
     */
    public double[] multiplySqrt(double[] z) {
        requireVector("z", z);
        double[] root = new double[lambda.length];
        for (int k = 0; k < root.length; k++) {
            if (!(lambda[k] >= 0)) throw new NotPositiveDefiniteGramException(k, lambda[k], 0);
            root[k] = Math.sqrt(lambda[k]);
        }
        return spectral.apply(z, root, false);
    }

    /** Index of the first eigenvalue not above the threshold, or -1. */
    private int firstNonPositive() {
        double tol = threshold();
        for (int k = 0; k < lambda.length; k++) if (!(lambda[k] > tol)) return k;
        return -1;
    }

    /** {@code n eps max|lambda|}. */
    double threshold() { return lambda.length * Math.ulp(1.0) * maxAbs(lambda); }

    private void requirePositiveDefinite() {
        int k = firstNonPositive();
        if (k >= 0) throw new NotPositiveDefiniteGramException(k, lambda[k], threshold());
    }

    private void requireVector(String name, double[] v) {
        Check.notNull(name, v);
        Check.dimension(name + ".length", v.length, lambda.length);
        Check.allFinite(name, v, 0, v.length);
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }
}
