package org.ortho4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.backend.Backends;
import org.ortho4j.core.backend.Tuning;
import org.ortho4j.testkit.Ortho4jTest;

class InfoCommandTest extends Ortho4jTest {

    private static final boolean VECTOR_MODULE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /** The text output as label -> value (continuation lines appended to the previous label). */
    private static Map<String, String> parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        String last = null;
        for (String line : text.split("\n")) {
            String label = line.substring(0, 13).trim(), value = line.substring(13);
            if (label.isEmpty()) m.put(last, m.get(last) + "\n" + value);
            else m.put(last = label, value);
        }
        return m;
    }

    @Test
    void textShowsEveryField() {
        Cli.Result r = Cli.main("info");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        Map<String, String> f = parse(r.out());
        assertEquals(List.of("ortho4j", "java", "os", "cpus", "threads", "simd", "max heap", "backend", "available",
                "backend log"), new ArrayList<>(f.keySet()));
        assertEquals(VersionProvider.version(), f.get("ortho4j"));
        assertTrue(f.get("java").startsWith(System.getProperty("java.version") + " (" + System.getProperty("java.vendor")), f.get("java"));
        assertTrue(f.get("os").endsWith(System.getProperty("os.arch")), f.get("os"));
        assertTrue(f.get("threads").startsWith(Tuning.THREADS + " "), f.get("threads"));
        assertEquals(VECTOR_MODULE, !f.get("simd").startsWith("n/a"), f.get("simd"));
        assertTrue(f.get("max heap").matches("\\d+\\.\\d GiB"), f.get("max heap"));
        assertEquals(Backends.active().name() + ": " + Backends.active().describe(), f.get("backend"));
        assertEquals(String.join(", ", Backends.available()), f.get("available"));
        assertEquals(String.join("\n", Backends.log()), f.get("backend log"));
    }

    @Test
    void jsonHasEveryField() throws Exception {
        Cli.Result r = Cli.main("info", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        for (String field : List.of("version", "javaVersion", "javaVendor", "javaVm", "os", "arch", "cpus", "maxHeapBytes",
                "threads", "simdBits", "backend", "backendDescription", "backendLog", "availableBackends"))
            assertTrue(j.has(field), "missing " + field + " in " + r.out());
        assertEquals(VersionProvider.version(), j.get("version").asText());
        assertEquals(System.getProperty("java.version"), j.get("javaVersion").asText());
        assertEquals(System.getProperty("java.vendor"), j.get("javaVendor").asText());
        assertEquals(Tuning.THREADS, j.get("threads").asInt());
        assertEquals(Runtime.getRuntime().availableProcessors(), j.get("cpus").asInt());
        assertEquals(Runtime.getRuntime().maxMemory(), j.get("maxHeapBytes").asLong());
        assertEquals(Backends.active().name(), j.get("backend").asText());
        assertEquals(Backends.active().describe(), j.get("backendDescription").asText());
        assertEquals(Backends.log(), strings(j.get("backendLog")));
        assertEquals(Backends.available(), strings(j.get("availableBackends")));
        assertTrue(strings(j.get("availableBackends")).contains("java"));
        // SIMD: a power of two of at least 64 bits exactly when the Vector API module is loaded, else null
        JsonNode simd = j.get("simdBits");
        assertEquals(VECTOR_MODULE, simd.isInt(), simd.toString());
        if (simd.isInt()) assertTrue(simd.asInt() >= 64 && Integer.bitCount(simd.asInt()) == 1, simd.toString());
        else assertTrue(simd.isNull(), simd.toString());
    }

    @Test
    void versionComesFromTheFilteredResource() {
        String v = VersionProvider.version();
        assertTrue(v.matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?"), v);
        Cli.Result r = Cli.main("--version");
        assertEquals(0, r.exit());
        assertEquals("ortho4j " + v, r.outLines()[0]);
    }

    @Test
    void usageErrorsExitWithTwo() {
        Cli.Result unknown = Cli.main("info", "--bogus");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("Unknown option: '--bogus'"), unknown.err());
        assertEquals("", unknown.out());

        Cli.Result noCommand = Cli.main();
        assertEquals(2, noCommand.exit());
        assertTrue(noCommand.err().contains("Usage: ortho4j"), noCommand.err());

        Cli.Result badCommand = Cli.main("nosuch");
        assertEquals(2, badCommand.exit());
        assertFalse(badCommand.err().isEmpty());
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        Cli.Result r = Cli.main("help");
        assertEquals(0, r.exit());
        for (String s : List.of("info", "tour", "Exit codes:", "2   invalid usage")) assertTrue(r.out().contains(s), s + " in\n" + r.out());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
