package org.ortho4j.testkit;

/**
 * Read access to a matrix's elements, so the testkit's asserts work on any dense type without
 * depending on ortho4j-core (core's own tests use the testkit). Pass a method reference:
 * {@code Asserts.assertOrthogonal(q.rows, q.cols, q::get, 10)}.
 */
@FunctionalInterface
public interface Entries {
    /** Element (i, j). */
    double get(int i, int j);

    /** Entries of a {@code double[][]}. */
    static Entries of(double[][] a) { return (i, j) -> a[i][j]; }

    /** Entries of a row-major array with leading dimension {@code ld}. */
    static Entries rowMajor(double[] a, int offset, int ld) { return (i, j) -> a[offset + i * ld + j]; }

    /** Entries of a row-major float array with leading dimension {@code ld}. */
    static Entries rowMajor(float[] a, int offset, int ld) { return (i, j) -> a[offset + i * ld + j]; }
}
