package org.ortho4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.testkit.Ortho4jTest;

/** The routing rule of spec §1.8 and its overrides; conv filters are flattened. */
class RoutingTest extends Ortho4jTest {

    @Test
    void defaultRoles() {
        assertEquals(ParamRole.HIDDEN_MATRIX, ParamRole.defaultRole("model.layers.0.mlp.up_proj.weight", new int[] {64, 32}));
        assertEquals(ParamRole.HIDDEN_MATRIX, ParamRole.defaultRole("conv2.weight", new int[] {16, 8, 3, 3}));
        assertEquals(ParamRole.HIDDEN_MATRIX, ParamRole.defaultRole("attn.heads.weight", new int[] {8, 8}));
        assertEquals(ParamRole.EMBEDDING, ParamRole.defaultRole("model.embed_tokens.weight", new int[] {1000, 64}));
        assertEquals(ParamRole.EMBEDDING, ParamRole.defaultRole("wte.Embedding", new int[] {1000, 64}));
        assertEquals(ParamRole.HEAD, ParamRole.defaultRole("lm_head.weight", new int[] {1000, 64}));
        assertEquals(ParamRole.HEAD, ParamRole.defaultRole("head.weight", new int[] {10, 64}));
        assertEquals(ParamRole.HEAD, ParamRole.defaultRole("model/head/kernel", new int[] {10, 64}));
        assertEquals(ParamRole.HEAD, ParamRole.defaultRole("classifier.weight", new int[] {10, 64}));
        assertEquals(ParamRole.VECTOR, ParamRole.defaultRole("layers.0.mlp.bias", new int[] {64}));
        assertEquals(ParamRole.VECTOR, ParamRole.defaultRole("embed.norm", new int[] {64}));
        assertEquals(ParamRole.VECTOR, ParamRole.defaultRole("scale", new int[] {}));
    }

    /** Which buffers a parameter's state holds tells which rule stepped it. */
    private static Set<String> stateKeys(Optimizer opt, String name) { return opt.state(name).keySet(); }

    @Test
    void hybridRoutesMatricesToTheMatrixRuleAndTheRestToAdamW() {
        Parameter hidden = Parameter.of("blocks.0.fc.weight", FloatMatrix.gaussian(6, 4, seed));
        Parameter emb = Parameter.of("embed.weight", FloatMatrix.gaussian(10, 4, seed + 1));
        Parameter bias = Parameter.vector("blocks.0.fc.bias", new float[6]);
        Parameter head = Parameter.of("fc_out.weight", FloatMatrix.gaussian(3, 6, seed + 2));
        HybridOptimizer opt = HybridOptimizer.builder().matrix(Muon.builder().build()).role("fc_out.weight", ParamRole.HEAD).build();
        assertSame(opt.ruleFor(hidden).getClass(), Muon.class);
        assertSame(opt.ruleFor(emb).getClass(), AdamW.class);
        assertSame(opt.ruleFor(bias).getClass(), AdamW.class);
        assertSame(opt.ruleFor(head).getClass(), AdamW.class);
        List<Parameter> ps = List.of(hidden, emb, bias, head);
        opt.step(ps, List.of(FloatMatrix.gaussian(6, 4, 1), FloatMatrix.gaussian(10, 4, 2), FloatMatrix.gaussian(1, 6, 3),
                FloatMatrix.gaussian(3, 6, 4)));
        assertEquals(Set.of("m", "t"), stateKeys(opt, "blocks.0.fc.weight"));
        for (String n : List.of("embed.weight", "blocks.0.fc.bias", "fc_out.weight")) assertEquals(Set.of("m", "v", "t"), stateKeys(opt, n), n);
    }

    @Test
    void aMatrixOnlyRuleRefusesVectors() {
        Parameter bias = Parameter.vector("bias", new float[3]);
        HybridOptimizer opt = HybridOptimizer.of(Muon.builder().build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> opt.step(List.of(bias), List.of(new FloatMatrix(1, 3))));
        assertTrue(e.getMessage().contains("'bias'") && e.getMessage().contains("only takes matrices"), e.getMessage());
        HybridOptimizer forced = HybridOptimizer.builder().role("bias", ParamRole.HIDDEN_MATRIX).build();
        assertThrows(IllegalArgumentException.class, () -> forced.step(List.of(bias), List.of(new FloatMatrix(1, 3))));
    }

    /** Spec §3: flattening a [4,3,2,2] gradient equals running Muon on the [4,12] matrix (bit for bit: same code path). */
    @Test
    void convFiltersAreFlattenedToOutChannelRows() {
        FloatMatrix w4 = FloatMatrix.gaussian(4, 12, seed), w2 = w4.copy();
        Parameter conv = Parameter.reshaped("conv.weight", w4, 4, 3, 2, 2), mat = Parameter.of("conv.weight", w2);
        assertEquals(4, conv.ndim());
        assertEquals(ParamRole.HIDDEN_MATRIX, ParamRole.defaultRole(conv));
        Optimizer a = HybridOptimizer.of(Muon.builder().build()), b = HybridOptimizer.of(Muon.builder().build());
        for (int k = 0; k < 3; k++) {
            FloatMatrix g = FloatMatrix.gaussian(4, 12, seed + 10 + k);
            a.step(List.of(conv), List.of(g));
            b.step(List.of(mat), List.of(g));
        }
        assertArrayEquals(w2.data, w4.data);
    }
}
