package org.ortho4j.qmc.points;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.backend.Parallel;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Golden;
import org.ortho4j.testkit.Ortho4jTest;

class DigitalNetB2Test extends Ortho4jTest {
    private static final String G = "golden/qmc/";
    private static final NetRandomization[] ALL = NetRandomization.values();

    private static DigitalNetB2 net(int d, NetRandomization r, NetOrder o, long seed) {
        return Sobol.builder(d).randomization(r).order(o).seed(seed).build();
    }

    // ------------------------------------------------------------------ golden files

    @Test
    void sobolNaturalD8N64MatchesQmcpyFloatsAndIntegers() {
        GoldenTable g = GoldenTable.read(G + "sobol_natural_d8_n64.csv");
        DigitalNetB2 net = Sobol.unscrambled(8);
        Matrix x = net.points(64);
        long[][] xb = net.bits(64);
        assertEquals(32, net.t());
        for (int i = 0; i < 64; i++)
            for (int j = 0; j < 8; j++) {
                assertEquals(g.number(i, "x" + (j + 1)), x.get(i, j), 0.0, "i=" + i + " j=" + j);
                assertEquals(g.unsigned(i, "xint" + (j + 1) + "_t32"), xb[i][j], "i=" + i + " j=" + j);
            }
    }

    @Test
    void sobolGrayD8N64MatchesScipyBitForBit() {
        GoldenTable g = GoldenTable.read(G + "sobol_scipy_gray_d8_n64.csv");
        Matrix x = Sobol.unscrambledGray(8).points(64);
        for (int i = 0; i < 64; i++)
            for (int j = 0; j < 8; j++) assertEquals(g.number(i, "x" + (j + 1)), x.get(i, j), 0.0, "i=" + i + " j=" + j);
    }

    @Test
    void sobolGrayHighDimensionsMatchScipy() {
        GoldenTable g = GoldenTable.read(G + "sobol_scipy_gray_highdims_n64.csv");
        int[] dims = {100, 1000, 10000, 21201};
        DigitalNetB2 net = Sobol.builder(1).coordinates(99, 999, 9999, 21200)
                .randomization(NetRandomization.NONE).order(NetOrder.GRAY).build();
        Matrix x = net.points(64);
        for (int i = 0; i < 64; i++)
            for (int j = 0; j < dims.length; j++)
                assertEquals(g.number(i, "dim" + dims[j]), x.get(i, j), 0.0, "i=" + i + " dim=" + dims[j]);
    }

    @Test
    void joeKuoMatricesMatchScipyInitialization() {
        GoldenTable g = GoldenTable.read(G + "sobol_genmats_msb_t32.csv");
        GeneratingMatrices m = GeneratingMatrices.joeKuo21201();
        assertEquals(21201, m.dimensionLimit());
        assertEquals(32, m.columns());
        assertEquals(32, m.bits());
        assertEquals(1L << 32, m.nLimit());
        for (int row = 0; row < g.rows.size(); row++) {
            int dim = Integer.parseInt(g.text(row, "dim"));
            for (int k = 0; k < 32; k++) assertEquals(g.unsigned(row, "c" + k), m.column(dim - 1, k), "dim=" + dim + " k=" + k);
        }
    }

    @Test
    void interlacedHigherOrderNetsMatchGolden() {
        for (int alpha : new int[] {2, 3}) {
            GoldenTable g = GoldenTable.read(G + "dnet_interlaced_alpha" + alpha + "_d3_n16.csv");
            DigitalNetB2 net = Sobol.builder(3).alpha(alpha).randomization(NetRandomization.NONE).build();
            assertEquals(63, net.t());
            long[][] xb = net.bits(16);
            Matrix x = net.points(16);
            for (int i = 0; i < 16; i++)
                for (int j = 0; j < 3; j++) {
                    long want = g.unsigned(i, "xint" + (j + 1) + "_t63");
                    assertEquals(want, xb[i][j], "alpha=" + alpha + " i=" + i + " j=" + j);
                    // the golden float is round-to-nearest of xint 2^-63; ours truncates to 53 bits:
                    // they agree to one unit of 2^-53
                    assertEquals(g.number(i, "x" + (j + 1)), x.get(i, j), 0x1.0p-53, "alpha=" + alpha + " i=" + i);
                    assertEquals((want >>> 10) * 0x1.0p-53, x.get(i, j), 0.0);
                }
        }
    }

    private static long[] unsignedRow(JsonNode n) {
        long[] v = new long[n.size()];
        for (int i = 0; i < v.length; i++) v[i] = Long.parseUnsignedLong(n.get(i).asText());
        return v;
    }

    private static long[][] unsignedRows(JsonNode n) {
        long[][] v = new long[n.size()][];
        for (int i = 0; i < v.length; i++) v[i] = unsignedRow(n.get(i));
        return v;
    }

    @Test
    void givenRandomizationsMatchGolden() {
        JsonNode g = Golden.json(G + "dnet_given_randomizations.json");
        long[][] base = unsignedRows(g.get("base_points_int_t32"));
        assertArrayEquals(base, Sobol.unscrambled(3).bits(16));

        // digital shift: (x << 8) ^ s with t = 40
        JsonNode ds = g.get("digital_shift");
        DigitalNetB2 dsNet = Sobol.builder(3).randomization(NetRandomization.DS).t(ds.get("t").asInt())
                .digitalShifts(new long[][] {unsignedRow(ds.get("shift_ints_t40"))}).build();
        assertArrayEquals(unsignedRows(ds.get("result_int_t40")), dsNet.bits(16));
        assertArrayEquals(Golden.flat(ds.get("result_float")), dsNet.points(16).data);

        // linear matrix scramble with the stored row masks
        JsonNode lms = g.get("lms");
        GeneratingMatrices scrambled = GeneratingMatrices.joeKuo21201().select(0, 1, 2)
                .linearScramble(unsignedRows(lms.get("S_rows_as_32bit_masks_msb_first")), lms.get("t_new").asInt());
        long[][] cl = unsignedRows(lms.get("C_lms_int_t40"));
        for (int j = 0; j < 3; j++) assertArrayEquals(cl[j], scrambled.columnsOf(j), "coordinate " + j);
        DigitalNetB2 lmsNet = DigitalNetB2.builder(3).matrices(scrambled).randomization(NetRandomization.NONE).build();
        assertEquals(40, lmsNet.t());
        assertArrayEquals(unsignedRows(lms.get("result_int_t40")), lmsNet.bits(16));
        assertArrayEquals(Golden.flat(lms.get("result_float")), lmsNet.points(16).data);

        // LMS then a 40-bit shift
        JsonNode both = g.get("lms_then_ds");
        DigitalNetB2 bothNet = DigitalNetB2.builder(3).matrices(scrambled).randomization(NetRandomization.DS).t(40)
                .digitalShifts(new long[][] {unsignedRow(both.get("shift_ints_t40"))}).build();
        assertArrayEquals(unsignedRows(both.get("result_int_t40")), bothNet.bits(16));
    }

    @Test
    void qmcpyDoctestHigherOrderFirstPoints() {
        // QMCPy: DigitalNetB2(3, randomize='FALSE', alpha=2)(4)
        double[] want = {0, 0, 0, .75, .75, .75, .4375, .9375, .1875, .6875, .1875, .9375};
        assertArrayEquals(want, Sobol.builder(3).alpha(2).randomization(NetRandomization.NONE).build().points(4).data);
    }

    // ------------------------------------------------------------------ structure

    @Test
    void generationIsExtensibleForEveryOrderRandomizationAndSplit() {
        long[][] splits = {{0, 8, 16}, {0, 5, 13, 16}, {0, 1, 2, 3, 16}, {3, 7, 16}};
        for (NetRandomization r : ALL)
            for (NetOrder o : NetOrder.values())
                for (int alpha : new int[] {1, 2}) {
                    DigitalNetB2 net = Sobol.builder(5).alpha(alpha).randomization(r).order(o).seed(seed)
                            .replications(r == NetRandomization.NONE ? 1 : 2).build();
                    int rep = net.replications() - 1;
                    for (long[] s : splits) {
                        Matrix whole = net.points(rep, s[0], s[s.length - 1]);
                        long[][] wholeBits = net.bits(rep, s[0], s[s.length - 1]);
                        int row = 0;
                        for (int p = 0; p + 1 < s.length; p++) {
                            Matrix part = net.points(rep, s[p], s[p + 1]);
                            long[][] partBits = net.bits(rep, s[p], s[p + 1]);
                            for (int i = 0; i < part.rows; i++, row++) {
                                for (int j = 0; j < 5; j++) assertEquals(whole.get(row, j), part.get(i, j), 0.0, r + " " + o);
                                assertArrayEquals(wholeBits[row], partBits[i], r + " " + o + " alpha=" + alpha);
                            }
                        }
                    }
                }
    }

    /** Unscrambled natural-order point i as a 63-bit digital shift {@code [1][d]}. */
    private static long[][] pointAsShift(int d, long i) {
        long[] x = Sobol.builder(d).randomization(NetRandomization.NONE).build().bits(i, i + 1)[0];
        for (int j = 0; j < d; j++) x[j] <<= 63 - 32;
        return new long[][] {x};
    }

    @Test
    void floatsAreTheConvertedIntegersForUnalignedRangesOfEveryWidth() {
        // points() writes whole aligned tiles of 2^b indices (2^b d >= 128 values) in one fused
        // loop and walks the rows before and after them one at a time; bits() walks every row.
        // Ranges start and end off tile boundaries, span one or several tiles and cross a 2^12
        // boundary (a tile step of high level). Each double must be exactly (xb >>> max(0, t-53))
        // * 2^-min(t, 53), and 2^-min(t,53)/2 for xb = 0 when randomized: comparisons are exact.
        long[][] ranges = {{0, 1}, {0, 300}, {5, 6}, {3, 200}, {37, 37 + 3 * 128 + 5}, {4093, 4096 + 300}, {129, 257}, {32, 64}};
        NetRandomization[] linear = {NetRandomization.NONE, NetRandomization.DS, NetRandomization.LMS, NetRandomization.LMS_DS};
        for (int d : new int[] {1, 2, 3, 7, 10, 33, 100, 130})
            for (NetRandomization r : linear)
                for (NetOrder o : NetOrder.values())
                    for (int t : new int[] {32, 40, 63, 64, 0}) {
                        if (r == NetRandomization.NONE && t != 32 || t == 0 && r != NetRandomization.DS) continue;
                        // t = 0 stands for DS (t = 63) shifted by point 37 in natural order: the
                        // zero guard must fire on point 37 (natural) or on its Gray position
                        DigitalNetB2 net = t > 0 ? Sobol.builder(d).randomization(r).order(o).t(t).seed(seed).build()
                                : Sobol.builder(d).randomization(r).order(o).digitalShifts(pointAsShift(d, 37)).build();
                        int tt = net.t(), shift = Math.max(0, tt - 53);
                        double scale = Math.scalb(1.0, -Math.min(tt, 53));
                        for (long[] range : ranges) {
                            Matrix x = net.points(0, range[0], range[1]);
                            long[][] xb = net.bits(0, range[0], range[1]);
                            for (int i = 0; i < x.rows; i++)
                                for (int j = 0; j < d; j++) {
                                    double want = (xb[i][j] >>> shift) * scale;
                                    if (want == 0 && net.isRandomized()) want = scale / 2;
                                    assertEquals(want, x.get(i, j), 0.0, "d=" + d + " " + r + " " + o + " t=" + t
                                            + " range " + Arrays.toString(range) + " i=" + i + " j=" + j);
                                }
                        }
                    }
    }

    @Test
    void naturalAndGrayOrdersGiveTheSameSetOfEveryPowerOfTwo() {
        for (NetRandomization r : ALL) {
            DigitalNetB2 nat = net(4, r, NetOrder.RADICAL_INVERSE, seed), gray = net(4, r, NetOrder.GRAY, seed);
            for (int m = 0; m <= 10; m++) {
                long[][] a = nat.bits(1L << m), b = gray.bits(1L << m);
                Arrays.sort(a, Arrays::compare);
                Arrays.sort(b, Arrays::compare);
                assertArrayEquals(a, b, r + " m=" + m);
            }
        }
    }

    /** Number of points of {@code x} (first n rows) in each cell of a 2^u x 2^v grid on columns (a, b). */
    private static int[] boxCounts(Matrix x, int n, int a, int b, int u, int v) {
        int[] counts = new int[1 << (u + v)];
        for (int i = 0; i < n; i++) {
            int ca = (int) Math.floor(x.get(i, a) * (1 << u)), cb = (int) Math.floor(x.get(i, b) * (1 << v));
            counts[(ca << v) | cb]++;
        }
        return counts;
    }

    @Test
    void everyRandomizationKeepsTheNetProperty() {
        // Sobol' coordinates 1 and 2 form a (0, m, 2)-net for every m: each elementary box of
        // volume 2^-m holds exactly one of the first 2^m points. DS, LMS, LMS_DS and NUS preserve
        // the t-value, so this must hold for every randomization and every replication.
        for (NetRandomization r : ALL) {
            DigitalNetB2 net = Sobol.builder(2).randomization(r).seed(seed).replications(r == NetRandomization.NONE ? 1 : 3).build();
            for (int rep = 0; rep < net.replications(); rep++) {
                Matrix x = net.points(rep, 0, 1 << 12);
                for (int m = 0; m <= 12; m++)
                    for (int u = 0; u <= m; u++) {
                        int[] counts = boxCounts(x, 1 << m, 0, 1, u, m - u);
                        for (int c = 0; c < counts.length; c++)
                            assertEquals(1, counts[c], r + " rep=" + rep + " m=" + m + " u=" + u + " box=" + c);
                    }
            }
        }
    }

    @Test
    void oneDimensionalProjectionsOfHigherCoordinatesAreStratified() {
        // every single Sobol' coordinate is a (0, m, 1)-net: one point per interval [k/2^m, (k+1)/2^m)
        for (NetRandomization r : ALL) {
            DigitalNetB2 net = Sobol.builder(1).coordinates(7, 100, 5000).randomization(r).seed(seed).build();
            Matrix x = net.points(1 << 10);
            for (int j = 0; j < 3; j++) {
                int[] hits = new int[1 << 10];
                for (int i = 0; i < (1 << 10); i++) hits[(int) (x.get(i, j) * 1024)]++;
                for (int k = 0; k < hits.length; k++) assertEquals(1, hits[k], r + " j=" + j + " k=" + k);
            }
        }
    }

    @Test
    void higherOrderScramblingKeepsEachInterlacedComponentStratified() {
        // Undoing alpha = 2 interlacing of the 63-bit points recovers two scrambled Sobol'
        // coordinates (31 leading digits each); each must still be a (0, m, 1)-net.
        for (NetRandomization r : new NetRandomization[] {NetRandomization.LMS, NetRandomization.LMS_DS, NetRandomization.NUS}) {
            DigitalNetB2 net = Sobol.builder(2).alpha(2).randomization(r).seed(seed).build();
            long[][] xb = net.bits(1 << 9);
            long[] parts = new long[2];
            for (int j = 0; j < 2; j++) {
                int[][] hits = new int[2][1 << 9];
                for (long[] p : xb) {
                    Base2.undoInterlace(p[j], 2, 31, 63, parts, 0);
                    for (int a = 0; a < 2; a++) hits[a][(int) (parts[a] >>> 22)]++;
                }
                for (int a = 0; a < 2; a++)
                    for (int k = 0; k < hits[a].length; k++) assertEquals(1, hits[a][k], r + " j=" + j + " a=" + a + " k=" + k);
            }
        }
    }

    @Test
    void randomizedPointsLieStrictlyInsideTheUnitCube() {
        for (NetRandomization r : new NetRandomization[] {NetRandomization.DS, NetRandomization.LMS_DS, NetRandomization.NUS}) {
            for (int t : new int[] {32, 40, 53, 63, 64}) {
                DigitalNetB2 net = Sobol.builder(6).randomization(r).t(t).seed(seed).replications(2).build();
                assertTrue(net.isRandomized());
                for (int rep = 0; rep < 2; rep++)
                    for (double v : net.points(rep, 0, 1 << 10).data) assertTrue(v > 0 && v < 1, r + " t=" + t + ": " + v);
            }
        }
        assertFalse(Sobol.unscrambled(2).isRandomized());
        assertFalse(Sobol.builder(2).randomization(NetRandomization.LMS).build().isRandomized());
        // LMS alone keeps the origin (as in QMCPy)
        assertArrayEquals(new double[] {0, 0}, Sobol.builder(2).randomization(NetRandomization.LMS).build().points(1).data);
    }

    @Test
    void zeroIsReplacedByHalfTheResolutionOnlyForRandomizedNets() {
        // a zero shift makes point 0 exactly 0 in integers; the float guard moves it to 2^-54
        DigitalNetB2 ds = Sobol.builder(2).randomization(NetRandomization.DS).digitalShifts(new long[][] {{0, 0}}).build();
        assertArrayEquals(new long[] {0, 0}, ds.bits(1)[0]);
        assertArrayEquals(new double[] {0x1.0p-54, 0x1.0p-54}, ds.points(1).data);
        DigitalNetB2 ds40 = Sobol.builder(1).randomization(NetRandomization.DS).t(40).digitalShifts(new long[][] {{0}}).build();
        assertEquals(0x1.0p-41, ds40.points(1).get(0, 0));
        // t = 64, all ones: still below 1
        long[][] ones = {{-1L}};
        DigitalNetB2 top = Sobol.builder(1).randomization(NetRandomization.DS).t(64).digitalShifts(ones).build();
        assertEquals(-1L, top.bits(1)[0][0]);
        assertEquals(1 - 0x1.0p-53, top.points(1).get(0, 0));
    }

    @Test
    void sameSeedSamePointsAcrossThreadCountsAndCoordinateSubsets() {
        for (NetRandomization r : new NetRandomization[] {NetRandomization.DS, NetRandomization.LMS_DS, NetRandomization.NUS}) {
            DigitalNetB2 a = Sobol.builder(32).randomization(r).seed(seed).replications(2).build();
            DigitalNetB2 b = Sobol.builder(32).randomization(r).seed(seed).replications(2).build();
            int n = r == NetRandomization.NUS ? 1 << 14 : 1 << 16; // 2^16 x 32 values: above the parallel threshold
            Matrix pa = a.points(1, 0, n);
            int prev = Parallel.setThreads(1);
            Matrix pb;
            try {
                pb = b.points(1, 0, n);
            } finally {
                Parallel.setThreads(prev);
            }
            assertArrayEquals(pa.data, pb.data, r.toString());
            // a coordinate's randomization depends only on (seed, replication, coordinate index)
            Matrix sub = Sobol.builder(1).coordinates(17, 3).randomization(r).seed(seed).replications(2).build().points(1, 0, 64);
            for (int i = 0; i < 64; i++) {
                assertEquals(pa.get(i, 17), sub.get(i, 0), 0.0);
                assertEquals(pa.get(i, 3), sub.get(i, 1), 0.0);
            }
            // other seed, other replication: different points
            Matrix other = Sobol.builder(32).randomization(r).seed(seed + 1).replications(2).build().points(1, 0, 64);
            assertNotEquals(pa.get(5, 0), other.get(5, 0));
            assertNotEquals(a.points(0, 0, 64).get(5, 0), pa.get(5, 0));
        }
    }

    @Test
    void nestedUniformScramblingIsUniformAndDiffersFromLms() {
        // The first point of a NUS replication is uniform on [0,1): over R = 4000 replications the
        // mean of coordinate 0 is 1/2 within 5 standard errors (sigma = sqrt(1/12 / R) = 0.0046),
        // and its first two digits hit each quarter R/4 times within 5 sqrt(R 3/16).
        int reps = 4000;
        DigitalNetB2 nus = Sobol.builder(1).randomization(NetRandomization.NUS).seed(seed).replications(reps).build();
        double sum = 0;
        int[] quarter = new int[4];
        for (int r = 0; r < reps; r++) {
            double x0 = nus.points(r, 0, 2).get(0, 0), x1 = nus.points(r, 0, 2).get(1, 0);
            sum += x0;
            quarter[(int) (x0 * 4)]++;
            // points 0 and 1 differ in their first digit before scrambling, so after it too
            assertNotEquals((int) (x0 * 2), (int) (x1 * 2));
        }
        assertEquals(0.5, sum / reps, 5 * Math.sqrt(1.0 / 12 / reps));
        for (int q = 0; q < 4; q++) assertEquals(reps / 4.0, quarter[q], 5 * Math.sqrt(reps * 3.0 / 16));
        Matrix a = Sobol.builder(3).randomization(NetRandomization.NUS).seed(seed).build().points(8);
        Matrix b = Sobol.builder(3).randomization(NetRandomization.LMS_DS).seed(seed).build().points(8);
        assertNotEquals(a.get(3, 2), b.get(3, 2));
    }

    @Test
    void rangesBeyondPowersOfTwoAndSizesZeroOneTwoThree() {
        DigitalNetB2 net = Sobol.builder(3).seed(seed).build();
        assertEquals(0, net.points(0).rows);
        assertEquals(0, net.bits(5, 5).length);
        assertEquals(0, net.bits(0, 7, 7).length);
        Matrix all = net.points(0, 0, 1000);
        for (long[] range : new long[][] {{0, 1}, {1, 3}, {2, 5}, {997, 1000}, {513, 777}}) {
            Matrix p = net.points(0, range[0], range[1]);
            assertEquals(range[1] - range[0], p.rows);
            for (int i = 0; i < p.rows; i++)
                for (int j = 0; j < 3; j++) assertEquals(all.get((int) range[0] + i, j), p.get(i, j), 0.0);
        }
        // the last index of a short custom net
        GeneratingMatrices tiny = GeneratingMatrices.ofMsb(new long[][] {{2, 1}}, 2);
        DigitalNetB2 t = DigitalNetB2.builder(1).matrices(tiny).randomization(NetRandomization.NONE).build();
        assertEquals(4, t.nLimit());
        assertArrayEquals(new double[] {0, .5, .25, .75}, t.points(4).data);
        assertArrayEquals(new double[] {.75}, t.points(3, 4).data);
    }

    // ------------------------------------------------------------------ errors

    private static void assertMessage(String fragment, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    }

    @Test
    void badInputsAreRejectedWithTheirNames() {
        assertMessage("d = 0", () -> Sobol.builder(0));
        assertMessage("d = 21202, expected <= 21201", () -> Sobol.builder(21202).build());
        assertMessage("coordinates[1] = 21201", () -> Sobol.builder(1).coordinates(0, 21201).build());
        assertMessage("coordinates holds 3 twice", () -> Sobol.builder(1).coordinates(3, 3));
        assertMessage("d is unset", () -> DigitalNetB2.builder().build());
        assertMessage("t = 20", () -> Sobol.builder(2).t(20).build());
        assertMessage("t = 65", () -> Sobol.builder(2).t(65));
        assertMessage("alpha = 0", () -> Sobol.builder(2).alpha(0));
        assertMessage("coordinates are explicit", () -> Sobol.builder(1).coordinates(1, 2).alpha(2).build());
        assertMessage("d * alpha = 21202", () -> Sobol.builder(10601).alpha(2).build());
        assertMessage("replications = 2", () -> Sobol.builder(2).randomization(NetRandomization.NONE).replications(2).build());
        assertMessage("replications = 0", () -> Sobol.builder(2).replications(0));
        assertMessage("digitalShifts given with randomization = NUS",
                () -> Sobol.builder(1).randomization(NetRandomization.NUS).digitalShifts(new long[][] {{1}}).build());
        assertMessage("shifts[0].length = 2", () -> Sobol.builder(1).randomization(NetRandomization.DS).digitalShifts(new long[][] {{1, 2}}).build());
        assertMessage("expected < 2^t = 2^40",
                () -> Sobol.builder(1).randomization(NetRandomization.DS).t(40).digitalShifts(new long[][] {{1L << 40}}).build());
        DigitalNetB2 net = Sobol.builder(2).replications(2).build();
        assertMessage("nMax = 4294967297", () -> net.points(0, 0, (1L << 32) + 1));
        assertMessage("nMin = -1", () -> net.points(0, -1, 4));
        assertMessage("nMax = 3, expected >= nMin = 4", () -> net.points(0, 4, 3));
        assertMessage("r = 2", () -> net.points(2, 0, 4));
        assertMessage("r = -1", () -> net.bits(-1, 0, 4));
        assertMessage("expected <= 2147483639", () -> net.points(0, 0, 1L << 31));
        assertMessage("randomization is null", () -> Sobol.builder(1).randomization(null));
    }
}
