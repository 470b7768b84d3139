package org.ortho4j.qmc.measure;

import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * A geometric Brownian motion observed at {@code τ_j = T j / d} (QMCPy
 * {@code GeometricBrownianMotion}, spec qmc.md 2.12):
 * <pre>
 *   S(τ) = S_0 exp((γ − σ²/2) τ + σ W(τ)),     W a standard Brownian motion,
 * </pre>
 * so {@code log S} is Gaussian with mean {@code log S_0 + (γ − σ²/2) τ_j} and covariance
 * {@code σ² min(τ_i, τ_k)}; sampled as the exponential of that {@link Gaussian} (PCA by default).
 * The density is the log-normal one, {@code log N(log s; m, C) − Σ log s_j}. The risk-neutral
 * stock price of option pricing has {@code γ = r}.
 *
 * <p>Immutable and thread-safe; construction O(d³), sampling as {@link Gaussian} plus n·d
 * exponentials.
 */
public final class GeometricBrownianMotion implements TrueMeasure {
    private final double tFinal, initialValue, drift, volatility;
    private final double[] times;
    private final Gaussian logPath;

    /**
     * A geometric Brownian motion.
     *
     * @param d             number of monitoring times ≥ 1
     * @param tFinal        T &gt; 0
     * @param initialValue  S_0 &gt; 0
     * @param drift         γ, finite
     * @param volatility    σ &gt; 0 (QMCPy's {@code diffusion} is σ²)
     * @param decomposition how the covariance of log S is factored
     * @throws IllegalArgumentException naming the parameter out of range
     */
    public GeometricBrownianMotion(int d, double tFinal, double initialValue, double drift, double volatility,
                                   Gaussian.Decomposition decomposition) {
        Check.positive("d", d);
        this.tFinal = Check.positive("tFinal", tFinal);
        this.initialValue = Check.positive("initialValue", initialValue);
        this.drift = Check.finite("drift", drift);
        this.volatility = Check.positive("volatility", volatility);
        this.times = BrownianMotion.timeGrid(d, tFinal);
        double[] mean = new double[d];
        Matrix cov = new Matrix(d, d);
        double v2 = volatility * volatility;
        for (int i = 0; i < d; i++) {
            mean[i] = Math.log(initialValue) + (drift - 0.5 * v2) * times[i];
            for (int k = 0; k < d; k++) cov.data[i * d + k] = v2 * Math.min(times[i], times[k]);
        }
        this.logPath = new Gaussian(mean, cov, Check.notNull("decomposition", decomposition));
    }

    @Override public int dimension() { return times.length; }

    /** The monitoring times (copy). */
    public double[] times() { return times.clone(); }

    /** T. */
    public double tFinal() { return tFinal; }

    /** S_0. */
    public double initialValue() { return initialValue; }

    /** γ. */
    public double drift() { return drift; }

    /** σ. */
    public double volatility() { return volatility; }

    /** The Gaussian measure of {@code log S}. */
    public Gaussian logPath() { return logPath; }

    @Override
    public Matrix transform(Matrix u) {
        Matrix s = logPath.transform(u);
        for (int i = 0; i < s.data.length; i++) s.data[i] = Math.exp(s.data[i]);
        return s;
    }

    @Override public double[] weights(Matrix t) { return logPath.weights(t); }

    /** {@code log N(log s; m, C) − Σ log s_j} for positive s, −∞ otherwise. */
    @Override
    public double logDensity(Matrix t, int i) {
        Measures.checkColumns("t", t, dimension());
        int d = dimension();
        Matrix logS = new Matrix(1, d);
        double jacobian = 0;
        for (int j = 0; j < d; j++) {
            double s = t.get(i, j);
            if (!(s > 0)) return Double.NEGATIVE_INFINITY;
            logS.data[j] = Math.log(s);
            jacobian += logS.data[j];
        }
        return logPath.logDensity(logS, 0) - jacobian;
    }

    @Override public boolean isProbability() { return true; }

    @Override
    public String toString() {
        return "GeometricBrownianMotion(d=" + times.length + ", T=" + tFinal + ", S0=" + initialValue + ", drift=" + drift
                + ", volatility=" + volatility + ", " + logPath.decomposition() + ")";
    }
}
