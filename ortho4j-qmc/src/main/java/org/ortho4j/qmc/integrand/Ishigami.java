package org.ortho4j.qmc.integrand;

import java.util.Optional;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.measure.TrueMeasure;
import org.ortho4j.qmc.measure.Uniform;

/**
 * The Ishigami function (T. Ishigami and T. Homma, 1990; QMCPy {@code Ishigami}), the standard
 * sensitivity-analysis test case, on U(−π, π)³:
 * {@code g(t) = sin t_1 + a sin² t_2 + b t_3⁴ sin t_1}. Mean a/2; variance
 * {@code a²/8 + bπ⁴/5 + b²π⁸/18 + ½}; Sobol' indices in closed form (see the static methods);
 * for a = 7, b = 0.1: mean 3.5, variance 13.8445879, first order (0.3139, 0.4424, 0), total
 * (0.5576, 0.4424, 0.2437). Immutable; g costs O(n).
 */
public final class Ishigami implements Integrand {
    private final double a, b;
    private final Uniform measure = Uniform.cube(3, -Math.PI, Math.PI);

    /** QMCPy's defaults a = 7, b = 0.1. */
    public Ishigami() { this(7, 0.1); }

    /**
     * The Ishigami function with parameters a and b.
     *
     * @param a finite
     * @param b finite
     */
    public Ishigami(double a, double b) {
        this.a = Check.finite("a", a);
        this.b = Check.finite("b", b);
    }

    @Override public TrueMeasure measure() { return measure; }

    @Override public int outputs() { return 1; }

    @Override
    public Matrix g(Matrix t) {
        Matrix y = new Matrix(t.rows, 1);
        for (int i = 0; i < t.rows; i++) {
            int o = t.offset + i * t.ld;
            double s1 = Math.sin(t.data[o]), s2 = Math.sin(t.data[o + 1]), t3 = t.data[o + 2], t3sq = t3 * t3;
            y.data[i] = s1 + a * s2 * s2 + b * t3sq * t3sq * s1;
        }
        return y;
    }

    @Override public Optional<double[]> exactValue() { return Optional.of(new double[] {a / 2}); }

    /** Variance of g(T), T uniform: {@code a²/8 + bπ⁴/5 + b²π⁸/18 + ½}. */
    public double variance() {
        double p4 = Math.pow(Math.PI, 4);
        return a * a / 8 + b * p4 / 5 + b * b * p4 * p4 / 18 + 0.5;
    }

    /** First-order Sobol' indices {@code (V_1, V_2, 0) / V}, {@code V_1 = (1 + bπ⁴/5)²/2}, {@code V_2 = a²/8}. */
    public double[] firstOrderSobol() {
        double v = variance(), p4 = Math.pow(Math.PI, 4);
        double v1 = 0.5 * (1 + b * p4 / 5) * (1 + b * p4 / 5);
        return new double[] {v1 / v, a * a / 8 / v, 0};
    }

    /** Total Sobol' indices {@code ((V_1 + V_13), V_2, V_13) / V}, {@code V_13 = 8 b² π⁸ / 225}. */
    public double[] totalSobol() {
        double v = variance(), p4 = Math.pow(Math.PI, 4), v13 = 8 * b * b * p4 * p4 / 225;
        double[] first = firstOrderSobol();
        return new double[] {first[0] + v13 / v, first[1], v13 / v};
    }

    @Override public String toString() { return "Ishigami(a=" + a + ", b=" + b + ")"; }
}
