package org.ortho4j.core.transform;

import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;

/**
 * Fast Walsh–Hadamard transform plan for length {@code n = 2^m} (n = 1 allowed), natural
 * (Sylvester) order, in place. O(n log n), multi-threaded above {@link #PARALLEL_N}.
 *
 * <ul>
 *   <li>{@link Norm#ORTHONORMAL}: {@code x <- H_n x / sqrt(n)}, an involution (QMCPy's {@code fwht},
 *       spec qmc.md §2.9).</li>
 *   <li>{@link Norm#NONE}: {@code x <- H_n x} (entries of H are ±1); applying it twice gives
 *       {@code n x}.</li>
 * </ul>
 * Each butterfly is the exact pair {@code (a + b, a - b)}; the orthonormal variant scales once at
 * the end by {@code 1/sqrt(n)}. Results are bit-for-bit identical for any thread count.
 */
public final class Fwht {
    /** Half-width below which stages run block-local: 4096 elements (32 KB of doubles). */
    static final int BLOCK = 1 << 12;
    /** Lengths from which the ortho4j pool is used. */
    public static final int PARALLEL_N = 1 << 15;

    /** Normalization of the transform. */
    public enum Norm {
        /** {@code H_n x / sqrt(n)}: orthonormal, its own inverse. */
        ORTHONORMAL,
        /** {@code H_n x}: entries ±1. */
        NONE
    }

    private final int n;
    private final Norm norm;
    private final double scale;

    /**
     * A plan for length n.
     *
     * @throws IllegalArgumentException if n is not a power of two
     */
    public Fwht(int n, Norm norm) {
        this.n = Transforms.requirePowerOfTwo("n", n);
        this.norm = Check.notNull("norm", norm);
        this.scale = norm == Norm.ORTHONORMAL ? 1.0 / Math.sqrt(n) : 1.0;
    }

    /** The orthonormal plan for length n. */
    public static Fwht orthonormal(int n) { return new Fwht(n, Norm.ORTHONORMAL); }

    /** Transform length. */
    public int size() { return n; }

    /** The normalization. */
    public Norm norm() { return norm; }

    /** Transforms {@code a[off .. off+n)} in place. */
    public void transform(double[] a, int off) {
        Check.block("a", a.length, off, 1, n, n);
        DoubleFwhtKernel.transform(a, off, n);
        if (scale != 1.0) DoubleFwhtKernel.scale(a, off, n, scale);
    }

    /** Transforms {@code a[off .. off+n)} in place, in float arithmetic. */
    public void transform(float[] a, int off) {
        Check.block("a", a.length, off, 1, n, n);
        FloatFwhtKernel.transform(a, off, n);
        if (scale != 1.0) FloatFwhtKernel.scale(a, off, n, (float) scale);
    }

    /** Transforms all of {@code a} in place; {@code a.length} must equal n. */
    public void transform(double[] a) {
        Check.dimension("a.length", a.length, n);
        transform(a, 0);
    }

    /** Transforms each row of {@code x} (cols == n) in place. */
    public void transformRows(Matrix x) {
        Check.dimension("x.cols", x.cols, n);
        for (int i = 0; i < x.rows; i++) transform(x.data, x.offset + i * x.ld);
    }

    /** Transforms each row of {@code x} (cols == n) in place, in float arithmetic. */
    public void transformRows(FloatMatrix x) {
        Check.dimension("x.cols", x.cols, n);
        for (int i = 0; i < x.rows; i++) transform(x.data, x.offset + i * x.ld);
    }
}
