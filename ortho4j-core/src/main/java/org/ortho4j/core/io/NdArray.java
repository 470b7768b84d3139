package org.ortho4j.core.io;

import java.util.Arrays;
import java.util.function.Supplier;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;

/**
 * An n-dimensional array as stored in a {@code .npy} or {@code .safetensors} file: an
 * {@link ElementType}, a shape, a memory order and one flat Java array holding the elements.
 *
 * <p><b>Layout.</b> The elements are held in {@link #data()} in file order: C (row-major, last
 * index fastest) unless {@link #isFortranOrder()}, in which case the first index varies fastest.
 * The holder is {@code double[]}, {@code float[]}, {@code int[]} or {@code long[]} as
 * {@link ElementType#holder()} says; its length is the product of the shape (1 for a 0-D array).
 * The typed accessors ({@link #doubles()}, ...) return that array itself (no copy: writes show
 * through); the {@code to...} conversions always return new C-order arrays or matrices.
 *
 * <p><b>Invariants</b> (checked by {@link #of}): every dimension is {@code >= 0}, the element count
 * is at most {@value #MAX_ELEMENTS} (the Java array limit), the holder type and length match, and
 * integer elements lie in their type's range (e.g. 0..255 for {@link ElementType#UINT8}, 0/1 for
 * {@link ElementType#BOOL}). Floats held for {@link ElementType#FLOAT16} and
 * {@link ElementType#BFLOAT16} may be any float; they are rounded (nearest even) when encoded.
 *
 * <p><b>Conversions</b> ({@link #toDoubleArray()}, {@link #toFloatArray()}, {@link #toMatrix()},
 * {@link #toFloatMatrix()}) follow one rule: integer to floating point must be exact, or an
 * {@link ArithmeticException} names the first offending element (so int64 ids beyond 2<sup>53</sup>
 * never silently become other numbers); double to float rounds to nearest (the caller asked for
 * float). Matrices use numpy's {@code atleast_2d} convention: a 0-D array becomes 1 x 1, a 1-D
 * array of length n becomes one row (1 x n), a 2-D array {@code (r, c)} becomes r x c.
 *
 * <p>Instances are immutable apart from the shared holder array; {@link #equals} compares type,
 * shape, order and elements ({@link Arrays#equals(double[], double[])} semantics: NaN equals NaN,
 * 0.0 differs from -0.0).
 */
public final class NdArray {
    /** The largest element count a Java array (hence an NdArray) can hold here. */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final ElementType type;
    private final int[] shape;
    private final boolean fortranOrder;
    private final Object data;
    private final int size;

    private NdArray(ElementType type, int[] shape, boolean fortranOrder, Object data, int size) {
        this.type = type;
        this.shape = shape;
        this.fortranOrder = fortranOrder;
        this.data = data;
        this.size = size;
    }

    /**
     * Wraps {@code data} (not copied) as an array of the given type, shape and order.
     *
     * @param type         element type
     * @param shape        dimensions (copied), each {@code >= 0}; an empty shape is a 0-D array (1 element)
     * @param fortranOrder whether {@code data} is in Fortran (column-major) order rather than C order
     * @param data         the holder array: {@code double[]}, {@code float[]}, {@code int[]} or
     *                     {@code long[]} as {@code type.holder()} says, of length product(shape)
     * @throws IllegalArgumentException naming the offending argument if any invariant fails
     */
    public static NdArray of(ElementType type, int[] shape, boolean fortranOrder, Object data) {
        Check.notNull("type", type);
        Check.notNull("shape", shape);
        Check.notNull("data", data);
        int[] s = shape.clone();
        long n = elementCount(s, "shape");
        if (data.getClass().getComponentType() != type.holder())
            throw new IllegalArgumentException("data is a " + data.getClass().getSimpleName() + ", expected "
                    + type.holder().getName() + "[] for element type " + type);
        int length = java.lang.reflect.Array.getLength(data);
        if (length != n)
            throw new IllegalArgumentException("data.length = " + length + ", expected product of shape " + shapeString(s) + " = " + n);
        checkRange(type, data);
        return new NdArray(type, s, fortranOrder, data, (int) n);
    }

    /**
     * The element count of {@code shape}, validated: dimensions {@code >= 0}, product at most
     * {@link #MAX_ELEMENTS}.
     *
     * @throws IllegalArgumentException naming {@code name} otherwise
     */
    static long elementCount(int[] shape, String name) {
        long n = 1;
        boolean zero = false;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) throw new IllegalArgumentException(name + "[" + i + "] = " + shape[i] + ", expected >= 0");
            if (shape[i] == 0) zero = true;
            else n = Math.min(n * shape[i], MAX_ELEMENTS + 1L); // both factors < 2^31: no overflow
        }
        if (zero) return 0;
        if (n > MAX_ELEMENTS)
            throw new IllegalArgumentException(name + " = " + shapeString(shape) + " has more than " + MAX_ELEMENTS
                    + " elements, the Java array limit");
        return n;
    }

    private static void checkRange(ElementType type, Object data) {
        if (type.isFloatingPoint() || type == ElementType.INT32 || type == ElementType.INT64) return; // holder range == type range
        long min = type.minValue(), max = type.maxValue();
        if (data instanceof int[] a) {
            for (int i = 0; i < a.length; i++) if (a[i] < min || a[i] > max) throw outOfRange(type, i, a[i]);
        } else {
            long[] a = (long[]) data;
            for (int i = 0; i < a.length; i++) if (a[i] < min || a[i] > max) throw outOfRange(type, i, a[i]);
        }
    }

    private static IllegalArgumentException outOfRange(ElementType type, int index, long value) {
        return new IllegalArgumentException("data[" + index + "] = " + value + ", expected in [" + type.minValue() + ", "
                + type.maxValue() + "] for element type " + type);
    }

    /** A 2-D {@link ElementType#FLOAT64} copy of {@code m} (C order, shape {@code (rows, cols)}); views are fine. */
    public static NdArray of(Matrix m) {
        Check.notNull("m", m);
        return new NdArray(ElementType.FLOAT64, new int[] {m.rows, m.cols}, false, m.toRowMajor(), m.rows * m.cols);
    }

    /** A 2-D {@link ElementType#FLOAT32} copy of {@code m} (C order, shape {@code (rows, cols)}); views are fine. */
    public static NdArray of(FloatMatrix m) {
        Check.notNull("m", m);
        return new NdArray(ElementType.FLOAT32, new int[] {m.rows, m.cols}, false, m.copy().data, m.rows * m.cols);
    }

    /** A 1-D {@link ElementType#FLOAT64} array wrapping {@code v} (not copied). */
    public static NdArray vector(double[] v) { return of(ElementType.FLOAT64, lengthOf(v), false, v); }

    /** A 1-D {@link ElementType#FLOAT32} array wrapping {@code v} (not copied). */
    public static NdArray vector(float[] v) { return of(ElementType.FLOAT32, lengthOf(v), false, v); }

    /** A 1-D {@link ElementType#INT32} array wrapping {@code v} (not copied). */
    public static NdArray vector(int[] v) { return of(ElementType.INT32, lengthOf(v), false, v); }

    /** A 1-D {@link ElementType#INT64} array wrapping {@code v} (not copied). */
    public static NdArray vector(long[] v) { return of(ElementType.INT64, lengthOf(v), false, v); }

    private static int[] lengthOf(Object v) {
        Check.notNull("v", v);
        return new int[] {java.lang.reflect.Array.getLength(v)};
    }

    // ------------------------------------------------------------------ accessors

    /** The element type. */
    public ElementType type() { return type; }

    /** The shape (a copy); empty for a 0-D array. */
    public int[] shape() { return shape.clone(); }

    /** The number of dimensions. */
    public int ndim() { return shape.length; }

    /** Dimension {@code axis}. */
    public int dim(int axis) {
        Check.inRange("axis", axis, 0, shape.length - 1);
        return shape[axis];
    }

    /** The number of elements (product of the shape; 1 for 0-D). */
    public int size() { return size; }

    /** Whether {@link #data()} is in Fortran (column-major) order. */
    public boolean isFortranOrder() { return fortranOrder; }

    /** The holder array itself, in file order (not copied). */
    public Object data() { return data; }

    /** The holder array (not copied, file order) of a {@code double[]}-held type. */
    public double[] doubles() { return holder(double[].class); }

    /** The holder array (not copied, file order) of a {@code float[]}-held type. */
    public float[] floats() { return holder(float[].class); }

    /** The holder array (not copied, file order) of an {@code int[]}-held type. */
    public int[] ints() { return holder(int[].class); }

    /** The holder array (not copied, file order) of a {@code long[]}-held type. */
    public long[] longs() { return holder(long[].class); }

    private <T> T holder(Class<T> want) {
        if (!want.isInstance(data))
            throw new IllegalStateException("this " + type + " array is held in a " + data.getClass().getSimpleName()
                    + ", not a " + want.getSimpleName() + "; use toDoubleArray() or toFloatArray() to convert");
        return want.cast(data);
    }

    // ---------------------------------------------------------------- conversions

    /**
     * This array in C order: itself when already C order (or when at most one dimension exceeds
     * 1, where both orders coincide), else a transposed copy. O(size) time and memory for the copy.
     */
    public NdArray toCOrder() {
        if (!fortranOrder) return this;
        Object c = ordersCoincide() ? data : gather(data, fortranToC(shape, size));
        return new NdArray(type, shape, false, c, size);
    }

    /**
     * Whether C and Fortran order lay the elements out identically: no elements, or at most one
     * dimension longer than 1 (numpy then flags the array both C- and F-contiguous).
     */
    boolean ordersCoincide() {
        int nontrivial = 0;
        for (int d : shape) if (d > 1) nontrivial++;
        return size == 0 || nontrivial <= 1;
    }

    /**
     * {@code perm[p]} = the Fortran-order position of the element at C-order position {@code p}.
     * An odometer over the C multi-index (last axis fastest) carries the Fortran offset along.
     */
    private static int[] fortranToC(int[] shape, int size) {
        int nd = shape.length;
        int[] stride = new int[nd]; // Fortran strides: 1, d0, d0*d1, ...
        for (int j = 0, s = 1; j < nd; s *= shape[j], j++) stride[j] = s;
        int[] index = new int[nd], perm = new int[size];
        int f = 0;
        for (int p = 0; p < size; p++) {
            perm[p] = f;
            for (int j = nd - 1; j >= 0; j--) { // increment the odometer
                if (++index[j] < shape[j]) { f += stride[j]; break; }
                f -= (index[j] - 1) * stride[j];
                index[j] = 0;
            }
        }
        return perm;
    }

    private static Object gather(Object src, int[] perm) {
        int n = perm.length;
        if (src instanceof double[] a) { double[] r = new double[n]; for (int i = 0; i < n; i++) r[i] = a[perm[i]]; return r; }
        if (src instanceof float[] a) { float[] r = new float[n]; for (int i = 0; i < n; i++) r[i] = a[perm[i]]; return r; }
        if (src instanceof int[] a) { int[] r = new int[n]; for (int i = 0; i < n; i++) r[i] = a[perm[i]]; return r; }
        long[] a = (long[]) src, r = new long[n];
        for (int i = 0; i < n; i++) r[i] = a[perm[i]];
        return r;
    }

    /**
     * The elements in C order as a new {@code double[]}. Floats widen exactly; integers must be
     * exactly representable (|v| &le; 2<sup>53</sup> is always fine).
     *
     * @throws ArithmeticException naming the first int64 element that a double cannot hold exactly
     */
    public double[] toDoubleArray() {
        Object c = toCOrder().data;
        if (c instanceof double[] a) return a.clone();
        double[] r = new double[size];
        if (c instanceof float[] a) for (int i = 0; i < size; i++) r[i] = a[i];
        else if (c instanceof int[] a) for (int i = 0; i < size; i++) r[i] = a[i];
        else {
            long[] a = (long[]) c;
            for (int i = 0; i < size; i++) {
                double d = a[i];
                if (d == 0x1p63 || (long) d != a[i]) throw inexact(i, a[i], "double");
                r[i] = d;
            }
        }
        return r;
    }

    /**
     * The elements in C order as a new {@code float[]}. Doubles round to nearest float; integers
     * must be exactly representable (|v| &le; 2<sup>24</sup> is always fine).
     *
     * @throws ArithmeticException naming the first integer element that a float cannot hold exactly
     */
    public float[] toFloatArray() {
        Object c = toCOrder().data;
        if (c instanceof float[] a) return a.clone();
        float[] r = new float[size];
        if (c instanceof double[] a) for (int i = 0; i < size; i++) r[i] = (float) a[i];
        else if (c instanceof int[] a) {
            for (int i = 0; i < size; i++) {
                float f = a[i];
                if (f == 0x1p31f || (int) f != a[i]) throw inexact(i, a[i], "float");
                r[i] = f;
            }
        } else {
            long[] a = (long[]) c;
            for (int i = 0; i < size; i++) {
                float f = a[i];
                if (f == 0x1p63f || (long) f != a[i]) throw inexact(i, a[i], "float");
                r[i] = f;
            }
        }
        return r;
    }

    private ArithmeticException inexact(int index, long value, String target) {
        return new ArithmeticException("element " + index + " (C order) of this " + type + " array, " + value
                + ", is not exactly representable as a " + target);
    }

    /**
     * A new {@link Matrix} with these elements (atleast_2d convention: 0-D is 1 x 1, 1-D of length n
     * is 1 x n, 2-D {@code (r, c)} is r x c); conversion rules as {@link #toDoubleArray()}.
     *
     * @throws IllegalStateException if the array has more than 2 dimensions
     * @throws ArithmeticException   if an integer element is not exactly representable
     */
    public Matrix toMatrix() {
        int[] rc = matrixShape();
        return Matrix.wrap(rc[0], rc[1], toDoubleArray());
    }

    /**
     * A new {@link FloatMatrix} with these elements (shapes as {@link #toMatrix()}); conversion rules
     * as {@link #toFloatArray()}.
     *
     * @throws IllegalStateException if the array has more than 2 dimensions
     * @throws ArithmeticException   if an integer element is not exactly representable
     */
    public FloatMatrix toFloatMatrix() {
        int[] rc = matrixShape();
        return FloatMatrix.wrap(rc[0], rc[1], toFloatArray());
    }

    private int[] matrixShape() {
        return switch (shape.length) {
            case 0 -> new int[] {1, 1};
            case 1 -> new int[] {1, shape[0]};
            case 2 -> shape.clone();
            default -> throw new IllegalStateException("a " + shape.length + "-D array of shape " + shapeString(shape)
                    + " is not a matrix, expected 0, 1 or 2 dimensions");
        };
    }

    /**
     * Runs a conversion for a reader, turning the conversion's {@link IllegalStateException} or
     * {@link ArithmeticException} into a {@link FileFormatException} about the file.
     *
     * @param prefix put before the conversion's message, e.g. {@code "tensor 'w': "}
     */
    static <T> T convertForReader(Supplier<T> conversion, String format, String src, String prefix) throws FileFormatException {
        try {
            return conversion.get();
        } catch (IllegalStateException | ArithmeticException e) {
            throw new FileFormatException(format, src, prefix + e.getMessage(), e);
        }
    }

    /** A shape the way Python prints a tuple: {@code ()}, {@code (5,)}, {@code (3, 4)}. */
    static String shapeString(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) sb.append(i == 0 ? "" : ", ").append(shape[i]);
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    // ------------------------------------------------------------------ identity

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof NdArray b)) return false;
        return type == b.type && fortranOrder == b.fortranOrder && Arrays.equals(shape, b.shape) && Arrays.deepEquals(new Object[] {data}, new Object[] {b.data});
    }

    @Override
    public int hashCode() {
        return (type.hashCode() * 31 + Arrays.hashCode(shape)) * 31 + Arrays.deepHashCode(new Object[] {data}) + (fortranOrder ? 1 : 0);
    }

    /** E.g. {@code NdArray[FLOAT64, shape (3, 4), C order]}. */
    @Override
    public String toString() {
        return "NdArray[" + type + ", shape " + shapeString(shape) + ", " + (fortranOrder ? "Fortran" : "C") + " order]";
    }
}
