package org.ortho4j.optim;

import java.util.Locale;
import org.ortho4j.core.Check;

/**
 * What a parameter is in the network, which decides its optimizer (spec {@code optimizers.md}
 * §1.8): hidden weight matrices go to the matrix optimizer (Muon family), everything else —
 * embeddings, the output head, biases, norm gains, scalars — to AdamW ({@code KellerJordan/Muon}
 * README, {@code modded-nanogpt}, ROOT's example, the AuON package).
 */
public enum ParamRole {
    /** A weight matrix inside the network body (also conv filters, flattened): matrix optimizer. */
    HIDDEN_MATRIX,
    /** An input embedding table: AdamW. */
    EMBEDDING,
    /** The output head / classifier ({@code lm_head}): AdamW. */
    HEAD,
    /** A 1-D or 0-D parameter (bias, gain, scalar): AdamW. */
    VECTOR;

    /** True when this role goes to the matrix optimizer. */
    public boolean isMatrix() { return this == HIDDEN_MATRIX; }

    /**
     * The default role: {@link #VECTOR} when {@code ndim < 2}; otherwise, from the lower-cased
     * name, {@link #EMBEDDING} if it contains {@code "embed"}, {@link #HEAD} if it contains
     * {@code "lm_head"} or {@code "classifier"} or one of its {@code '.'}/{@code '/'}-separated
     * components is {@code "head"}; else {@link #HIDDEN_MATRIX}. Names that do not follow these
     * conventions need an explicit role ({@link HybridOptimizer.Builder#role(String, ParamRole)}).
     * Note that the first conv layer of a ConvNet should also go to AdamW (KellerJordan README):
     * give it an explicit role.
     *
     * @param name  the parameter name, e.g. {@code "model.layers.0.mlp.up_proj.weight"}
     * @param shape the tensor shape
     * @return the role
     */
    public static ParamRole defaultRole(String name, int[] shape) {
        Check.notNull("name", name);
        Check.notNull("shape", shape);
        if (shape.length < 2) return VECTOR;
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("embed")) return EMBEDDING;
        if (n.contains("lm_head") || n.contains("classifier")) return HEAD;
        for (String part : n.split("[./]"))
            if (part.equals("head")) return HEAD;
        return HIDDEN_MATRIX;
    }

    /** {@link #defaultRole(String, int[])} of a parameter. */
    public static ParamRole defaultRole(Parameter p) { return defaultRole(p.name(), p.shape()); }
}
