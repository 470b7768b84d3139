package org.ortho4j.qmc.integrand;

import java.util.Arrays;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.measure.Periodization;
import org.ortho4j.qmc.measure.TrueMeasure;

/** The shared evaluation of transformed integrands (package-private). */
final class Integrands {
    private Integrands() {}

    /** {@link Integrand#f(Matrix, Periodization)}. */
    static Matrix evaluate(Integrand integrand, Matrix x, Periodization periodization) {
        TrueMeasure mu = integrand.measure();
        int d = mu.dimension(), k = integrand.outputs();
        if (x == null) throw new IllegalArgumentException("x is null, expected an n x " + d + " matrix");
        if (x.cols != d) throw new IllegalArgumentException("x.cols = " + x.cols + ", expected d = " + d);
        if (periodization == null) throw new IllegalArgumentException("periodization is null, expected a value (NONE for none)");
        double[] w = new double[x.rows];
        Arrays.fill(w, 1);
        Matrix xp = periodization.apply(x, w);
        Matrix t = mu.transform(xp);
        double[] mw = mu.weights(t);
        Matrix y = integrand.g(t);
        if (y == null || y.rows != x.rows || y.cols != k)
            throw new IllegalArgumentException(integrand.name() + ".g returned " + (y == null ? "null" : y.rows + "x" + y.cols)
                    + ", expected " + x.rows + "x" + k);
        Matrix out = new Matrix(x.rows, k);
        for (int i = 0; i < x.rows; i++) {
            double wi = w[i] * mw[i];
            int src = y.offset + i * y.ld;
            for (int j = 0; j < k; j++) {
                double gv = y.data[src + j], v = gv * wi;
                if (!Double.isFinite(v)) throw nonFinite(integrand, x, t, i, j, gv, wi);
                out.data[i * k + j] = v;
            }
        }
        return out;
    }

    private static NonFiniteValueException nonFinite(Integrand f, Matrix x, Matrix t, int i, int j, double g, double w) {
        return new NonFiniteValueException(f.name() + " produced a non-finite value at point " + i + ", output " + j
                + ": g = " + g + ", weight = " + w + ", x = " + Arrays.toString(x.rowArray(i)) + ", t = "
                + Arrays.toString(t.rowArray(i)) + " (integrands must be finite on the whole domain)");
    }
}
