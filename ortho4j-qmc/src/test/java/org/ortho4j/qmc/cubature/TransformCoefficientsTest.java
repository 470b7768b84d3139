package org.ortho4j.qmc.cubature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.decomp.SymmetricEigen;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.integrand.Keister;
import org.ortho4j.qmc.measure.Periodization;
import org.ortho4j.qmc.points.DigitalNetB2;
import org.ortho4j.qmc.points.Lattice;
import org.ortho4j.qmc.points.NetRandomization;
import org.ortho4j.qmc.points.Sobol;
import org.ortho4j.testkit.Ortho4jTest;

/** The building blocks of the QMC criteria: spectrum doubling, the wavenumber map and the Bayesian kernel. */
class TransformCoefficientsTest extends Ortho4jTest {

    private double[] randomValues(int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = rng().nextGaussian();
        return y;
    }

    @Test
    void doublingUpdateEqualsTheDirectTransform() {
        for (boolean complex : new boolean[] {false, true}) {
            for (int m = 1; m <= 9; m += 4) {
                int n = 1 << m;
                double[] y = randomValues(2 * n);
                Spectrum direct = new Spectrum(complex), doubled = new Spectrum(complex);
                direct.init(y);
                doubled.init(Arrays.copyOf(y, n));
                doubled.extend(Arrays.copyOfRange(y, n, 2 * n));
                // both are O(log n) butterflies from the same values: differences of a few ulps of max|ỹ| ≤ max|y|
                assertArrayEquals(direct.re, doubled.re, 1e-14, "complex = " + complex + ", n = " + n);
                if (complex) assertArrayEquals(direct.im, doubled.im, 1e-14);
                double mean = Arrays.stream(y).sum() / (2 * n);
                assertEquals(mean, direct.re[0], 1e-15, "ỹ_0 is the mean");
            }
        }
    }

    @Test
    void wavenumberMapStaysAPermutationAndSortsPairs() {
        int m = 10, n = 1 << m;
        Spectrum s = new Spectrum(false);
        s.init(randomValues(n));
        int[] kappa = WavenumberMap.identity(n);
        WavenumberMap.update(kappa, s, m - 1, 0, m);
        int[] sorted = kappa.clone();
        Arrays.sort(sorted);
        assertArrayEquals(WavenumberMap.identity(n), sorted);
        // the last level (l = 1) leaves |ỹ[κ[1]]| >= |ỹ[κ[3]]|
        assertEquals(true, s.magnitude(kappa[1]) >= s.magnitude(kappa[3]));
        // hand-worked n = 8 example with |ỹ_i| = i: l = 2 swaps (1,5), (2,6), (3,7) giving [0,5,6,7,4,1,2,3];
        // l = 1 compares κ[3] = 7 with κ[1] = 5 and swaps (1,3) and (5,7) (period 4): [0,7,6,5,4,3,2,1]
        Spectrum ramp = new Spectrum(false);
        ramp.re = new double[] {0, 1, 2, 3, 4, 5, 6, 7};
        ramp.size = 8;
        int[] k8 = WavenumberMap.identity(8);
        WavenumberMap.update(k8, ramp, 2, 0, 3);
        assertArrayEquals(new int[] {0, 7, 6, 5, 4, 3, 2, 1}, k8);
        int[] doubled = WavenumberMap.doubled(new int[] {0, 2, 1, 3});
        assertArrayEquals(new int[] {0, 2, 1, 3, 4, 6, 5, 7}, doubled);
    }

    @Test
    void fastBayesKernelEigenvaluesEqualTheDenseGramMatrix() {
        int n = 64, d = 3;
        double theta = 0.7;
        Keister k = new Keister(d);
        Lattice lat = Lattice.builder(d).seed(seed).build();
        for (int order = 1; order <= 2; order++) {
            BayesCubature eng = new BayesCubature("t", BayesCubature.Family.LATTICE, k, lat, Tolerance.absolute(1e-2), n, 1024,
                    Periodization.C1SIN, order, BayesErrorBound.MLE, 0.01);
            Matrix x = lat.points(0, n);
            double[] lf = new double[1];
            double[] ring = eng.kernelSpectrum(theta, eng.latticeFactors(x, x.rowArray(0)), n, d, lf);
            Matrix gram = new Matrix(n, n);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) {
                    double p = 1;
                    for (int l = 0; l < d; l++) {
                        double u = x.get(i, l) - x.get(j, l);
                        u -= Math.floor(u);
                        p *= 1 + theta * (order == 1 ? u * u - u + 1.0 / 6 : 1.0 / 30 - u * u * (1 - u) * (1 - u));
                    }
                    gram.set(i, j, p);
                }
            assertSameSpectrum(gram, ring, lf[0], n);
        }
        DigitalNetB2 net = Sobol.builder(d).randomization(NetRandomization.LMS_DS).seed(seed).build();
        long[][] b = net.bits(0, n);
        BayesCubature eng = new BayesCubature("t", BayesCubature.Family.NET, k, net, Tolerance.absolute(1e-2), n, 1024,
                Periodization.NONE, 1, BayesErrorBound.MLE, 0.01);
        double[] lf = new double[1];
        double[] ring = eng.kernelSpectrum(theta, BayesCubature.netFactors(b, b[0], net.t()), n, d, lf);
        Matrix gram = new Matrix(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double p = 1;
                for (int l = 0; l < d; l++) {
                    long w = b[i][l] ^ b[j][l];
                    double kt = w == 0 ? 1 : 1 - 3 * Math.pow(2, -(Long.numberOfLeadingZeros(w) - (64 - net.t()) + 1));
                    p *= 1 + theta * 0.1 * kt;
                }
                gram.set(i, j, p);
            }
        assertSameSpectrum(gram, ring, lf[0], n);
    }

    /** λ = λ_f (λ̊ + n/λ_f e₀) must be the eigenvalues of the dense Gram matrix (Gram built from x_i ⊖ x_j). */
    private static void assertSameSpectrum(Matrix gram, double[] ring, double factor, int n) {
        double[] fast = new double[n];
        for (int i = 0; i < n; i++) fast[i] = factor * ring[i] + (i == 0 ? n : 0);
        Arrays.sort(fast);
        double[] dense = SymmetricEigen.eigenvalues(gram);
        // eigenvalues of a symmetric n x n matrix with norm ≈ n: errors ~ n ε ‖K‖ = 64 · 2e-16 · 64 ≈ 1e-12
        assertArrayEquals(dense, fast, 1e-11);
    }
}
