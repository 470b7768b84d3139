package org.ortho4j.djl;

/**
 * Hyper-parameter checks of the DJL builders: each throws {@link IllegalArgumentException} with
 * {@code "name = value, expected ..."}, the convention of {@link org.ortho4j.core.Check}.
 */
final class Args {
    private Args() {}

    /** A decay or momentum coefficient in {@code [0, 1)}. */
    static double beta(String name, double v) {
        if (!(v >= 0 && v < 1)) throw bad(name, v, "a value in [0, 1)");
        return v;
    }

    /** A finite value {@code > 0}. */
    static double positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw bad(name, v, "a finite value > 0");
        return v;
    }

    /** A finite value {@code >= 0}. */
    static double nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw bad(name, v, "a finite value >= 0");
        return v;
    }

    /** A value in {@code [0, 1]}. */
    static double unit(String name, double v) {
        if (!(v >= 0 && v <= 1)) throw bad(name, v, "a value in [0, 1]");
        return v;
    }

    /** An integer {@code >= min}. */
    static int atLeast(String name, int v, int min) {
        if (v < min) throw new IllegalArgumentException(name + " = " + v + ", expected >= " + min);
        return v;
    }

    private static IllegalArgumentException bad(String name, double v, String expected) {
        return new IllegalArgumentException(name + " = " + v + ", expected " + expected);
    }
}
