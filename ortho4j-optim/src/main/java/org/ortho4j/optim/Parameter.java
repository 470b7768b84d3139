package org.ortho4j.optim;

import java.util.Arrays;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;

/**
 * A named trainable tensor as the optimizers see it: its values as a matrix (float32
 * {@link FloatMatrix}, or float64 {@link Matrix} for reference runs), the declared {@link Layout}
 * and the original tensor shape.
 *
 * <ul>
 *   <li>2-D weights: {@link #of(String, FloatMatrix)} (layout {@link Layout#OUT_IN}) or
 *       {@link #of(String, FloatMatrix, Layout)}.</li>
 *   <li>Tensors with more than two dimensions (conv filters {@code [C_out, C_in, kh, kw]}) are
 *       stored flattened to {@code [C_out, prod(rest)]}: {@link #reshaped(String, FloatMatrix, int...)}
 *       (spec §0, as {@code KellerJordan/Muon} and {@code microsoft/dion flatten=True}); the matrix
 *       rules then work on that matrix, which is the same as running them on the reshaped
 *       tensor.</li>
 *   <li>1-D and 0-D tensors (biases, gains, scalars): {@link #vector(String, float[])} wraps
 *       {@code n} values as a {@code 1×n} matrix with shape {@code [n]}; such parameters never go
 *       to a matrix optimizer (spec §1.8).</li>
 * </ul>
 *
 * <p>The values are held by reference, never copied: an optimizer step updates them in place, and
 * the caller's model sees the new weights immediately. Views (non-contiguous matrices) are
 * allowed. Immutable apart from the referenced values; equality is identity.
 */
public final class Parameter {
    private final String name;
    private final FloatMatrix f;
    private final Matrix d;
    private final Layout layout;
    private final int[] shape;

    private Parameter(String name, FloatMatrix f, Matrix d, Layout layout, int[] shape) {
        this.name = Check.notNull("name", name);
        if (name.isEmpty()) throw new IllegalArgumentException("name is empty, expected a parameter name");
        this.f = f;
        this.d = d;
        this.layout = Check.notNull("layout", layout);
        int rows = f != null ? f.rows : d.rows, cols = f != null ? f.cols : d.cols;
        if ((long) rows * cols == 0)
            throw new IllegalArgumentException("parameter '" + name + "' has " + rows + "x" + cols + " = 0 elements, expected at least 1");
        long prod = 1;
        for (int i = 0; i < shape.length; i++) {
            Check.positive("shape[" + i + "] of '" + name + "'", shape[i]);
            prod *= shape[i];
        }
        if (prod != (long) rows * cols)
            throw new IllegalArgumentException("shape of '" + name + "' = " + Arrays.toString(shape) + " has " + prod
                    + " elements, but the values are " + rows + "x" + cols);
        if (shape.length > 2 && (rows != shape[0] || layout != Layout.OUT_IN))
            throw new IllegalArgumentException("parameter '" + name + "' of shape " + Arrays.toString(shape)
                    + " must be stored flattened to " + shape[0] + "x" + (prod / shape[0]) + " in layout OUT_IN, got "
                    + rows + "x" + cols + " " + layout);
        if (shape.length < 2 && rows != 1)
            throw new IllegalArgumentException("parameter '" + name + "' of shape " + Arrays.toString(shape)
                    + " must be stored as one row, got " + rows + "x" + cols);
        if (shape.length == 2 && !(layout == Layout.OUT_IN ? rows == shape[0] && cols == shape[1] : rows == shape[1] && cols == shape[0]))
            throw new IllegalArgumentException("parameter '" + name + "' of shape " + Arrays.toString(shape)
                    + " does not match its " + rows + "x" + cols + " values in layout " + layout);
        this.shape = shape.clone();
    }

    /** A 2-D float32 weight in the default {@link Layout#OUT_IN} layout ({@code rows = fan_out}). */
    public static Parameter of(String name, FloatMatrix value) { return of(name, value, Layout.OUT_IN); }

    /**
     * A 2-D float32 weight with a declared layout. The shape recorded is the {@code OUT_IN} one,
     * {@code [fan_out, fan_in]}.
     */
    public static Parameter of(String name, FloatMatrix value, Layout layout) {
        Check.notNull("value", value);
        Check.notNull("layout", layout);
        return new Parameter(name, value, null, layout, oriented(value.rows, value.cols, layout));
    }

    /** Float64 twin of {@link #of(String, FloatMatrix)} (reference runs; state is kept in float64). */
    public static Parameter of(String name, Matrix value) { return of(name, value, Layout.OUT_IN); }

    /** Float64 twin of {@link #of(String, FloatMatrix, Layout)}. */
    public static Parameter of(String name, Matrix value, Layout layout) {
        Check.notNull("value", value);
        Check.notNull("layout", layout);
        return new Parameter(name, null, value, layout, oriented(value.rows, value.cols, layout));
    }

    /**
     * A tensor of {@code shape} (any rank) stored as the matrix {@code flat}: for rank ≥ 3,
     * {@code flat} is {@code shape[0] × prod(shape[1..])} (layout {@code OUT_IN}); for rank ≤ 1 it
     * is one row of {@code prod(shape)} values; for rank 2 it is the matrix itself.
     *
     * @throws IllegalArgumentException if the element counts or the leading dimension disagree
     */
    public static Parameter reshaped(String name, FloatMatrix flat, int... shape) {
        Check.notNull("flat", flat);
        Check.notNull("shape", shape);
        return new Parameter(name, flat, null, Layout.OUT_IN, shape);
    }

    /** Float64 twin of {@link #reshaped(String, FloatMatrix, int...)}. */
    public static Parameter reshaped(String name, Matrix flat, int... shape) {
        Check.notNull("flat", flat);
        Check.notNull("shape", shape);
        return new Parameter(name, null, flat, Layout.OUT_IN, shape);
    }

    /** A 1-D float32 parameter (bias, gain) of {@code values.length ≥ 1} values, wrapped without copying. */
    public static Parameter vector(String name, float[] values) {
        Check.notNull("values", values);
        return new Parameter(name, new FloatMatrix(values, 0, 1, values.length, values.length), null, Layout.OUT_IN,
                new int[] {values.length});
    }

    /** Float64 twin of {@link #vector(String, float[])}. */
    public static Parameter vector(String name, double[] values) {
        Check.notNull("values", values);
        return new Parameter(name, null, new Matrix(values, 0, 1, values.length, values.length), Layout.OUT_IN,
                new int[] {values.length});
    }

    private static int[] oriented(int rows, int cols, Layout layout) {
        return layout == Layout.OUT_IN ? new int[] {rows, cols} : new int[] {cols, rows};
    }

    /** The name (unique within one optimizer; keys the state and the state file). */
    public String name() { return name; }

    /** The declared layout ({@link Layout#OUT_IN} unless declared otherwise). */
    public Layout layout() { return layout; }

    /** The tensor shape (a copy): {@code [fan_out, fan_in]} for 2-D, the original shape otherwise. */
    public int[] shape() { return shape.clone(); }

    /** Number of tensor dimensions. */
    public int ndim() { return shape.length; }

    /** True when {@link #ndim()} ≥ 2 (a candidate for a matrix optimizer). */
    public boolean isMatrix() { return shape.length >= 2; }

    /** True for float32 values ({@link #value()}), false for float64 ({@link #doubleValue()}). */
    public boolean isFloat() { return f != null; }

    /** The float32 values as stored, or null for a float64 parameter. */
    public FloatMatrix value() { return f; }

    /** The float64 values as stored, or null for a float32 parameter. */
    public Matrix doubleValue() { return d; }

    /** Rows of the stored matrix. */
    public int storedRows() { return f != null ? f.rows : d.rows; }

    /** Columns of the stored matrix. */
    public int storedCols() { return f != null ? f.cols : d.cols; }

    /** {@code m}: rows in the {@code OUT_IN} orientation (fan-out; 1 for vectors). */
    public int fanOut() { return layout == Layout.OUT_IN ? storedRows() : storedCols(); }

    /** {@code n}: columns in the {@code OUT_IN} orientation (fan-in; the length for vectors). */
    public int fanIn() { return layout == Layout.OUT_IN ? storedCols() : storedRows(); }

    /** E.g. {@code W1[64x32 OUT_IN f32]} or {@code conv1[16, 3, 3, 3] as 16x27 f64}. */
    @Override
    public String toString() {
        String p = isFloat() ? "f32" : "f64";
        if (shape.length > 2) return name + Arrays.toString(shape) + " as " + storedRows() + "x" + storedCols() + " " + p;
        if (shape.length < 2) return name + Arrays.toString(shape) + " " + p;
        return name + "[" + storedRows() + "x" + storedCols() + " " + layout + " " + p + "]";
    }
}
