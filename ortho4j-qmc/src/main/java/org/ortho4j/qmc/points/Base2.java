package org.ortho4j.qmc.points;

import org.ortho4j.core.random.SplitMix64;

/**
 * Bit-level kernels shared by the base-2 generators: t-bit integer to double conversion with the
 * zero guard, digit interlacing, the linear matrix scramble of one column and nested uniform
 * scrambling. All integers are MSB-first: bit {@code t-1-q} of a t-bit value is digit q+1 (the
 * coefficient of 2^-(q+1)).
 */
final class Base2 {
    private Base2() {}

    /** Number of significand bits of a double: outputs keep at most this many leading digits. */
    static final int DOUBLE_BITS = 53;

    /** Right shift applied before converting a t-bit integer: {@code max(0, t - 53)}. */
    static int floatShift(int t) { return Math.max(0, t - DOUBLE_BITS); }

    /** Scale {@code 2^-(t - floatShift(t))} such that {@code x = (xb >>> floatShift(t)) * scale}. */
    static double floatScale(int t) { return Math.scalb(1.0, -(t - floatShift(t))); }

    /**
     * A t-bit integer as a double in [0, 1): {@code (xb >>> shift) * scale} with the leading
     * min(t, 53) digits, exact and at most 1 - 2^-53 (QMCPy's {@code ldexp(xb, -t)} instead rounds
     * to nearest and can return 1.0 when t = 63). With {@code guard}, a result 0 is replaced by
     * {@code scale / 2}, the midpoint of the first cell: the exact value lies in [0, scale).
     */
    static double toUnit(long xb, int shift, double scale, boolean guard) {
        double x = (xb >>> shift) * scale;
        return guard && x == 0 ? 0.5 * scale : x;
    }

    /** Parity of {@code a & b}: one entry of a GF(2) matrix product. */
    static long parityAnd(long a, long b) {
        return Long.bitCount(a & b) & 1L;
    }

    /**
     * Linear matrix scramble of one column (Matousek): bit {@code tNew-1-q} of the result is
     * {@code parity(rows[q] & column)} for q = 0..tNew-1.
     *
     * @param rows   the tNew row masks of the scrambling matrix, each over the column's bits
     * @param column one generating-matrix column
     * @param tNew   bits of the result, 1..64
     */
    static long scrambleColumn(long[] rows, int off, long column, int tNew) {
        long v = 0;
        for (int q = 0; q < tNew; q++) v |= parityAnd(rows[off + q], column) << (tNew - 1 - q);
        return v;
    }

    /**
     * Draws the tNew rows of a random Matousek scrambling matrix for columns of {@code tCur} bits:
     * row q &lt; tCur holds uniform bits in its leading q columns, a one on the diagonal (bit
     * {@code tCur-1-q}) and zeros to the right (unit lower-triangular); rows q &ge; tCur are
     * uniform tCur-bit rows (spec 2.5.2, {@code dnb2_get_linear_scramble_matrix}).
     */
    static void drawScrambleRows(SplitMix64 rng, int tCur, int tNew, long[] rows, int off) {
        for (int q = 0; q < tNew; q++) {
            if (q < tCur) {
                long lead = q == 0 ? 0 : (rng.nextLong() >>> (64 - q)) << (tCur - q);
                rows[off + q] = lead | (1L << (tCur - 1 - q));
            } else {
                rows[off + q] = Streams.bits(rng, tCur);
            }
        }
    }

    /**
     * Digit interlacing of order alpha (Dick): output digit ta (MSB-first, ta = 0..tOut-1) is digit
     * {@code ta / alpha} (MSB-first) of input {@code in[off + ta % alpha]}, a tIn-bit integer.
     * Requires {@code tOut <= alpha * tIn} (QMCPy {@code dnb2_interlace}).
     */
    static long interlace(long[] in, int off, int alpha, int tIn, int tOut) {
        long v = 0;
        for (int ta = 0; ta < tOut; ta++) {
            long bit = (in[off + ta % alpha] >>> (tIn - 1 - ta / alpha)) & 1L;
            v |= bit << (tOut - 1 - ta);
        }
        return v;
    }

    /**
     * Inverse of {@link #interlace}: writes the alpha tIn-bit components of {@code v} (a tOut-bit
     * integer) to {@code out[off .. off+alpha)}; digits beyond {@code tOut} are zero. Requires
     * {@code tIn * alpha <= tOut} for an exact inverse.
     */
    static void undoInterlace(long v, int alpha, int tIn, int tOut, long[] out, int off) {
        for (int a = 0; a < alpha; a++) out[off + a] = 0;
        for (int ta = 0; ta < tOut && ta / alpha < tIn; ta++) {
            long bit = (v >>> (tOut - 1 - ta)) & 1L;
            out[off + ta % alpha] |= bit << (tIn - 1 - ta / alpha);
        }
    }

    /**
     * Nested uniform (Owen) scrambling of a t-bit integer, evaluated without state: output digit
     * q+1 is {@code x_{q+1} XOR f_q(x_1..x_q)}, the flip bit of the tree node reached by the digit
     * prefix {@code p = x >>> (t - q)}, with
     * <pre>  f_q(p) = (a_q p + b_q mod 2^64) >>> 63,   a_q = keys[off + 2q], b_q = keys[off + 2q + 1] uniform. </pre>
     * This multiply-add-shift family is strongly universal for {@code p < 2^63} (Dietzfelbinger
     * 1996): at each level the bits of any two distinct prefixes are independent and uniform, and
     * the levels have independent keys. Hence every scrambled point, and every pair of scrambled
     * points, has exactly the distribution of Owen's nested uniform scrambling with independent
     * node bits, so estimator means and variances are exactly NUS's; a scramble is a bijection at
     * every node, so the net's t-value is kept. Only the first {@code levels} digits are scrambled
     * (the rest pass through): a double keeps only the leading 53 digits. The flip bits are
     * accumulated MSB-first and shifted into place once.
     *
     * @param x      the t-bit input
     * @param keys   {@code 2 * levels} keys from {@code off}
     * @param t      bits of x, 1..64
     * @param levels digits to scramble, 0..t
     */
    static long nestedUniform(long x, long[] keys, int off, int t, int levels) {
        if (levels == 0) return x;
        long flips = keys[off + 1] >>> 63;  // level 0: the empty prefix
        for (int q = 1; q < levels; q++)
            flips = (flips << 1) | ((keys[off + 2 * q] * (x >>> (t - q)) + keys[off + 2 * q + 1]) >>> 63);
        return x ^ (flips << (t - levels));
    }
}
