package org.ortho4j.optim;

/**
 * Validation of hyper-parameters: every bad value throws {@link IllegalArgumentException} naming
 * the hyper-parameter, its value and the accepted range (the same wording as
 * {@link org.ortho4j.core.Check}).
 */
final class Hyper {
    private Hyper() {}

    private static IllegalArgumentException bad(String name, double v, String expected) {
        return new IllegalArgumentException(name + " = " + v + ", expected " + expected);
    }

    /** A learning rate: finite and {@code > 0}. */
    static double lr(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw bad(name, v, "a finite value > 0");
        return v;
    }

    /** A decay or momentum coefficient in {@code [0, 1)}. */
    static double beta(String name, double v) {
        if (!(v >= 0 && v < 1)) throw bad(name, v, "in [0, 1)");
        return v;
    }

    /** A non-negative finite value (eps, weight decay). */
    static double nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw bad(name, v, "a finite value >= 0");
        return v;
    }

    /** A finite value {@code > 0}. */
    static double positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw bad(name, v, "a finite value > 0");
        return v;
    }

    /** A value in {@code (0, 1]}. */
    static double fraction(String name, double v) {
        if (!(v > 0 && v <= 1)) throw bad(name, v, "in (0, 1]");
        return v;
    }

    /** An integer {@code >= min}. */
    static int atLeast(String name, int v, int min) {
        if (v < min) throw new IllegalArgumentException(name + " = " + v + ", expected >= " + min);
        return v;
    }
}
