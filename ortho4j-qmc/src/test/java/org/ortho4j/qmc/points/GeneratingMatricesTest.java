package org.ortho4j.qmc.points;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.ortho4j.testkit.Ortho4jTest;

class GeneratingMatricesTest extends Ortho4jTest {
    private static final String JOE_KUO_HEAD = "d s a m_i\n2 1 0 1\n3 2 1 1 3\n4 3 1 1 3 1\n5 3 2 1 1 1\n";

    @Test
    void directionNumbersReproduceTheBundledMatrices() {
        GeneratingMatrices all = GeneratingMatrices.joeKuo21201();
        for (int mMax : new int[] {32, 20, 1}) {
            GeneratingMatrices small = GeneratingMatrices.fromJoeKuoDirectionNumbers(new StringReader(JOE_KUO_HEAD), 5, mMax);
            assertEquals(5, small.dimensionLimit());
            assertEquals(mMax, small.bits());
            for (int c = 0; c < 5; c++)
                for (int k = 0; k < mMax; k++)
                    assertEquals(all.column(c, k) >>> (32 - mMax), small.column(c, k), "c=" + c + " k=" + k + " mMax=" + mMax);
        }
        // the recurrence beyond the given m_k, by hand for coordinate 3 (s = 2, a = 1, m = 1, 3):
        // m_3 = (2 a_1 m_2) ^ (2^2 m_1) ^ m_1 = 6 ^ 4 ^ 1 = 3, column 2 = m_3 << 29
        assertEquals(3L << 29, all.column(2, 2));
        // a 63-column build keeps every column below 2^63
        GeneratingMatrices wide = GeneratingMatrices.fromJoeKuoDirectionNumbers(new StringReader(JOE_KUO_HEAD), 5, 63);
        for (int c = 0; c < 5; c++)
            for (int k = 0; k < 63; k++) assertTrue(wide.column(c, k) > 0 && (wide.column(c, k) >>> 63) == 0);
    }

    @Test
    void lsbColumnsAreBitReversedWithinTheirWidth() {
        // LSB-first Joe-Kuo style: m_k in the low bits; MSB-first column k = m_{k+1} << (t-1-k)
        long[][] lsb = {{1, 3, 5, 15}};  // reversed within t = 4 bits: 8, 12, 10, 15
        GeneratingMatrices g = GeneratingMatrices.fromLsbColumns(lsb);
        assertEquals(4, g.bits());
        assertArrayEquals(new long[] {8, 12, 10, 15}, g.columnsOf(0));
        GeneratingMatrices msb = GeneratingMatrices.ofMsb(new long[][] {{8, 12, 10, 15}}, 4);
        assertArrayEquals(g.columnsOf(0), msb.columnsOf(0));
        assertEquals(16, msb.nLimit());
    }

    @Test
    void ldDataDnetFormat() {
        String file = "# dnet\n# comment line\n2   # base\n2   # s\n8   # n_max = 2^3\n4   # t\n8 4 2\n8 12 10\n";
        GeneratingMatrices g = GeneratingMatrices.fromLDDataDnet(new StringReader(file));
        assertEquals(2, g.dimensionLimit());
        assertEquals(3, g.columns());
        assertEquals(4, g.bits());
        assertArrayEquals(new long[] {8, 12, 10}, g.columnsOf(1));
        DigitalNetB2 net = DigitalNetB2.builder(2).matrices(g).randomization(NetRandomization.NONE).build();
        assertArrayEquals(new double[] {0, 0, .5, .5, .25, .75, .75, .25}, net.points(4).data);
    }

    @Test
    void interlaceAndUndoAreInverse() {
        GeneratingMatrices base = GeneratingMatrices.joeKuo21201().select(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        for (int alpha : new int[] {1, 2, 3, 4}) {
            int d = 12 / alpha, tOut = Math.min(64, alpha * 32);
            GeneratingMatrices hi = base.interlace(alpha, d, tOut);
            assertEquals(tOut, hi.bits());
            GeneratingMatrices back = hi.undoInterlace(alpha, tOut / alpha);
            for (int c = 0; c < 12; c++)
                for (int k = 0; k < 32; k++)
                    assertEquals(base.column(c, k) >>> (32 - tOut / alpha), back.column(c, k), "alpha=" + alpha + " c=" + c);
        }
        // interlacing digits round-robin: 2 coordinates of 2 bits (a1 a2), (b1 b2) -> a1 b1 a2 b2
        long v = Base2.interlace(new long[] {0b10, 0b01}, 0, 2, 2, 4);
        assertEquals(0b1001, v);
    }

    @Test
    void scrambleWithIdentityMasksIsTheIdentityAndTruncates() {
        GeneratingMatrices g = GeneratingMatrices.joeKuo21201().select(3, 4);
        long[][] eye = new long[2][32];
        for (int c = 0; c < 2; c++) for (int q = 0; q < 32; q++) eye[c][q] = 1L << (31 - q);
        GeneratingMatrices same = g.linearScramble(eye, 32);
        for (int c = 0; c < 2; c++) assertArrayEquals(g.columnsOf(c), same.columnsOf(c));
        long[][] top = new long[2][10];
        for (int c = 0; c < 2; c++) System.arraycopy(eye[c], 0, top[c], 0, 10);
        GeneratingMatrices trunc = g.linearScramble(top, 10);
        for (int c = 0; c < 2; c++) for (int k = 0; k < 32; k++) assertEquals(g.column(c, k) >>> 22, trunc.column(c, k));
    }

    private static void assertMessage(String fragment, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    }

    @Test
    void badInputsAreRejectedWithTheirNames() {
        assertMessage("d = 6, expected <= 5", () -> GeneratingMatrices.fromJoeKuoDirectionNumbers(new StringReader(JOE_KUO_HEAD), 6, 32));
        assertMessage("mMax = 64", () -> GeneratingMatrices.fromJoeKuoDirectionNumbers(new StringReader(JOE_KUO_HEAD), 2, 64));
        assertMessage("expected 3 + s = 5", () -> GeneratingMatrices.fromJoeKuoDirectionNumbers(new StringReader("2 2 0 1\n"), 2, 8));
        assertMessage("base = 3", () -> GeneratingMatrices.fromLDDataDnet(new StringReader("3\n1\n4\n2\n1 2\n")));
        assertMessage("n_max = 6", () -> GeneratingMatrices.fromLDDataDnet(new StringReader("2\n1\n6\n2\n1 2\n")));
        assertMessage("expected s = 2", () -> GeneratingMatrices.fromLDDataDnet(new StringReader("2\n2\n4\n2\n1 2\n")));
        assertMessage("columns[0] holds 16, expected < 2^4", () -> GeneratingMatrices.ofMsb(new long[][] {{16}}, 4));
        assertMessage("columns[1].length = 1, expected 2", () -> GeneratingMatrices.ofMsb(new long[][] {{1, 2}, {1}}, 4));
        assertMessage("all zero", () -> GeneratingMatrices.fromLsbColumns(new long[][] {{0, 0}}));
        assertMessage("bits = 0", () -> GeneratingMatrices.ofMsb(new long[][] {{1}}, 0));
        GeneratingMatrices g = GeneratingMatrices.joeKuo21201();
        assertMessage("c = 21201", () -> g.column(21201, 0));
        assertMessage("k = 32", () -> g.column(0, 32));
        assertMessage("d * alpha = 21202", () -> g.interlace(2, 10601, 63));
        assertMessage("tOut = 65", () -> g.interlace(3, 2, 65));
        assertMessage("rowMasks.length = 1", () -> g.select(0, 1).linearScramble(new long[][] {{1}}, 1));
        assertMessage("coordinates[0] = -1", () -> g.select(-1));
    }
}
