package org.ortho4j.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ortho4j.optim.ParamRole;
import org.ortho4j.testkit.Ortho4jTest;

/** {@link Routing}: names from a block, overrides, shape routing of unknown ids. */
class RoutingTest extends Ortho4jTest {

    @Test
    void charTransformerHiddenMatricesGoToTheMatrixRule() {
        CharTransformer block = new CharTransformer(new CharTransformer.Config(62, 8, 8, 2, 3), seed);
        Routing routing = Routing.forBlock(block);
        Map<ParamRole, Integer> counts = new EnumMap<>(ParamRole.class);
        for (Pair<String, Parameter> p : block.getParameters()) {
            ParamRole r = routing.role(p.getValue().getId(), p.getValue().getShape());
            counts.merge(r, 1, Integer::sum);
            assertEquals(p.getKey(), routing.nameOf(p.getValue().getId()));
            ParamRole expected = p.getKey().contains("embed") ? ParamRole.EMBEDDING : p.getKey().equals("lm_head") ? ParamRole.HEAD
                    : p.getKey().contains("ln") ? ParamRole.VECTOR : ParamRole.HIDDEN_MATRIX;
            assertEquals(expected, r, p.getKey());
        }
        assertEquals(4 * 3, counts.get(ParamRole.HIDDEN_MATRIX));   // qkv, attn.proj, mlp.fc, mlp.proj per layer
        assertEquals(2, counts.get(ParamRole.EMBEDDING));
        assertEquals(1, counts.get(ParamRole.HEAD));
        assertEquals(4 * 3 + 2, counts.get(ParamRole.VECTOR));
    }

    @Test
    void overridesAndUnknownIds() {
        CharTransformer block = new CharTransformer(new CharTransformer.Config(62, 8, 8, 2, 1), seed);
        Routing routing = Routing.forBlock(block).withRole("h0.attn.qkv", ParamRole.HEAD);
        String qkv = block.getParameters().get("h0.attn.qkv").getId();
        assertEquals(ParamRole.HEAD, routing.role(qkv, new Shape(24, 8)));
        assertNull(routing.nameOf("no-such-id"));
        // unknown ids: by shape (a UUID-like id carries no name hint), or by the id taken as a name
        assertEquals(ParamRole.HIDDEN_MATRIX, Routing.byShape().role("0f3c2b1a-9d8e", new Shape(3, 4, 2, 2)));
        assertEquals(ParamRole.VECTOR, Routing.byShape().role("0f3c2b1a-9d8e", new Shape(7)));
        assertEquals(ParamRole.EMBEDDING, Routing.byShape().role("tok_embed", new Shape(10, 4)));
        assertEquals(ParamRole.VECTOR, Routing.byShape().withRole("w", ParamRole.VECTOR).role("w", new Shape(3, 3)));
    }

    @Test
    void badArgumentsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Routing.forBlock(null));
        assertTrue(e.getMessage().contains("block"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Routing.byShape().withRole("x", null));
        assertTrue(e.getMessage().contains("role"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Routing.byShape().role("x", null));
        assertTrue(e.getMessage().contains("shape"), e.getMessage());
    }
}
