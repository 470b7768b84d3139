package org.ortho4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.core.io.IoFixtures.resource;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.ortho4j.testkit.Ortho4jTest;

class HalfFloatsTest extends Ortho4jTest {

    /** The value of a binary16 pattern computed independently, in double, from the IEEE definition. */
    private static double f16Reference(int h) {
        int sign = h >>> 15, exp = (h >>> 10) & 0x1F, frac = h & 0x3FF;
        double magnitude = exp == 0 ? Math.scalb((double) frac, -24) : exp == 31 ? (frac == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
                : Math.scalb((double) (1024 + frac), exp - 25);
        return sign == 1 ? -magnitude : magnitude;
    }

    private static String hex(int h) { return String.format("0x%04x", h); }

    @Test
    void everyBinary16PatternWidensExactlyAndNarrowsBack() {
        for (int h = 0; h <= 0xFFFF; h++) {
            float f = HalfFloats.f16ToFloat((short) h);
            double want = f16Reference(h);
            int hh = h;
            if (Double.isNaN(want)) {
                // sign and payload shifted into the top of the float fraction
                assertEquals(((h & 0x8000) << 16) | 0x7F80_0000 | ((h & 0x3FF) << 13), Float.floatToRawIntBits(f), () -> hex(hh) + " NaN bits");
            } else {
                assertEquals(want, f, 0.0, () -> hex(hh));
                assertEquals(Math.copySign(1.0, want), Math.copySign(1.0f, f), () -> hex(hh) + " sign"); // -0.0 stays negative
            }
            assertEquals(h, HalfFloats.floatToF16(f) & 0xFFFF, () -> hex(hh) + " round trip");
        }
    }

    @Test
    void everyBfloat16PatternWidensExactlyAndNarrowsBack() {
        for (int h = 0; h <= 0xFFFF; h++) {
            float f = HalfFloats.bf16ToFloat((short) h);
            int hh = h;
            assertEquals(h << 16, Float.floatToRawIntBits(f), () -> hex(hh));
            assertEquals(h, HalfFloats.floatToBf16(f) & 0xFFFF, () -> hex(hh) + " round trip");
        }
    }

    /**
     * Exhaustive rounding check: for every pair of adjacent finite binary16 values (lo, hi) of the
     * same sign, the float midpoint (exact: 11 significant bits) must go to the one with an even
     * last bit, and the floats one ulp either side of it to the nearer one.
     */
    @Test
    void binary16RoundsToNearestEvenAtEveryMidpoint() {
        for (int h = 0; h < 0x7BFF; h++) {
            for (int sign : new int[] {0, 0x8000}) {
                int lo = h | sign, hi = (h + 1) | sign;
                float a = HalfFloats.f16ToFloat((short) lo), b = HalfFloats.f16ToFloat((short) hi);
                float mid = (float) (((double) a + b) / 2);
                assertEquals(((double) a + b) / 2, mid, 0.0, "midpoint is exact in float");
                int even = (lo & 1) == 0 ? lo : hi;
                assertEquals(even, HalfFloats.floatToF16(mid) & 0xFFFF, () -> "tie between " + hex(lo) + " and " + hex(hi));
                assertEquals(lo, HalfFloats.floatToF16(Math.nextAfter(mid, a)) & 0xFFFF, () -> "just inside " + hex(lo));
                assertEquals(hi, HalfFloats.floatToF16(Math.nextAfter(mid, b)) & 0xFFFF, () -> "just inside " + hex(hi));
            }
        }
        // the overflow threshold: 65520 is the midpoint of 65504 (odd last bit) and 2^16, ties to "even" infinity
        assertEquals(0x7BFF, HalfFloats.floatToF16(Math.nextDown(65520f)) & 0xFFFF);
        assertEquals(0x7C00, HalfFloats.floatToF16(65520f) & 0xFFFF);
        assertEquals(0xFC00, HalfFloats.floatToF16(-Float.MAX_VALUE) & 0xFFFF);
        // below half the smallest subnormal: signed zero; exactly half: tie to even zero; above: 2^-24
        assertEquals(0x8000, HalfFloats.floatToF16(-0x1p-26f) & 0xFFFF);
        assertEquals(0x0000, HalfFloats.floatToF16(0x1p-25f) & 0xFFFF);
        assertEquals(0x0001, HalfFloats.floatToF16(Math.nextUp(0x1p-25f)) & 0xFFFF);
        assertEquals(0x0000, HalfFloats.floatToF16(Float.MIN_VALUE) & 0xFFFF);
    }

    /** The same exhaustive midpoint check for bfloat16 (midpoints have 9 significant bits: exact). */
    @Test
    void bfloat16RoundsToNearestEvenAtEveryMidpoint() {
        for (int h = 0; h < 0x7F7F; h++) {
            for (int sign : new int[] {0, 0x8000}) {
                int lo = h | sign, hi = (h + 1) | sign;
                float mid = Float.intBitsToFloat((lo << 16) | 0x8000);
                int even = (lo & 1) == 0 ? lo : hi;
                assertEquals(even, HalfFloats.floatToBf16(mid) & 0xFFFF, () -> "tie between " + hex(lo) + " and " + hex(hi));
                assertEquals(lo, HalfFloats.floatToBf16(Float.intBitsToFloat((lo << 16) | 0x7FFF)) & 0xFFFF, () -> "just inside " + hex(lo));
                assertEquals(hi, HalfFloats.floatToBf16(Float.intBitsToFloat((lo << 16) | 0x8001)) & 0xFFFF, () -> "just inside " + hex(hi));
            }
        }
        assertEquals(0x7F80, HalfFloats.floatToBf16(Float.MAX_VALUE) & 0xFFFF, "rounds up to infinity");
        assertEquals(0xFF80, HalfFloats.floatToBf16(Float.NEGATIVE_INFINITY) & 0xFFFF);
    }

    @Test
    void nansStayNansKeepingSignAndTopPayload() {
        // a float NaN whose top payload bits are zero must not become infinity
        float lowPayload = Float.intBitsToFloat(0x7F80_0001);
        assertEquals(0x7C01, HalfFloats.floatToF16(lowPayload) & 0xFFFF);
        assertEquals(0x7F81, HalfFloats.floatToBf16(lowPayload) & 0xFFFF);
        float negQuiet = Float.intBitsToFloat(0xFFC0_0000);
        assertEquals(0xFE00, HalfFloats.floatToF16(negQuiet) & 0xFFFF);
        assertEquals(0xFFC0, HalfFloats.floatToBf16(negQuiet) & 0xFFFF);
    }

    /** Random floats over the whole range agree with numpy's astype(float16) (fixture) and with nearest-even by search. */
    @Test
    void binary16MatchesNumpyAndTheNearestValue() throws IOException {
        float[] in = Npy.read(resource("half/f16_in.npy")).floats();
        int[] out = Npy.read(resource("half/f16_out.npy")).ints();
        assertEquals(in.length, out.length);
        for (int i = 0; i < in.length; i++)
            assertEquals(out[i], HalfFloats.floatToF16(in[i]) & 0xFFFF, "numpy astype(float16) of " + in[i] + " (input " + i + ")");
        for (int t = 0; t < 20_000; t++) {
            // magnitudes 2^-30 .. 2^17 cover zero-rounding, subnormals, normals and overflow
            float x = (float) (Math.scalb(1.0 + rng().nextDouble(), rng().nextInt(-30, 17)) * (rng().nextBoolean() ? 1 : -1));
            int h = HalfFloats.floatToF16(x) & 0xFFFF;
            double got = HalfFloats.f16ToFloat((short) h);
            double err = Math.abs(x - got);
            int mag = h & 0x7FFF;
            if (mag == 0x7C00) { // overflow: exactly the |x| >= 65520 that round past 65504
                assertTrue(Math.abs(x) >= 65520, () -> "only |x| >= 65520 overflows, x = " + x);
                continue;
            }
            // neither neighbour of the result (towards zero / away from zero) may be strictly nearer
            if (mag > 0) assertTrue(err <= Math.abs(x - HalfFloats.f16ToFloat((short) (h - 1))), () -> "down neighbour nearer for " + x);
            if (mag < 0x7BFF) assertTrue(err <= Math.abs(x - HalfFloats.f16ToFloat((short) (h + 1))), () -> "up neighbour nearer for " + x);
            else assertTrue(Math.abs(x) < 65520, () -> "65504 only below 65520, x = " + x);
        }
    }
}
