package org.ortho4j.qmc.integrand;

import java.util.Optional;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.measure.TrueMeasure;
import org.ortho4j.qmc.measure.Uniform;

/**
 * Box integrals {@code B_d(s) = E‖X‖₂^s}, X uniform on [0,1]^d (Bailey, Borwein and Crandall,
 * "Box integrals", 2007; QMCPy {@code BoxIntegral}), one output per exponent s (a vector
 * integrand). Closed forms used by {@link #exactValue()} (available when every s has one): d = 1:
 * {@code 1/(s+1)}; d = 2: {@code B(1) = (√2 + ln(1+√2))/3}, {@code B(−1) = 2 ln(1+√2)}; d = 3:
 * {@code B(1) = √3/4 + ½ ln(2+√3) − π/24 = 0.9605918}, {@code B(−1) = −π/4 − ½ ln 2 + ln(5+3√3)
 * = 1.1900387}. Immutable; g costs O(n d k).
 */
public final class BoxIntegral implements Integrand {
    private final Uniform measure;
    private final double[] s;

    /**
     * Box integrals for the given exponents.
     *
     * @param d         dimension ≥ 1
     * @param exponents the exponents s, finite, at least one (QMCPy's default is {-1, 1}); an s ≤ −d
     *                  gives an infinite integral
     */
    public BoxIntegral(int d, double... exponents) {
        this.measure = Uniform.unitCube(Check.positive("d", d));
        Check.notNull("exponents", exponents);
        if (exponents.length == 0) throw new IllegalArgumentException("exponents is empty, expected at least one exponent s");
        for (int k = 0; k < exponents.length; k++) {
            Check.finite("exponents[" + k + "]", exponents[k]);
            if (exponents[k] <= -d)
                throw new IllegalArgumentException("exponents[" + k + "] = " + exponents[k] + ", expected > -d = " + -d
                        + " (the integral diverges)");
        }
        this.s = exponents.clone();
    }

    /** The exponents (copy). */
    public double[] exponents() { return s.clone(); }

    @Override public TrueMeasure measure() { return measure; }

    @Override public int outputs() { return s.length; }

    @Override
    public Matrix g(Matrix t) {
        Matrix y = new Matrix(t.rows, s.length);
        for (int i = 0; i < t.rows; i++) {
            int o = t.offset + i * t.ld;
            double r2 = 0;
            for (int j = 0; j < t.cols; j++) r2 += t.data[o + j] * t.data[o + j];
            for (int k = 0; k < s.length; k++) y.data[i * s.length + k] = Math.pow(r2, s[k] / 2);
        }
        return y;
    }

    @Override
    public Optional<double[]> exactValue() {
        int d = measure.dimension();
        double[] v = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            v[k] = closedForm(d, s[k]);
            if (Double.isNaN(v[k])) return Optional.empty();
        }
        return Optional.of(v);
    }

    /** The closed form of B_d(s), or NaN when none is implemented. */
    static double closedForm(int d, double s) {
        if (d == 1) return 1 / (s + 1);
        if (d == 2 && s == 1) return (Math.sqrt(2) + Math.log(1 + Math.sqrt(2))) / 3;
        if (d == 2 && s == -1) return 2 * Math.log(1 + Math.sqrt(2));
        if (d == 3 && s == 1) return Math.sqrt(3) / 4 + 0.5 * Math.log(2 + Math.sqrt(3)) - Math.PI / 24;
        if (d == 3 && s == -1) return -Math.PI / 4 - 0.5 * Math.log(2) + Math.log(5 + 3 * Math.sqrt(3));
        return Double.NaN;
    }

    @Override public String toString() { return "BoxIntegral(d=" + measure.dimension() + ", s=" + java.util.Arrays.toString(s) + ")"; }
}
