package org.ortho4j.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.core.io.IoFixtures.assertArgumentError;
import static org.ortho4j.core.io.IoFixtures.assertBits;
import static org.ortho4j.core.io.IoFixtures.assertFormatError;
import static org.ortho4j.core.io.IoFixtures.bytes;
import static org.ortho4j.core.io.IoFixtures.intArray;
import static org.ortho4j.core.io.IoFixtures.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Ortho4jTest;

class NpyTest extends Ortho4jTest {
    @TempDir
    Path tmp;

    /** The fixture file names listed in expected.json. */
    private static List<String> fixtureNames(JsonNode expected) {
        List<String> names = new ArrayList<>();
        expected.fieldNames().forEachRemaining(names::add);
        return names;
    }

    // ------------------------------------------------------------------ reading numpy's files

    @Test
    void readsEveryNumpyFixtureBitExactly() throws IOException {
        JsonNode expected = IoFixtures.npyExpected();
        assertTrue(expected.size() >= 30, "fixture list should cover all dtypes and layouts, has " + expected.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String file = e.getKey();
            JsonNode want = e.getValue();
            NdArray a = Npy.read(resource("npy/" + file));
            NpyHeader h = Npy.readHeader(resource("npy/" + file));
            assertEquals(want.get("descr").textValue(), h.descr(), file + ": descr");
            assertArrayEquals(intArray(want.get("shape")), a.shape(), file + ": shape");
            assertEquals(want.get("fortran_order").booleanValue(), a.isFortranOrder(), file + ": fortran_order");
            assertBits(a, want, file);
            // the stream reader agrees and stops exactly at the end of the data
            try (InputStream in = Files.newInputStream(resource("npy/" + file))) {
                assertEquals(a, Npy.read(in), file + ": stream read");
                assertEquals(-1, in.read(), file + ": stream read should consume the whole file");
            }
        }
    }

    @Test
    void headerReportsVersionOffsetAndOrder() throws IOException {
        NpyHeader v1 = Npy.readHeader(resource("npy/f8_3x4.npy"));
        NpyHeader v2 = Npy.readHeader(resource("npy/f8_3x4_v2.npy"));
        assertEquals(1, v1.majorVersion());
        assertEquals(128, v1.dataOffset()); // 10-byte preamble + header padded to 64
        assertEquals(2, v2.majorVersion());
        assertEquals(0, v2.dataOffset() % 64, "numpy aligns version 2.0 data to 64 too");
        assertEquals(96, v2.dataBytes());
        assertEquals(Npy.read(resource("npy/f8_3x4.npy")), Npy.read(resource("npy/f8_3x4_v2.npy")));
        assertEquals(ByteOrder.BIG_ENDIAN, Npy.readHeader(resource("npy/f8_3x4_big.npy")).byteOrder());
        assertEquals(ByteOrder.LITTLE_ENDIAN, Npy.readHeader(resource("npy/u1_4.npy")).byteOrder());
        assertEquals("NpyHeader[v1.0, <f8, shape (3, 4), C order, data at 128]", v1.toString());
    }

    @Test
    void bigEndianAndLittleEndianFilesHoldTheSameValues() throws IOException {
        assertArrayEquals(Npy.read(resource("npy/f8_3x4.npy")).doubles(), Npy.read(resource("npy/f8_3x4_big.npy")).doubles());
        assertArrayEquals(Npy.read(resource("npy/i4_5.npy")).ints(), Npy.read(resource("npy/i4_5_big.npy")).ints());
    }

    @Test
    void matrixConversionsFollowAtLeast2d() throws IOException {
        Matrix c = Npy.readMatrix(resource("npy/f8_3x4.npy"));
        assertEquals(3, c.rows);
        assertEquals(4, c.cols);
        for (int k = 0; k < 12; k++) // the fixture's formula (k - 5.5) / 7 is correctly rounded in both languages
            assertEquals(Double.doubleToRawLongBits((k - 5.5) / 7.0), Double.doubleToRawLongBits(c.get(k / 4, k % 4)), "element " + k);
        assertEquals(c, Npy.readMatrix(resource("npy/f8_3x4_fortran.npy")), "Fortran order is reordered to the same matrix");
        Matrix row = Npy.readMatrix(resource("npy/f8_5.npy"));
        assertEquals(1, row.rows, "1-D reads as one row");
        assertEquals(5, row.cols);
        Matrix scalar = Npy.readMatrix(resource("npy/f8_scalar.npy"));
        assertEquals(1, scalar.rows);
        assertEquals(Math.PI, scalar.get(0, 0));
        Matrix empty = Npy.readMatrix(resource("npy/f8_0x3.npy"));
        assertEquals(0, empty.rows);
        assertEquals(3, empty.cols);

        FloatMatrix f = Npy.readFloatMatrix(resource("npy/f4_3x4_fortran.npy"));
        for (int k = 0; k < 12; k++)
            assertEquals(Float.floatToRawIntBits((k - 5.5f) / 7f), Float.floatToRawIntBits(f.get(k / 4, k % 4)), "element " + k);
        Matrix widened = Npy.readMatrix(resource("npy/f4_3x4.npy"));
        for (int k = 0; k < 12; k++) assertEquals((double) f.get(k / 4, k % 4), widened.get(k / 4, k % 4), "float widens exactly");

        Matrix ints = Npy.readMatrix(resource("npy/i4_3x4.npy"));
        for (int k = 0; k < 12; k++) assertEquals((k - 6) * 123457.0, ints.get(k / 4, k % 4));
        Matrix exact = Npy.readMatrix(resource("npy/i8_exact.npy"));
        assertArrayEquals(new double[] {-0x1p53, 0x1p53, 12345}, exact.data);
    }

    @Test
    void lossyOrImpossibleConversionsAreFormatErrors() {
        // i8_5 holds 2^63 - 1: no double equals it (the nearest, 2^63, is out of long range)
        assertFormatError(() -> Npy.readMatrix(resource("npy/i8_5.npy")), "npy file", "i8_5.npy", "element 4", "9223372036854775807",
                "not exactly representable as a double");
        // i4_5 holds -2^31 (a float exactly) and 2^31 - 1 (not: it rounds to 2^31)
        assertFormatError(() -> Npy.readFloatMatrix(resource("npy/i4_5.npy")), "element 4", "2147483647",
                "not exactly representable as a float");
        assertFormatError(() -> Npy.readMatrix(resource("npy/f4_2x3x4.npy")), "3-D array of shape (2, 3, 4) is not a matrix");
    }

    @Test
    void fortranArraysReorderToCOrder() throws IOException {
        NdArray c = Npy.read(resource("npy/f4_2x3x4.npy"));
        NdArray f = Npy.read(resource("npy/f4_2x3x4_fortran.npy"));
        assertTrue(f.isFortranOrder());
        assertFalse(Arrays.equals(c.floats(), f.floats()), "the raw data is stored in a different order");
        assertEquals(c, f.toCOrder());
        // element (i, j, k) of the Fortran array sits at i + 2 j + 6 k in file order
        float[] raw = f.floats();
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 4; k++)
                    assertEquals(c.floats()[12 * i + 4 * j + k], raw[i + 2 * j + 6 * k]);
    }

    // ------------------------------------------------------------------ byte-identical writing

    @Test
    void rewritingEveryFixtureReproducesNumpysBytes() throws IOException {
        for (String file : fixtureNames(IoFixtures.npyExpected())) {
            if (file.endsWith("_v2.npy")) continue; // numpy writes 2.0 only when asked or for huge headers; we write 1.0
            Path src = resource("npy/" + file);
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            Npy.writeTo(stream, Npy.read(src), Npy.readHeader(src).byteOrder());
            assertArrayEquals(Files.readAllBytes(src), stream.toByteArray(), file + ": bytes differ from numpy's");
        }
        // the file writer shares the stream writer's code; check it on a big-endian and a Fortran file
        for (String file : List.of("npy/f8_3x4_big.npy", "npy/f4_2x10_fortran.npy")) {
            Path out = tmp.resolve("rewrite.npy");
            Npy.write(out, Npy.read(resource(file)), Npy.readHeader(resource(file)).byteOrder());
            assertArrayEquals(bytes(file), Files.readAllBytes(out), file + ": bytes differ from numpy's");
        }
    }

    @Test
    void typedWritersMatchNumpy() throws IOException {
        Matrix m = Npy.readMatrix(resource("npy/f8_3x4.npy"));
        assertWritesLike("npy/f8_3x4.npy", p -> Npy.write(p, m));
        // a view inside a larger matrix (offset 7, ld 6) writes the same bytes, without a copy
        Matrix big = Matrix.gaussian(5, 6, seed);
        Matrix view = big.view(1, 1, 3, 4).setTo(m);
        assertEquals(6, view.ld);
        assertWritesLike("npy/f8_3x4.npy", p -> Npy.write(p, view));
        assertWritesLike("npy/f8_10x2.npy", p -> Npy.write(p, Npy.readMatrix(resource("npy/f8_10x2.npy"))));
        FloatMatrix f = Npy.readFloatMatrix(resource("npy/f4_3x4.npy"));
        assertWritesLike("npy/f4_3x4.npy", p -> Npy.write(p, f));
        assertWritesLike("npy/f8_0x3.npy", p -> Npy.write(p, new Matrix(0, 3)));
        assertWritesLike("npy/f4_0x3.npy", p -> Npy.write(p, new FloatMatrix(0, 3)));
        assertWritesLike("npy/f8_5.npy", p -> Npy.write(p, new double[] {-2 / 3.0, -1 / 3.0, 0, 1 / 3.0, 2 / 3.0}));
        assertWritesLike("npy/f4_5.npy", p -> Npy.write(p, new float[] {-2 / 3f, -1 / 3f, 0, 1 / 3f, 2 / 3f}));
        assertWritesLike("npy/i4_5.npy", p -> Npy.write(p, new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE}));
        assertWritesLike("npy/i8_5.npy", p -> Npy.write(p, new long[] {Long.MIN_VALUE, -1, 0, 1L << 53, Long.MAX_VALUE}));
        assertWritesLike("npy/f8_scalar.npy", p -> Npy.write(p, NdArray.of(ElementType.FLOAT64, new int[0], false, new double[] {Math.PI})));
        assertWritesLike("npy/f8_special.npy", p -> Npy.write(p, new double[] {0.0, -0.0, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE, Double.MAX_VALUE}));
    }

    @Test
    void fortranFlagIsDroppedWhereBothOrdersCoincideAsInNumpy() throws IOException {
        // numpy flags a (1, 5) or (0, 3) Fortran array C-contiguous too and writes fortran_order False
        NdArray fortranRow = NdArray.of(ElementType.FLOAT64, new int[] {1, 5}, true, new double[5]);
        NdArray cRow = NdArray.of(ElementType.FLOAT64, new int[] {1, 5}, false, new double[5]);
        assertWritesSame(fortranRow, cRow);
        assertWritesSame(NdArray.of(ElementType.FLOAT64, new int[] {0, 3}, true, new double[0]),
                NdArray.of(ElementType.FLOAT64, new int[] {0, 3}, false, new double[0]));
    }

    private void assertWritesSame(NdArray a, NdArray b) throws IOException {
        ByteArrayOutputStream x = new ByteArrayOutputStream(), y = new ByteArrayOutputStream();
        Npy.writeTo(x, a, ByteOrder.LITTLE_ENDIAN);
        Npy.writeTo(y, b, ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(y.toByteArray(), x.toByteArray());
    }

    @FunctionalInterface
    private interface PathWriter {
        void write(Path p) throws IOException;
    }

    private void assertWritesLike(String fixture, PathWriter writer) throws IOException {
        Path out = tmp.resolve("out.npy");
        writer.write(out);
        assertArrayEquals(bytes(fixture), Files.readAllBytes(out), "bytes differ from numpy's " + fixture);
    }

    @Test
    void randomArraysRoundTripBitExactlyInEveryTypeAndOrder() throws IOException {
        // shapes: 0-D, empty, 1, primes, tall, wide, 3-D; every numpy-storable type; both byte orders
        int[][] shapes = {{}, {0}, {1}, {7}, {2, 3}, {13, 1}, {1, 13}, {17, 5}, {3, 0, 2}, {2, 3, 5}};
        for (ElementType t : ElementType.values()) {
            if (t.npyCode() == null) continue;
            for (int[] shape : shapes) {
                for (boolean fortran : new boolean[] {false, true}) {
                    NdArray a = NdArrayTest.randomArray(t, shape, fortran, rng());
                    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        Npy.writeTo(out, a, order);
                        NdArray back = Npy.read(new ByteArrayInputStream(out.toByteArray()));
                        String what = t + " " + Arrays.toString(shape) + (fortran ? " F " : " C ") + order;
                        assertEquals(a.toCOrder(), back.toCOrder(), what);
                        assertEquals(0, (out.size() - (long) a.size() * t.byteSize()) % 64, what + ": data must start 64-aligned");
                    }
                }
            }
        }
    }

    @Test
    void consecutiveArraysInOneStreamReadInTurn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NdArray a = NdArray.vector(new long[] {1, 2, 3}), b = NdArray.of(Matrix.gaussian(3, 2, seed));
        Npy.writeTo(out, a, ByteOrder.LITTLE_ENDIAN);
        Npy.writeTo(out, b, ByteOrder.BIG_ENDIAN);
        InputStream in = new ByteArrayInputStream(out.toByteArray());
        assertEquals(a, Npy.read(in));
        assertEquals(b, Npy.read(in));
        assertEquals(-1, in.read());
        Path both = tmp.resolve("both.npy");
        Files.write(both, out.toByteArray());
        assertFormatError(() -> Npy.read(both), "trailing data", "needs 24 bytes", "read(InputStream)");
    }

    // ------------------------------------------------------------------ malformed input

    @Test
    void everyTruncationIsAFormatError() throws IOException {
        // every cut of the stream (inside magic, version, length, header, data); files at sample cuts
        for (String fixture : List.of("npy/f8_3x4.npy", "npy/f8_3x4_v2.npy", "npy/b1_4.npy", "npy/f8_scalar.npy")) {
            byte[] full = bytes(fixture);
            for (int cut = 0; cut < full.length; cut++) {
                byte[] part = Arrays.copyOf(full, cut);
                String what = fixture + " cut at " + cut;
                FileFormatException s = assertFormatError(() -> Npy.read(new ByteArrayInputStream(part)), "npy stream");
                assertTrue(s.detail().startsWith(cut == 0 ? "empty input" : "truncated"), what + ": " + s.getMessage());
                if (cut == 0 || cut == 5 || cut == 7 || cut == 9 || cut == 60 || cut == full.length - 1) {
                    Path p = tmp.resolve("cut.npy");
                    Files.write(p, part);
                    FileFormatException e = assertFormatError(() -> Npy.read(p), "npy file", "cut.npy");
                    assertTrue(e.detail().startsWith(cut == 0 ? "empty input" : "truncated"), what + ": " + e.getMessage());
                }
            }
        }
        byte[] full = bytes("npy/f8_3x4.npy");
        assertFormatError(() -> Npy.read(new ByteArrayInputStream(Arrays.copyOf(full, 200))),
                "truncated data: shape (3, 4) of <f8 needs 96 bytes, the input ends after 72");
        Path p = tmp.resolve("short.npy");
        Files.write(p, Arrays.copyOf(full, 200));
        assertFormatError(() -> Npy.read(p), "truncated data: shape (3, 4) of <f8 needs 96 bytes after the 128-byte header, the file has 72");
        assertFormatError(() -> Npy.read(new ByteArrayInputStream(Arrays.copyOf(full, 50))),
                "truncated header: expected 118 bytes of header, the input ends after 40");
    }

    @Test
    void badMagicAndVersionsAreNamed() throws IOException {
        byte[] good = bytes("npy/f8_3x4.npy");
        byte[] bad = good.clone();
        bad[1] = 'X';
        assertFormatError(() -> Npy.read(new ByteArrayInputStream(bad)), "bad magic", "93 58");
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
        assertFormatError(() -> Npy.read(new ByteArrayInputStream(zip)), "bad magic", "50 4b 03 04 14 00", ".npz");
        assertFormatError(() -> Npy.read(new ByteArrayInputStream("hello".getBytes(StandardCharsets.US_ASCII))), "bad magic");
        for (int[] v : new int[][] {{0, 0}, {4, 0}, {1, 1}, {255, 0}}) {
            byte[] b = good.clone();
            b[6] = (byte) v[0];
            b[7] = (byte) v[1];
            assertFormatError(() -> Npy.read(new ByteArrayInputStream(b)),
                    "unsupported npy format version " + v[0] + "." + v[1] + ", expected 1.0, 2.0 or 3.0");
        }
    }

    /** A file with numpy's preamble around an arbitrary header text, followed by {@code data}. */
    private static byte[] withHeader(String dict, byte[] data) {
        byte[] h = Npy.wrapHeader(dict);
        byte[] r = Arrays.copyOf(h, h.length + data.length);
        System.arraycopy(data, 0, r, h.length, data.length);
        return r;
    }

    private static NdArray readBytes(byte[] b) throws IOException {
        return Npy.read(new ByteArrayInputStream(b));
    }

    @Test
    void malformedHeadersNameTheProblem() {
        byte[] d96 = new byte[96];
        String[][] cases = {
                {"{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), ", "malformed header at character", "(at the end)"},
                {"{'descr': '<f8', 'fortran_order': False}", "the key 'shape' is missing"},
                {"{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), 'extra': 1}", "unexpected key extra"},
                {"{'descr': '<U3', 'fortran_order': False, 'shape': (3, 4), }", "unsupported dtype '<U3'", "f8"},
                {"{'descr': '<c16', 'fortran_order': False, 'shape': (3, 4), }", "unsupported dtype '<c16'"},
                {"{'descr': '<u8', 'fortran_order': False, 'shape': (3, 4), }", "unsupported dtype '<u8'"},
                {"{'descr': '|f8', 'fortran_order': False, 'shape': (3, 4), }", "only meaningful for 1-byte types"},
                {"{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (3,), }", "structured"},
                {"{'descr': 8, 'fortran_order': False, 'shape': (3, 4), }", "'descr' = 8, expected a dtype string"},
                {"{'descr': '<f8', 'fortran_order': 'no', 'shape': (3, 4), }", "'fortran_order' = no, expected True or False"},
                {"{'descr': '<f8', 'fortran_order': False, 'shape': [3, 4], }", "expected a tuple of integers"},
                {"{'descr': '<f8', 'fortran_order': False, 'shape': (12), }", "expected a tuple of integers"},
                {"{'descr': '<f8', 'fortran_order': False, 'shape': (3, -4), }", "shape[1] = -4"},
                {"{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4.0), }", "expected an integer, found '.'"},
                {"{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999, 0), }", "shape[0] = 99999999999"},
                {"{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }", "more than 2147483639 elements"},
                {"{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), } junk", "unexpected text after the literal"},
                {"{'descr': '<f8, 'fortran_order': False, 'shape': (3, 4), }", "malformed header"},
                {"{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }", "duplicate key descr"},
                {"__import__('os').system('true')", "unexpected name '__import__'"},
                {"[1, 2]", "expected a dict literal"},
                {"", "the text ends where a value is expected"},
                {"{'descr': '<f8' 'fortran_order': False, 'shape': (3, 4), }", "expected ',' or '}' in a dict"},
                {"{'descr': '<f8', 'fortran_order': False, 'shape': " + "(".repeat(5000) + "1" + ")".repeat(5000) + ", }",
                        "nesting deeper than 32 levels"},
        };
        for (String[] c : cases) {
            String[] fragments = Arrays.copyOfRange(c, 1, c.length);
            FileFormatException e = assertFormatError(() -> readBytes(withHeader(c[0], d96)), fragments);
            assertEquals("npy", e.format());
            assertEquals("stream", e.source());
        }
    }

    @Test
    void lenientHeaderSpellingsThatNumpyAcceptsAreRead() throws IOException {
        double[] v = {1.5, -2.25, 3, 0.125};
        NdArray want = NdArray.of(ElementType.FLOAT64, new int[] {2, 2}, false, v);
        byte[] le = new byte[32], be = new byte[32];
        java.nio.ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().put(v);
        java.nio.ByteBuffer.wrap(be).order(ByteOrder.BIG_ENDIAN).asDoubleBuffer().put(v);
        byte[] nat = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? le : be;
        assertEquals(want, readBytes(withHeader("{\"shape\": (2, 2), \"fortran_order\": False, \"descr\": \"<f8\"}", le)));
        assertEquals(want, readBytes(withHeader("{'descr':'<f8','fortran_order':False,'shape':(2L,2L)}", le)));
        assertEquals(want, readBytes(withHeader("{'descr': '>f8', 'fortran_order': False, 'shape': (2, 2), }", be)));
        assertEquals(want, readBytes(withHeader("{'descr': '=f8', 'fortran_order': False, 'shape': (2, 2), }", nat)));
        assertEquals(want, readBytes(withHeader("{'descr': 'f8', 'fortran_order': False, 'shape': (2, 2), }", nat)));
        assertEquals(NdArray.vector(new int[] {7, 200}),
                NdArray.vector(readBytes(withHeader("{'descr': '<u1', 'fortran_order': False, 'shape': (2,), }", new byte[] {7, (byte) 200})).ints()));
        // an old 16-byte aligned header (numpy < 1.14 padded to 16) and a version 3.0 (UTF-8) header
        byte[] old = oldStyle("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", 1, le);
        assertEquals(want, readBytes(old));
        assertEquals(want, readBytes(oldStyle("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", 3, le)));
    }

    /** Magic, version, little-endian length and {@code dict + '\n'} padded only to 16 bytes. */
    private static byte[] oldStyle(String dict, int major, byte[] data) {
        byte[] body = (dict + "\n").getBytes(StandardCharsets.UTF_8); // dict, later the pad, then '\n'
        int lengthBytes = major == 1 ? 2 : 4;
        int pad = (16 - (8 + lengthBytes + body.length) % 16) % 16;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + lengthBytes + pad + body.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) b.putShort((short) (pad + body.length));
        else b.putInt(pad + body.length);
        b.put(dict.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < pad; i++) b.put((byte) ' ');
        b.put((byte) '\n').put(data);
        return b.array();
    }

    @Test
    void oversizedAndUndecodableHeadersAndBadBoolsAreRejected() throws IOException {
        // a version 2.0 length field of 0xFFFFFFFF
        byte[] huge = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, -1, -1, -1, -1};
        assertFormatError(() -> readBytes(huge), "header length 4294967295 exceeds the limit of 1048576 bytes");
        byte[] v3 = oldStyle("{'descr': '<f8', 'fortran_order': False, 'shape': (0,), }", 3, new byte[0]);
        v3[12 + 2] = (byte) 0xC3; // a UTF-8 lead byte followed by ASCII: invalid in a 3.0 header
        assertFormatError(() -> readBytes(v3), "not valid UTF-8");
        byte[] bools = withHeader("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", new byte[] {1, 0, 2});
        assertFormatError(() -> readBytes(bools), "element 2 of a bool array is the byte 2, expected 0 or 1");
    }

    @Test
    void versionTwoIsChosenOnlyForHeadersBeyond64KiB() {
        byte[] small = Npy.wrapHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }");
        assertEquals(1, small[6]);
        assertEquals(0, small.length % 64);
        String longDict = "{" + "'k': 1, ".repeat(9000) + "}"; // 72002 characters
        byte[] big = Npy.wrapHeader(longDict);
        assertEquals(2, big[6]);
        assertEquals(0, big.length % 64);
        long declared = java.nio.ByteBuffer.wrap(big, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertEquals(big.length - 12, declared);
        assertEquals('\n', big[big.length - 1]);
    }

    @Test
    void writerRejectsWhatNumpyCannotStore() {
        NdArray bf = NdArray.of(ElementType.BFLOAT16, new int[] {1}, false, new float[1]);
        assertArgumentError(() -> Npy.write(tmp.resolve("bf.npy"), bf), "a.type() = BFLOAT16", "f8");
        NdArray deep = NdArray.of(ElementType.FLOAT64, new int[65], false, new double[0]);
        assertArgumentError(() -> Npy.write(tmp.resolve("deep.npy"), deep), "a.ndim() = 65, expected <= 64");
        assertArgumentError(() -> Npy.write(tmp.resolve("null.npy"), (Matrix) null), "m is null");
        assertFalse(Files.exists(tmp.resolve("bf.npy")));
    }

    @Test
    void writesAreAtomicReplacements() throws IOException {
        Path p = tmp.resolve("a.npy");
        Npy.write(p, new double[] {1, 2, 3});
        Npy.write(p, new int[] {4, 5});
        assertEquals(NdArray.vector(new int[] {4, 5}), Npy.read(p));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(p), files.toList(), "no temporary files may remain");
        }
    }
}
