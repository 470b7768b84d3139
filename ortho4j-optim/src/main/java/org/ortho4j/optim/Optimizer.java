package org.ortho4j.optim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;

/**
 * A stateful optimizer over a set of named parameters: one state per parameter (keyed by
 * {@link Parameter#name()}), created on the parameter's first step. Implemented by
 * {@link HybridOptimizer}.
 *
 * <p>Contract of {@link #step}: all gradients are validated first (count, shape, finiteness), so
 * a bad gradient throws {@link IllegalArgumentException} before any parameter or state changes;
 * then each parameter is updated in place. After every parameter has been stepped once, a step
 * allocates nothing (exceptions are documented by the rules: Dion's QR factor, the SVD baseline).
 * Not thread-safe.
 */
public interface Optimizer {

    /**
     * One step on float32 parameters.
     *
     * @param params the parameters (each {@link Parameter#isFloat()}), names unique
     * @param grads  one gradient per parameter, same stored shape, finite; not modified
     * @throws IllegalArgumentException on a count, precision, shape or finiteness mismatch (naming
     *     the parameter and the value), or a parameter its rule cannot take
     */
    void step(List<Parameter> params, List<FloatMatrix> grads);

    /** Float64 twin of {@link #step} (reference runs): every parameter must be float64. */
    void stepDouble(List<Parameter> params, List<Matrix> grads);

    /** Completed steps; the schedule is evaluated at this index on the next step. */
    long stepCount();

    /** Cumulative timing. */
    OptimizerStats stats();

    /**
     * Copies of the persistent state of one parameter (float64 matrices in the OUT_IN
     * orientation; int arrays as 1×k), keyed by buffer name, or an empty map if the parameter
     * has not been stepped yet. For telemetry and tests; allocates.
     */
    Map<String, Matrix> state(String parameterName);

    /**
     * Writes the whole optimizer state (step count and every parameter's state, bit-exact) to
     * {@code file}, atomically: a temporary file in the same directory is written, flushed and
     * moved over {@code file}.
     *
     * @throws IOException if writing fails (the previous file, if any, is left intact)
     */
    void save(Path file) throws IOException;

    /**
     * Replaces the state with the one saved in {@code file}. {@code params} are the parameters the
     * run continues with: the file must hold a state for exactly these names, each with the same
     * rule, precision, layout and shape. Nothing changes unless everything matches; then
     * {@code save → load → step} continues bit for bit like an uninterrupted run.
     *
     * @throws OptimizerStateException if the file is truncated, corrupt, of another format
     *     version, or does not match the parameters (the message says what and where)
     * @throws IOException if reading fails
     */
    void load(Path file, List<Parameter> params) throws IOException;
}
