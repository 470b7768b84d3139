package org.ortho4j.qmc.integrand;

import java.util.Optional;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.measure.TrueMeasure;
import org.ortho4j.qmc.measure.Uniform;

/**
 * {@code g(t) = Σ_j t_j} on U[−½, ½]^d, integral 0 (QMCPy {@code Linear0}; QMCPy's docstring says
 * U[0,1]^d, which contradicts its mean 0 and doctest — spec qmc.md 2.13 infers U[−½, ½]^d).
 * Immutable; g costs O(n d).
 */
public final class Linear0 implements Integrand {
    private final Uniform measure;

    /**
     * @param d dimension ≥ 1
     */
    public Linear0(int d) { this.measure = Uniform.cube(Check.positive("d", d), -0.5, 0.5); }

    @Override public TrueMeasure measure() { return measure; }

    @Override public int outputs() { return 1; }

    @Override
    public Matrix g(Matrix t) {
        Matrix y = new Matrix(t.rows, 1);
        for (int i = 0; i < t.rows; i++) {
            int o = t.offset + i * t.ld;
            double s = 0;
            for (int j = 0; j < t.cols; j++) s += t.data[o + j];
            y.data[i] = s;
        }
        return y;
    }

    @Override public Optional<double[]> exactValue() { return Optional.of(new double[] {0}); }

    @Override public String toString() { return "Linear0(d=" + measure.dimension() + ")"; }
}
