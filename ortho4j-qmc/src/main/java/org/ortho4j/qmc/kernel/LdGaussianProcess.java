package org.ortho4j.qmc.kernel;

import java.util.Arrays;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * Gaussian-process regression on low-discrepancy points with the fast Gram algebra: a zero-mean
 * GP prior {@code f ~ GP(0, K)} with an SI kernel on a lattice or a DSI kernel on a digital net,
 * observations {@code y = f(x_i) + noise}, noise {@code N(0, sigma^2)}. Hyper-parameters are fitted
 * by maximizing the marginal likelihood, each evaluation O(n d + n log n) through {@link FastGram}.
 * (The kernel's constant term {@code S * 1} acts as a random constant mean of variance S, so no
 * separate mean parameter is needed.)
 *
 * <p><b>Parametrization and profile likelihood.</b> The smoothness {@code alpha} and the relative
 * weights {@code gamma0} of the prior kernel are kept; fitted are a weight factor ({@link GammaFit}:
 * none, one shared factor {@code gamma = c gamma0}, or one per coordinate), the noise ratio
 * {@code nu = sigma^2 / S} and the scale S. With {@code K + sigma^2 I = S (Ktilde + nu I)},
 * {@code Ktilde} the Gram matrix at scale 1 with eigenvalues {@code mu_k}, and {@code p = |T y|^2}
 * the power spectrum of y under the diagonalizing transform, the scale has the closed-form maximizer
 * {@code S = (1/n) sum_k p_k / (mu_k + nu)} and the profile log-likelihood is
 * <pre>
 *   l(gamma, nu) = -(n/2) (log(2 pi S) + 1) - (1/2) sum_k log(mu_k + nu).
 * </pre>
 * A parameter set whose eigenvalues are not above the round-off threshold of {@link FastGram}
 * scores {@code -infinity}.
 *
 * <p><b>Optimizer</b> (no dependency), in log space within the bounds of {@link Options}: first a
 * coarse search picks the start: 13 values of the common weight factor, each with the noise ratio
 * (if free) maximized by golden-section over its whole range. The likelihood has a narrow ridge
 * along which weights and noise ratio grow together, and a local search started off it can stop at
 * a spurious maximum on the boundary (tiny weights, huge scale); this start lies on the ridge. Then
 * Powell's conjugate-direction method ({@link PowellSearch}: golden-section line searches along the
 * coordinate axes and along each sweep's displacement, which follow the curved ridge between the
 * weights and the noise ratio), until a sweep improves {@code l} by at most
 * {@code tolerance (1 + |l|)} or {@code maxSweeps} sweeps were made. The result is a local maximum.
 * Deterministic: the same data give the same fit, bit for bit.
 *
 * <p><b>Prediction</b> ({@link #predict}): posterior mean {@code k(x)^T (K + sigma^2 I)^{-1} y}
 * (O(n d) per point with the stored weights) and posterior variance of f,
 * {@code K(x, x) - k(x)^T (K + sigma^2 I)^{-1} k(x)} (one fast solve, O(n d + n log n) per point),
 * clamped at 0 against round-off; add {@link #noiseVariance()} for the variance of a new observation.
 *
 * <p>Immutable after fitting; thread-safe.
 */
public final class LdGaussianProcess {

    /** Which weights are fitted. */
    public enum GammaFit {
        /** Keep the prior's {@code gamma}. */
        FIXED,
        /** One factor c for all coordinates: {@code gamma = c gamma0}. */
        SHARED,
        /** One factor per coordinate: {@code gamma_j = c_j gamma0_j}. */
        PER_DIMENSION
    }

    /**
     * Fit settings.
     *
     * @param gammaFit       which weight factors are free
     * @param gammaFactorMin smallest weight factor (> 0)
     * @param gammaFactorMax largest weight factor (>= min)
     * @param fitNoise       whether the noise ratio {@code nu = sigma^2/S} is free
     * @param noiseRatio     nu when not fitted; when fitted, one candidate start besides the grid
     *                       (>= 0)
     * @param noiseRatioMin  smallest free nu (> 0)
     * @param noiseRatioMax  largest free nu (>= min)
     * @param maxSweeps      most sweeps of the coordinate search (>= 1)
     * @param tolerance      relative likelihood improvement per sweep below which the search stops (>= 0)
     */
    public record Options(GammaFit gammaFit, double gammaFactorMin, double gammaFactorMax, boolean fitNoise,
                          double noiseRatio, double noiseRatioMin, double noiseRatioMax, int maxSweeps,
                          double tolerance) {
        /** Validates the settings. */
        public Options {
            Check.notNull("gammaFit", gammaFit);
            Check.positive("gammaFactorMin", gammaFactorMin);
            Check.positive("gammaFactorMax", gammaFactorMax);
            if (gammaFactorMax < gammaFactorMin)
                throw new IllegalArgumentException("gammaFactorMax = " + gammaFactorMax + ", expected >= gammaFactorMin = " + gammaFactorMin);
            Check.finite("noiseRatio", noiseRatio);
            if (noiseRatio < 0) throw new IllegalArgumentException("noiseRatio = " + noiseRatio + ", expected >= 0");
            Check.positive("noiseRatioMin", noiseRatioMin);
            Check.positive("noiseRatioMax", noiseRatioMax);
            if (noiseRatioMax < noiseRatioMin)
                throw new IllegalArgumentException("noiseRatioMax = " + noiseRatioMax + ", expected >= noiseRatioMin = " + noiseRatioMin);
            Check.positive("maxSweeps", maxSweeps);
            Check.finite("tolerance", tolerance);
            if (tolerance < 0) throw new IllegalArgumentException("tolerance = " + tolerance + ", expected >= 0");
        }

        /**
         * Defaults: one shared weight factor in [1e-3, 1e3], noise ratio fitted in [1e-12, 1]
         * starting at 1e-6, at most 30 sweeps, tolerance 1e-10.
         */
        public static Options defaults() {
            return new Options(GammaFit.SHARED, 1e-3, 1e3, true, 1e-6, 1e-12, 1, 30, 1e-10);
        }

        /** These options with another weight-fit mode and factor range. */
        public Options withGammaFit(GammaFit fit, double factorMin, double factorMax) {
            return new Options(fit, factorMin, factorMax, fitNoise, noiseRatio, noiseRatioMin, noiseRatioMax, maxSweeps, tolerance);
        }

        /** These options with a fixed noise ratio {@code nu = sigma^2 / S} (0 = interpolation). */
        public Options withFixedNoiseRatio(double nu) {
            return new Options(gammaFit, gammaFactorMin, gammaFactorMax, false, nu, noiseRatioMin, noiseRatioMax, maxSweeps, tolerance);
        }

        /** These options with the noise ratio fitted in {@code [min, max]}, starting at {@code start}. */
        public Options withFittedNoiseRatio(double start, double min, double max) {
            return new Options(gammaFit, gammaFactorMin, gammaFactorMax, true, start, min, max, maxSweeps, tolerance);
        }

        /** These options with other stopping rules. */
        public Options withStopping(int maxSweeps, double tolerance) {
            return new Options(gammaFit, gammaFactorMin, gammaFactorMax, fitNoise, noiseRatio, noiseRatioMin, noiseRatioMax, maxSweeps, tolerance);
        }
    }

    /**
     * Posterior mean and variance of f at new points.
     *
     * @param mean     posterior means, one per point
     * @param variance posterior variances of f (not of a noisy observation), one per point, >= 0
     */
    public record Prediction(double[] mean, double[] variance) {}

    private final GramDesign design;
    private final ProductKernel kernel;
    private final double noiseRatio;
    private final FastGram gram;
    private final double[] weights;
    private final double logLikelihood;
    private final int sweeps;
    private final int evaluations;
    private final boolean converged;

    private LdGaussianProcess(GramDesign design, ProductKernel kernel, double noiseRatio, FastGram gram, double[] weights,
                              double logLikelihood, int sweeps, int evaluations, boolean converged) {
        this.design = design;
        this.kernel = kernel;
        this.noiseRatio = noiseRatio;
        this.gram = gram;
        this.weights = weights;
        this.logLikelihood = logLikelihood;
        this.sweeps = sweeps;
        this.evaluations = evaluations;
        this.converged = converged;
    }

    /**
     * Fits a GP with an SI kernel to values y at the first {@code n = 2^m} points x ({@code n x d})
     * of a shifted lattice in radical-inverse order. The prior's alpha and relative gamma are kept;
     * its scale is only a placeholder (the scale is always fitted).
     *
     * @throws IllegalArgumentException if the points are not such a lattice, shapes disagree, y is not
     *     finite or is identically 0, or no parameter in the bounds gives a positive definite matrix
     */
    public static LdGaussianProcess fitLattice(ShiftInvariantKernel prior, Matrix x, double[] y, Options options) {
        return fit(new GramDesign.Lattice(x), prior, y, options);
    }

    /** As {@link #fitLattice} with a DSI kernel on t-bit integer points of a digital net ({@code t = prior.bits()}). */
    public static LdGaussianProcess fitDigitalNet(DigitallyShiftInvariantKernel prior, long[][] xb, double[] y, Options options) {
        Check.notNull("prior", prior);
        return fit(new GramDesign.Net(xb, prior.bits()), prior, y, options);
    }

    /** As {@link #fitDigitalNet(DigitallyShiftInvariantKernel, long[][], double[], Options)} on float points (converted with {@code toBits}). */
    public static LdGaussianProcess fitDigitalNet(DigitallyShiftInvariantKernel prior, Matrix x, double[] y, Options options) {
        Check.notNull("prior", prior);
        return fitDigitalNet(prior, prior.toBits(x), y, options);
    }

    private static LdGaussianProcess fit(GramDesign design, ProductKernel prior, double[] y, Options options) {
        design.requireKernel(prior);
        Check.notNull("options", options);
        Check.notNull("y", y);
        Check.dimension("y.length", y.length, design.n);
        Check.allFinite("y", y, 0, y.length);
        if (Arrays.stream(y).allMatch(v -> v == 0))
            throw new IllegalArgumentException("y is identically 0, expected data with a positive scale estimate");

        Objective f = new Objective(design, prior, y, options);
        double[] start = f.gridStart();
        PowellSearch.Result r = PowellSearch.maximize(f::value, f.lower(), f.upper(), start,
                options.maxSweeps(), options.tolerance());
        if (r.value() == Double.NEGATIVE_INFINITY)
            throw new IllegalArgumentException("no hyper-parameters within the bounds give a numerically positive "
                    + "definite Gram matrix; widen noiseRatioMax or lower gammaFactorMin");
        double[] theta = r.argmax();
        double[] gamma = f.gamma(theta);
        double nu = f.nu(theta);
        double scale = f.scale(theta);
        ProductKernel fitted = prior.withParameters(scale, gamma);
        FastGram g = FastGram.of(design, fitted).withNugget(scale * nu);
        double[] w = g.solve(y);
        return new LdGaussianProcess(design, fitted, nu, g, w, logLikelihood(g, y), r.sweeps(), f.evaluations,
                r.converged());
    }

    /**
     * The Gaussian log marginal likelihood {@code -1/2 y^T K^{-1} y - 1/2 log det K - n/2 log(2 pi)}
     * of data y under {@code N(0, K)}, K given as any {@link GramOperator} (O(n log n) for a
     * {@link FastGram}, O(n^2) after the factorization for a {@link DenseGram}).
     *
     * @throws IllegalArgumentException if the length differs from the order or K is not positive definite
     */
    public static double logLikelihood(GramOperator k, double[] y) {
        Check.notNull("k", k);
        double[] a = k.solve(y);
        double q = 0;
        for (int i = 0; i < y.length; i++) q += y[i] * a[i];
        return -0.5 * q - 0.5 * k.logDet() - 0.5 * y.length * Math.log(2 * Math.PI);
    }

    /**
     * Posterior mean and variance of f at the rows of {@code xNew} ({@code m x d}, floats; for a
     * digital net they are converted to t-bit integers). O(m (n d + n log n)).
     *
     * @throws IllegalArgumentException if {@code xNew.cols != d} or it has non-finite entries
     */
    public Prediction predict(Matrix xNew) {
        Check.notNull("xNew", xNew);
        Check.dimension("xNew.cols", xNew.cols, design.d);
        if (xNew.hasNonFinite()) throw new IllegalArgumentException("xNew has non-finite entries, expected finite points");
        int m = xNew.rows, n = design.n;
        double[] mean = new double[m], var = new double[m];
        double[] k = new double[n];
        double kxx = kernel.diagonal();
        for (int r = 0; r < m; r++) {
            design.crossColumn(kernel, xNew.rowArray(r), k);
            double mu = 0;
            for (int i = 0; i < n; i++) mu += k[i] * weights[i];
            double[] a = gram.solve(k);
            double q = 0;
            for (int i = 0; i < n; i++) q += k[i] * a[i];
            mean[r] = mu;
            var[r] = Math.max(kxx - q, 0);
        }
        return new Prediction(mean, var);
    }

    /** The fitted kernel (fitted scale and weights, the prior's smoothness). */
    public ProductKernel kernel() { return kernel; }

    /** Fitted scale S. */
    public double scale() { return kernel.scale(); }

    /** Fitted weights {@code gamma} (a copy). */
    public double[] gamma() { return kernel.gamma(); }

    /** Fitted noise ratio {@code nu = sigma^2 / S}. */
    public double noiseRatio() { return noiseRatio; }

    /** Fitted noise variance {@code sigma^2 = S nu}. */
    public double noiseVariance() { return gram.nugget(); }

    /** Log marginal likelihood at the fitted parameters (recomputed from the final {@link #gram()}). */
    public double logLikelihood() { return logLikelihood; }

    /** Number of coordinate sweeps made (0 when nothing was free). */
    public int iterations() { return sweeps; }

    /** Number of likelihood evaluations. */
    public int evaluations() { return evaluations; }

    /** Whether the last sweep met the tolerance (true when nothing was free). */
    public boolean converged() { return converged; }

    /** The fitted {@code K + sigma^2 I}. */
    public FastGram gram() { return gram; }

    /** Number of training points n. */
    public int size() { return design.n; }

    /** The profile log-likelihood over the free coordinates (log weight factors, then log nu). */
    private static final class Objective {
        /** Number of values of the common weight factor in the starting grid. */
        private static final int GRID = 13;
        /** Width (log units) to which the noise ratio is maximized at each grid value. */
        private static final double GRID_NU_TOL = 0.01;

        private final Spectral spectral;
        private final double[][] table;
        private final double[] power;
        private final double[] gamma0;
        private final Options o;
        private final int nGamma;
        private final int n;
        int evaluations;

        Objective(GramDesign design, ProductKernel prior, double[] y, Options o) {
            this.o = o;
            this.n = design.n;
            this.spectral = new Spectral(design.structure(), n);
            this.table = design.firstColumnTilde(prior.alpha());
            this.power = spectral.power(y);
            this.gamma0 = prior.gamma();
            this.nGamma = switch (o.gammaFit()) {
                case FIXED -> 0;
                case SHARED -> 1;
                case PER_DIMENSION -> gamma0.length;
            };
        }

        int free() { return nGamma + (o.fitNoise() ? 1 : 0); }

        double[] lower() {
            double[] v = new double[free()];
            for (int c = 0; c < v.length; c++) v[c] = lo(c);
            return v;
        }

        double[] upper() {
            double[] v = new double[free()];
            for (int c = 0; c < v.length; c++) v[c] = hi(c);
            return v;
        }

        /**
         * The start of the local search: the best of (factors 1, the given noise ratio), clipped, and of
         * GRID values of the common log factor over its bounds, each with the log noise ratio (when free)
         * maximized over its whole range by golden-section (width {@link #GRID_NU_TOL}). The likelihood has
         * a narrow ridge along which the weights and the noise ratio grow together, which a product grid
         * misses; maximizing over nu for each factor follows it. Evaluations are counted.
         */
        double[] gridStart() {
            double[] best = new double[free()];
            for (int c = 0; c < nGamma; c++) best[c] = clamp(0, lo(c), hi(c));
            if (o.fitNoise()) best[nGamma] = clamp(Math.log(Math.max(o.noiseRatio(), o.noiseRatioMin())), lo(nGamma), hi(nGamma));
            if (best.length == 0) return best;
            double bestValue = value(best);
            int steps = nGamma > 0 ? GRID : 1;
            for (int a = 0; a < steps; a++) {
                double[] theta = best.clone();
                for (int c = 0; c < nGamma; c++) theta[c] = lo(c) + (hi(c) - lo(c)) * a / (GRID - 1);
                double v;
                if (o.fitNoise()) {
                    double[] arg = new double[1];
                    v = PowellSearch.golden(s -> {
                        theta[nGamma] = s;
                        return value(theta);
                    }, lo(nGamma), hi(nGamma), GRID_NU_TOL, arg);
                    theta[nGamma] = arg[0];
                } else {
                    v = value(theta);
                }
                if (v > bestValue) {
                    bestValue = v;
                    best = theta;
                }
            }
            return best;
        }

        private static double clamp(double v, double lo, double hi) { return Math.max(lo, Math.min(hi, v)); }

        double lo(int c) { return Math.log(c < nGamma ? o.gammaFactorMin() : o.noiseRatioMin()); }

        double hi(int c) { return Math.log(c < nGamma ? o.gammaFactorMax() : o.noiseRatioMax()); }

        double[] gamma(double[] theta) {
            double[] g = gamma0.clone();
            for (int j = 0; j < g.length; j++) if (nGamma > 0) g[j] *= Math.exp(theta[nGamma == 1 ? 0 : j]);
            return g;
        }

        double nu(double[] theta) { return o.fitNoise() ? Math.exp(theta[nGamma]) : o.noiseRatio(); }

        /** Scale-1 eigenvalues {@code mu + nu}, or null if not numerically positive definite. */
        private double[] shifted(double[] theta) {
            double[] g = gamma(theta);
            double[] k0 = new double[n];
            for (int i = 0; i < n; i++) k0[i] = ProductKernel.product(1, g, table, i);
            double[] lam = spectral.eigenvalues(k0, new double[1]);
            double nu = nu(theta);
            for (int k = 0; k < n; k++) lam[k] += nu;
            double tol = n * Math.ulp(1.0) * FastGram.maxAbs(lam);
            for (double l : lam) if (!(l > tol)) return null;
            return lam;
        }

        private static double scaleOf(double[] power, double[] lam) {
            double q = 0;
            for (int k = 0; k < lam.length; k++) q += power[k] / lam[k];
            return q / lam.length;
        }

        double scale(double[] theta) { return scaleOf(power, shifted(theta)); }

        double value(double[] theta) {
            evaluations++;
            double[] lam = shifted(theta);
            if (lam == null) return Double.NEGATIVE_INFINITY;
            double s = scaleOf(power, lam);
            if (!(s > 0) || Double.isInfinite(s)) return Double.NEGATIVE_INFINITY;
            double logDet = 0;
            for (double l : lam) logDet += Math.log(l);
            return -0.5 * n * (Math.log(2 * Math.PI * s) + 1) - 0.5 * logDet;
        }
    }
}
