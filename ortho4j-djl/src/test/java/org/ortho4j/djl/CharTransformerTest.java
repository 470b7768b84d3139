package org.ortho4j.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.ortho4j.testkit.Ortho4jTest;

/** {@link CharTransformer}: sizes, causality, seeded initialization, input checks. */
class CharTransformerTest extends Ortho4jTest {
    private static final CharTransformer.Config CFG = new CharTransformer.Config(62, 8, 8, 2, 2);

    private static float[] logits(NDManager m, CharTransformer block, long[] tokens) {
        NDArray x = m.create(tokens, new Shape(1, tokens.length));
        return block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().toFloatArray();
    }

    private static CharTransformer initialized(NDManager m, long seed) {
        CharTransformer block = new CharTransformer(CFG, seed);
        block.initialize(m, DataType.FLOAT32, new Shape(1, 8));
        return block;
    }

    @Test
    void sizesAndCausality() {
        try (NDManager m = NDManager.newBaseManager()) {
            CharTransformer block = initialized(m, seed);
            long count = 0;
            for (Pair<String, Parameter> p : block.getParameters()) count += p.getValue().getArray().size();
            assertEquals(CFG.parameterCount(), count);
            assertArrayEquals(new long[] {1, 8, 62}, block.getOutputShapes(new Shape[] {new Shape(1, 8)})[0].getShape());
            long[] a = {5, 9, 13, 2, 40, 41, 7, 0}, b = a.clone();
            b[5] = 33;   // change position 5: logits at positions 0..4 must not move (causal mask), 5..7 must
            float[] la = logits(m, block, a), lb = logits(m, block, b);
            assertEquals(8 * 62, la.length);
            for (int i = 0; i < 5 * 62; i++) assertEquals(la[i], lb[i], 0f, "position " + i / 62 + " sees the future");
            double moved = 0;
            for (int i = 5 * 62; i < la.length; i++) moved = Math.max(moved, Math.abs(la[i] - lb[i]));
            assertTrue(moved > 1e-4, "positions 5..7 depend on token 5");
        }
    }

    @Test
    void initializationIsSeeded() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] a = initialized(m, seed).getParameters().get("h1.mlp.fc").getArray().toFloatArray();
            float[] b = initialized(m, seed).getParameters().get("h1.mlp.fc").getArray().toFloatArray();
            float[] c = initialized(m, seed + 1).getParameters().get("h1.mlp.fc").getArray().toFloatArray();
            assertArrayEquals(a, b, 0f);
            assertTrue(a[0] != c[0], "another seed, other weights");
            double sq = 0;
            for (float v : a) sq += v * v;
            double std = Math.sqrt(sq / a.length);   // N(0, 0.02²) over 32·8 = 256 draws: within ±20 %
            assertTrue(std > 0.016 && std < 0.024, "std " + std);
            assertArrayEquals(new float[8], initialized(m, seed).getParameters().get("h0.ln1.bias").getArray().toFloatArray(), 0f);
        }
    }

    @Test
    void rejectsWrongInputs() {
        try (NDManager m = NDManager.newBaseManager()) {
            CharTransformer block = initialized(m, seed);
            var e = assertThrows(IllegalArgumentException.class, () -> logits(m, block, new long[9]));
            assertTrue(e.getMessage().contains("1 <= T <= 8"), e.getMessage());
        }
    }
}
