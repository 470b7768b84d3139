package org.ortho4j.qmc.cubature;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.ortho4j.core.decomp.Solvers;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.PointSet;
import org.ortho4j.qmc.integrand.Integrand;
import org.ortho4j.qmc.measure.Periodization;

/**
 * The engine shared by {@link CubQMCNetG} and {@link CubQMCLatticeG} (QMCPy
 * {@code AbstractCubQMCLDG}; Hickernell and Jiménez Rugama 2016, Jiménez Rugama and Hickernell
 * 2016; spec qmc.md 2.14). With n = 2^m natural-order points, the Walsh or Fourier coefficients
 * ỹ of the integrand values are ordered by the wavenumber map κ, and for functions in the cone
 * whose coefficients decay steadily the error is bounded by
 * <pre>
 *   |μ − μ̂| ≤ fudge(m) Σ_{p = 2^{m−r−1}}^{2^{m−r}−1} |ỹ[κ[p]]|,   r = r_lag = 4,
 * </pre>
 * μ̂ = mean of y. The sample doubles until every output meets the tolerance or the next doubling
 * would exceed nLimit. Package-private.
 */
final class ConeCubature {
    static final int R_LAG = 4;

    final String method;
    final Integrand integrand;
    final PointSet points;
    final Tolerance tolerance;
    final long nInit, nLimit;
    final IntToDoubleFunction fudge;
    final boolean checkCone, complex;
    final Periodization periodization;
    final List<ControlVariate> controlVariates;

    ConeCubature(String method, Integrand integrand, PointSet points, Tolerance tolerance, long nInit, long nLimit,
                 IntToDoubleFunction fudge, boolean checkCone, boolean complex, Periodization periodization,
                 List<ControlVariate> controlVariates) {
        this.method = method;
        this.integrand = integrand;
        this.points = points;
        this.tolerance = tolerance;
        this.nInit = nInit;
        this.nLimit = nLimit;
        this.fudge = fudge;
        this.checkCone = checkCone;
        this.complex = complex;
        this.periodization = periodization;
        this.controlVariates = List.copyOf(controlVariates);
    }

    IntegrationResult integrate() {
        int k = integrand.outputs(), ncv = controlVariates.size();
        int mInit = Long.numberOfTrailingZeros(nInit), lStar = mInit - R_LAG;
        Outputs out = new Outputs(k);
        Spectrum[] spectra = new Spectrum[k];
        int[][] kappa = new int[k][];
        double[][] beta = new double[k][ncv];
        double[][] coneLow = new double[k][], coneHigh = new double[k][];   // indexed by l - lStar
        long nMin = 0, nMax = nInit;
        int iterations = 0;
        while (true) {
            iterations++;
            int m = Long.numberOfTrailingZeros(nMax), block = (int) (nMax - nMin);
            Matrix x = points.points(nMin, nMax);
            Matrix y = integrand.f(x, periodization);
            Matrix[] ycv = new Matrix[ncv];
            for (int c = 0; c < ncv; c++) ycv[c] = controlVariates.get(c).integrand().f(x, periodization);
            int nll = 1 << (m - R_LAG - 1);
            for (int j = 0; j < k; j++) {
                if (!out.active(j)) continue;
                double[] yj = y.colArray(j);
                if (nMin == 0) {
                    spectra[j] = new Spectrum(complex);
                    spectra[j].init(yj);
                    kappa[j] = WavenumberMap.identity(block);
                    WavenumberMap.update(kappa[j], spectra[j], m - 1, 0, m);
                    if (ncv > 0) {
                        Spectrum[] cvSpectra = new Spectrum[ncv];
                        for (int c = 0; c < ncv; c++) {
                            cvSpectra[c] = new Spectrum(complex);
                            cvSpectra[c].init(ycv[c].colArray(j));
                        }
                        beta[j] = fitBeta(spectra[j], cvSpectra, kappa[j], nll);
                        for (int c = 0; c < ncv; c++) spectra[j].subtract(beta[j][c], cvSpectra[c]);
                        kappa[j] = WavenumberMap.identity(block);
                        WavenumberMap.update(kappa[j], spectra[j], m - 1, 0, m);
                    }
                } else {
                    for (int c = 0; c < ncv; c++) {
                        double[] h = ycv[c].colArray(j);
                        for (int i = 0; i < yj.length; i++) yj[i] -= beta[j][c] * h[i];
                    }
                    spectra[j].extend(yj);
                    kappa[j] = WavenumberMap.doubled(kappa[j]);
                    WavenumberMap.update(kappa[j], spectra[j], m - 1, m - R_LAG - 1, m);
                }
                double mu = spectra[j].re[0];
                for (int c = 0; c < ncv; c++) mu += beta[j][c] * controlVariates.get(c).mean()[j];
                double s = 0;
                for (int p = nll; p < 2 * nll; p++) s += spectra[j].magnitude(kappa[j][p]);
                out.interval(j, mu, fudge.applyAsDouble(m) * s);
                out.n[j] = nMax;
                if (checkCone) coneCheck(out, j, spectra[j], kappa[j], m, lStar, coneLow, coneHigh);
            }
            if (out.settle(tolerance)) return out.result(method, nMax, iterations, Termination.CONVERGED);
            if (2 * nMax > nLimit) return out.result(method, nMax, iterations, Termination.BUDGET_EXHAUSTED);
            nMin = nMax;
            nMax *= 2;
        }
    }

    /**
     * Least-squares β of the coefficients {@code ỹ[κ[p]]} on the control variates' coefficients
     * {@code ỹ_c[κ[p]]} over {@code p ≥ 2^{m−r−1}} (the high wavenumbers, where a good control
     * variate tracks the integrand); real parts (nets are real).
     */
    private static double[] fitBeta(Spectrum y, Spectrum[] cvs, int[] kappa, int from) {
        int rows = y.size - from, ncv = cvs.length;
        Matrix a = new Matrix(rows, ncv), b = new Matrix(rows, 1);
        for (int p = from; p < y.size; p++) {
            int q = kappa[p];
            b.data[p - from] = y.re[q];
            for (int c = 0; c < ncv; c++) a.data[(p - from) * ncv + c] = cvs[c].re[q];
        }
        Matrix sol = Solvers.leastSquares(a, b).solution();
        double[] beta = new double[ncv];
        for (int c = 0; c < ncv; c++) beta[c] = sol.data[c];
        return beta;
    }

    /**
     * Necessary condition of the cone (GAIL): for l = l*..m, with {@code c = ω̂(m−l) ω̊(m−l)},
     * {@code S_l = Σ_{p=2^{l−1}}^{2^l−1} |ỹ[κ[p]]|} must satisfy
     * {@code max S_l/(1+c) <= min S_l/(1−c)} over all iterations (c &lt; 1 for the upper one).
     * QMCPy resets its running max/min at every iteration, which makes the test vacuous; here they
     * persist across iterations as in GAIL.
     */
    private void coneCheck(Outputs out, int j, Spectrum y, int[] kappa, int m, int lStar, double[][] low, double[][] high) {
        int len = m + 1 - lStar;
        low[j] = grow(low[j], len, Double.NEGATIVE_INFINITY);
        high[j] = grow(high[j], len, Double.POSITIVE_INFINITY);
        double fr = fudge.applyAsDouble(R_LAG);
        for (int l = lStar; l <= m; l++) {
            double omegaCirc = Math.pow(2, -(m - l));
            double c = fudge.applyAsDouble(m - l) / ((1 + fr) * Math.pow(2, -R_LAG)) * omegaCirc;
            double s = 0;
            for (int p = 1 << (l - 1); p < (1 << l); p++) s += y.magnitude(kappa[p]);
            low[j][l - lStar] = Math.max(low[j][l - lStar], s / (1 + c));
            if (c < 1) high[j][l - lStar] = Math.min(high[j][l - lStar], s / (1 - c));
            if (low[j][l - lStar] > high[j][l - lStar]) {
                out.warnings.add("output " + j + ": cone condition violated at l = " + l + " with n = 2^" + m
                        + " (the error bound may not be reliable)");
                high[j][l - lStar] = Double.POSITIVE_INFINITY;   // report each violation once
                low[j][l - lStar] = Double.NEGATIVE_INFINITY;
            }
        }
    }

    private static double[] grow(double[] a, int len, double fill) {
        double[] b = new double[len];
        java.util.Arrays.fill(b, fill);
        if (a != null) System.arraycopy(a, 0, b, 0, Math.min(a.length, len));
        return b;
    }
}
