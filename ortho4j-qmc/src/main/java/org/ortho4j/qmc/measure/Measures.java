package org.ortho4j.qmc.measure;

import java.util.Arrays;
import org.ortho4j.core.linalg.Matrix;

/** Shared checks and element-wise maps of the measures (package-private). */
final class Measures {
    private Measures() {}

    /** Requires a non-null matrix with {@code d} columns. */
    static void checkColumns(String name, Matrix m, int d) {
        if (m == null) throw new IllegalArgumentException(name + " is null, expected an n x " + d + " matrix");
        if (m.cols != d) throw new IllegalArgumentException(name + ".cols = " + m.cols + ", expected d = " + d);
    }

    /** A new array of n copies of v. */
    static double[] constant(int n, double v) {
        double[] w = new double[n];
        Arrays.fill(w, v);
        return w;
    }

    /** Requires a finite vector of length d (copied). */
    static double[] finiteVector(String name, double[] v, int d) {
        if (v == null) throw new IllegalArgumentException(name + " is null, expected " + d + " values");
        if (v.length != d) throw new IllegalArgumentException(name + ".length = " + v.length + ", expected " + d);
        for (int j = 0; j < d; j++)
            if (!Double.isFinite(v[j])) throw new IllegalArgumentException(name + "[" + j + "] = " + v[j] + ", expected a finite value");
        return v.clone();
    }

    /**
     * The standard normal quantile of {@code u} clipped into {@code [GUARD, 1 - GUARD]}.
     *
     * @throws IllegalArgumentException if u is NaN or outside [0, 1]
     */
    static double guardedQuantile(double u) {
        if (!(u >= 0 && u <= 1)) throw new IllegalArgumentException("u = " + u + ", expected a point coordinate in [0, 1]");
        return StandardNormal.quantile(Math.min(Math.max(u, TrueMeasure.GUARD), 1 - TrueMeasure.GUARD));
    }

    /** A new {@code n x d} matrix of {@link #guardedQuantile} of every entry of u. */
    static Matrix normalScores(Matrix u) {
        Matrix z = new Matrix(u.rows, u.cols);
        for (int i = 0; i < u.rows; i++) {
            int src = u.offset + i * u.ld, dst = i * u.cols;
            for (int j = 0; j < u.cols; j++) z.data[dst + j] = guardedQuantile(u.data[src + j]);
        }
        return z;
    }
}
