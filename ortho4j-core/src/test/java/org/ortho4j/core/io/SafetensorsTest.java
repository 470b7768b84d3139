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
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Ortho4jTest;

class SafetensorsTest extends Ortho4jTest {
    @TempDir
    Path tmp;

    private static final Path FIXTURE = resource("st/tensors.safetensors");

    @Test
    void readsTheFixtureBitExactly() throws IOException {
        JsonNode expected = IoFixtures.safetensorsExpected();
        try (Safetensors st = Safetensors.open(FIXTURE)) {
            assertEquals(Map.of("format", "pt", "source", "ortho4j make_fixtures.py"), st.metadata());
            List<String> order = new ArrayList<>();
            expected.get("order").forEach(n -> order.add(n.textValue()));
            assertEquals(order, st.names(), "names in offset order");
            for (String name : order) {
                JsonNode want = expected.get("tensors").get(name);
                Safetensors.TensorInfo info = st.info(name);
                assertEquals(want.get("dtype").textValue(), info.type().safetensorsName(), name);
                assertArrayEquals(intArray(want.get("shape")), info.shape(), name);
                NdArray a = st.read(name);
                assertArrayEquals(info.shape(), a.shape());
                assertBits(a, want, name);
            }
            assertTrue(st.contains("bias"));
            assertFalse(st.contains("nope"));
        }
    }

    @Test
    void matrixReadsConvertExactlyOrComplain() throws IOException {
        try (Safetensors st = Safetensors.open(FIXTURE)) {
            FloatMatrix w = st.readFloatMatrix("weight");
            assertEquals(3, w.rows);
            for (int k = 0; k < 12; k++) assertEquals(Float.floatToRawIntBits((k - 5.5f) / 7f), Float.floatToRawIntBits(w.get(k / 4, k % 4)));
            FloatMatrix embed = st.readFloatMatrix("embed");
            assertEquals(4, embed.cols);
            assertEquals(1f, embed.get(0, 0));
            assertEquals(-2.5f, embed.get(0, 1));
            assertEquals(0x1p-133f, embed.get(0, 2), "bf16 0x0001 is the float subnormal 2^-133");
            FloatMatrix bias = st.readFloatMatrix("bias");
            assertEquals(1, bias.rows, "1-D reads as one row");
            assertEquals(0x1p-24f, bias.get(0, 2), "half 0x0001 is 2^-24");
            assertEquals(65504f, bias.get(0, 9));
            FloatMatrix scalar = st.readFloatMatrix("scalar");
            assertEquals(2.5f, scalar.get(0, 0));
            assertEquals(0, st.readFloatMatrix("empty").rows);
            Matrix longs = st.readMatrix("long");
            assertArrayEquals(new double[] {-1, 0x1p40, 0x1p62}, longs.data);
            assertEquals(2, st.readMatrix("double").rows);
            // "int" holds 2^31 - 1, which a float cannot hold exactly
            assertFormatError(() -> st.readFloatMatrix("int"), "safetensors file", "tensor 'int': element 3", "2147483647");
            assertArgumentError(() -> st.read("nope"), "name = 'nope', expected one of the 8 tensors in file", "bias", "weight");
        }
    }

    @Test
    void rewritingTheFixtureReproducesItsBytes() throws IOException {
        Map<String, NdArray> all = Safetensors.readAll(FIXTURE);
        Map<String, String> meta;
        try (Safetensors st = Safetensors.open(FIXTURE)) {
            meta = st.metadata();
        }
        // insert in a scrambled order: the writer sorts by dtype rank, then name
        Map<String, NdArray> scrambled = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(all.keySet());
        java.util.Collections.reverse(names);
        for (String n : names) scrambled.put(n, all.get(n));
        Path out = tmp.resolve("out.safetensors");
        Safetensors.write(out, scrambled, meta);
        assertArrayEquals(bytes("st/tensors.safetensors"), Files.readAllBytes(out));
    }

    @Test
    void everyTypeRoundTripsAndFortranArraysAreWrittenInCOrder() throws IOException {
        Map<String, NdArray> in = new LinkedHashMap<>();
        int[][] shapes = {{}, {0}, {1}, {5}, {3, 7}, {2, 3, 2}};
        for (ElementType t : ElementType.values())
            for (int s = 0; s < shapes.length; s++)
                in.put(t + "/" + s, NdArrayTest.randomArray(t, shapes[s], s % 2 == 1, rng()));
        Path p = tmp.resolve("all.safetensors");
        Safetensors.write(p, in);
        Map<String, NdArray> back = Safetensors.readAll(p);
        assertEquals(in.keySet(), back.keySet());
        for (Map.Entry<String, NdArray> e : in.entrySet()) {
            // F16/BF16 hold exactly representable values (randomArray), so even they come back bit for bit
            assertEquals(e.getValue().toCOrder(), back.get(e.getKey()), e.getKey());
            assertFalse(back.get(e.getKey()).isFortranOrder());
        }
        try (Safetensors st = Safetensors.open(p)) {
            long previousSize = Long.MAX_VALUE;
            for (String n : st.names()) { // widest first, each tensor aligned to its element size
                Safetensors.TensorInfo info = st.info(n);
                assertTrue(info.type().byteSize() <= previousSize, "sorted by width: " + n);
                assertEquals(0, info.begin() % info.type().byteSize(), "aligned: " + info);
                previousSize = info.type().byteSize();
            }
            assertTrue(st.metadata().isEmpty());
        }
    }

    @Test
    void emptyFileMatchesTheReferenceLayout() throws IOException {
        Path p = tmp.resolve("empty.safetensors");
        Safetensors.write(p, Map.of());
        // the reference implementation serializes no tensors as length 8, "{}" and six spaces
        byte[] want = {8, 0, 0, 0, 0, 0, 0, 0, '{', '}', ' ', ' ', ' ', ' ', ' ', ' '};
        assertArrayEquals(want, Files.readAllBytes(p));
        assertTrue(Safetensors.readAll(p).isEmpty());
    }

    @Test
    void writerRejectsBadArguments() {
        Path p = tmp.resolve("x.safetensors");
        assertArgumentError(() -> Safetensors.write(p, Map.of("__metadata__", NdArray.vector(new float[1]))), "tensor name = '__metadata__'");
        Map<String, NdArray> withNull = new LinkedHashMap<>();
        withNull.put("a", null);
        assertArgumentError(() -> Safetensors.write(p, withNull), "tensors['a'] is null");
        assertFalse(Files.exists(p));
    }

    // ------------------------------------------------------------------ malformed files

    /** A file with the given header text (padded to 8) followed by {@code dataBytes} zero bytes. */
    private Path file(String header, int dataBytes) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        int padded = (h.length + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.allocate(8 + padded + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(padded).put(h);
        for (int i = h.length; i < padded; i++) b.put((byte) ' ');
        Path p = tmp.resolve("bad.safetensors");
        Files.write(p, b.array());
        return p;
    }

    private static String tensor(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + "," + end + "]}";
    }

    @Test
    void headerProblemsAreNamed() throws IOException {
        Path tiny = tmp.resolve("tiny.safetensors");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertFormatError(() -> Safetensors.open(tiny), "safetensors file", "tiny.safetensors", "the file has 3 bytes, expected at least 8");
        Path beyond = tmp.resolve("beyond.safetensors");
        Files.write(beyond, ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putLong(100).array());
        assertFormatError(() -> Safetensors.open(beyond), "header length 100 goes beyond the end of the file (20 bytes, so at most 12)");
        Path huge = tmp.resolve("huge.safetensors");
        Files.write(huge, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(-1).array());
        assertFormatError(() -> Safetensors.open(huge), "header length 18446744073709551615 exceeds the limit");
        assertFormatError(() -> Safetensors.open(file("[1, 2]", 0)), "expected a JSON object starting with '{', found the byte 0x5b");
        assertFormatError(() -> Safetensors.open(file("{\"a\":", 0)), "malformed JSON header");
        assertFormatError(() -> Safetensors.open(file("{} {}", 0)), "malformed JSON header", "Trailing token");
        assertFormatError(() -> Safetensors.open(file("{" + tensor("a", "F32", "[1]", 0, 4) + "," + tensor("a", "F32", "[1]", 4, 8) + "}", 8)),
                "malformed JSON header", "Duplicate field 'a'");
        assertFormatError(() -> Safetensors.open(file("{" + tensor("a", "F8_E4M3", "[1]", 0, 1) + "}", 1)),
                "unsupported dtype 'F8_E4M3' of tensor 'a', expected one of", "BF16");
        assertFormatError(() -> Safetensors.open(file("{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", 4)), "tensor 'a' lacks a \"shape\" array");
        assertFormatError(() -> Safetensors.open(file("{\"a\":{\"shape\":[1],\"data_offsets\":[0,4]}}", 4)), "tensor 'a' lacks a string \"dtype\"");
        assertFormatError(() -> Safetensors.open(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4)), "tensor 'a' lacks \"data_offsets\"");
        assertFormatError(() -> Safetensors.open(file("{" + tensor("a", "F32", "[-1]", 0, 4) + "}", 4)), "shape[0] = -1");
        assertFormatError(() -> Safetensors.open(file("{" + tensor("a", "F32", "[1.5]", 0, 4) + "}", 4)), "shape[0] = 1.5");
        assertFormatError(() -> Safetensors.open(file("{" + tensor("a", "F32", "[65536,65536]", 0, 4) + "}", 4)), "unsupported shape of tensor 'a'");
        assertFormatError(() -> Safetensors.open(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,-4]}}", 4)),
                "data_offsets [0,-4], expected two non-negative integers");
        assertFormatError(() -> Safetensors.open(file("{\"__metadata__\":{\"n\":1}}", 0)), "metadata value \"n\" is NUMBER, expected a string");
        assertFormatError(() -> Safetensors.open(file("{\"__metadata__\":[]}", 0)), "\"__metadata__\" is ARRAY, expected an object");
        assertFormatError(() -> Safetensors.open(file("{\"a\":[]}", 0)), "tensor 'a' is ARRAY, expected an object");
        // null metadata is what the reference writes for "none"
        try (Safetensors st = Safetensors.open(file("{\"__metadata__\":null}", 0))) {
            assertTrue(st.metadata().isEmpty());
        }
    }

    @Test
    void layoutProblemsAreNamed() throws IOException {
        assertFormatError(() -> Safetensors.open(file("{" + tensor("a", "F32", "[3]", 0, 8) + "}", 8)),
                "size mismatch: tensor 'a' (F32, shape [3]) needs 12 bytes, its data_offsets [0,8] span 8");
        assertFormatError(() -> Safetensors.open(file("{" + tensor("a", "F32", "[3]", 4, 0) + "}", 12)), "with end before begin");
        assertFormatError(() -> Safetensors.open(file("{" + tensor("a", "F32", "[3]", 0, 12) + "}", 8)),
                "offsets out of range: tensor 'a' (F32, shape [3], bytes [0, 12)) ends after the data section, which has 8 bytes");
        assertFormatError(() -> Safetensors.open(file("{" + tensor("a", "F32", "[2]", 0, 8) + "," + tensor("b", "F32", "[2]", 4, 12) + "}", 12)),
                "overlapping tensors: 'b' (F32, shape [2], bytes [4, 12)) overlaps 'a'");
        assertFormatError(() -> Safetensors.open(file("{" + tensor("a", "F32", "[1]", 0, 4) + "," + tensor("b", "F32", "[1]", 8, 12) + "}", 12)),
                "gap in the data section: bytes [4, 8) before tensor 'b'");
        assertFormatError(() -> Safetensors.open(file("{" + tensor("a", "F32", "[1]", 4, 8) + "}", 8)), "gap in the data section: bytes [0, 4)");
        assertFormatError(() -> Safetensors.open(file("{" + tensor("a", "F32", "[1]", 0, 4) + "}", 9)),
                "unused data: the tensors end at byte 4 of the data section, which has 9 bytes");
        // zero-size tensors may share an offset
        try (Safetensors st = Safetensors.open(file("{" + tensor("e", "F64", "[0,3]", 0, 0) + "," + tensor("f", "I8", "[0]", 0, 0) + ","
                + tensor("a", "I8", "[2]", 0, 2) + "}", 2))) {
            assertEquals(List.of("e", "f", "a"), st.names());
            assertEquals(0, st.read("e").size());
        }
        // a BOOL byte other than 0/1
        Path bools = file("{" + tensor("b", "BOOL", "[2]", 0, 2) + "}", 2);
        byte[] b = Files.readAllBytes(bools);
        b[b.length - 1] = 7;
        Files.write(bools, b);
        try (Safetensors st = Safetensors.open(bools)) {
            assertFormatError(() -> st.read("b"), "element 1 of a bool array is the byte 7");
        }
        Path three = file("{" + tensor("t", "F32", "[1,1,1]", 0, 4) + "}", 4);
        try (Safetensors st = Safetensors.open(three)) {
            assertFormatError(() -> st.readFloatMatrix("t"), "tensor 't': a 3-D array of shape (1, 1, 1) is not a matrix");
        }
    }

    @Test
    void everyTruncationOfTheFixtureIsAFormatError() throws IOException {
        byte[] full = bytes("st/tensors.safetensors");
        for (int cut = 0; cut < full.length; cut += 7) {
            Path p = tmp.resolve("cut.safetensors");
            Files.write(p, java.util.Arrays.copyOf(full, cut));
            assertFormatError(() -> Safetensors.open(p), "safetensors file");
        }
    }
}
