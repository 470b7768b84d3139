package org.ortho4j.qmc.points;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ortho4j.core.backend.Parallel;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.random.SplitMix64;
import org.ortho4j.testkit.Golden;
import org.ortho4j.testkit.Ortho4jTest;

class HaltonTest extends Ortho4jTest {
    private static final HaltonRandomization[] RANDOMIZED = {
        HaltonRandomization.LMS_PERM, HaltonRandomization.LMS_DS, HaltonRandomization.PERM,
        HaltonRandomization.DS, HaltonRandomization.NUS, HaltonRandomization.QRNG};

    @Test
    void unrandomizedMatchesScipyBitForBit() {
        double[][] g = Golden.csv("golden/qmc/halton_unrandomized_d8_n64.csv");
        Halton h = Halton.builder(8).randomization(HaltonRandomization.NONE).build();
        Matrix x = h.points(64);
        for (int i = 0; i < 64; i++)
            for (int j = 0; j < 8; j++) assertEquals(g[i][j + 1], x.get(i, j), 0.0, "i=" + i + " j=" + j);
        assertEquals(19, h.base(7));
        assertFalse(h.isRandomized());
    }

    @Test
    void qrngWithZeroShiftMatchesTheGeneralizedHaltonTable() {
        double[][] g = Golden.csv("golden/qmc/halton_generalized_qrng_zeroshift_d5_n32.csv");
        int[] zero = new int[32];
        for (int i = 0; i < 32; i++)
            for (int c = 0; c < 5; c++) assertEquals(g[i][c + 1], Halton.qrngPoint(i, c, zero), 0.0, "i=" + i + " c=" + c);
    }

    @Test
    void qrngGeneratorUsesTheDocumentedShiftStream() {
        Halton h = Halton.builder(1).coordinates(4, 0, 359).randomization(HaltonRandomization.QRNG).seed(seed).build();
        Matrix x = h.points(3, 40);
        int[] cs = {4, 0, 359};
        for (int j = 0; j < 3; j++) {
            int b = Primes.get(cs[j]);
            SplitMix64 rng = Streams.stream(seed, Streams.SHIFT, 0, cs[j]);
            int[] s = new int[32];
            for (int k = 0; k < 32; k++) s[k] = Streams.below(rng, b);
            for (int i = 3; i < 40; i++) assertEquals(Halton.qrngPoint(i, cs[j], s), x.get(i - 3, j), 0.0);
        }
    }

    @Test
    void mMaxFollowsTheSmallestBase() {
        assertEquals(32, Halton.digitsFor(1L << 32, 2));
        assertEquals(21, Halton.digitsFor(1L << 32, 3)); // QMCPy: ceil(32 log 2 / log 3) = 21
        assertEquals(1, Halton.digitsFor(1, 5));
        assertEquals(2, Halton.digitsFor(25, 5));
        assertEquals(3, Halton.digitsFor(26, 5));
        assertEquals(32, Halton.builder(3).build().mMax());
        assertEquals(21, Halton.builder(1).coordinates(1, 2).build().mMax());
        assertEquals(63, Halton.builder(3).build().t());
        assertEquals(54, Halton.floatDigits(2, 63));
        assertEquals(5, Halton.floatDigits(7919, 63));
        assertEquals(2000, Primes.sieve(2000).length);
        assertEquals(7919, Primes.get(999));
    }

    @Test
    void everyRandomizationKeepsTheOneDimensionalStratification() {
        // a digit-wise bijection of the first k digits keeps the first b^k points one per
        // interval [a/b^k, (a+1)/b^k); the +1e-9 absorbs the rounding of values on a left boundary
        // (unrandomized points are exactly the boundaries).
        for (HaltonRandomization rz : HaltonRandomization.values()) {
            Halton h = Halton.builder(4).randomization(rz).seed(seed).build();
            for (int j = 0; j < 4; j++) {
                int b = h.base(j);
                for (int k = 1; Math.pow(b, k) <= 1000; k++) {
                    int n = (int) Math.pow(b, k);
                    Matrix x = h.points(n);
                    int[] hits = new int[n];
                    for (int i = 0; i < n; i++) hits[(int) Math.floor(x.get(i, j) * n + 1e-9)]++;
                    for (int a = 0; a < n; a++) assertEquals(1, hits[a], rz + " base " + b + " k=" + k + " cell " + a);
                }
            }
        }
    }

    @Test
    void randomizedPointsLieStrictlyInsideAndTheOriginStaysOnlyForNoneAndLms() {
        for (HaltonRandomization rz : RANDOMIZED) {
            Halton h = Halton.builder(1).coordinates(0, 1, 50, 999 % 360).randomization(rz).seed(seed).build();
            assertTrue(h.isRandomized(), rz.toString());
            for (double v : h.points(2000).data) assertTrue(v > 0 && v < 1, rz + ": " + v);
        }
        for (HaltonRandomization rz : new HaltonRandomization[] {HaltonRandomization.NONE, HaltonRandomization.LMS}) {
            Halton h = Halton.builder(3).randomization(rz).seed(seed).build();
            assertFalse(h.isRandomized());
            assertArrayEquals(new double[] {0, 0, 0}, h.points(1).data);
            for (double v : h.points(1000).data) assertTrue(v >= 0 && v < 1);
        }
    }

    @Test
    void extensibleForEveryRandomizationAndRange() {
        for (HaltonRandomization rz : HaltonRandomization.values()) {
            Halton h = Halton.builder(6).randomization(rz).seed(seed).build();
            Matrix whole = h.points(0, 300);
            for (long[] s : new long[][] {{0, 8}, {8, 16}, {5, 7}, {31, 300}, {299, 300}}) {
                Matrix p = h.points(s[0], s[1]);
                for (int i = 0; i < p.rows; i++)
                    for (int j = 0; j < 6; j++) assertEquals(whole.get((int) s[0] + i, j), p.get(i, j), 0.0, rz + " " + s[0]);
            }
        }
    }

    @Test
    void reproducibleByseedAcrossThreadsAndCoordinateSubsets() {
        for (HaltonRandomization rz : new HaltonRandomization[] {HaltonRandomization.LMS_PERM, HaltonRandomization.NUS}) {
            Halton a = Halton.builder(40).randomization(rz).seed(seed).replications(2).build();
            int n = 1 << 12; // 1.6e5 values of cost 32: above the parallel threshold
            Matrix pa = a.points(1, 0, n);
            int prev = Parallel.setThreads(1);
            Matrix pb;
            try {
                pb = Halton.builder(40).randomization(rz).seed(seed).replications(2).build().points(1, 0, n);
            } finally {
                Parallel.setThreads(prev);
            }
            assertArrayEquals(pa.data, pb.data, rz.toString());
            Matrix sub = Halton.builder(1).coordinates(37).randomization(rz).seed(seed).replications(2).build().points(1, 0, 50);
            for (int i = 0; i < 50; i++) assertEquals(pa.get(i, 37), sub.get(i, 0), 0.0);
            assertNotEquals(a.points(0, 0, 5).get(3, 3), pa.get(3, 3));
            Matrix other = Halton.builder(40).randomization(rz).seed(seed + 1).replications(2).build().points(1, 0, 5);
            assertNotEquals(other.get(3, 3), pa.get(3, 3));
        }
    }

    @Test
    void nestedScramblingIsUniformPerPoint() {
        // point 1 of coordinate base 3 over R = 3000 replications: each of the 3 first digits is
        // hit R/3 times within 5 sqrt(R 2/9); points 0 and 1 never share the first digit (their
        // first digits differ and the root permutation is a bijection)
        int reps = 3000;
        Halton h = Halton.builder(1).coordinates(1).randomization(HaltonRandomization.NUS).seed(seed).replications(reps).build();
        int[] thirds = new int[3];
        for (int r = 0; r < reps; r++) {
            Matrix x = h.points(r, 0, 2);
            thirds[(int) (x.get(1, 0) * 3)]++;
            assertNotEquals((int) (x.get(0, 0) * 3), (int) (x.get(1, 0) * 3));
        }
        for (int c = 0; c < 3; c++) assertEquals(reps / 3.0, thirds[c], 5 * Math.sqrt(reps * 2.0 / 9));
    }

    private static void assertMessage(String fragment, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    }

    @Test
    void badInputsAreRejectedWithTheirNames() {
        assertMessage("d = 0", () -> Halton.builder(0));
        assertMessage("d = 1001, expected <= 1000", () -> Halton.builder(1001).build());
        assertMessage("coordinates[0] = 1000", () -> Halton.builder().coordinates(1000).build());
        assertMessage("d = 361, expected <= 360", () -> Halton.builder(361).randomization(HaltonRandomization.QRNG).build());
        assertMessage("replications = 2, expected 1 when randomization = QRNG",
                () -> Halton.builder(2).randomization(HaltonRandomization.QRNG).replications(2).build());
        assertMessage("replications = 2, expected 1 when randomization = NONE",
                () -> Halton.builder(2).randomization(HaltonRandomization.NONE).replications(2).build());
        assertMessage("nLim = 0", () -> Halton.builder(2).nLim(0));
        assertMessage("nLim = 8589934592", () -> Halton.builder(2).nLim(1L << 33).randomization(HaltonRandomization.QRNG).build());
        assertMessage("t = 0", () -> Halton.builder(2).t(0));
        assertMessage("nMax = 1001", () -> Halton.builder(2).nLim(1000).build().points(0, 1001));
        assertMessage("j = 2", () -> Halton.builder(2).build().base(2));
    }
}
