package org.ortho4j.qmc.measure;

import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * A Brownian motion observed at d equally spaced times (QMCPy {@code BrownianMotion}, spec qmc.md
 * 2.12): {@code τ_j = T j / d} (j = 1..d), {@code B(τ) = b_0 + γ τ + √ν W(τ)}, i.e. the Gaussian
 * measure with mean {@code b_0 + γ τ_j} and covariance {@code ν min(τ_i, τ_k)}, sampled through
 * {@link Gaussian} with the chosen decomposition (PCA by default, which orders the path's
 * principal components first). QMCPy doctest: d = 4, T = 2, γ = 2 gives mean (1, 2, 3, 4) and
 * covariance {@code [[.5,.5,.5,.5],[.5,1,1,1],[.5,1,1.5,1.5],[.5,1,1.5,2]]}.
 *
 * <p>Construction O(d³) (eigendecomposition); immutable and thread-safe.
 */
public final class BrownianMotion implements TrueMeasure {
    private final double tFinal, initialValue, drift, diffusion;
    private final double[] times;
    private final Gaussian gaussian;

    /**
     * A Brownian motion.
     *
     * @param d             number of monitoring times ≥ 1
     * @param tFinal        T &gt; 0
     * @param initialValue  b_0, finite
     * @param drift         γ, finite
     * @param diffusion     ν &gt; 0 (the variance per unit time)
     * @param decomposition how the covariance is factored
     * @throws IllegalArgumentException naming the parameter out of range
     */
    public BrownianMotion(int d, double tFinal, double initialValue, double drift, double diffusion,
                          Gaussian.Decomposition decomposition) {
        Check.positive("d", d);
        this.tFinal = Check.positive("tFinal", tFinal);
        this.initialValue = Check.finite("initialValue", initialValue);
        this.drift = Check.finite("drift", drift);
        this.diffusion = Check.positive("diffusion", diffusion);
        this.times = timeGrid(d, tFinal);
        double[] mean = new double[d];
        Matrix cov = new Matrix(d, d);
        for (int i = 0; i < d; i++) {
            mean[i] = initialValue + drift * times[i];
            for (int k = 0; k < d; k++) cov.data[i * d + k] = diffusion * Math.min(times[i], times[k]);
        }
        this.gaussian = new Gaussian(mean, cov, Check.notNull("decomposition", decomposition));
    }

    /**
     * The standard Brownian motion W on {@code (0, T]} (b_0 = 0, γ = 0, ν = 1) with PCA.
     *
     * @param d      number of monitoring times ≥ 1
     * @param tFinal T &gt; 0
     * @return the measure
     */
    public static BrownianMotion standard(int d, double tFinal) {
        return new BrownianMotion(d, tFinal, 0, 0, 1, Gaussian.Decomposition.PCA);
    }

    /** {@code τ_j = T j / d}, j = 1..d. */
    static double[] timeGrid(int d, double tFinal) {
        double[] t = new double[d];
        for (int j = 0; j < d; j++) t[j] = tFinal * (j + 1) / d;
        return t;
    }

    @Override public int dimension() { return times.length; }

    /** The monitoring times τ_1..τ_d (copy). */
    public double[] times() { return times.clone(); }

    /** T. */
    public double tFinal() { return tFinal; }

    /** b_0. */
    public double initialValue() { return initialValue; }

    /** γ. */
    public double drift() { return drift; }

    /** ν. */
    public double diffusion() { return diffusion; }

    /** The underlying Gaussian measure (mean and covariance of the path). */
    public Gaussian gaussian() { return gaussian; }

    @Override public Matrix transform(Matrix u) { return gaussian.transform(u); }

    @Override public double[] weights(Matrix t) { return gaussian.weights(t); }

    @Override public double logDensity(Matrix t, int i) { return gaussian.logDensity(t, i); }

    @Override public boolean isProbability() { return true; }

    @Override
    public String toString() {
        return "BrownianMotion(d=" + times.length + ", T=" + tFinal + ", b0=" + initialValue + ", drift=" + drift
                + ", diffusion=" + diffusion + ", " + gaussian.decomposition() + ")";
    }
}
