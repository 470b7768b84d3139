package org.ortho4j.qmc.points;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.random.SplitMix64;
import org.ortho4j.testkit.Ortho4jTest;

class LatticeTest extends Ortho4jTest {

    private static Lattice plain(int d, LatticeOrder o) {
        Lattice.Builder b = Lattice.builder(d).randomization(LatticeRandomization.NONE).order(o);
        if (o == LatticeOrder.LINEAR) b.linearSize(32);
        return b.build();
    }

    @Test
    void kuoLatticeMatchesGoldenInAllThreeOrders() {
        GoldenTable g = GoldenTable.read("golden/qmc/lattice_kuo_d8_n32.csv");
        assertEquals(96, g.rows.size());
        for (int row = 0; row < g.rows.size(); row++) {
            LatticeOrder o = LatticeOrder.valueOf(g.text(row, "order"));
            int i = Integer.parseInt(g.text(row, "i"));
            Matrix x = plain(8, o).points(i, i + 1);
            for (int j = 0; j < 8; j++) assertEquals(g.number(row, "x" + (j + 1)), x.get(0, j), 0.0, o + " i=" + i + " j=" + j);
        }
    }

    @Test
    void kuoVectorIsQmcpysDefault() {
        GeneratingVector v = GeneratingVector.kuo9125();
        assertEquals(9125, v.dimensionLimit());
        assertEquals(1L << 20, v.nLimit());
        assertArrayEquals(new long[] {1, 182667, 213731, 255351, 96013, 116671, 479315, 424089},
                Arrays.copyOf(v.vector(0), 8));
    }

    @Test
    void qmcpyDoctestFirstFourPoints() {
        // QMCPy: Lattice(2, randomize=False, order=...)(4)
        assertArrayEquals(new double[] {0, 0, .5, .5, .25, .75, .75, .25}, plain(2, LatticeOrder.RADICAL_INVERSE).points(4).data);
        assertArrayEquals(new double[] {0, 0, .5, .5, .75, .25, .25, .75}, plain(2, LatticeOrder.GRAY).points(4).data);
        Lattice lin = Lattice.builder(2).randomization(LatticeRandomization.NONE).order(LatticeOrder.LINEAR).linearSize(4).build();
        assertArrayEquals(new double[] {0, 0, .25, .75, .5, .5, .75, .25}, lin.points(4).data);
    }

    @Test
    void everyPowerOfTwoPrefixIsTheLatticeAndEachProjectionTheGrid() {
        // the first 2^m natural-order points are {frac(k g / 2^m)}; with g_j odd each 1-D projection
        // is the grid {k / 2^m} (exact binary fractions, compared exactly)
        Lattice lat = plain(6, LatticeOrder.RADICAL_INVERSE);
        long[] g = Arrays.copyOf(GeneratingVector.kuo9125().vector(0), 6);
        for (int m = 0; m <= 11; m++) {
            int n = 1 << m;
            Matrix x = lat.points(n);
            double[][] want = new double[n][6], got = new double[n][6];
            for (int k = 0; k < n; k++)
                for (int j = 0; j < 6; j++) {
                    want[k][j] = Math.floorMod(k * g[j], (long) n) / (double) n;
                    got[k][j] = x.get(k, j);
                }
            Arrays.sort(want, Arrays::compare);
            Arrays.sort(got, Arrays::compare);
            assertTrue(Arrays.deepEquals(want, got), "m=" + m);
            for (int j = 0; j < 6; j++) {
                boolean[] seen = new boolean[n];
                for (int k = 0; k < n; k++) {
                    double v = x.get(k, j) * n;
                    assertEquals(Math.rint(v), v, 0.0);
                    assertFalse(seen[(int) v]);
                    seen[(int) v] = true;
                }
            }
        }
    }

    @Test
    void extensibleAndAnyRangeInEveryOrder() {
        for (LatticeOrder o : LatticeOrder.values())
            for (LatticeRandomization rz : LatticeRandomization.values()) {
                Lattice.Builder b = Lattice.builder(4).order(o).randomization(rz).seed(seed);
                if (o == LatticeOrder.LINEAR) b.linearSize(32);
                Lattice lat = b.build();
                Matrix whole = lat.points(0, 32);
                for (long[] s : new long[][] {{0, 8, 16}, {3, 7, 29}, {31, 32}}) {
                    Matrix a = lat.points(s[0], s[1]), c = lat.points(s[1], s[s.length - 1]);
                    for (int i = 0; i < a.rows; i++)
                        for (int j = 0; j < 4; j++) assertEquals(whole.get((int) s[0] + i, j), a.get(i, j), 0.0);
                    for (int i = 0; i < c.rows; i++)
                        for (int j = 0; j < 4; j++) assertEquals(whole.get((int) s[1] + i, j), c.get(i, j), 0.0);
                }
            }
    }

    @Test
    void randomShiftIsAShiftModuloOneAndStaysInsideTheCube() {
        Lattice plain = plain(5, LatticeOrder.RADICAL_INVERSE);
        Lattice shifted = Lattice.builder(5).seed(seed).replications(3).build();
        assertTrue(shifted.isRandomized());
        assertFalse(plain.isRandomized());
        Matrix u = plain.points(256);
        for (int r = 0; r < 3; r++) {
            Matrix x = shifted.points(r, 0, 256);
            for (int i = 0; i < 256; i++)
                for (int j = 0; j < 5; j++) {
                    double v = x.get(i, j);
                    assertTrue(v > 0 && v < 1);
                    // (x_i - x_0) mod 1 recovers the unshifted point; each of x_i, x_0 is the exact
                    // value truncated to 53 bits, so the difference is off by at most 2^-53
                    double diff = v - x.get(0, j);
                    diff -= Math.floor(diff);
                    double err = Math.abs(diff - u.get(i, j));
                    assertTrue(Math.min(err, 1 - err) <= 0x1.0p-53, "r=" + r + " i=" + i + " j=" + j + " err=" + err);
                }
        }
        assertNotEquals(shifted.points(0, 0, 4).get(1, 1), shifted.points(1, 0, 4).get(1, 1));
        // reproducible and keyed by coordinate index
        Matrix a = shifted.points(2, 0, 16);
        Matrix b = Lattice.builder(1).coordinates(4, 0).seed(seed).replications(3).build().points(2, 0, 16);
        for (int i = 0; i < 16; i++) {
            assertEquals(a.get(i, 4), b.get(i, 0), 0.0);
            assertEquals(a.get(i, 0), b.get(i, 1), 0.0);
        }
    }

    @Test
    void zeroGuardOnlyForShiftedPoints() {
        // with a zero shift the fixed-point value of point 0 is 0; the SHIFT guard returns 2^-54
        assertEquals(0x1.0p-54, Base2.toUnit(0, 11, 0x1.0p-53, true));
        assertEquals(0.0, Base2.toUnit(0, 11, 0x1.0p-53, false));
        assertEquals(1 - 0x1.0p-53, Base2.toUnit(-1L, 11, 0x1.0p-53, true));
    }

    @Test
    void randomAndCustomGeneratingVectors() {
        Lattice rnd = Lattice.builder(3).randomGeneratingVector(10).randomization(LatticeRandomization.NONE)
                .replications(2).seed(seed).build();
        assertEquals(1024, rnd.nLimit());
        // two different random lattices, each starting at the origin, first coordinate g_1 = 1
        Matrix a = rnd.points(0, 0, 1024), b = rnd.points(1, 0, 1024);
        assertArrayEquals(new double[] {0, 0, 0}, Arrays.copyOf(a.data, 3));
        boolean differ = false;
        for (int i = 0; i < a.data.length; i++) differ |= a.data[i] != b.data[i];
        assertTrue(differ);
        GeneratingVector v = GeneratingVector.random(4, 12, 3, seed);
        for (int s = 0; s < 3; s++) {
            assertEquals(1, v.get(s, 0));
            for (int c = 1; c < 4; c++) {
                long g = v.get(s, c);
                assertTrue(g % 2 == 1 && g >= 3 && g <= (1 << 12) - 1, "g=" + g);
            }
        }
        GeneratingVector single = GeneratingVector.random(5, 8, new SplitMix64(seed));
        assertEquals(256, single.nLimit());
        GeneratingVector file = GeneratingVector.fromLDData(new StringReader("# lattice\n# a comment\n3 # d\n16 # n\n1\n5\n7\n"));
        assertArrayEquals(new long[] {1, 5, 7}, file.vector(0));
        Lattice custom = Lattice.builder(3).generatingVector(file).randomization(LatticeRandomization.NONE).build();
        assertEquals(16, custom.nLimit());
        assertArrayEquals(new double[] {.5, .5, .5}, custom.points(1, 2).data);
        Lattice perRep = Lattice.builder(2).generatingVector(GeneratingVector.ofSets(new long[][] {{1, 3}, {1, 5}}, 4))
                .randomization(LatticeRandomization.NONE).replications(2).build();
        assertArrayEquals(new double[] {.25, .75}, perRep.points(0, 2, 3).data);
        assertArrayEquals(new double[] {.25, .25}, perRep.points(1, 2, 3).data);
    }

    private static void assertMessage(String fragment, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    }

    @Test
    void badInputsAreRejectedWithTheirNames() {
        assertMessage("d = 0", () -> Lattice.builder(0));
        assertMessage("d = 9126, expected <= 9125", () -> Lattice.builder(9126).build());
        assertMessage("coordinates[0] = 9125", () -> Lattice.builder().coordinates(9125).build());
        assertMessage("nMax = 1048577", () -> Lattice.builder(2).build().points(0, 1048577));
        assertMessage("linearSize is unset", () -> Lattice.builder(2).order(LatticeOrder.LINEAR).build());
        assertMessage("linearSize = 24, expected a power of two", () -> Lattice.builder(2).linearSize(24));
        assertMessage("linearSize = 2097152", () -> Lattice.builder(2).order(LatticeOrder.LINEAR).linearSize(1 << 21).build());
        assertMessage("nMax = 33", () -> Lattice.builder(2).order(LatticeOrder.LINEAR).linearSize(32).build().points(0, 33));
        assertMessage("replications = 2", () -> Lattice.builder(2).randomization(LatticeRandomization.NONE).replications(2).build());
        assertMessage("vector sets = 2, expected 1 or replications = 3",
                () -> Lattice.builder(2).generatingVector(GeneratingVector.ofSets(new long[][] {{1, 3}, {1, 5}}, 4)).replications(3).build());
        assertMessage("m = 27", () -> Lattice.builder(2).randomGeneratingVector(27));
        assertMessage("n_max = 12, expected a power of two", () -> GeneratingVector.fromLDData(new StringReader("2\n12\n1\n3\n")));
        assertMessage("expected d = 3", () -> GeneratingVector.fromLDData(new StringReader("3\n16\n1\n3\n")));
        assertMessage("mMax = 64", () -> GeneratingVector.of(new long[] {1}, 64));
    }
}
