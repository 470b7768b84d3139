package org.ortho4j.optim;

/**
 * How a 2-D parameter is stored, which decides what its rows mean (spec {@code optimizers.md} §0).
 * Every shape-dependent rule of the optimizers — the learning-rate scale ({@link LrAdjust}), the
 * side on which Newton–Schulz forms its Gram matrix, NorMuon's per-neuron statistic, the
 * projection side of DCT-AdamW, Dion's right factor — is defined for the {@link #OUT_IN}
 * orientation {@code m × n = fan_out × fan_in}.
 *
 * <p>A parameter declared {@link #IN_OUT} is handled by transposing its gradient into the
 * {@code OUT_IN} orientation, running the rule there (the optimizer state is kept in that
 * orientation) and writing the update back transposed, so an {@code IN_OUT} parameter receives
 * exactly (bit for bit) the update its transpose would receive as {@code OUT_IN}. The two
 * transposes cost {@code O(mn)} per step.
 */
public enum Layout {
    /** Rows are output features, columns input features: PyTorch's {@code nn.Linear.weight}, {@code y = x Wᵀ}. The default. */
    OUT_IN,
    /** Rows are input features, columns output features: {@code y = x W} (Keras {@code Dense.kernel}, many hand-written MLPs). */
    IN_OUT
}
