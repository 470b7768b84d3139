package org.ortho4j.optim;

import org.ortho4j.core.linalg.Matrix;

/**
 * Receives the intermediates of each optimizer step (telemetry, tests, debugging): for example
 * Muon reports {@code "state_m"} and {@code "O"} (the Newton–Schulz output), ROOT
 * {@code "threshold"}, {@code "B"} and {@code "adjusted_lr"}, AuON {@code "rms"} and
 * {@code "update"}. Keys follow the golden file {@code optimizer_steps.json}; each rule's class
 * documentation lists its keys. Matrices are fresh float64 copies in the {@link Layout#OUT_IN}
 * orientation, so a trace costs allocations and copies — attach one only when needed (without a
 * trace, nothing is copied).
 */
public interface StepTrace {

    /**
     * A matrix intermediate.
     *
     * @param parameter the parameter's name
     * @param key       what it is, e.g. {@code "O"}
     * @param value     a copy, {@code OUT_IN} orientation
     */
    void matrix(String parameter, String key, Matrix value);

    /**
     * A scalar intermediate (default: ignored).
     *
     * @param parameter the parameter's name
     * @param key       what it is, e.g. {@code "threshold"}
     * @param value     the value
     */
    default void scalar(String parameter, String key, double value) {}
}
