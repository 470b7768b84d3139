package org.ortho4j.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.ortho4j.core.io.IoFixtures.assertArgumentError;
import static org.ortho4j.core.io.IoFixtures.assertFormatError;
import static org.ortho4j.core.io.IoFixtures.resource;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Ortho4jTest;

class CsvMatrixTest extends Ortho4jTest {
    @TempDir
    Path tmp;

    private static CsvMatrix.Table parse(String text, boolean header) throws IOException {
        return CsvMatrix.read(new StringReader(text), header);
    }

    /** Raw bits of every element (NaN canonicalised: CSV has one NaN spelling). */
    private static long[] bits(Matrix m) {
        long[] b = new long[m.rows * m.cols];
        for (int i = 0; i < m.rows; i++)
            for (int j = 0; j < m.cols; j++) b[i * m.cols + j] = Double.doubleToLongBits(m.get(i, j));
        return b;
    }

    /** Doubles from random bit patterns (every exponent, subnormals, NaN, inf) plus the classic edge cases. */
    private Matrix nastyMatrix(int rows, int cols) {
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 0.1, 1e23, 2e-3, 1.0 / 3, 9007199254740993.0, 5e-324};
        Matrix m = new Matrix(rows, cols);
        for (int k = 0; k < rows * cols; k++)
            m.data[k] = k < special.length ? special[k] : Double.longBitsToDouble(rng().nextLong());
        return m;
    }

    @Test
    void roundTripIsBitExactOnAllShapes() throws IOException {
        int[][] shapes = {{1, 1}, {1, 7}, {7, 1}, {2, 3}, {13, 5}, {4, 17}};
        for (int[] s : shapes) {
            Matrix m = nastyMatrix(s[0], s[1]);
            StringWriter w = new StringWriter();
            CsvMatrix.writeTo(w, m, null);
            Matrix back = parse(w.toString(), false).matrix();
            assertEquals(s[0], back.rows);
            assertEquals(s[1], back.cols);
            assertArrayEquals(bits(m), bits(back), s[0] + "x" + s[1]);
        }
        // many random bit patterns: Double.toString must read back to the same double
        Matrix big = nastyMatrix(500, 40);
        Path p = tmp.resolve("big.csv");
        CsvMatrix.write(p, big);
        assertArrayEquals(bits(big), bits(CsvMatrix.read(p)));
    }

    @Test
    void headerAndViewsRoundTrip() throws IOException {
        Matrix parent = Matrix.gaussian(6, 5, seed);
        Matrix view = parent.view(2, 1, 3, 3);
        List<String> names = List.of("plain", "with,comma", " \"quoted\" # hash");
        Path p = tmp.resolve("h.csv");
        CsvMatrix.write(p, view, names);
        String text = Files.readString(p);
        assertEquals("plain,\"with,comma\",\" \"\"quoted\"\" # hash\"", text.lines().findFirst().orElseThrow());
        CsvMatrix.Table t = CsvMatrix.read(p, true);
        assertEquals(names, t.header());
        assertEquals(view, t.matrix());
        // a header-only file keeps the column count
        CsvMatrix.write(p, new Matrix(0, 3), List.of("a", "b", "c"));
        CsvMatrix.Table empty = CsvMatrix.read(p, true);
        assertEquals(0, empty.matrix().rows);
        assertEquals(3, empty.matrix().cols);
        assertArgumentError(() -> CsvMatrix.write(p, view, List.of("a")), "header.size() = 1, expected 3");
    }

    @Test
    void readsNumpySavetxtOutput() throws IOException {
        // np.savetxt(..., header='a,b,c,d', fmt='%.17g'): a '# a,b,c,d' comment line then 17-digit values
        Matrix m = CsvMatrix.read(resource("csv/savetxt.csv"));
        assertEquals(Npy.readMatrix(resource("npy/f8_3x4.npy")), m);
        for (int k = 0; k < 12; k++) assertEquals(Double.doubleToRawLongBits((k - 5.5) / 7.0), Double.doubleToRawLongBits(m.get(k / 4, k % 4)));
    }

    @Test
    void toleratesCommentsBlankLinesWhitespaceCrlfBomAndSpecialSpellings() throws IOException {
        String text = "\uFEFF# leading comment\r\n"
                + "  x , y ,\"z\"  # names\r\n"
                + "\r\n"
                + "1, -2.5e-3 , .5\r\n"
                + "   # indented comment\n"
                + "+7,5.,\"1E+3\"\n"
                + "nan,-INF,Infinity # trailing comment\n"
                + "NaN,+inf,-infinity";
        CsvMatrix.Table t = parse(text, true);
        assertEquals(List.of("x", "y", "z"), t.header());
        Matrix m = t.matrix();
        assertEquals(4, m.rows);
        assertArrayEquals(new double[] {1, -2.5e-3, 0.5, 7, 5, 1000, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, m.data);
        assertEquals(0, parse("", false).matrix().rows);
        assertEquals(0, parse("# only a comment\n\n", false).matrix().cols);
    }

    @Test
    void raggedRowsNameTheLine() {
        assertFormatError(() -> parse("1,2,3\n4,5,6\n# c\n7,8\n", false), "csv stream: line 4 has 2 cells, expected 3 (as on line 1)");
        assertFormatError(() -> parse("a,b\n1,2,3\n", true), "line 2 has 3 cells, expected 2 (as on line 1)");
    }

    @Test
    void badCellsNameLineAndColumn() {
        assertFormatError(() -> parse("1,2\n3,abc\n", false), "line 2, column 2: cannot parse \"abc\", expected a number");
        assertFormatError(() -> parse("1,,2\n", false), "line 1, column 2: empty cell");
        assertFormatError(() -> parse("0x1p3\n", false), "line 1, column 1: cannot parse \"0x1p3\"");
        assertFormatError(() -> parse("1d\n", false), "cannot parse \"1d\"");
        assertFormatError(() -> parse("1.5f\n", false), "cannot parse \"1.5f\"");
        assertFormatError(() -> parse("1 2\n", false), "cannot parse \"1 2\"");
        assertFormatError(() -> parse("1e\n", false), "cannot parse \"1e\"");
        assertFormatError(() -> parse("--1\n", false), "cannot parse \"--1\"");
        assertFormatError(() -> parse("1,\"2\n", false), "line 1, column 2: unterminated quote");
        assertFormatError(() -> parse("\"a\"b,c\n", true), "line 1, column 1: text after the closing quote");
    }

    @Test
    void fileErrorsNameTheFileAndWritesAreAtomic() throws IOException {
        Path p = tmp.resolve("bad.csv");
        Files.writeString(p, "1,2\n3\n", StandardCharsets.UTF_8);
        assertFormatError(() -> CsvMatrix.read(p), "csv file", "bad.csv", "line 2 has 1 cells");
        CsvMatrix.write(p, Matrix.wrap(1, 2, 1.5, -0.0));
        assertEquals("1.5,-0.0\n", Files.readString(p));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(p), files.toList());
        }
        assertFalse(Files.exists(tmp.resolve("nothing.csv")));
    }
}
