package org.ortho4j.qmc.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.qmc.kernel.FastGramTest.gaussian;
import static org.ortho4j.qmc.kernel.FastGramTest.lattice;
import static org.ortho4j.qmc.kernel.FastGramTest.net;
import static org.ortho4j.qmc.kernel.ShiftInvariantKernelTest.EPS;
import static org.ortho4j.qmc.kernel.ShiftInvariantKernelTest.assertMessage;

import org.junit.jupiter.api.Test;
import org.ortho4j.core.decomp.CholeskyDecomposition;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.random.SplitMix64;
import org.ortho4j.qmc.kernel.LdGaussianProcess.GammaFit;
import org.ortho4j.qmc.kernel.LdGaussianProcess.Options;
import org.ortho4j.testkit.Ortho4jTest;

/**
 * Synthetic data are exact draws from the model: {@code y = (K + sigma^2 I)^{1/2} z}, z standard normal
 * ({@link FastGram#multiplySqrt}), for a lattice (SI) or digital net (DSI) of n = 4096 points in d = 3.
 */
class LdGaussianProcessTest extends Ortho4jTest {
    private static final int N = 4096;
    private static final double S_TRUE = 2.5;
    private static final double[] GAMMA_TRUE = {1, 0.5, 0.25};
    private static final int[] ALPHA = {1, 2, 2};

    @Test
    void scaleMleWithKnownWeightsIsWithinItsSamplingError() {
        // With gamma and nu = 0 fixed, S_hat = (1/n) sum_k |(T y)_k|^2 / mu_k = S chi2_n / n exactly: relative
        // standard deviation sqrt(2/n) = 2.2% for n = 4096; allow 5 sd (a false failure has probability < 1e-6).
        SplitMix64 r = new SplitMix64(seed);
        Matrix x = lattice(N, 3, r);
        ShiftInvariantKernel truth = new ShiftInvariantKernel(S_TRUE, GAMMA_TRUE, ALPHA);
        double[] y = FastGram.lattice(truth, x).multiplySqrt(gaussian(N, r));
        Options o = Options.defaults().withGammaFit(GammaFit.FIXED, 1, 1).withFixedNoiseRatio(0);
        LdGaussianProcess gp = LdGaussianProcess.fitLattice(truth.withParameters(1, GAMMA_TRUE), x, y, o);
        assertEquals(1, gp.scale() / S_TRUE, 5 * Math.sqrt(2.0 / N), "S_hat / S");
        assertEquals(0, gp.iterations(), "nothing free: no sweep");
        assertEquals(0, gp.noiseVariance());
        assertArrayEquals(GAMMA_TRUE, gp.gamma());
        assertTrue(gp.converged());
    }

    @Test
    void jointFitRecoversScaleAndWeightOnALattice() {
        // Prior weights are twice the truth: the shared factor must come out near 1/2. Over 24 independent draws
        // (n = 4096, noise ratio fixed at 0) the joint MLE had sd 0.105 in log S and 0.044 in log gamma;
        // tolerances are about 4 sd.
        SplitMix64 r = new SplitMix64(seed);
        Matrix x = lattice(N, 3, r);
        ShiftInvariantKernel truth = new ShiftInvariantKernel(S_TRUE, GAMMA_TRUE, ALPHA);
        double[] y = FastGram.lattice(truth, x).multiplySqrt(gaussian(N, r));
        ShiftInvariantKernel prior = new ShiftInvariantKernel(1, new double[] {2, 1, 0.5}, ALPHA);
        LdGaussianProcess gp = LdGaussianProcess.fitLattice(prior, x, y, Options.defaults().withFixedNoiseRatio(0));
        assertEquals(0, Math.log(gp.scale() / S_TRUE), 0.45, "log(S_hat / S)");
        assertEquals(0, Math.log(gp.gamma()[0] / GAMMA_TRUE[0]), 0.2, "log(gamma_hat / gamma)");
        assertEquals(gp.gamma()[0] / 2, gp.gamma()[2] / 0.5, 1e-15, "shared factor keeps the prior's ratios");
        assertTrue(gp.iterations() >= 1 && gp.evaluations() > gp.iterations(), "iterations " + gp.iterations());
        assertTrue(gp.converged());
        assertTrue(gp.logLikelihood() >= LdGaussianProcess.logLikelihood(FastGram.lattice(truth, x), y), "MLE beats the truth");
        assertLocalMaximum(gp, x, y);
    }

    @Test
    void scaleAndNoiseOnADigitalNet() {
        // Weights fixed at the truth, nu_true = sigma^2 / S = 0.05 (alpha = 1, 1, 2). Over 24 draws (n = 4096) the
        // MLE had sd 0.055 in log S and 0.063 in log nu; tolerances 0.25 (about 4 sd).
        SplitMix64 r = new SplitMix64(seed);
        int t = 32;
        long[][] xb = net(N, 3, t, r);
        double nuTrue = 0.05;
        DigitallyShiftInvariantKernel truth = new DigitallyShiftInvariantKernel(t, S_TRUE, GAMMA_TRUE, new int[] {1, 1, 2});
        double[] y = FastGram.digitalNet(truth, xb).withNugget(S_TRUE * nuTrue).multiplySqrt(gaussian(N, r));
        LdGaussianProcess gp = LdGaussianProcess.fitDigitalNet(truth.withParameters(1, GAMMA_TRUE), xb, y,
                Options.defaults().withGammaFit(GammaFit.FIXED, 1, 1));
        assertEquals(0, Math.log(gp.scale() / S_TRUE), 0.25, "log(S_hat / S)");
        assertEquals(0, Math.log(gp.noiseRatio() / nuTrue), 0.25, "log(nu_hat / nu)");
        assertEquals(gp.scale() * gp.noiseRatio(), gp.noiseVariance(), 4 * EPS * gp.noiseVariance());
        assertTrue(gp.kernel() instanceof DigitallyShiftInvariantKernel);
    }

    @Test
    void jointFitOfWeightsScaleAndNoiseFindsTheRidgeMaximum() {
        // With weights, scale and noise all free the likelihood has a long flat ridge (over 24 draws the estimates
        // spread by a factor e^1.2 in S and nu), so the estimates are not compared with the truth; instead the
        // fit must be at least as likely as the true parameters (a spurious boundary maximum, found by a search
        // started off the ridge, is ~3 log-units worse) and locally optimal.
        SplitMix64 r = new SplitMix64(seed);
        int t = 32;
        long[][] xb = net(N, 3, t, r);
        DigitallyShiftInvariantKernel truth = new DigitallyShiftInvariantKernel(t, S_TRUE, GAMMA_TRUE, new int[] {1, 1, 1});
        FastGram truthGram = FastGram.digitalNet(truth, xb).withNugget(S_TRUE * 0.05);
        double[] y = truthGram.multiplySqrt(gaussian(N, r));
        LdGaussianProcess gp = LdGaussianProcess.fitDigitalNet(truth.withParameters(1, new double[] {2, 1, 0.5}), xb, y,
                Options.defaults());
        double llTruth = LdGaussianProcess.logLikelihood(truthGram, y);
        assertTrue(gp.logLikelihood() >= llTruth, "fit " + gp.logLikelihood() + " < truth " + llTruth);
        assertTrue(gp.converged(), "sweeps " + gp.iterations());
        DigitallyShiftInvariantKernel k = (DigitallyShiftInvariantKernel) gp.kernel();
        for (double f : new double[] {0.97, 1.03}) {
            double[] g = gp.gamma();
            for (int j = 0; j < g.length; j++) g[j] *= f;
            assertTrue(LdGaussianProcess.logLikelihood(FastGram.digitalNet(k.withParameters(k.scale(), g), xb)
                    .withNugget(gp.noiseVariance()), y) < gp.logLikelihood(), "gamma x " + f);
            assertTrue(LdGaussianProcess.logLikelihood(FastGram.digitalNet(k, xb).withNugget(gp.noiseVariance() * f), y)
                    < gp.logLikelihood(), "sigma^2 x " + f);
        }
    }

    /** The fit is a local maximum of the (non-profiled) likelihood in S, the shared factor and nu. */
    private static void assertLocalMaximum(LdGaussianProcess gp, Matrix x, double[] y) {
        ShiftInvariantKernel k = (ShiftInvariantKernel) gp.kernel();
        double best = gp.logLikelihood();
        for (double f : new double[] {0.97, 1.03}) {
            double[] g = k.gamma();
            for (int j = 0; j < g.length; j++) g[j] *= f;
            double llGamma = LdGaussianProcess.logLikelihood(
                    FastGram.lattice(k.withParameters(k.scale(), g), x).withNugget(gp.noiseVariance()), y);
            double llScale = LdGaussianProcess.logLikelihood(
                    FastGram.lattice(k.withParameters(k.scale() * f, k.gamma()), x).withNugget(gp.noiseVariance() * f), y);
            assertTrue(llGamma < best, "gamma x " + f + ": " + llGamma + " >= " + best);
            assertTrue(llScale < best, "scale x " + f + ": " + llScale + " >= " + best);
        }
    }

    @Test
    void likelihoodAndPredictionsEqualDenseFormulas() {
        // n = 64: the fitted model's likelihood, posterior means and variances from the dense matrix and its
        // Cholesky factor; agreement to c n eps kappa with kappa < 1e4 here (1e-9 covers it).
        int n = 64;
        SplitMix64 r = new SplitMix64(seed);
        Matrix x = lattice(n, 2, r);
        ShiftInvariantKernel prior = new ShiftInvariantKernel(1, new double[] {1, 0.5}, new int[] {1, 2});
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = Math.sin(2 * Math.PI * x.get(i, 0)) + x.get(i, 1) * x.get(i, 1);
        LdGaussianProcess gp = LdGaussianProcess.fitLattice(prior, x, y,
                Options.defaults().withFittedNoiseRatio(1e-4, 1e-8, 1e-2));
        double sigma2 = gp.noiseVariance();
        DenseGram dense = DenseGram.of(gp.kernel(), x, sigma2);
        assertEquals(LdGaussianProcess.logLikelihood(dense, y), gp.logLikelihood(), 1e-9 * Math.abs(gp.logLikelihood()));

        Matrix k = gp.kernel().gram(x);
        for (int i = 0; i < n; i++) k.set(i, i, k.get(i, i) + sigma2);
        CholeskyDecomposition chol = CholeskyDecomposition.of(k);
        double[] w = chol.solve(y);
        Matrix xNew = Matrix.uniform(7, 2, 0, 1, seed);
        LdGaussianProcess.Prediction p = gp.predict(xNew);
        Matrix cross = gp.kernel().gram(xNew, x);
        for (int m = 0; m < xNew.rows; m++) {
            double[] km = cross.rowArray(m);
            double mu = 0, q = 0;
            double[] a = chol.solve(km);
            for (int i = 0; i < n; i++) {
                mu += km[i] * w[i];
                q += km[i] * a[i];
            }
            double var = gp.kernel().diagonal() - q;
            assertEquals(mu, p.mean()[m], 1e-9 * (1 + Math.abs(mu)), "mean " + m);
            assertEquals(Math.max(var, 0), p.variance()[m], 1e-9 * gp.kernel().diagonal(), "variance " + m);
        }
    }

    @Test
    void nearInterpolationAtTrainingPoints() {
        // With a tiny fixed noise ratio the posterior mean reproduces the data and the variance is ~ sigma^2.
        int n = 256, t = 32;
        SplitMix64 r = new SplitMix64(seed);
        long[][] xb = net(n, 2, t, r);
        Matrix x = DemoPoints.toFloat(xb, t);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = Math.exp(x.get(i, 0)) * Math.cos(3 * x.get(i, 1));
        DigitallyShiftInvariantKernel prior = new DigitallyShiftInvariantKernel(t, 1, new double[] {1, 1}, new int[] {2, 2});
        LdGaussianProcess gp = LdGaussianProcess.fitDigitalNet(prior, x, y, Options.defaults().withFixedNoiseRatio(1e-10));
        LdGaussianProcess.Prediction p = gp.predict(x.rowsView(0, 16));
        for (int i = 0; i < 16; i++) {
            assertEquals(y[i], p.mean()[i], 1e-6 * (1 + Math.abs(y[i])), "mean at training point " + i);
            assertTrue(p.variance()[i] <= 10 * gp.noiseVariance() + 1e-12 * gp.scale(), "variance " + p.variance()[i]);
        }
        assertEquals(n, gp.size());
        assertEquals(n, gp.gram().size());
    }

    @Test
    void fitIsReproducible() {
        SplitMix64 r = new SplitMix64(42);
        Matrix x = lattice(256, 2, r);
        double[] y = gaussian(256, r);
        ShiftInvariantKernel prior = ShiftInvariantKernel.isotropic(2, 1, 1, 1);
        Options o = Options.defaults().withGammaFit(GammaFit.PER_DIMENSION, 1e-2, 1e2);
        LdGaussianProcess a = LdGaussianProcess.fitLattice(prior, x, y, o), b = LdGaussianProcess.fitLattice(prior, x, y, o);
        assertEquals(a.logLikelihood(), b.logLikelihood(), 0);
        assertArrayEquals(a.gamma(), b.gamma(), 0);
        assertEquals(a.noiseRatio(), b.noiseRatio(), 0);
        assertEquals(a.evaluations(), b.evaluations());
        for (double g : a.gamma()) assertTrue(g >= 1e-2 * (1 - 1e-12) && g <= 1e2 * (1 + 1e-12), "within bounds: " + g);
        assertTrue(a.noiseRatio() >= 1e-12 * (1 - 1e-12) && a.noiseRatio() <= 1 + 1e-12);
    }

    @Test
    void badArgumentsNameTheParameter() {
        Matrix x = lattice(16, 2, rng());
        ShiftInvariantKernel prior = ShiftInvariantKernel.isotropic(2, 1, 1, 1);
        Options o = Options.defaults();
        assertMessage(() -> LdGaussianProcess.fitLattice(prior, x, new double[16], o), "identically 0");
        assertMessage(() -> LdGaussianProcess.fitLattice(prior, x, new double[8], o), "y.length");
        assertMessage(() -> LdGaussianProcess.fitLattice(ShiftInvariantKernel.isotropic(3, 1, 1, 1), x, gaussian(16, rng()), o),
                "kernel.dimension()");
        assertMessage(() -> o.withGammaFit(GammaFit.SHARED, 2, 1), "gammaFactorMax");
        assertMessage(() -> o.withFittedNoiseRatio(1e-3, 0, 1), "noiseRatioMin");
        assertMessage(() -> o.withFixedNoiseRatio(-1), "noiseRatio");
        assertMessage(() -> o.withStopping(0, 1e-9), "maxSweeps");
        double[] y = gaussian(16, rng());
        LdGaussianProcess gp = LdGaussianProcess.fitLattice(prior, x, y, o);
        assertMessage(() -> gp.predict(Matrix.zeros(2, 3)), "xNew.cols");
    }
}
