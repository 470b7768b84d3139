package org.ortho4j.optim;

import java.util.HashMap;
import java.util.Map;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.orthogonal.NewtonSchulz;
import org.ortho4j.core.orthogonal.NewtonSchulzWorkspace;
import org.ortho4j.core.orthogonal.Orthogonalizer;
import org.ortho4j.core.transform.Dct;

/**
 * Scratch memory shared by all parameter states of one optimizer (steps run one parameter at a
 * time, so one set of buffers of the largest size serves every parameter): numbered slots of
 * float and double arrays that only grow, Newton–Schulz buffers, DCT plans per length, the
 * optional {@link StepTrace} and the orthogonalization timer. After every parameter has been
 * stepped once nothing is allocated any more. Not thread-safe (one optimizer = one thread).
 */
final class Workspace {
    /** The gradient, copied into the OUT_IN orientation. */
    static final int GRAD = 0;
    /** The update input (Nesterov look-ahead) or another m×n intermediate. */
    static final int U = 1;
    /** The orthogonalized update. */
    static final int O = 2;
    /** Rule-specific intermediates. */
    static final int AUX1 = 3, AUX2 = 4, AUX3 = 5;
    static final int SLOTS = 6;

    final NewtonSchulzWorkspace ns = new NewtonSchulzWorkspace();
    StepTrace trace;
    long orthoNanos;
    private final float[][] floats = new float[SLOTS][];
    private final double[][] doubles = new double[SLOTS][];
    private double[] raw;
    private final Map<Integer, Dct> dcts = new HashMap<>();

    /** The backing array of a slot (for view-cache identity checks). */
    Object array(int slot, boolean isFloat) { return isFloat ? floats[slot] : doubles[slot]; }

    /** A {@code rows×cols} view of a slot, growing the slot's array when needed (contents undefined). */
    Dense view(int slot, int rows, int cols, boolean isFloat) {
        int n = rows * cols;
        if (isFloat) {
            if (floats[slot] == null || floats[slot].length < n) floats[slot] = new float[n];
            return Dense.over(floats[slot], rows, cols);
        }
        if (doubles[slot] == null || doubles[slot].length < n) doubles[slot] = new double[n];
        return Dense.over(doubles[slot], rows, cols);
    }

    /** A raw double work array of at least {@code n} elements (contents undefined). */
    double[] raw(int n) {
        if (raw == null || raw.length < n) raw = new double[n];
        return raw;
    }

    /** The DCT plan of length n (cached). */
    Dct dct(int n) { return dcts.computeIfAbsent(n, Dct::new); }

    /** {@code out ← o(in)} in the buffers' precision, timed; NewtonSchulz reuses {@link #ns}. */
    void orthogonalize(Orthogonalizer o, Dense in, Dense out) {
        long t0 = System.nanoTime();
        if (o instanceof NewtonSchulz ns5) {
            if (in.isFloat()) ns5.orthogonalize(in.fm, out.fm, ns);
            else ns5.orthogonalize(in.dm, out.dm, ns);
        } else if (in.isFloat()) o.orthogonalize(in.fm, out.fm);
        else o.orthogonalize(in.dm, out.dm);
        orthoNanos += System.nanoTime() - t0;
    }

    boolean tracing() { return trace != null; }

    void trace(Parameter p, String key, Dense value) {
        if (trace != null) trace.matrix(p.name(), key, value.toMatrix());
    }

    void trace(Parameter p, String key, Matrix value) {
        if (trace != null) trace.matrix(p.name(), key, value.copy());
    }

    void trace(Parameter p, String key, double value) {
        if (trace != null) trace.scalar(p.name(), key, value);
    }
}
