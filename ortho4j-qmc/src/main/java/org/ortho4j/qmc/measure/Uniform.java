package org.ortho4j.qmc.measure;

import java.util.Arrays;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * The uniform probability measure on a box {@code [a_1, b_1] x ... x [a_d, b_d]} (QMCPy
 * {@code Uniform}): {@code T(u) = a + (b − a) ⊙ u}, weight 1, density {@code Π 1/(b_j − a_j)}
 * inside the box. Immutable.
 */
public final class Uniform implements TrueMeasure {
    private final double[] lower, upper;
    private final double logVolume;

    /**
     * The uniform measure on the box with the given corners (copied).
     *
     * @param lower a, finite, length d ≥ 1
     * @param upper b, finite, {@code b_j > a_j}, same length
     * @throws IllegalArgumentException naming the offending bound
     */
    public Uniform(double[] lower, double[] upper) {
        Check.notNull("lower", lower);
        if (lower.length == 0) throw new IllegalArgumentException("lower.length = 0, expected d >= 1");
        this.lower = Measures.finiteVector("lower", lower, lower.length);
        this.upper = Measures.finiteVector("upper", upper, lower.length);
        double lv = 0;
        for (int j = 0; j < lower.length; j++) {
            double w = this.upper[j] - this.lower[j];
            if (!(w > 0) || Double.isInfinite(w))
                throw new IllegalArgumentException("upper[" + j + "] = " + upper[j] + ", expected > lower[" + j + "] = " + lower[j]
                        + " with a finite width");
            lv += Math.log(w);
        }
        this.logVolume = lv;
    }

    /**
     * The uniform measure on {@code [a, b]^d}.
     *
     * @param d dimension ≥ 1
     * @param a lower bound of every coordinate
     * @param b upper bound, {@code > a}
     * @return the measure
     */
    public static Uniform cube(int d, double a, double b) {
        Check.positive("d", d);
        double[] lo = new double[d], hi = new double[d];
        Arrays.fill(lo, a);
        Arrays.fill(hi, b);
        return new Uniform(lo, hi);
    }

    /**
     * The standard uniform measure on {@code [0, 1]^d} (T is the identity).
     *
     * @param d dimension ≥ 1
     * @return the measure
     */
    public static Uniform unitCube(int d) { return cube(d, 0, 1); }

    @Override public int dimension() { return lower.length; }

    /** The lower corner a (copy). */
    public double[] lower() { return lower.clone(); }

    /** The upper corner b (copy). */
    public double[] upper() { return upper.clone(); }

    /** The volume {@code Π (b_j − a_j)}. */
    public double volume() { return Math.exp(logVolume); }

    @Override
    public Matrix transform(Matrix u) {
        Measures.checkColumns("u", u, dimension());
        int d = dimension();
        Matrix t = new Matrix(u.rows, d);
        for (int i = 0; i < u.rows; i++) {
            int src = u.offset + i * u.ld, dst = i * d;
            for (int j = 0; j < d; j++) t.data[dst + j] = lower[j] + (upper[j] - lower[j]) * u.data[src + j];
        }
        return t;
    }

    @Override
    public double[] weights(Matrix t) {
        Measures.checkColumns("t", t, dimension());
        return Measures.constant(t.rows, 1);
    }

    /** {@code −Σ log(b_j − a_j)} inside the box, −∞ outside. */
    @Override
    public double logDensity(Matrix t, int i) { return contains(t, i) ? -logVolume : Double.NEGATIVE_INFINITY; }

    /** Whether row i of t lies in the closed box. */
    boolean contains(Matrix t, int i) {
        Measures.checkColumns("t", t, dimension());
        for (int j = 0; j < lower.length; j++) {
            double v = t.get(i, j);
            if (!(v >= lower[j] && v <= upper[j])) return false;
        }
        return true;
    }

    @Override public boolean isProbability() { return true; }

    @Override
    public String toString() { return "Uniform(" + Arrays.toString(lower) + ", " + Arrays.toString(upper) + ")"; }
}
