package org.ortho4j.qmc.integrand;

import java.util.Optional;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.measure.Gaussian;
import org.ortho4j.qmc.measure.ImportanceSampling;
import org.ortho4j.qmc.measure.TrueMeasure;

/**
 * Keister's integrand (B. D. Keister, "Multidimensional quadrature algorithms", Computers in
 * Physics 10, 1996; QMCPy {@code Keister}):
 * <pre>
 *   I_d = ∫_{R^d} cos‖x‖ e^{−‖x‖²} dx = E[π^{d/2} cos‖T‖],  T ~ N(0, I/2),
 * </pre>
 * so g(t) = π^{d/2} cos‖t‖ against the Gaussian N(0, ½ I). Exact value
 * {@code I_d = π^{d/2} M(d/2, 1/2, −1/4)} with Kummer's confluent hypergeometric function M
 * (from {@code ∫_0^∞ r^{d−1} cos r e^{−r²} dr = Γ(d/2) M(d/2, 1/2, −1/4) / 2}); d = 1..5:
 * 1.380388447043143, 1.808186429263620, 2.168309102165481, 2.165929302574506, 1.135323991012492.
 * Immutable; g costs O(n d).
 */
public final class Keister implements Integrand {
    private final TrueMeasure measure;
    private final int d;
    private final double scale;

    /**
     * Keister's integrand in d dimensions against N(0, ½ I) sampled by its own (PCA) map.
     *
     * @param d dimension ≥ 1
     */
    public Keister(int d) { this(Gaussian.iid(Check.positive("d", d), 0, 0.5), false); }

    private Keister(TrueMeasure measure, boolean wrap) {
        this.d = measure.dimension();
        this.measure = wrap ? new ImportanceSampling(Gaussian.iid(d, 0, 0.5), measure) : measure;
        this.scale = Math.pow(Math.PI, d / 2.0);
    }

    /**
     * Keister's integrand sampled through another measure by importance sampling
     * (see {@link ImportanceSampling}), e.g. {@code Gaussian.standard(d)}: the integral is the same,
     * the variance of the weighted integrand differs.
     *
     * @param sampler a measure with a density positive on R^d
     * @return the integrand
     */
    public static Keister importanceSampled(TrueMeasure sampler) {
        return new Keister(Check.notNull("sampler", sampler), true);
    }

    @Override public TrueMeasure measure() { return measure; }

    @Override public int outputs() { return 1; }

    @Override
    public Matrix g(Matrix t) {
        Matrix y = new Matrix(t.rows, 1);
        for (int i = 0; i < t.rows; i++) {
            int o = t.offset + i * t.ld;
            double s = 0;
            for (int j = 0; j < d; j++) s += t.data[o + j] * t.data[o + j];
            y.data[i] = scale * Math.cos(Math.sqrt(s));
        }
        return y;
    }

    @Override public Optional<double[]> exactValue() { return Optional.of(new double[] {exact(d)}); }

    /**
     * {@code I_d = π^{d/2} Σ_k (d/2)_k / ((1/2)_k k!) (−1/4)^k} (the Kummer series, summed until the
     * terms stop changing the sum). The series alternates; its largest term, hence the relative
     * rounding error, grows with d (about 1e-15 for d ≤ 10, 1e-13 for d = 100).
     *
     * @param d dimension ≥ 1
     * @return I_d
     */
    public static double exact(int d) {
        Check.positive("d", d);
        double a = d / 2.0, term = 1, sum = 1;
        for (int k = 0; k < 10_000; k++) {
            term *= (a + k) / (0.5 + k) * -0.25 / (k + 1);
            double s = sum + term;
            if (s == sum && Math.abs(term) < 1e-300 + Math.ulp(sum)) break;
            sum = s;
        }
        return Math.pow(Math.PI, a) * sum;
    }

    @Override public String toString() { return "Keister(d=" + d + ", " + measure + ")"; }
}
