package org.ortho4j.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Golden;
import org.ortho4j.testkit.Ortho4jTest;

class SplitMix64Test extends Ortho4jTest {

    @Test
    void firstOutputOfSeedZeroMatchesTheDocumentedCheckValue() {
        assertEquals(0xE220A8397B1DCDAFL, new SplitMix64(0).nextLong());
    }

    @Test
    void longAndDoubleStreamsEqualSplittableRandom() {
        for (long s : new long[] {0, 1, -1, 42, seed}) {
            SplitMix64 ours = new SplitMix64(s);
            SplittableRandom ref = new SplittableRandom(s);
            for (int i = 0; i < 1000; i++) assertEquals(ref.nextLong(), ours.nextLong(), "seed " + s + " draw " + i);
            ours = new SplitMix64(s);
            ref = new SplittableRandom(s);
            for (int i = 0; i < 1000; i++) assertEquals(ref.nextDouble(), ours.nextDouble(), "seed " + s + " draw " + i);
        }
    }

    /**
     * The golden inputs of shared/data/optim were drawn by numpy from the same recipe; Java's
     * Math.log/cos may differ from libm by one ulp, so equality is to a few ulps (4e-16 relative
     * on values of order 1, with 2x headroom).
     */
    @Test
    void gaussianMatricesReproduceTheGoldenInputs() {
        JsonNode in = Golden.json("golden/optim/inputs.json");
        String[] names = {"G_8x5", "G_5x8", "G_16x16", "G2_8x5"};
        long[] seeds = {101, 102, 103, 201};
        for (int t = 0; t < names.length; t++) {
            double[][] g = Golden.matrix(in.get(names[t]));
            Matrix m = Matrix.gaussian(g.length, g[0].length, seeds[t]);
            for (int i = 0; i < g.length; i++)
                for (int j = 0; j < g[0].length; j++)
                    assertEquals(g[i][j], m.get(i, j), 8e-16 * Math.max(1, Math.abs(g[i][j])), names[t] + " (" + i + "," + j + ")");
        }
        double[][] w = Golden.matrix(in.get("W0_8x5"));
        Matrix m = Matrix.gaussian(8, 5, 301).times(0.1);
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 5; j++) assertEquals(w[i][j], m.get(i, j), 1e-16);
    }

    @Test
    void splitGivesAnIndependentReproducibleStream() {
        SplitMix64 a = new SplitMix64(seed), b = new SplitMix64(seed);
        SplitMix64 ca = a.split(), cb = b.split();
        for (int i = 0; i < 10; i++) assertEquals(ca.nextLong(), cb.nextLong());
        assertEquals(a.nextLong(), b.nextLong());
    }

    @Test
    void fnv1aOfKnownStrings() {
        // FNV-1a 64 reference values: offset basis for "", and the published value for "a".
        assertEquals(0xcbf29ce484222325L, Rng.fnv1a64(""));
        assertEquals(0xaf63dc4c8601ec8cL, Rng.fnv1a64("a"));
    }
}
