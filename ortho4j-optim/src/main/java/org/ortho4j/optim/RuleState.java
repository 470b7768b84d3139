package org.ortho4j.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;

/**
 * The state one {@link UpdateRule} keeps for one parameter, plus the per-parameter mechanics all
 * rules share: gradient intake (validation, copy into the {@code OUT_IN} orientation), write-back
 * of the update with decoupled weight decay, views of the shared scratch that are re-created only
 * when the scratch grows, and the list of persistent buffers that the state file saves.
 *
 * <p>All buffers are allocated by the constructor (persistent) or on the first step (scratch
 * views), so steady-state steps allocate nothing except where a rule says otherwise.
 */
abstract class RuleState {
    /** One persistent buffer: a {@link Dense} or an int array. */
    record Item(String key, Dense dense, int[] ints) {}

    final UpdateRule rule;
    final String name;
    final boolean isFloat;
    final Layout layout;
    final int[] shape;
    final int storedRows, storedCols;
    /** The OUT_IN orientation: {@code rows = m} (fan-out), {@code cols = n} (fan-in). */
    final int rows, cols;
    /** Steps taken by this parameter (the bias-correction / schedule counter {@code t}, 1-based after the first step). */
    long t;
    final List<Item> items = new ArrayList<>();
    private final Dense[] views = new Dense[Workspace.SLOTS], doubleViews = new Dense[Workspace.SLOTS];

    RuleState(UpdateRule rule, Parameter p) {
        this.rule = rule;
        this.name = p.name();
        this.isFloat = p.isFloat();
        this.layout = p.layout();
        this.shape = p.shape();
        this.storedRows = p.storedRows();
        this.storedCols = p.storedCols();
        this.rows = p.fanOut();
        this.cols = p.fanIn();
    }

    /**
     * One step: {@code g} is the gradient in the OUT_IN orientation (a scratch buffer the rule may
     * overwrite), {@code lr} the scheduled learning rate; {@link #t} has already been incremented.
     * The rule updates its state and calls {@link #write}.
     */
    abstract void update(Workspace ws, Parameter p, Dense g, double lr);

    /** A persistent zero buffer registered under {@code key} (saved and loaded with the state). */
    final Dense persistent(String key, int r, int c) {
        Dense d = Dense.zeros(r, c, isFloat);
        items.add(new Item(key, d, null));
        return d;
    }

    /** A persistent int array registered under {@code key}. */
    final int[] persistentInts(String key, int length) {
        int[] a = new int[length];
        items.add(new Item(key, null, a));
        return a;
    }

    /** An {@code r×c} view of a scratch slot, cached while the slot's array stays the same. */
    final Dense scratch(Workspace ws, int slot, int r, int c) {
        Dense v = views[slot];
        if (v == null || v.rows != r || v.cols != c || v.array() != ws.array(slot, isFloat)) {
            v = ws.view(slot, r, c, isFloat);
            views[slot] = v;
        }
        return v;
    }

    /** Like {@link #scratch} but always float64 (for steps that need double work space on the float path). */
    final Dense scratchDouble(Workspace ws, int slot, int r, int c) {
        Dense v = doubleViews[slot];
        if (v == null || v.rows != r || v.cols != c || v.array() != ws.array(slot, false)) {
            v = ws.view(slot, r, c, false);
            doubleViews[slot] = v;
        }
        return v;
    }

    /** Describes the parameter for messages, e.g. {@code parameter 'W1' (64x32)}. */
    final String describeParam() { return "parameter '" + name + "' (" + storedRows + "x" + storedCols + ")"; }

    /**
     * Checks that {@code p} is the parameter this state was made for (same precision, layout and
     * shape) — a state is keyed by name, so a different tensor under the same name is refused.
     */
    final void checkSameParameter(Parameter p) {
        if (p.isFloat() != isFloat || p.layout() != layout || p.storedRows() != storedRows || p.storedCols() != storedCols
                || !Arrays.equals(p.shape(), shape))
            throw new IllegalArgumentException("parameter '" + name + "' is now " + p + ", but its optimizer state was made for "
                    + storedRows + "x" + storedCols + " " + layout + " " + (isFloat ? "f32" : "f64") + " shape " + Arrays.toString(shape));
    }

    /**
     * Validates a gradient without copying it: same stored shape as the parameter and finite.
     *
     * @param index position in the gradient list, for the message
     */
    final void checkGradient(int index, FloatMatrix gf, Matrix gd) {
        if (gf == null && gd == null) throw new IllegalArgumentException(gradName(index) + " is null, expected a gradient");
        int r = gf != null ? gf.rows : gd.rows, c = gf != null ? gf.cols : gd.cols;
        if (r != storedRows || c != storedCols)
            throw new IllegalArgumentException(gradName(index) + " is " + r + "x" + c + ", expected " + storedRows + "x" + storedCols
                    + " (the stored shape of the parameter)");
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) {
                double v = gf != null ? gf.data[gf.offset + i * gf.ld + j] : gd.data[gd.offset + i * gd.ld + j];
                if (!Double.isFinite(v))
                    throw new IllegalArgumentException(gradName(index) + " holds " + v + " at (" + i + ", " + j + "), expected finite values");
            }
    }

    private String gradName(int index) { return "grads[" + index + "] for " + describeParam(); }

    /** Copies the gradient (stored layout) into {@code out} (OUT_IN orientation). */
    final void loadGradient(FloatMatrix gf, Matrix gd, Dense out) {
        boolean outIn = layout == Layout.OUT_IN;
        int di = outIn ? cols : 1, dj = outIn ? 1 : cols;
        for (int a = 0; a < storedRows; a++)
            for (int b = 0; b < storedCols; b++)
                out.set(a * di + b * dj, gf != null ? gf.data[gf.offset + a * gf.ld + b] : gd.data[gd.offset + a * gd.ld + b]);
    }

    /**
     * Writes {@code W ← W·decay − alpha·dir} into the parameter (dir in OUT_IN orientation,
     * mapped to the stored layout), evaluated in double and rounded once. With {@code cautious},
     * the decay applies only where {@code W·dir ≥ 0} (cautious weight decay: decay only the
     * coordinates whose sign agrees with the update).
     */
    final void write(Parameter p, double decay, double alpha, Dense dir, boolean cautious) {
        boolean outIn = layout == Layout.OUT_IN;
        int di = outIn ? cols : 1, dj = outIn ? 1 : cols;
        FloatMatrix wf = p.value();
        Matrix wd = p.doubleValue();
        for (int a = 0; a < storedRows; a++)
            for (int b = 0; b < storedCols; b++) {
                double dv = dir.get(a * di + b * dj);
                if (wf != null) {
                    int k = wf.offset + a * wf.ld + b;
                    wf.data[k] = (float) next(wf.data[k], dv, decay, alpha, cautious);
                } else {
                    int k = wd.offset + a * wd.ld + b;
                    wd.data[k] = next(wd.data[k], dv, decay, alpha, cautious);
                }
            }
    }

    private static double next(double w, double d, double decay, double alpha, boolean cautious) {
        double decayed = !cautious || w * d >= 0 ? w * decay : w;
        return decayed - alpha * d;
    }
}
