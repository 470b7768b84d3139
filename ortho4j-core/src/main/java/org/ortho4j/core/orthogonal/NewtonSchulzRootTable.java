package org.ortho4j.core.orthogonal;

import java.util.Arrays;
import java.util.Locale;
import org.ortho4j.core.Check;

/**
 * ROOT's shape-keyed Newton–Schulz coefficients ("AdaNewton", He et al., arXiv 2511.20626): an
 * immutable map from the key {@code (min(rows, cols), max(rows, cols))} to one tuple
 * {@code (a, b, c)} used for every step. Reference: {@code huawei-noah/noah-research:
 * ROOT/examples/example_train.py} ({@code root5}, {@code COEFF_MAP_CANONICAL}).
 *
 * <p>Because the key is symmetric, an {@code m×n} matrix and its transpose use the same tuple.
 * A shape that is not in the table gets MUON's tuple {@code (3.4445, −4.7750, 2.0315)}, as the
 * reference code does. A tuple is never reused for another shape: the per-shape polynomials are
 * tuned for the spectrum a Frobenius-normalized matrix of that shape has, and e.g. the (2048, 2048)
 * polynomial has a fixed point above its maximum, so values near 1.22 grow without bound (spec
 * §1.2 warning).
 *
 * <p>Only the four published shapes are known; how ROOT fits its coefficients is not in the
 * released code (spec: [UNCONFIRMED]), so this class only ships that table and lets callers add
 * their own entries with {@link #with(int, int, double, double, double)}.
 */
public final class NewtonSchulzRootTable {
    private static final NewtonSchulzRootTable EMPTY = new NewtonSchulzRootTable(new int[0], new int[0], new double[0][]);
    private static final NewtonSchulzRootTable PUBLISHED = EMPTY
            .with(2048, 2048, 3.4916, -4.8224, 2.1095)
            .with(2048, 3072, 3.4509, -4.5790, 1.9325)
            .with(2048, 8192, 2.9794, -3.6674, 1.6207)
            .with(2048, 16384, 3.1943, -3.8221, 1.5322);

    private final int[] keyMin, keyMax;
    private final double[][] tuples;

    private NewtonSchulzRootTable(int[] keyMin, int[] keyMax, double[][] tuples) {
        this.keyMin = keyMin;
        this.keyMax = keyMax;
        this.tuples = tuples;
    }

    /** The four shapes published with ROOT: (2048,2048), (2048,3072), (2048,8192), (2048,16384). */
    public static NewtonSchulzRootTable published() { return PUBLISHED; }

    /** A table with no entries (every shape falls back to MUON's tuple). */
    public static NewtonSchulzRootTable empty() { return EMPTY; }

    /**
     * A copy of this table with the entry for {@code (min(rows, cols), max(rows, cols))} set to
     * {@code (a, b, c)} (replacing an existing one). O(size).
     *
     * @throws IllegalArgumentException for a non-positive dimension or a non-finite coefficient
     */
    public NewtonSchulzRootTable with(int rows, int cols, double a, double b, double c) {
        Check.positive("rows", rows);
        Check.positive("cols", cols);
        double[] t = {Check.finite("a", a), Check.finite("b", b), Check.finite("c", c)};
        int i = indexOf(rows, cols);
        if (i >= 0) {
            double[][] nt = tuples.clone();
            nt[i] = t;
            return new NewtonSchulzRootTable(keyMin, keyMax, nt);
        }
        int n = keyMin.length;
        int[] nmin = Arrays.copyOf(keyMin, n + 1), nmax = Arrays.copyOf(keyMax, n + 1);
        double[][] nt = Arrays.copyOf(tuples, n + 1);
        nmin[n] = Math.min(rows, cols);
        nmax[n] = Math.max(rows, cols);
        nt[n] = t;
        return new NewtonSchulzRootTable(nmin, nmax, nt);
    }

    /** Number of entries. */
    public int size() { return keyMin.length; }

    /** True if the shape (in either orientation) has its own entry. */
    public boolean contains(int rows, int cols) { return indexOf(rows, cols) >= 0; }

    /** Index of the entry for this shape's key, or -1. O(size). */
    int indexOf(int rows, int cols) {
        int lo = Math.min(rows, cols), hi = Math.max(rows, cols);
        for (int i = 0; i < keyMin.length; i++)
            if (keyMin[i] == lo && keyMax[i] == hi) return i;
        return -1;
    }

    /** {@code {a, b, c}} for this shape, or MUON's tuple if absent (a new array). */
    public double[] lookup(int rows, int cols) {
        int i = indexOf(rows, cols);
        return (i >= 0 ? tuples[i] : NewtonSchulzSchedule.MUON_TUPLE).clone();
    }

    /**
     * The schedule ROOT runs on a {@code rows×cols} matrix: {@link #lookup} repeated {@code steps}
     * times, eps 1e-7, normScale 1, named {@code ROOT(min x max)} for a table entry and
     * {@code ROOT(MUON fallback)} otherwise.
     */
    public NewtonSchulzSchedule schedule(int rows, int cols, int steps) {
        int i = indexOf(rows, cols);
        return i >= 0 ? entrySchedule(i, steps) : fallbackSchedule(steps);
    }

    /** Schedule of entry {@code i}. */
    NewtonSchulzSchedule entrySchedule(int i, int steps) {
        double[] t = tuples[i];
        String name = String.format(Locale.ROOT, "ROOT(%dx%d)", keyMin[i], keyMax[i]);
        return NewtonSchulzSchedule.repeat(name, t[0], t[1], t[2], steps, NewtonSchulzSchedule.MUON_EPS, 1);
    }

    /** Schedule for shapes without an entry: MUON's tuple. */
    static NewtonSchulzSchedule fallbackSchedule(int steps) {
        double[] t = NewtonSchulzSchedule.MUON_TUPLE;
        return NewtonSchulzSchedule.repeat("ROOT(MUON fallback)", t[0], t[1], t[2], steps, NewtonSchulzSchedule.MUON_EPS, 1);
    }

    /** E.g. {@code NewtonSchulzRootTable{2048x2048=(3.4916, -4.8224, 2.1095), ...}}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("NewtonSchulzRootTable{");
        for (int i = 0; i < keyMin.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(keyMin[i]).append('x').append(keyMax[i]).append("=(")
                    .append(tuples[i][0]).append(", ").append(tuples[i][1]).append(", ").append(tuples[i][2]).append(')');
        }
        return sb.append('}').toString();
    }
}
