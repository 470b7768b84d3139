package org.ortho4j.qmc.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.random.SplitMix64;
import org.ortho4j.testkit.Ortho4jTest;

class IidUniformTest extends Ortho4jTest {

    @Test
    void valuesAreTheDocumentedSplitMixStreams() {
        IidUniform iid = IidUniform.builder(3).replications(2).seed(seed).build();
        Matrix x = iid.points(1, 0, 100);
        for (int j = 0; j < 3; j++) {
            SplitMix64 g = new SplitMix64(Streams.seed(seed, Streams.IID, 1, j));
            for (int i = 0; i < 100; i++) assertEquals((g.nextLong() >>> 11) * 0x1.0p-53, x.get(i, j), 0.0);
        }
    }

    @Test
    void uniformMomentsExtensibilityAndIndependenceOfCoordinates() {
        int n = 100_000;
        IidUniform iid = IidUniform.builder(4).seed(seed).build();
        Matrix x = iid.points(n);
        for (int j = 0; j < 4; j++) {
            double s = 0, s2 = 0;
            for (int i = 0; i < n; i++) {
                double v = x.get(i, j);
                assertTrue(v > 0 && v < 1);
                s += v;
                s2 += v * v;
            }
            // mean 1/2 with standard error sqrt(1/12/n); second moment 1/3 with s.e. sqrt(4/45/n)
            assertEquals(0.5, s / n, 5 * Math.sqrt(1.0 / 12 / n));
            assertEquals(1.0 / 3, s2 / n, 5 * Math.sqrt(4.0 / 45 / n));
        }
        Matrix tail = iid.points(n - 7, n);
        for (int i = 0; i < 7; i++) assertEquals(x.get(n - 7 + i, 2), tail.get(i, 2), 0.0);
        Matrix sub = IidUniform.builder().coordinates(2).seed(seed).build().points(50);
        for (int i = 0; i < 50; i++) assertEquals(x.get(i, 2), sub.get(i, 0), 0.0);
        assertNotEquals(x.get(0, 0), x.get(0, 1));
        assertNotEquals(x.get(0, 0), IidUniform.builder(4).seed(seed + 1).build().points(1).get(0, 0));
        assertEquals(Long.MAX_VALUE, iid.nLimit());
        assertTrue(iid.isRandomized());
    }

    @Test
    void badInputs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IidUniform.builder(0));
        assertTrue(e.getMessage().contains("d = 0"));
        e = assertThrows(IllegalArgumentException.class, () -> IidUniform.builder(2).build().points(1, 0, 3));
        assertTrue(e.getMessage().contains("r = 1"));
        e = assertThrows(IllegalArgumentException.class, () -> IidUniform.builder(2).build().points(5, 4));
        assertTrue(e.getMessage().contains("nMax = 4"));
    }
}
