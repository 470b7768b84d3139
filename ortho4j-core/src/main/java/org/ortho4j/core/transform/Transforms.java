package org.ortho4j.core.transform;

import org.ortho4j.core.Check;

/** Helpers shared by the transform plans. */
public final class Transforms {
    private Transforms() {}

    /** Returns n if it is a power of two (1 included), else throws naming the parameter. */
    public static int requirePowerOfTwo(String name, int n) {
        Check.powerOfTwo(name, n);
        return n;
    }

    /** The m-bit reversal of {@code i} for {@code n = 2^m}. */
    public static int bitReverse(int i, int n) {
        int m = Integer.numberOfTrailingZeros(n);
        return m == 0 ? 0 : Integer.reverse(i) >>> (32 - m);
    }

    /** The bit-reversal permutation of length n (a power of two): {@code p[i] = bitReverse(i, n)}. */
    public static int[] bitReversal(int n) {
        requirePowerOfTwo("n", n);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = bitReverse(i, n);
        return p;
    }
}
