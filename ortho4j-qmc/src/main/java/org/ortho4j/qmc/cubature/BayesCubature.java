package org.ortho4j.qmc.cubature;

import java.util.Arrays;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.transform.FftBr;
import org.ortho4j.core.transform.Fwht;
import org.ortho4j.qmc.PointSet;
import org.ortho4j.qmc.integrand.Integrand;
import org.ortho4j.qmc.measure.Periodization;
import org.ortho4j.qmc.points.DigitalNetB2;

/**
 * The engine of {@link CubQMCBayesLatticeG} and {@link CubQMCBayesNetG} (QMCPy
 * {@code AbstractCubBayesLDG}; R. Jagadeeswaran and F. J. Hickernell, "Fast automatic Bayesian
 * cubature using lattice sampling", Stat. Comput. 29, 2019, and "... using Sobol' sampling",
 * 2022; spec qmc.md 2.14). The integrand is modelled as a Gaussian process with a
 * (digitally) shift-invariant product kernel {@code K(x, z) = Π_j (1 + θ c B(x_j ⊖ z_j))}, whose
 * Gram matrix on natural-order lattice/net points is diagonalized by the FFTBR/FWHT, so the shape
 * θ (maximum likelihood over {@code ln θ ∈ [−5, 0]}, Brent's bounded minimizer with xtol 1e-2)
 * and the credible interval cost O(n log n) per evaluation.
 *
 * <p>Kernel column: {@code C1_i − 1} by the stable recursion
 * {@code K ← θ c B_j (1 + K) + K}, scaled by {@code λ_f = max |C1 − 1|}; eigenvalues
 * {@code λ̊ = √n · Re FT((C1 − 1)/λ_f)} and {@code λ = λ̊ + (n/λ_f) e₀}. MLE loss
 * {@code Σ_k log(λ_f λ_k) + n log(Σ_{k≥1} |f̃_k|²/(λ_f λ_k))} over λ_k &gt; 100 ε, f̃ = n ỹ.
 *
 * <p><b>QMCPy defects not copied:</b> (i) the kernel's first column is built from the
 * <em>differences</em> {@code x_i ⊖ x_0} — the unrandomized points, for which the Gram matrix is
 * {@code K(x_i ⊖ x_0)} — not from the randomized points themselves (QMCPy's choice gives the wrong
 * Gram matrix whenever the shift is not zero); (ii) the estimate keeps its sign (QMCPy returns
 * {@code |μ̂|}, wrong for negative integrals). Package-private.
 */
final class BayesCubature {
    /** The point family and its kernel. */
    enum Family { LATTICE, NET }

    final String method;
    final Family family;
    final Integrand integrand;
    final PointSet points;
    final Tolerance tolerance;
    final long nInit, nLimit;
    final Periodization periodization;
    final int order;
    final BayesErrorBound errorBound;
    final double quantile;

    BayesCubature(String method, Family family, Integrand integrand, PointSet points, Tolerance tolerance, long nInit, long nLimit,
                  Periodization periodization, int order, BayesErrorBound errorBound, double alpha) {
        this.method = method;
        this.family = family;
        this.integrand = integrand;
        this.points = points;
        this.tolerance = tolerance;
        this.nInit = nInit;
        this.nLimit = nLimit;
        this.periodization = periodization;
        this.order = order;
        this.errorBound = errorBound;
        this.quantile = errorBound == BayesErrorBound.FULL ? Stats.studentUpperQuantile(alpha / 2, nInit - 1)
                : -org.ortho4j.qmc.measure.StandardNormal.quantile(alpha / 2);
    }

    /** Kernel factors {@code c B(u)} of the rows of x (lattice), relative to the first point x0. */
    double[] latticeFactors(Matrix x, double[] x0) {
        int d = x.cols;
        double[] f = new double[x.rows * d];
        for (int i = 0; i < x.rows; i++)
            for (int j = 0; j < d; j++) {
                double u = x.get(i, j) - x0[j];
                if (u < 0) u += 1;
                f[i * d + j] = order == 1 ? u * u - u + 1.0 / 6 : 1.0 / 30 - u * u * (1 - u) * (1 - u);
            }
        return f;
    }

    /**
     * Kernel factors {@code B(w)/10} of t-bit integers {@code w = xb ⊕ x0b} (net, order 1):
     * {@code B(w) = 1 − 3·2^{−k}} for {@code w/2^t ∈ [2^{−k}, 2^{−k+1})}, B(0) = 1.
     */
    static double[] netFactors(long[][] bits, long[] b0, int t) {
        int d = b0.length;
        double[] f = new double[bits.length * d];
        for (int i = 0; i < bits.length; i++)
            for (int j = 0; j < d; j++) {
                long w = bits[i][j] ^ b0[j];
                double b = 1;
                if (w != 0) {
                    int k = Long.numberOfLeadingZeros(w) - (64 - t) + 1;
                    b = 1 - 3 * Math.pow(2, -k);
                }
                f[i * d + j] = 0.1 * b;
            }
        return f;
    }

    /** λ̊ (length n) and λ_f of the kernel with shape θ on the first n points. */
    double[] kernelSpectrum(double theta, double[] factors, int n, int d, double[] factorOut) {
        double[] re = new double[n];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            int o = i * d;
            double km1 = theta * factors[o];
            for (int j = 1; j < d; j++) km1 += theta * factors[o + j] * (1 + km1);
            re[i] = km1;
            scale = Math.max(scale, Math.abs(km1));
        }
        for (int i = 0; i < n; i++) re[i] /= scale;
        if (family == Family.LATTICE) new FftBr(n).forward(re, new double[n]);
        else Fwht.orthonormal(n).transform(re);
        double root = Math.sqrt(n);
        for (int i = 0; i < n; i++) re[i] *= root;
        factorOut[0] = scale;
        return re;
    }

    /** Loss, RKHS norm and λ̊₀ (unscaled) for shape θ. */
    double[] objective(double theta, double[] factors, int n, int d, Spectrum y) {
        double[] lf = new double[1];
        double[] ring = kernelSpectrum(theta, factors, n, d, lf);
        double lambdaFactor = lf[0], cutoff = 100 * Math.ulp(1.0), nn = (double) n * n;
        double sumLog = 0, quad = 0;
        boolean first = true;
        for (int k = 0; k < n; k++) {
            double lam = Math.abs(k == 0 ? ring[0] + n / lambdaFactor : ring[k]);
            if (!(lam > cutoff)) continue;
            sumLog += Math.log(lambdaFactor * lam);
            if (!first) quad += nn * y.magnitudeSquared(k) / lam;
            first = false;
        }
        quad /= lambdaFactor;
        double loss = sumLog + n * Math.log(quad != 0 ? quad : Math.ulp(1.0));
        return new double[] {loss, quad / n, lambdaFactor * ring[0]};
    }

    IntegrationResult integrate() {
        int k = integrand.outputs(), d = integrand.dimension();
        Outputs out = new Outputs(k);
        Spectrum[] spectra = new Spectrum[k];
        double[] factors = new double[0];
        double[] x0 = null;
        long[] b0 = null;
        long nMin = 0, nMax = nInit;
        int iterations = 0;
        while (true) {
            iterations++;
            int n = (int) nMax;
            Matrix x = points.points(nMin, nMax);
            double[] fresh;
            if (family == Family.LATTICE) {
                if (x0 == null) x0 = x.rowArray(0);
                fresh = latticeFactors(x, x0);
            } else {
                DigitalNetB2 net = (DigitalNetB2) points;
                long[][] bits = net.bits(nMin, nMax);
                if (b0 == null) b0 = bits[0].clone();
                fresh = netFactors(bits, b0, net.t());
            }
            factors = Arrays.copyOf(factors, n * d);
            System.arraycopy(fresh, 0, factors, (int) nMin * d, fresh.length);
            Matrix y = integrand.f(x, periodization);
            for (int j = 0; j < k; j++) {
                if (!out.active(j)) continue;
                double[] yj = y.colArray(j);
                if (nMin == 0) {
                    spectra[j] = new Spectrum(family == Family.LATTICE);
                    spectra[j].init(yj);
                } else {
                    spectra[j].extend(yj);
                }
                Spectrum s = spectra[j];
                double[] fs = factors;
                double lnTheta = Stats.minimize(v -> objective(Math.exp(v), fs, n, d, s)[0], -5, 0, 1e-2);
                double[] best = objective(Math.exp(lnTheta), factors, n, d, s);
                double rkhs = best[1], ring0 = best[2];
                double halfWidth = errorBound == BayesErrorBound.FULL
                        ? quantile * Math.sqrt(Math.abs(ring0 / n) * rkhs / (n - 1))
                        : quantile * Math.sqrt(Math.abs(ring0 / (n + ring0)) * rkhs / n);
                out.interval(j, s.re[0], halfWidth);
                out.n[j] = nMax;
            }
            if (out.settle(tolerance)) return out.result(method, nMax, iterations, Termination.CONVERGED);
            if (2 * nMax > nLimit) return out.result(method, nMax, iterations, Termination.BUDGET_EXHAUSTED);
            nMin = nMax;
            nMax *= 2;
        }
    }
}
