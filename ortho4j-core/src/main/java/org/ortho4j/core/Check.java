package org.ortho4j.core;

/**
 * Argument checks shared by every ortho4j module.
 *
 * <p>Each check throws {@link IllegalArgumentException} whose message names the parameter, the
 * value it had and what was expected, e.g. {@code "rows = -1, expected >= 0"}. Use these instead
 * of ad-hoc {@code if/throw} blocks so that all messages read alike.
 */
public final class Check {
    private Check() {}

    /** Requires {@code value >= 0}. */
    public static int nonNegative(String name, int value) {
        if (value < 0) throw new IllegalArgumentException(name + " = " + value + ", expected >= 0");
        return value;
    }

    /** Requires {@code value > 0}. */
    public static int positive(String name, int value) {
        if (value <= 0) throw new IllegalArgumentException(name + " = " + value + ", expected > 0");
        return value;
    }

    /** Requires a finite {@code value > 0}. */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value))
            throw new IllegalArgumentException(name + " = " + value + ", expected a finite value > 0");
        return value;
    }

    /** Requires a finite value. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value))
            throw new IllegalArgumentException(name + " = " + value + ", expected a finite value");
        return value;
    }

    /** Requires {@code lo <= value <= hi}. */
    public static double inRange(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi))
            throw new IllegalArgumentException(name + " = " + value + ", expected in [" + lo + ", " + hi + "]");
        return value;
    }

    /** Requires {@code lo <= value <= hi}. */
    public static int inRange(String name, int value, int lo, int hi) {
        if (value < lo || value > hi)
            throw new IllegalArgumentException(name + " = " + value + ", expected in [" + lo + ", " + hi + "]");
        return value;
    }

    /** Requires {@code value} to be a power of two (1, 2, 4, ...). */
    public static long powerOfTwo(String name, long value) {
        if (value < 1 || Long.bitCount(value) != 1)
            throw new IllegalArgumentException(name + " = " + value + ", expected a power of two (1, 2, 4, ...)");
        return value;
    }

    /** Requires {@code actual == expected} for a dimension. */
    public static void dimension(String name, int actual, int expected) {
        if (actual != expected)
            throw new IllegalArgumentException(name + " = " + actual + ", expected " + expected);
    }

    /** Requires a non-null reference. */
    public static <T> T notNull(String name, T value) {
        if (value == null) throw new IllegalArgumentException(name + " is null, expected a value");
        return value;
    }

    /** Requires every element of {@code a[off .. off+len)} to be finite. */
    public static void allFinite(String name, double[] a, int off, int len) {
        for (int i = 0; i < len; i++) {
            double v = a[off + i];
            if (!Double.isFinite(v))
                throw new IllegalArgumentException(name + " holds " + v + " at flat index " + i + ", expected finite values");
        }
    }

    /** Requires every element of {@code a[off .. off+len)} to be finite. */
    public static void allFinite(String name, float[] a, int off, int len) {
        for (int i = 0; i < len; i++) {
            float v = a[off + i];
            if (!Float.isFinite(v))
                throw new IllegalArgumentException(name + " holds " + v + " at flat index " + i + ", expected finite values");
        }
    }

    /**
     * Checks that a row-major block {@code rows x cols} with leading dimension {@code ld} starting at
     * {@code off} fits in an array of length {@code length}.
     */
    public static void block(String name, int length, int off, int rows, int cols, int ld) {
        nonNegative(name + ".rows", rows);
        nonNegative(name + ".cols", cols);
        nonNegative(name + ".offset", off);
        if (rows > 0 && cols > 0) {
            if (ld < cols)
                throw new IllegalArgumentException(name + ".ld = " + ld + ", expected >= cols = " + cols);
            long last = (long) off + (long) (rows - 1) * ld + cols;
            if (last > length)
                throw new IllegalArgumentException(name + ": a " + rows + "x" + cols + " block at offset " + off
                        + " with ld " + ld + " needs " + last + " elements, array has " + length);
        }
    }
}
