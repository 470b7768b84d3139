package org.ortho4j.testkit;

/** Unit roundoffs used to size tolerances as {@code c * n * eps}. */
public final class Eps {
    private Eps() {}
    /** 2^-52, the spacing of doubles at 1. */
    public static final double DOUBLE = 0x1.0p-52;
    /** 2^-23, the spacing of floats at 1. */
    public static final double FLOAT = 0x1.0p-23;
}
