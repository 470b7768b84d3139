package org.ortho4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ortho4j.testkit.Ortho4jTest;

class QuickGemmTest extends Ortho4jTest {

    @Test
    void parsesAllOptions() {
        QuickGemm.Options o = QuickGemm.Options.parse(new String[] {"--n", "256, 1024", "--threads", "1,2",
                "--backends", "java,vector", "--dtypes", "float", "--repeats", "7", "--sample-seconds", "0.5",
                "--warmup-seconds", "2", "--budget-seconds", "30"});
        assertArrayEquals(new int[] {256, 1024}, o.sizes);
        assertArrayEquals(new int[] {1, 2}, o.threads);
        assertEquals(List.of("java", "vector"), o.backends);
        assertEquals(List.of("float"), o.dtypes);
        assertEquals(7, o.repeats);
        assertEquals(0.5, o.sampleSeconds);
        assertEquals(2.0, o.warmupSeconds);
        assertEquals(30.0, o.budgetSeconds);
    }

    @Test
    void badOptionsAreNamed() {
        String[][] bad = {{"--size", "3"}, {"--n"}, {"--n", "0"}, {"--n", "a,b"}, {"--repeats", "2,3"},
                          {"--warmup-seconds", "-1"}, {"--budget-seconds", "x"}};
        String[] named = {"--size", "--n", "--n = 0", "--n = a,b", "--repeats = 2,3", "--warmup-seconds = -1",
                          "--budget-seconds = x"};
        for (int i = 0; i < bad.length; i++) {
            String[] args = bad[i];
            String msg = assertThrows(IllegalArgumentException.class, () -> QuickGemm.Options.parse(args)).getMessage();
            assertTrue(msg.contains(named[i]), msg);
        }
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, QuickGemm.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, QuickGemm.median(List.of(4.0, 1.0, 3.0, 2.0)));
        assertEquals(5.0, QuickGemm.median(List.of(5.0)));
    }

    @Test
    void jsonEscapesStringsAndNonFiniteNumbers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\nd\te\u0001");
        m.put("i", 42);
        m.put("x", 0.5);
        m.put("nan", Double.NaN);
        assertEquals("{\"s\":\"a\\\"b\\\\c\\nd\\te\\u0001\",\"i\":42,\"x\":0.500000,\"nan\":null}", QuickGemm.toJson(m));
    }

    @Test
    void measuresJavaBackendWithCpuTimeOnlyForOneThread() {
        QuickGemm.Options o = QuickGemm.Options.parse(new String[] {"--repeats", "3", "--sample-seconds", "0.001",
                "--warmup-seconds", "0.001"});
        Map<String, Object> one = QuickGemm.measure(o, "java", "double", 16, 1);
        assertEquals("ok", one.get("status"), one.toString());
        assertTrue((Double) one.get("gflops") > 0, one.toString());
        assertTrue((Double) one.get("cpu_gflops") > 0, one.toString());
        assertEquals(3, one.get("samples"));
        Map<String, Object> two = QuickGemm.measure(o, "java", "float", 5, 2);
        assertEquals("ok", two.get("status"), two.toString());
        assertFalse(two.containsKey("cpu_gflops"), two.toString());
    }

    @Test
    void unknownBackendIsNotAvailableWithReason() {
        QuickGemm.Options o = new QuickGemm.Options();
        Map<String, Object> r = QuickGemm.measure(o, "cuda", "double", 4, 1);
        assertEquals("n/a", r.get("status"));
        assertTrue(String.valueOf(r.get("reason")).contains("cuda"), r.toString());
        assertFalse(r.containsKey("gflops"));
    }
}
