package org.ortho4j.core.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.backend.Parallel;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Asserts;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Golden;
import org.ortho4j.testkit.Ortho4jTest;

class TransformsTest extends Ortho4jTest {

    private double[] gaussian(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rng().nextDouble() * 2 - 1;
        return x;
    }

    /** Naive O(n^2) DFT, sign -1, unnormalized. */
    private static double[][] dft(double[] re, double[] im, int sign) {
        int n = re.length;
        double[][] out = new double[2][n];
        for (int k = 0; k < n; k++)
            for (int j = 0; j < n; j++) {
                double t = sign * 2 * Math.PI * ((long) j * k % n) / n, c = Math.cos(t), s = Math.sin(t);
                out[0][k] += re[j] * c - im[j] * s;
                out[1][k] += re[j] * s + im[j] * c;
            }
        return out;
    }

    @Test
    void goldenQmcpyTransforms() {
        JsonNode g = Golden.json("golden/qmc/fast_transforms.json");
        double[] x = Golden.vector(g.get("x_real"));
        int[] perm = Transforms.bitReversal(16);
        double[] ref = Golden.vector(g.get("bitrev_perm_16"));
        for (int i = 0; i < 16; i++) assertEquals(ref[i], perm[i]);
        // orthonormal FWHT: n log n additions then one scaling; 16 * eps relative to |x|_2 bounds each entry
        double[] w = x.clone();
        Fwht.orthonormal(16).transform(w);
        Asserts.assertAllClose(Golden.vector(g.get("fwht_x")), w, 0, 16 * Eps.DOUBLE * 4, "fwht");
        double[] re = Golden.vector(g.get("z_re")), im = Golden.vector(g.get("z_im"));
        FftBr plan = new FftBr(16);
        double[] fr = re.clone(), fi = im.clone();
        plan.forward(fr, fi);
        Asserts.assertAllClose(Golden.vector(g.get("fftbr_z_re")), fr, 0, 1e-15 * 16, "fftbr re");
        Asserts.assertAllClose(Golden.vector(g.get("fftbr_z_im")), fi, 0, 1e-15 * 16, "fftbr im");
        double[] ir = re.clone(), ii = im.clone();
        plan.inverse(ir, ii);
        Asserts.assertAllClose(Golden.vector(g.get("ifftbr_z_re")), ir, 0, 1e-15 * 16, "ifftbr re");
        Asserts.assertAllClose(Golden.vector(g.get("ifftbr_z_im")), ii, 0, 1e-15 * 16, "ifftbr im");
        double[] xr = x.clone(), xi = new double[16];
        plan.forward(xr, xi);
        Asserts.assertAllClose(Golden.vector(g.get("fftbr_x_re")), xr, 0, 1e-15 * 16, "fftbr(x) re");
        Asserts.assertAllClose(Golden.vector(g.get("fftbr_x_im")), xi, 0, 1e-15 * 16, "fftbr(x) im");
    }

    @Test
    void fwhtIsAnInvolutionAndMatchesTheHadamardMatrix() {
        for (int n : new int[] {1, 2, 4, 8, 64, 1024, 1 << 13, 1 << 16}) {
            double[] x = gaussian(n), y = x.clone();
            Fwht f = Fwht.orthonormal(n);
            f.transform(y);
            // Parseval: orthonormal transform keeps the 2-norm. Bound: recursive summation of n
            // squares has relative error <= (n - 1) eps each side, plus 2 log2(n) eps from the butterflies.
            double nx = 0, ny = 0;
            for (int i = 0; i < n; i++) { nx += x[i] * x[i]; ny += y[i] * y[i]; }
            assertEquals(nx, ny, (2 * n + 2 * Math.log(n + 1)) * Eps.DOUBLE * nx, "Parseval n=" + n);
            f.transform(y);
            // two passes of log2(n) butterfly stages: error grows like 2 log2(n) eps |x|
            Asserts.assertAllClose(x, y, 0, 4 * (1 + Integer.numberOfTrailingZeros(n)) * Eps.DOUBLE * Math.sqrt(nx), "involution n=" + n);
            if (n <= 64) {
                double[] h = x.clone();
                new Fwht(n, Fwht.Norm.NONE).transform(h);
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < n; j++) s += (Integer.bitCount(i & j) % 2 == 0 ? 1 : -1) * x[j];
                    assertEquals(s, h[i], 2 * n * Eps.DOUBLE * n, "H x n=" + n);
                }
            }
        }
    }

    @Test
    void fwhtIsBitwiseIdenticalForAnyThreadCountAndFloatAgrees() {
        int n = 1 << 17;
        double[] x = gaussian(n), a = x.clone(), b = x.clone();
        Fwht f = Fwht.orthonormal(n);
        int prev = Parallel.setThreads(1);
        try {
            f.transform(a);
        } finally {
            Parallel.setThreads(prev);
        }
        f.transform(b);
        assertArrayEquals(a, b);
        float[] xf = new float[n];
        for (int i = 0; i < n; i++) xf[i] = (float) x[i];
        f.transform(xf, 0);
        double norm = 0;
        for (double v : x) norm += v * v;
        double err = 0;
        for (int i = 0; i < n; i++) err = Math.max(err, Math.abs(xf[i] - b[i]));
        // float: 17 stages each adding relative eps_f of |x|_2-bounded partial sums
        assertTrue(err < 17 * Eps.FLOAT * Math.sqrt(norm), "float vs double " + err);
    }

    @Test
    void fftbrRoundTripsAndEqualsPermutedDft() {
        for (int n : new int[] {1, 2, 8, 32, 256, 4096}) {
            double[] re = gaussian(n), im = gaussian(n), r = re.clone(), i = im.clone();
            FftBr p = new FftBr(n);
            p.forward(r, i);
            if (n <= 256) {
                double[] pr = new double[n], pi = new double[n];
                for (int j = 0; j < n; j++) { pr[j] = re[Transforms.bitReverse(j, n)]; pi[j] = im[Transforms.bitReverse(j, n)]; }
                double[][] d = dft(pr, pi, -1);
                double s = 1 / Math.sqrt(n);
                for (int k = 0; k < n; k++) {
                    assertEquals(d[0][k] * s, r[k], 8 * n * Eps.DOUBLE, "re n=" + n);
                    assertEquals(d[1][k] * s, i[k], 8 * n * Eps.DOUBLE, "im n=" + n);
                }
            }
            p.inverse(r, i);
            double tol = 8 * (1 + Integer.numberOfTrailingZeros(n)) * Eps.DOUBLE * Math.sqrt(n);
            Asserts.assertAllClose(re, r, 0, tol, "roundtrip re n=" + n);
            Asserts.assertAllClose(im, i, 0, tol, "roundtrip im n=" + n);
        }
    }

    @Test
    void fftMatchesTheNaiveDftOnAnyLength() {
        for (int n : new int[] {1, 2, 3, 5, 8, 12, 17, 64, 100, 1024}) {
            double[] re = gaussian(n), im = gaussian(n);
            double[][] d = dft(re, im, -1);
            Fft f = new Fft(n);
            double[] r = re.clone(), i = im.clone();
            f.forward(r, i);
            // naive DFT itself carries O(n eps) error per entry with |x_j| <= 1
            for (int k = 0; k < n; k++) {
                assertEquals(d[0][k], r[k], 8 * n * Eps.DOUBLE, "re n=" + n);
                assertEquals(d[1][k], i[k], 8 * n * Eps.DOUBLE, "im n=" + n);
            }
            f.inverse(r, i);
            Asserts.assertAllClose(re, r, 0, 32 * Eps.DOUBLE * Math.max(1, Math.log(n) * 4), "inverse n=" + n);
            double[] full = f.realForwardFull(re);
            double[][] dr = dft(re, new double[n], -1);
            for (int k = 0; k < n; k++) assertEquals(dr[0][k], full[2 * k], 8 * n * Eps.DOUBLE, "real full n=" + n);
        }
    }

    @Test
    void dctBasisIsOrthonormalAndMatchesGolden() {
        JsonNode g = Golden.json("golden/optim/dct_golden.json");
        for (int n : new int[] {5, 8}) {
            Matrix c = Dct.basis(n);
            Matrix ref = Matrix.of(Golden.matrix(g.get("C_" + n)));
            assertTrue(ref.equals(c, 4 * Eps.DOUBLE), "C_" + n);
        }
        for (int n : new int[] {1, 2, 3, 7, 16, 33}) {
            Matrix c = Dct.basis(n);
            Asserts.assertOrthogonal(n, n, c::get, 4);
            double[] x = gaussian(n), y = x.clone();
            new Dct(n).forward(y, 0);
            double[] cx = c.mult(x);
            Asserts.assertAllClose(cx, y, 0, 8 * n * Eps.DOUBLE, "fast DCT vs basis n=" + n);
            new Dct(n).inverse(y, 0);
            Asserts.assertAllClose(x, y, 0, 16 * n * Eps.DOUBLE, "DCT-III inverts DCT-II n=" + n);
        }
    }

    @Test
    void dctProjectionsReproduceTheGoldenSelectionMatrices() {
        JsonNode g = Golden.json("golden/optim/dct_golden.json").get("selection");
        JsonNode inputs = Golden.json("golden/optim/inputs.json");
        for (String name : new String[] {"G_8x5", "G_5x8", "G_16x16"}) {
            JsonNode c = g.get(name);
            Matrix gm = Matrix.of(Golden.matrix(inputs.get(name)));
            boolean right = c.get("right_projection").asBoolean();
            Matrix s = right ? new Dct(gm.cols).inverseRows(gm, null) : new Dct(gm.rows).inverseColumns(gm, null);
            Matrix ref = Matrix.of(Golden.matrix(c.get("S")));
            assertTrue(ref.equals(s, 32 * Eps.DOUBLE * gm.normF()), name + "\n" + ref + s);
            Matrix viaBasis = right ? gm.mult(Dct.basis(gm.cols)) : Dct.basis(gm.rows).transposeMult(gm);
            assertTrue(viaBasis.equals(s, 32 * Eps.DOUBLE * gm.normF()), name);
        }
    }

    @Test
    void badLengthsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fwht.orthonormal(12));
        assertTrue(e.getMessage().contains("n = 12"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FftBr(0));
        assertThrows(IllegalArgumentException.class, () -> new Fft(0));
        assertThrows(IllegalArgumentException.class, () -> Fwht.orthonormal(8).transform(new double[4]));
        assertThrows(IllegalArgumentException.class, () -> new FftBr(8).forward(new double[8], new double[4]));
    }
}
