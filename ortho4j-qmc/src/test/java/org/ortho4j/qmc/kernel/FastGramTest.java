package org.ortho4j.qmc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.qmc.kernel.KernelGoldenTest.assertNormClose;
import static org.ortho4j.qmc.kernel.KernelGoldenTest.norm;
import static org.ortho4j.qmc.kernel.ShiftInvariantKernelTest.EPS;
import static org.ortho4j.qmc.kernel.ShiftInvariantKernelTest.assertMessage;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.decomp.Solvers;
import org.ortho4j.core.decomp.SymmetricEigen;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.discrepancy.Discrepancy;
import org.ortho4j.testkit.Ortho4jTest;

/**
 * {@link FastGram} against the explicit n x n Gram matrix built from the kernel, solved with LU
 * ({@code Solvers.solve}) and with {@code Solvers.logDet}, for n = 1 .. 256 on lattices and nets.
 *
 * <p>Tolerances: multiply is backward stable in both routes, so
 * {@code ||fast - dense|| <= 8 n eps ||K||_2 ||y||} (the FFT/FWHT error is {@code O(log2 n eps)},
 * the dense product's {@code O(n eps)}); solves have forward error {@code <= 8 n eps kappa ||x||},
 * kappa = max lambda / min lambda from the computed spectrum; log-determinants differ by at most
 * {@code sum_k |d lambda_k| / lambda_k <= 8 n^2 eps kappa}.
 */
class FastGramTest extends Ortho4jTest {
    private static final int[] SIZES = {1, 2, 4, 8, 16, 64, 256};

    static Matrix lattice(int n, int d, RandomGenerator rng) {
        double[] shift = new double[d];
        for (int j = 0; j < d; j++) shift[j] = rng.nextDouble();
        return DemoPoints.lattice(n, Arrays.copyOf(DemoPoints.KUO, d), shift);
    }

    static long[][] net(int n, int d, int t, RandomGenerator rng) {
        int m = Integer.numberOfTrailingZeros(n);
        return DemoPoints.digitalNet(n, DemoPoints.randomMatrices(d, Math.max(m, 1), t, rng), DemoPoints.randomShift(d, t, rng));
    }

    static double[] gaussian(int n, RandomGenerator rng) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = rng.nextGaussian();
        return y;
    }

    /** Random weights in [0.1, 1] and smoothness in {1, 2}: well conditioned for n <= 256 (kappa < 1e5). */
    static double[] weights(int d, RandomGenerator rng) {
        double[] g = new double[d];
        for (int j = 0; j < d; j++) g[j] = 0.1 + 0.9 * rng.nextDouble();
        return g;
    }

    static int[] smoothness(int d, int max, RandomGenerator rng) {
        int[] a = new int[d];
        for (int j = 0; j < d; j++) a[j] = 1 + rng.nextInt(max);
        return a;
    }

    /** Checks fast against dense (LU solve, LU log det) for one matrix and one right-hand side. */
    static void assertMatchesDense(FastGram fast, Matrix dense, double[] y, String what) {
        int n = y.length;
        double[] lambda = fast.eigenvalues();
        double lmax = FastGram.maxAbs(lambda), kappa = lmax / fast.minEigenvalue();
        assertNormClose(dense.mult(y), fast.multiply(y), 8 * n * EPS * lmax * norm(y), what + " multiply");
        double[] x = Solvers.solve(dense, y);
        assertNormClose(x, fast.solve(y), 8 * n * EPS * kappa * norm(x), what + " solve");
        assertEquals(Solvers.logDet(dense).logAbs(), fast.logDet(), 8 * n * n * EPS * kappa, what + " log det");
        assertEquals(1.0, Solvers.logDet(dense).sign(), what + " det sign");
    }

    @Test
    void latticeFastEqualsDense() {
        for (int n : SIZES)
            for (int d : new int[] {1, 3, 5}) {
                ShiftInvariantKernel k = new ShiftInvariantKernel(0.5 + rng().nextDouble(), weights(d, rng()), smoothness(d, 2, rng()));
                Matrix x = lattice(n, d, rng());
                FastGram fast = FastGram.lattice(k, x);
                assertEquals(FastGram.Structure.LATTICE, fast.structure());
                assertEquals(n, fast.size());
                assertMatchesDense(fast, k.gram(x), gaussian(n, rng()), "lattice n=" + n + " d=" + d + " " + k);
            }
    }

    @Test
    void digitalNetFastEqualsDenseInNaturalAndGrayOrder() {
        int[] bits = {16, 32, 53, 64};
        for (int s = 0; s < SIZES.length; s++) {
            int n = SIZES[s], t = bits[s % bits.length];
            int d = 1 + rng().nextInt(4);
            DigitallyShiftInvariantKernel k = new DigitallyShiftInvariantKernel(t, 2, weights(d, rng()), smoothness(d, 4, rng()));
            long[][] xb = net(n, d, t, rng());
            String what = "net n=" + n + " t=" + t + " " + k;
            assertMatchesDense(FastGram.digitalNet(k, xb), k.gram(xb), gaussian(n, rng()), what);
            long[][] gray = new long[n][];
            for (int i = 0; i < n; i++) gray[i] = xb[i ^ (i >>> 1)];
            assertMatchesDense(FastGram.digitalNet(k, gray), k.gram(gray), gaussian(n, rng()), what + " Gray order");
        }
    }

    @Test
    void floatNetPointsGiveTheSameMatrixAsIntegers() {
        int t = 32, n = 64;
        DigitallyShiftInvariantKernel k = DigitallyShiftInvariantKernel.isotropic(t, 3, 1, 0.7, 2);
        long[][] xb = net(n, 3, t, rng());
        assertTrue(Arrays.equals(FastGram.digitalNet(k, xb).eigenvalues(),
                FastGram.digitalNet(k, DemoPoints.toFloat(xb, t)).eigenvalues()));
    }

    @Test
    void eigenvaluesAreTheDenseSpectrum() {
        // Weyl: each sorted eigenvalue of the computed fast spectrum is within ||E||_2 of the exact one;
        // both routes have backward error <= c n eps ||K||.
        int n = 64;
        ShiftInvariantKernel si = new ShiftInvariantKernel(1, new double[] {1, 0.5}, new int[] {1, 2});
        Matrix x = lattice(n, 2, rng());
        assertSpectrum(FastGram.lattice(si, x), si.gram(x));
        DigitallyShiftInvariantKernel dsi = new DigitallyShiftInvariantKernel(32, 1, new double[] {1, 0.5}, new int[] {3, 4});
        long[][] xb = net(n, 2, 32, rng());
        assertSpectrum(FastGram.digitalNet(dsi, xb), dsi.gram(xb));
    }

    private static void assertSpectrum(FastGram fast, Matrix dense) {
        double[] f = fast.eigenvalues(), e = SymmetricEigen.eigenvalues(dense);
        Arrays.sort(f);
        Arrays.sort(e);
        double tol = 8 * f.length * EPS * FastGram.maxAbs(f);
        for (int i = 0; i < f.length; i++) assertEquals(e[i], f[i], tol, "eigenvalue " + i);
    }

    @Test
    void roundTripsAndDerivedOperations() {
        int n = 256;
        ShiftInvariantKernel k = new ShiftInvariantKernel(3, new double[] {0.8, 0.4, 0.2}, new int[] {2, 1, 2});
        FastGram g = FastGram.lattice(k, lattice(n, 3, rng()));
        double[] y = gaussian(n, rng());
        double kappa = FastGram.maxAbs(g.eigenvalues()) / g.minEigenvalue();
        double tol = 8 * n * EPS * kappa * norm(y);
        assertNormClose(y, g.solve(g.multiply(y)), tol, "solve(multiply(y))");
        assertNormClose(y, g.multiply(g.solve(y)), tol, "multiply(solve(y))");
        double[] a = g.solve(y);
        double q = 0;
        for (int i = 0; i < n; i++) q += y[i] * a[i];
        assertEquals(q, g.quadraticForm(y), 8 * n * EPS * kappa * Math.abs(q), "quadratic form");
        assertNormClose(g.multiply(y), g.multiplySqrt(g.multiplySqrt(y)), 8 * n * EPS * FastGram.maxAbs(g.eigenvalues()) * norm(y),
                "sqrt(K) sqrt(K) y");
        assertTrue(g.maxImaginaryPart() <= 4 * n * EPS * FastGram.maxAbs(g.eigenvalues()), "Im lambda " + g.maxImaginaryPart());
    }

    @Test
    void nuggetShiftsTheSpectrumAndMatchesDense() {
        int n = 128;
        DigitallyShiftInvariantKernel k = new DigitallyShiftInvariantKernel(40, 1.5, new double[] {2, 1}, new int[] {4, 4});
        long[][] xb = net(n, 2, 40, rng());
        FastGram g = FastGram.digitalNet(k, xb);
        FastGram gn = g.withNugget(0.25);
        assertEquals(0.25, gn.nugget());
        double[] l = g.eigenvalues(), ln = gn.eigenvalues();
        for (int i = 0; i < n; i++) assertEquals(l[i] + 0.25, ln[i], 4 * EPS * ln[i]);
        double[] back = gn.withNugget(0).eigenvalues();
        for (int i = 0; i < n; i++) assertEquals(l[i], back[i], 8 * EPS * ln[i], "withNugget replaces, not adds");
        Matrix dense = k.gram(xb);
        for (int i = 0; i < n; i++) dense.set(i, i, dense.get(i, i) + 0.25);
        assertMatchesDense(gn, dense, gaussian(n, rng()), "net with nugget");
        DenseGram dg = DenseGram.of(k, xb, 0.25);
        double[] y = gaussian(n, rng());
        double kappa = FastGram.maxAbs(ln) / gn.minEigenvalue();
        assertNormClose(dg.solve(y), gn.solve(y), 8 * n * EPS * kappa * norm(dg.solve(y)), "DenseGram (Cholesky) vs fast");
        assertEquals(dg.logDet(), gn.logDet(), 8 * n * n * EPS * kappa, "DenseGram log det");
    }

    @Test
    void indefiniteSpectrumIsReportedNotReturnedAsNaN() {
        // K = [[1, 2], [2, 1]] has eigenvalues 3 and -1 (FWHT order: sqrt(2) H (1, 2)/sqrt(2) = (3, -1)).
        for (FastGram.Structure s : FastGram.Structure.values()) {
            FastGram g = FastGram.fromFirstColumn(s, new double[] {1, 2});
            assertFalse(g.isPositiveDefinite());
            assertEquals(-1, g.minEigenvalue(), 4 * EPS);
            double[] ky = g.multiply(new double[] {1, 1});
            assertEquals(3, ky[0], 8 * EPS);
            NotPositiveDefiniteGramException e = assertThrows(NotPositiveDefiniteGramException.class, () -> g.solve(new double[] {1, 0}));
            assertEquals(1, e.index());
            assertEquals(-1, e.eigenvalue(), 4 * EPS);
            assertTrue(e.getMessage().contains("eigenvalue[1]"), e.getMessage());
            assertThrows(NotPositiveDefiniteGramException.class, g::logDet);
            assertThrows(NotPositiveDefiniteGramException.class, () -> g.quadraticForm(new double[] {1, 0}));
            assertThrows(NotPositiveDefiniteGramException.class, () -> g.multiplySqrt(new double[] {1, 0}));
            // K + 2 I = [[3, 2], [2, 3]]: inverse [[3, -2], [-2, 3]] / 5, det 5
            FastGram r = g.withNugget(2);
            assertTrue(r.isPositiveDefinite());
            double[] x = r.solve(new double[] {1, 0});
            assertEquals(0.6, x[0], 8 * EPS);
            assertEquals(-0.4, x[1], 8 * EPS);
            assertEquals(Math.log(5), r.logDet(), 8 * EPS);
        }
    }

    @Test
    void numericallySingularSmoothKernelThrowsUntilANuggetIsAdded() {
        // alpha = 5 in d = 1 on 1024 lattice points: eigenvalues n S gamma sum_{h = k mod n} |h|^-10 fall to
        // ~1024 (512)^-10 ~ 1e-24 relative, far below n eps: not numerically positive definite.
        int n = 1024;
        ShiftInvariantKernel k = new ShiftInvariantKernel(1, new double[] {1}, new int[] {5});
        FastGram g = FastGram.lattice(k, lattice(n, 1, rng()));
        assertFalse(g.isPositiveDefinite());
        NotPositiveDefiniteGramException e = assertThrows(NotPositiveDefiniteGramException.class, g::logDet);
        assertTrue(e.eigenvalue() <= e.threshold());
        FastGram r = g.withNugget(1e-6);
        double ld = r.logDet();
        assertTrue(Double.isFinite(ld));
        assertTrue(Double.isFinite(norm(r.solve(gaussian(n, rng())))));
    }

    @Test
    void wrongStructureIsRejected() {
        int n = 16;
        ShiftInvariantKernel si = ShiftInvariantKernel.isotropic(2, 1, 1, 1);
        Matrix x = lattice(n, 2, rng());
        Matrix gray = Matrix.zeros(n, 2), linear = Matrix.zeros(n, 2);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < 2; j++) {
                gray.set(i, j, x.get(i ^ (i >>> 1), j));
                double v = (double) Math.floorMod(i * DemoPoints.KUO[j], (long) n) / n + x.get(0, j);
                linear.set(i, j, v - Math.floor(v));
            }
        assertMessage(() -> FastGram.lattice(si, gray), "radical-inverse");
        assertMessage(() -> FastGram.lattice(si, linear), "radical-inverse");
        assertMessage(() -> FastGram.lattice(si, Matrix.uniform(n, 2, 0, 1, seed)), "not an integer");

        DigitallyShiftInvariantKernel dsi = DigitallyShiftInvariantKernel.isotropic(32, 2, 1, 1, 2);
        long[][] xb = net(n, 2, 32, rng());
        xb[7][1] ^= 1L << 5;   // a nonlinear (e.g. Owen-scrambled) perturbation of one point
        assertMessage(() -> FastGram.digitalNet(dsi, xb), "not linear");
    }

    @Test
    void badArgumentsNameTheParameter() {
        ShiftInvariantKernel si = ShiftInvariantKernel.isotropic(2, 1, 1, 1);
        for (int n : new int[] {0, 3, 5, 12})
            assertMessage(() -> FastGram.lattice(si, Matrix.uniform(n, 2, 0, 1, seed)), "n (number of points)");
        assertMessage(() -> FastGram.lattice(si, lattice(8, 3, rng())), "kernel.dimension()");
        assertMessage(() -> DenseGram.of(Matrix.zeros(2, 3), 0), "k.cols");
        assertMessage(() -> DenseGram.of(Matrix.eye(2), -1), "sigma2");
        assertThrows(org.ortho4j.core.decomp.NotPositiveDefiniteException.class,
                () -> DenseGram.of(Matrix.of(new double[][] {{1, 2}, {2, 1}}), 0));
        assertMessage(() -> DenseGram.of(Matrix.eye(2), 0).solve(new double[3]), "y.length");
        DigitallyShiftInvariantKernel dsi = DigitallyShiftInvariantKernel.isotropic(8, 1, 1, 1, 2);
        assertMessage(() -> FastGram.digitalNet(dsi, net(8, 1, 16, rng())), "xb[");
        assertMessage(() -> FastGram.digitalNet(dsi, new long[6][1]), "n (number of points)");
        FastGram g = FastGram.lattice(si, lattice(8, 2, rng()));
        assertMessage(() -> g.multiply(new double[4]), "y.length");
        assertMessage(() -> g.solve(new double[] {0, 0, 0, 0, 0, 0, 0, Double.NaN}), "y");
        assertMessage(() -> g.withNugget(-1), "sigma2");
        assertMessage(() -> FastGram.fromFirstColumn(FastGram.Structure.DIGITAL_NET, new double[6]), "k0.length");
        // in radical-inverse order k0[i] = c(bitrev(i)) for the circulant c; c(1) = k0[2] != c(3) = k0[3] makes it
        // non-symmetric, with complex eigenvalues
        assertMessage(() -> FastGram.fromFirstColumn(FastGram.Structure.LATTICE, new double[] {4, 0, 1, 0}), "symmetric");
    }

    @Test
    void latticeGramMeanGivesTheWrapAroundDiscrepancy() {
        // 3/2 - u + u^2 = 4/3 + B_2(u) = (4/3)(1 + gamma Ktilde_1(u)) with gamma = 3 / (8 pi^2): WD^2 is the mean of the
        // SI Gram matrix with S = (4/3)^d minus (4/3)^d, and on a lattice that mean is lambda_0 / n (the constant
        // vector is an eigenvector). D^2 is a difference of O((4/3)^d) terms: absolute tolerance 8 n eps (4/3)^d.
        for (int d : new int[] {1, 2, 4}) {
            int n = 64;
            double s = Math.pow(4.0 / 3, d);
            double[] gamma = new double[d];
            Arrays.fill(gamma, 3 / (8 * Math.PI * Math.PI));
            int[] alpha = new int[d];
            Arrays.fill(alpha, 1);
            Matrix x = lattice(n, d, rng());
            double lambda0 = FastGram.lattice(new ShiftInvariantKernel(s, gamma, alpha), x).eigenvalues()[0];
            assertEquals(Discrepancy.squared(x, Discrepancy.Method.WRAP_AROUND), lambda0 / n - s, 8 * n * EPS * s, "d=" + d);
        }
    }
}
