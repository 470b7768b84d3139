package org.ortho4j.qmc.measure;

import org.ortho4j.core.linalg.Matrix;

/**
 * Lebesgue measure restricted to a box (QMCPy {@code Lebesgue(Uniform(...))}): integrals are
 * {@code ∫_box g(t) dt = volume · E[g(U)]}, U uniform on the box. Sampling map of the
 * {@link Uniform} measure on the same box, weight {@code volume}, density 1 inside. Immutable.
 */
public final class Lebesgue implements TrueMeasure {
    private final Uniform box;
    private final double volume;

    /**
     * Lebesgue measure on the box of a uniform measure.
     *
     * @param box the box (its corners)
     * @throws IllegalArgumentException if box is null
     */
    public Lebesgue(Uniform box) {
        if (box == null) throw new IllegalArgumentException("box is null, expected a Uniform measure giving the box");
        this.box = box;
        this.volume = box.volume();
    }

    /**
     * Lebesgue measure on {@code [lower, upper]} (copied).
     *
     * @param lower lower corner
     * @param upper upper corner
     */
    public Lebesgue(double[] lower, double[] upper) { this(new Uniform(lower, upper)); }

    @Override public int dimension() { return box.dimension(); }

    /** The box as a uniform measure. */
    public Uniform box() { return box; }

    /** The volume of the box. */
    public double volume() { return volume; }

    @Override public Matrix transform(Matrix u) { return box.transform(u); }

    @Override
    public double[] weights(Matrix t) {
        Measures.checkColumns("t", t, dimension());
        return Measures.constant(t.rows, volume);
    }

    /** 0 inside the box, −∞ outside. */
    @Override
    public double logDensity(Matrix t, int i) { return box.contains(t, i) ? 0 : Double.NEGATIVE_INFINITY; }

    @Override public boolean isProbability() { return false; }

    @Override public String toString() { return "Lebesgue(" + box + ")"; }
}
