package org.ortho4j.djl;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.Map;
import org.ortho4j.core.Check;
import org.ortho4j.optim.ParamRole;

/**
 * Decides which DJL parameters go to the matrix rule of an {@link OrthoOptimizer} and which to its
 * auxiliary AdamW (spec {@code optimizers.md} §1.8): hidden weight matrices (ndim ≥ 2, conv
 * filters included) → matrix rule; embeddings, the output head, biases, norm gains and every other
 * parameter with ndim &lt; 2 → AdamW. Immutable.
 *
 * <p>DJL hands the optimizer a parameter's {@link Parameter#getId() id}, not its name, so name-based
 * rules need the model: {@link #forBlock(Block)} records the id → name map of a block's parameters
 * (names as {@link Block#getParameters()} gives them, e.g. {@code "02Linear_weight"} or the names a
 * custom block chose) and applies {@link ParamRole#defaultRole(String, int[])} to the name and the
 * shape: a name containing {@code "embed"} is an embedding, {@code "lm_head"} or
 * {@code "classifier"} (or a {@code '.'}/{@code '/'}-separated component {@code "head"}) the head.
 * DJL's generated names ({@code "03Linear_weight"}) carry no such hint: give the head (and, as the
 * KellerJordan README advises for ConvNets, the first conv layer) an explicit role with
 * {@link #withRole(String, ParamRole)}. Parameters this routing does not know (created after it,
 * or with {@link #byShape()}) are routed by shape alone (see {@link #role}).
 */
public final class Routing {
    private final Map<String, String> namesById;
    private final Map<String, ParamRole> overrides;

    private Routing(Map<String, String> namesById, Map<String, ParamRole> overrides) {
        this.namesById = Map.copyOf(namesById);
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * Routing without recorded names (see {@link #role}): for DJL parameters, by shape only —
     * ndim ≥ 2 → {@link ParamRole#HIDDEN_MATRIX}, else {@link ParamRole#VECTOR}.
     *
     * @return the routing
     */
    public static Routing byShape() { return new Routing(Map.of(), Map.of()); }

    /**
     * Routing by the names of {@code block}'s parameters (and their shapes); see the class
     * documentation. Call it on the block the trainer trains (before or after initialization:
     * parameter ids are fixed when a block is built).
     *
     * @param block the model's block
     * @return the routing
     */
    public static Routing forBlock(Block block) {
        Check.notNull("block", block);
        Map<String, String> names = new HashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) names.put(p.getValue().getId(), p.getKey());
        return new Routing(names, Map.of());
    }

    /**
     * A copy in which the parameter named {@code name} (as in {@link Block#getParameters()}) has
     * {@code role}. {@link ParamRole#HIDDEN_MATRIX} is only legal for parameters with ndim ≥ 2: the
     * optimizer refuses it for a vector on its first update.
     *
     * @param name the parameter name
     * @param role its role
     * @return the new routing
     */
    public Routing withRole(String name, ParamRole role) {
        Check.notNull("name", name);
        Check.notNull("role", role);
        Map<String, ParamRole> o = new HashMap<>(overrides);
        o.put(name, role);
        return new Routing(namesById, o);
    }

    /**
     * The name recorded for a parameter id, or {@code null} when unknown.
     *
     * @param parameterId a DJL parameter id
     * @return its name or null
     */
    public String nameOf(String parameterId) { return namesById.get(parameterId); }

    /**
     * The role of a parameter: the override of its name, else
     * {@link ParamRole#defaultRole(String, int[])} of its name and {@code shape}. The name is the one
     * recorded by {@link #forBlock}; for an unknown id the id itself is taken as the name (DJL's ids
     * are random UUIDs, which contain none of the name hints, so DJL parameters unknown to this
     * routing are routed by shape; code that calls {@link OrthoOptimizer#update} itself may pass
     * names as ids).
     *
     * @param parameterId the DJL parameter id
     * @param shape       the parameter's shape
     * @return the role
     */
    public ParamRole role(String parameterId, Shape shape) {
        Check.notNull("parameterId", parameterId);
        Check.notNull("shape", shape);
        String name = namesById.getOrDefault(parameterId, parameterId);
        ParamRole r = overrides.get(name);
        return r != null ? r : ParamRole.defaultRole(name, intShape(shape));
    }

    private static int[] intShape(Shape shape) {
        int[] s = new int[shape.dimension()];
        for (int i = 0; i < s.length; i++) s[i] = Math.toIntExact(shape.get(i));
        return s;
    }
}
