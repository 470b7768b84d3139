package org.ortho4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.function.Executable;
import org.ortho4j.testkit.Golden;

/** Shared helpers for the IO tests: fixture paths, expected values, error assertions. */
final class IoFixtures {
    private IoFixtures() {}

    /** The path of a test resource under {@code io/} (the fixtures are plain files on the class path). */
    static Path resource(String relative) {
        URL url = IoFixtures.class.getClassLoader().getResource("io/" + relative);
        if (url == null) throw new IllegalArgumentException("missing test resource io/" + relative + " (run make_fixtures.py)");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String relative) throws IOException {
        return Files.readAllBytes(resource(relative));
    }

    /** {@code io/npy/expected.json}: per file descr, shape, fortran_order and C-order bits. */
    static JsonNode npyExpected() { return Golden.json("io/npy/expected.json"); }

    /** {@code io/st/expected.json}: order, metadata, and per tensor dtype, shape and bits. */
    static JsonNode safetensorsExpected() { return Golden.json("io/st/expected.json"); }

    /** A JSON integer (possibly beyond 2^63, for uint64 bit patterns) as its low 64 bits. */
    static long bits(JsonNode n) { return n.bigIntegerValue().longValue(); }

    static int[] intArray(JsonNode n) {
        int[] r = new int[n.size()];
        for (int i = 0; i < r.length; i++) r[i] = n.get(i).intValue();
        return r;
    }

    /**
     * Asserts that the C-order elements of {@code a} have exactly the bit patterns of the fixture
     * entry {@code expected}: doubles and floats by their raw IEEE bits (so -0.0, NaN payloads and
     * subnormals all count), 16-bit floats by the float32 bits numpy widened them to
     * ({@code f32_bits}), integers by value.
     */
    static void assertBits(NdArray a, JsonNode expected, String what) {
        boolean half = a.type() == ElementType.FLOAT16 || a.type() == ElementType.BFLOAT16;
        JsonNode want = expected.get(half ? "f32_bits" : "bits");
        Object c = a.toCOrder().data();
        assertEquals(want.size(), a.size(), what + ": element count");
        for (int i = 0; i < a.size(); i++) {
            long got = switch (a.type().holder().getName()) {
                case "double" -> Double.doubleToRawLongBits(((double[]) c)[i]);
                case "float" -> Float.floatToRawIntBits(((float[]) c)[i]) & 0xFFFF_FFFFL;
                case "int" -> ((int[]) c)[i];
                default -> ((long[]) c)[i];
            };
            long w = bits(want.get(i));
            if (a.type().holder() == float.class) w &= 0xFFFF_FFFFL;
            assertEquals(w, got, what + ": element " + i + " (C order)");
        }
    }

    /** Asserts that {@code body} throws a FileFormatException whose message contains every fragment. */
    static FileFormatException assertFormatError(Executable body, String... fragments) {
        FileFormatException e = assertThrows(FileFormatException.class, body);
        for (String f : fragments)
            assertTrue(e.getMessage().contains(f), "message \"" + e.getMessage() + "\" should contain \"" + f + "\"");
        return e;
    }

    /** Asserts that {@code body} throws an IllegalArgumentException whose message contains every fragment. */
    static IllegalArgumentException assertArgumentError(Executable body, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, body);
        for (String f : fragments)
            assertTrue(e.getMessage().contains(f), "message \"" + e.getMessage() + "\" should contain \"" + f + "\"");
        return e;
    }
}
