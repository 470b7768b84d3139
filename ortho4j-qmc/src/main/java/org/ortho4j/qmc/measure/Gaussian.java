package org.ortho4j.qmc.measure;

import java.util.Arrays;
import org.ortho4j.core.Check;
import org.ortho4j.core.decomp.CholeskyDecomposition;
import org.ortho4j.core.decomp.NotPositiveDefiniteException;
import org.ortho4j.core.decomp.SymmetricEigen;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;

/**
 * The multivariate normal probability measure N(μ, Σ) (QMCPy {@code Gaussian}, spec qmc.md 2.12),
 * sampled by {@code T(u) = μ + A Φ⁻¹(u)} (Φ⁻¹ applied to each coordinate after the
 * {@link TrueMeasure#GUARD 0/1 guard}), with {@code A Aᵀ = Σ}:
 * <ul>
 *   <li>{@link Decomposition#PCA} (QMCPy's default): {@code A = V diag(√λ)} with the eigenpairs of
 *       Σ sorted by decreasing eigenvalue and each eigenvector's sign chosen so that its first
 *       entry is ≥ 0 (so the first coordinates of u carry the most variance — what makes QMC
 *       effective for Brownian paths). Eigenvalues above {@code −1e-10 max λ} are accepted as
 *       roundoff and set to 0 (a singular Σ is allowed); a diagonal Σ is sorted directly, ties
 *       kept in index order, so an IID Gaussian has the diagonal factor {@code √σ² I}.</li>
 *   <li>{@link Decomposition#CHOLESKY}: {@code A = L}, the lower Cholesky factor (Σ must be
 *       positive definite).</li>
 * </ul>
 * Σ is symmetrized, {@code (Σ + Σᵀ)/2}, before it is decomposed (core's {@link SymmetricEigen} /
 * {@link CholeskyDecomposition}). Weight 1. The density (for importance sampling) uses the Cholesky
 * factor of Σ and is unavailable when Σ is singular.
 *
 * <p>Cost: construction O(d³); {@link #transform} O(n d) for a diagonal factor, O(n d²) otherwise
 * (one GEMM), plus n·d normal quantiles (~70 ns each). Immutable and thread-safe.
 */
public final class Gaussian implements TrueMeasure {
    /** How the covariance is factored into the sampling map. */
    public enum Decomposition {
        /** Principal components: eigenvectors scaled by √eigenvalues, largest first. */
        PCA,
        /** Lower Cholesky factor. */
        CHOLESKY
    }

    private final double[] mean;
    private final Matrix covariance;
    private final Decomposition decomposition;
    private final Matrix factor;         // A, d x d
    private final double[] diagonal;     // A's diagonal when A is diagonal, else null
    private final Matrix cholesky;       // L for the density, or null if Σ is singular
    private final double logNormalizer;  // -(d log 2π + log det Σ)/2

    /**
     * N(mean, covariance).
     *
     * @param mean          μ, finite, length d ≥ 1 (copied)
     * @param covariance    Σ, {@code d x d}, symmetric (up to roundoff) positive semidefinite
     *                      (positive definite for CHOLESKY); copied
     * @param decomposition how Σ is factored
     * @throws IllegalArgumentException naming the parameter if a shape is wrong, a value is not
     *     finite, Σ is not symmetric, has a clearly negative eigenvalue (PCA) or is not positive
     *     definite (CHOLESKY)
     */
    public Gaussian(double[] mean, Matrix covariance, Decomposition decomposition) {
        Check.notNull("mean", mean);
        int d = mean.length;
        if (d == 0) throw new IllegalArgumentException("mean.length = 0, expected d >= 1");
        this.mean = Measures.finiteVector("mean", mean, d);
        Check.notNull("covariance", covariance);
        if (covariance.rows != d || covariance.cols != d)
            throw new IllegalArgumentException("covariance is " + covariance.rows + "x" + covariance.cols + ", expected " + d + "x" + d);
        MatrixOps.requireFinite("covariance", covariance);
        this.decomposition = Check.notNull("decomposition", decomposition);
        Matrix sym = new Matrix(d, d);
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) sym.data[i * d + j] = 0.5 * (covariance.get(i, j) + covariance.get(j, i));
        for (int i = 0; i < d; i++)
            if (!(sym.data[i * d + i] >= 0))
                throw new IllegalArgumentException("covariance[" + i + "][" + i + "] = " + sym.data[i * d + i] + ", expected a variance >= 0");
        this.covariance = sym;
        this.factor = decomposition == Decomposition.PCA ? pcaFactor(sym) : choleskyFactor(sym);
        this.diagonal = diagonalOf(factor);
        CholeskyDecomposition c = new CholeskyDecomposition();
        if (c.tryDecompose(sym)) {
            this.cholesky = c.getL();
            this.logNormalizer = -0.5 * (d * Math.log(2 * Math.PI) + c.logDet());
        } else {
            this.cholesky = null;
            this.logNormalizer = Double.NaN;
        }
    }

    /**
     * The IID Gaussian N(m 1, v I) with PCA decomposition (diagonal factor √v I).
     *
     * @param d        dimension ≥ 1
     * @param mean     m, finite
     * @param variance v, finite and > 0
     * @return the measure
     */
    public static Gaussian iid(int d, double mean, double variance) {
        Check.positive("d", d);
        Check.finite("mean", mean);
        Check.positive("variance", variance);
        double[] mu = new double[d];
        Arrays.fill(mu, mean);
        Matrix cov = new Matrix(d, d);
        for (int i = 0; i < d; i++) cov.data[i * d + i] = variance;
        return new Gaussian(mu, cov, Decomposition.PCA);
    }

    /**
     * The standard normal N(0, I).
     *
     * @param d dimension ≥ 1
     * @return the measure
     */
    public static Gaussian standard(int d) { return iid(d, 0, 1); }

    private static Matrix pcaFactor(Matrix sym) {
        int d = sym.rows;
        if (isDiagonal(sym)) {
            Integer[] order = new Integer[d];
            for (int j = 0; j < d; j++) order[j] = j;
            Arrays.sort(order, (p, q) -> Double.compare(sym.data[q * d + q], sym.data[p * d + p]));   // stable, decreasing
            Matrix a = new Matrix(d, d);
            for (int k = 0; k < d; k++) {
                int j = order[k];
                a.data[j * d + k] = Math.sqrt(sym.data[j * d + j]);
            }
            return a;
        }
        SymmetricEigen eig = SymmetricEigen.of(sym);
        double[] lambda = eig.getEigenvalues();               // ascending
        Matrix v = eig.getEigenvectors();
        double max = Math.max(0, lambda[d - 1]);
        Matrix a = new Matrix(d, d);
        for (int k = 0; k < d; k++) {
            int src = d - 1 - k;                               // decreasing eigenvalues
            double l = lambda[src];
            if (l < -1e-10 * max)
                throw new IllegalArgumentException("covariance has eigenvalue " + l + " < 0, expected a positive semidefinite matrix");
            double s = Math.sqrt(Math.max(l, 0));
            double sign = v.get(0, src) < 0 ? -1 : 1;
            for (int i = 0; i < d; i++) a.data[i * d + k] = sign * s * v.get(i, src);
        }
        return a;
    }

    private static Matrix choleskyFactor(Matrix sym) {
        try {
            return CholeskyDecomposition.of(sym).getL();
        } catch (NotPositiveDefiniteException e) {
            throw new IllegalArgumentException("covariance is not positive definite (leading minor of order " + e.minorOrder()
                    + "), expected a positive definite matrix for Decomposition.CHOLESKY; use PCA for a singular covariance", e);
        }
    }

    private static boolean isDiagonal(Matrix m) {
        int d = m.rows;
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                if (i != j && m.data[i * d + j] != 0) return false;
        return true;
    }

    private static double[] diagonalOf(Matrix a) {
        if (!isDiagonal(a)) return null;
        double[] diag = new double[a.rows];
        for (int i = 0; i < a.rows; i++) diag[i] = a.data[i * a.rows + i];
        return diag;
    }

    @Override public int dimension() { return mean.length; }

    /** μ (copy). */
    public double[] mean() { return mean.clone(); }

    /** The symmetrized Σ (copy). */
    public Matrix covariance() { return covariance.copy(); }

    /** The decomposition used. */
    public Decomposition decomposition() { return decomposition; }

    /** The factor A of the sampling map, {@code A Aᵀ = Σ} (copy). */
    public Matrix factor() { return factor.copy(); }

    @Override
    public Matrix transform(Matrix u) {
        Measures.checkColumns("u", u, dimension());
        int d = dimension();
        Matrix z = Measures.normalScores(u);
        Matrix t;
        if (diagonal != null) {
            t = z;
            for (int i = 0; i < z.rows; i++)
                for (int j = 0; j < d; j++) t.data[i * d + j] = mean[j] + diagonal[j] * t.data[i * d + j];
        } else {
            t = MatrixOps.multTransB(z, factor, null);
            for (int i = 0; i < t.rows; i++)
                for (int j = 0; j < d; j++) t.data[i * d + j] += mean[j];
        }
        return t;
    }

    @Override
    public double[] weights(Matrix t) {
        Measures.checkColumns("t", t, dimension());
        return Measures.constant(t.rows, 1);
    }

    /**
     * {@code log N(t_i; μ, Σ) = −(d log 2π + log det Σ + (t−μ)ᵀ Σ⁻¹ (t−μ)) / 2}; O(d²).
     *
     * @throws UnsupportedOperationException if Σ is singular (no density)
     */
    @Override
    public double logDensity(Matrix t, int i) {
        Measures.checkColumns("t", t, dimension());
        if (cholesky == null) throw new UnsupportedOperationException("the covariance is singular: N(mean, covariance) has no density");
        int d = dimension();
        double[] y = new double[d];
        double q = 0;
        for (int r = 0; r < d; r++) {               // forward substitution L y = t - μ
            double s = t.get(i, r) - mean[r];
            for (int k = 0; k < r; k++) s -= cholesky.data[r * d + k] * y[k];
            y[r] = s / cholesky.data[r * d + r];
            q += y[r] * y[r];
        }
        return logNormalizer - 0.5 * q;
    }

    @Override public boolean isProbability() { return true; }

    @Override
    public String toString() { return "Gaussian(d=" + dimension() + ", " + decomposition + ")"; }
}
