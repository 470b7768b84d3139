package org.ortho4j.qmc.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.points.IidUniform;
import org.ortho4j.testkit.Ortho4jTest;

class TrueMeasureTest extends Ortho4jTest {

    private static void assertMessageStarts(String prefix, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }

    @Test
    void uniformMapsTheUnitCubeOntoTheBox() {
        Uniform u = new Uniform(new double[] {-1, 2}, new double[] {3, 2.5});
        Matrix t = u.transform(Matrix.of(new double[][] {{0, 0}, {0.25, 1}, {1, 0.5}}));
        assertArrayEquals(new double[] {-1, 2, 0, 2.5, 3, 2.25}, t.data, 0);
        assertEquals(2, u.volume(), 1e-15);
        assertArrayEquals(new double[] {1, 1, 1}, u.weights(t), 0);
        assertEquals(-Math.log(2), u.logDensity(t, 1), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, u.logDensity(Matrix.of(new double[][] {{3.1, 2}}), 0));
        assertTrue(u.isProbability());
    }

    @Test
    void lebesgueWeighsByTheVolume() {
        Lebesgue l = new Lebesgue(new double[] {0, 0, 0}, new double[] {2, 3, 0.5});
        Matrix t = l.transform(Matrix.of(new double[][] {{0.5, 0.5, 0.5}}));
        assertArrayEquals(new double[] {1, 1.5, 0.25}, t.data, 0);
        assertArrayEquals(new double[] {3}, l.weights(t), 1e-15);
        assertEquals(0, l.logDensity(t, 0));
        assertFalse(l.isProbability());
    }

    @Test
    void boxesRejectBadCorners() {
        assertMessageStarts("upper[1] = ", () -> new Uniform(new double[] {0, 1}, new double[] {1, 1}));
        assertMessageStarts("upper.length = ", () -> new Uniform(new double[] {0, 1}, new double[] {1}));
        assertMessageStarts("lower[0] = ", () -> new Uniform(new double[] {Double.NaN}, new double[] {1}));
        assertMessageStarts("lower.length = 0", () -> new Uniform(new double[0], new double[0]));
        assertMessageStarts("d = 0", () -> Uniform.unitCube(0));
        assertMessageStarts("u.cols = 3", () -> Uniform.unitCube(2).transform(new Matrix(1, 3)));
    }

    @Test
    void pcaFactorReproducesTheCovarianceWithSortedColumnsAndSignConvention() {
        Matrix cov = Matrix.of(new double[][] {{2, 0.6, 0.2}, {0.6, 1, 0.3}, {0.2, 0.3, 0.5}});
        Gaussian g = new Gaussian(new double[] {1, -1, 0}, cov, Gaussian.Decomposition.PCA);
        Matrix a = g.factor();
        assertTrue(a.multTranspose(a).minus(cov).normMax() < 1e-14);      // A Aᵀ = Σ to roundoff (‖Σ‖ ~ 2)
        double prev = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 3; k++) {
            double norm2 = 0;
            for (int i = 0; i < 3; i++) norm2 += a.get(i, k) * a.get(i, k);
            assertTrue(norm2 <= prev, "column norms (eigenvalues) decrease");
            assertTrue(a.get(0, k) >= 0, "first entry of each eigenvector is >= 0");
            prev = norm2;
        }
        Matrix l = new Gaussian(new double[3], cov, Gaussian.Decomposition.CHOLESKY).factor();
        assertEquals(0, l.get(0, 1));
        assertTrue(l.multTranspose(l).minus(cov).normMax() < 1e-14);
    }

    @Test
    void gaussianTransformOfTheCenterIsTheMeanAndTheGuardKeepsCornersFinite() {
        Gaussian g = new Gaussian(new double[] {3, 4}, Matrix.of(new double[][] {{1, 0.5}, {0.5, 2}}), Gaussian.Decomposition.PCA);
        Matrix t = g.transform(Matrix.of(new double[][] {{0.5, 0.5}, {0, 1}}));
        assertEquals(3, t.get(0, 0), 1e-15);
        assertEquals(4, t.get(0, 1), 1e-15);
        assertTrue(Double.isFinite(t.get(1, 0)) && Double.isFinite(t.get(1, 1)), "0/1 guard");
        // the guard clips to 2^-53: Φ⁻¹(2^-53) = -8.209536151601387 (mpmath)
        Matrix z = Gaussian.standard(1).transform(Matrix.of(new double[][] {{0}, {1}}));
        assertEquals(-8.209536151601387, z.get(0, 0), 1e-13);
        assertEquals(8.209536151601387, z.get(1, 0), 1e-13);
        assertMessageStarts("u = ", () -> Gaussian.standard(1).transform(Matrix.of(new double[][] {{1.5}})));
    }

    @Test
    void gaussianSampleMomentsMatchTheParameters() {
        Matrix cov = Matrix.of(new double[][] {{1, 0.8}, {0.8, 4}});
        for (Gaussian.Decomposition dec : Gaussian.Decomposition.values()) {
            Gaussian g = new Gaussian(new double[] {1, -2}, cov, dec);
            int n = 200_000;
            Matrix t = g.transform(IidUniform.builder(2).seed(seed).build().points(n));
            double[] m = new double[2];
            double[][] c = new double[2][2];
            for (int i = 0; i < n; i++) for (int j = 0; j < 2; j++) m[j] += t.get(i, j) / n;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < 2; j++)
                    for (int k = 0; k < 2; k++) c[j][k] += (t.get(i, j) - m[j]) * (t.get(i, k) - m[k]) / (n - 1);
            // standard errors: mean sqrt(4/2e5) = 4.5e-3, covariance entries ~ 4 sqrt(2/2e5) = 1.3e-2; 5 s.e. margins
            assertEquals(1, m[0], 0.02, dec.name());
            assertEquals(-2, m[1], 0.03, dec.name());
            assertEquals(1, c[0][0], 0.02, dec.name());
            assertEquals(0.8, c[0][1], 0.04, dec.name());
            assertEquals(4, c[1][1], 0.07, dec.name());
        }
    }

    @Test
    void gaussianLogDensityMatchesTheClosedForm() {
        Matrix cov = Matrix.of(new double[][] {{2, 0.5}, {0.5, 1}});
        Gaussian g = new Gaussian(new double[] {1, 0}, cov, Gaussian.Decomposition.PCA);
        double det = 2 - 0.25, x = 0.3 - 1, y = -0.7;
        double q = (1 * x * x - 2 * 0.5 * x * y + 2 * y * y) / det;   // (t-μ)ᵀ Σ⁻¹ (t-μ)
        double want = -0.5 * (2 * Math.log(2 * Math.PI) + Math.log(det) + q);
        assertEquals(want, g.logDensity(Matrix.of(new double[][] {{0.3, -0.7}}), 0), 1e-14);
    }

    @Test
    void singularCovarianceSamplesWithPcaButHasNoDensity() {
        Matrix cov = Matrix.of(new double[][] {{1, 1}, {1, 1}});
        Gaussian g = new Gaussian(new double[2], cov, Gaussian.Decomposition.PCA);
        Matrix t = g.transform(Matrix.of(new double[][] {{0.9, 0.2}}));
        assertEquals(t.get(0, 0), t.get(0, 1), 1e-15);                 // the mass lies on the diagonal
        assertThrows(UnsupportedOperationException.class, () -> g.logDensity(t, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Gaussian(new double[2], cov, Gaussian.Decomposition.CHOLESKY));
        assertTrue(e.getMessage().startsWith("covariance is not positive definite"), e.getMessage());
    }

    @Test
    void gaussianRejectsBadParameters() {
        assertMessageStarts("covariance has eigenvalue", () -> new Gaussian(new double[2],
                Matrix.of(new double[][] {{1, 2}, {2, 1}}), Gaussian.Decomposition.PCA));
        assertMessageStarts("covariance is 2x3", () -> new Gaussian(new double[2], new Matrix(2, 3), Gaussian.Decomposition.PCA));
        assertMessageStarts("covariance[1][1] = -1.0", () -> new Gaussian(new double[2],
                Matrix.diag(1, -1), Gaussian.Decomposition.PCA));
        assertMessageStarts("mean.length = 0", () -> new Gaussian(new double[0], new Matrix(0, 0), Gaussian.Decomposition.PCA));
        assertMessageStarts("variance = 0", () -> Gaussian.iid(2, 0, 0));
        assertMessageStarts("d = 0", () -> Gaussian.standard(0));
    }

    @Test
    void brownianMotionMatchesQmcpysDoctest() {
        // QMCPy: BrownianMotion(DigitalNetB2(4), t_final=2, drift=2) -> mean (1,2,3,4), covariance .5 min(i,k)
        BrownianMotion bm = new BrownianMotion(4, 2, 0, 2, 1, Gaussian.Decomposition.PCA);
        assertArrayEquals(new double[] {0.5, 1, 1.5, 2}, bm.times(), 0);
        assertArrayEquals(new double[] {1, 2, 3, 4}, bm.gaussian().mean(), 0);
        Matrix cov = bm.gaussian().covariance();
        for (int i = 0; i < 4; i++)
            for (int k = 0; k < 4; k++) assertEquals(0.5 * Math.min(i + 1, k + 1), cov.get(i, k), 0);
        assertMessageStarts("tFinal = 0", () -> BrownianMotion.standard(3, 0));
        assertMessageStarts("diffusion = -1", () -> new BrownianMotion(3, 1, 0, 0, -1, Gaussian.Decomposition.PCA));
    }

    @Test
    void geometricBrownianMotionIsTheExponentialOfItsLogPath() {
        GeometricBrownianMotion gbm = new GeometricBrownianMotion(3, 1, 30, 0.05, 0.5, Gaussian.Decomposition.PCA);
        Matrix u = Matrix.of(new double[][] {{0.2, 0.7, 0.4}});
        Matrix s = gbm.transform(u), logs = gbm.logPath().transform(u);
        for (int j = 0; j < 3; j++) assertEquals(Math.exp(logs.get(0, j)), s.get(0, j), 1e-13 * s.get(0, j));
        // the log path has mean log 30 + (0.05 - 0.125) τ and covariance 0.25 min(τ_i, τ_k)
        assertEquals(Math.log(30) + (0.05 - 0.125) * (2.0 / 3), gbm.logPath().mean()[1], 1e-15);
        assertEquals(0.25 / 3, gbm.logPath().covariance().get(0, 2), 1e-16);
        double want = gbm.logPath().logDensity(logs, 0) - (logs.get(0, 0) + logs.get(0, 1) + logs.get(0, 2));
        assertEquals(want, gbm.logDensity(s, 0), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, gbm.logDensity(Matrix.of(new double[][] {{1, -1, 1}}), 0));
    }

    @Test
    void importanceSamplingWeightIsTheDensityRatio() {
        Gaussian target = Gaussian.iid(2, 0, 0.5), sampler = Gaussian.standard(2);
        ImportanceSampling is = new ImportanceSampling(target, sampler);
        Matrix t = is.transform(Matrix.of(new double[][] {{0.3, 0.8}, {0.5, 0.5}}));
        double[] w = is.weights(t);
        for (int i = 0; i < 2; i++) {
            double r2 = t.get(i, 0) * t.get(i, 0) + t.get(i, 1) * t.get(i, 1);
            // N(0, I/2) / N(0, I) = 2 exp(-r²/2)
            assertEquals(2 * Math.exp(-r2 / 2), w[i], 1e-14);
        }
        assertMessageStarts("sampler dimension = 3", () -> new ImportanceSampling(target, Gaussian.standard(3)));
    }
}
