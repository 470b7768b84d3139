package org.ortho4j.core.io;

/**
 * Conversions between {@code float} and the two 16-bit floating-point formats of machine-learning
 * files, given as their raw bit patterns in the low 16 bits of a {@code short}.
 *
 * <ul>
 *   <li><b>binary16</b> (IEEE 754 half; numpy {@code float16}, safetensors {@code F16}): 1 sign bit,
 *       5 exponent bits (bias 15), 10 fraction bits; largest finite 65504, smallest normal
 *       2<sup>-14</sup>, smallest subnormal 2<sup>-24</sup>.</li>
 *   <li><b>bfloat16</b> (safetensors {@code BF16}): the upper 16 bits of a binary32: 1 sign bit,
 *       8 exponent bits (bias 127), 7 fraction bits; same range as float, about 3 decimal digits.</li>
 * </ul>
 *
 * <p>Widening ({@link #f16ToFloat}, {@link #bf16ToFloat}) is exact for every bit pattern, including
 * signed zeros, subnormals, infinities and NaNs (whose sign and payload are kept, shifted into the
 * top of the float fraction). Narrowing ({@link #floatToF16}, {@link #floatToBf16}) rounds to
 * nearest, ties to even, as IEEE 754 {@code convertFormat} and numpy's {@code astype} do: values
 * beyond the largest finite value round to infinity (for binary16, from 65520 on), tiny values
 * round to subnormals or signed zero. A NaN keeps its sign and the top bits of its payload (numpy's
 * rule; if those bits are all zero the lowest one is set so that the result is still a NaN), so
 * widening then narrowing returns every 16-bit pattern unchanged, NaNs included. Every call is O(1)
 * and allocation-free (Java 17 has no binary16 support of its own).
 */
public final class HalfFloats {
    private HalfFloats() {}

    /** 2^-24, the smallest binary16 subnormal, as a scale factor. */
    private static final float F16_SUBNORMAL_UNIT = 0x1p-24f;

    /**
     * The exact float value of a binary16 bit pattern.
     *
     * @param bits the binary16 pattern in the low 16 bits (the high bits are ignored)
     * @return the same value as a float (NaN payloads kept)
     */
    public static float f16ToFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1F;
        int frac = h & 0x3FF;
        if (exp == 0) { // zero or subnormal: frac * 2^-24, exact in float (11 significant bits at most)
            float magnitude = frac * F16_SUBNORMAL_UNIT;
            return sign != 0 ? -magnitude : magnitude;
        }
        if (exp == 0x1F) return Float.intBitsToFloat(sign | 0x7F80_0000 | (frac << 13)); // inf / NaN
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (frac << 13));
    }

    /**
     * The binary16 nearest to {@code value} (ties to even), as a bit pattern.
     *
     * @param value any float
     * @return the binary16 bits; overflow gives ±infinity ({@code 0x7C00}/{@code 0xFC00}), NaN a NaN
     */
    public static short floatToF16(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7FFF_FFFF;
        if (abs >= 0x7F80_0000) { // infinity, or NaN: keep the top 10 payload bits, and keep it a NaN
            int payload = (abs >>> 13) & 0x3FF;
            return (short) (sign | 0x7C00 | (abs == 0x7F80_0000 ? 0 : Math.max(payload, 1)));
        }
        if (abs >= 0x477F_F000) // >= 65520 = midpoint of 65504 and 2^16: rounds to infinity
            return (short) (sign | 0x7C00);
        if (abs < 0x3880_0000) { // below 2^-14: a multiple of 2^-24 after rounding (scaling is exact)
            int units = (int) Math.rint(Float.intBitsToFloat(abs) / F16_SUBNORMAL_UNIT);
            return (short) (sign | units); // units == 0x400 is the smallest normal: the pattern still fits
        }
        // normal: rebias the exponent (127 -> 15) and round the 13 dropped fraction bits to nearest
        // even; a carry out of the fraction correctly bumps the exponent (up to infinity).
        int rebiased = abs - ((127 - 15) << 23);
        int rounded = rebiased + 0xFFF + ((rebiased >>> 13) & 1);
        return (short) (sign | (rounded >>> 13));
    }

    /**
     * The exact float value of a bfloat16 bit pattern.
     *
     * @param bits the bfloat16 pattern in the low 16 bits (the high bits are ignored)
     * @return the same value as a float
     */
    public static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /**
     * The bfloat16 nearest to {@code value} (ties to even), as a bit pattern.
     *
     * @param value any float
     * @return the bfloat16 bits; overflow gives ±infinity, NaN a NaN
     */
    public static short floatToBf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if ((bits & 0x7FFF_FFFF) > 0x7F80_0000) // NaN: keep sign and top 7 payload bits, and keep it a NaN
            return (short) ((bits & 0x007F_0000) != 0 ? bits >>> 16 : (bits >>> 16) | 1);
        // round the 16 dropped bits to nearest even; a carry propagates into the exponent
        return (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
    }
}
