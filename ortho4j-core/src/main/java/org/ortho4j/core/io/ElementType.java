package org.ortho4j.core.io;

import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The element types the readers and writers of this package understand, with their encoded size
 * and the Java primitive array that holds them in an {@link NdArray}.
 *
 * <p>Each type is held in the narrowest Java primitive that represents <em>every</em> value
 * exactly: {@code double[]} for {@link #FLOAT64}; {@code float[]} for {@link #FLOAT32},
 * {@link #FLOAT16} and {@link #BFLOAT16} (both widen to float exactly); {@code int[]} for
 * {@link #BOOL} (0 or 1), {@link #INT8}, {@link #UINT8}, {@link #INT16}, {@link #UINT16} and
 * {@link #INT32}; {@code long[]} for {@link #UINT32} and {@link #INT64}. Unsigned 64-bit integers and
 * the 8-bit float formats are not supported (no exact Java holder / no settled semantics).
 *
 * <p>Names: numpy writes a type as kind and size, e.g. {@code f8}, {@code i4}, {@code u1},
 * {@code b1} ({@link #npyCode()}; numpy has no bfloat16); safetensors uses {@code F64},
 * {@code I32}, {@code BF16}, ... ({@link #safetensorsName()}).
 */
public enum ElementType {
    /** Boolean stored as one byte 0 or 1; held as int 0/1. numpy {@code b1}, safetensors {@code BOOL}. */
    BOOL(1, int.class, "b1", "BOOL", 0, 1, 0),
    /** Signed 8-bit integer; held as int. numpy {@code i1}, safetensors {@code I8}. */
    INT8(1, int.class, "i1", "I8", Byte.MIN_VALUE, Byte.MAX_VALUE, 2),
    /** Unsigned 8-bit integer; held as int. numpy {@code u1}, safetensors {@code U8}. */
    UINT8(1, int.class, "u1", "U8", 0, 0xFF, 1),
    /** Signed 16-bit integer; held as int. numpy {@code i2}, safetensors {@code I16}. */
    INT16(2, int.class, "i2", "I16", Short.MIN_VALUE, Short.MAX_VALUE, 5),
    /** Unsigned 16-bit integer; held as int. numpy {@code u2}, safetensors {@code U16}. */
    UINT16(2, int.class, "u2", "U16", 0, 0xFFFF, 6),
    /** Signed 32-bit integer; held as int. numpy {@code i4}, safetensors {@code I32}. */
    INT32(4, int.class, "i4", "I32", Integer.MIN_VALUE, Integer.MAX_VALUE, 9),
    /** Unsigned 32-bit integer; held as long. numpy {@code u4}, safetensors {@code U32}. */
    UINT32(4, long.class, "u4", "U32", 0, 0xFFFF_FFFFL, 10),
    /** Signed 64-bit integer; held as long. numpy {@code i8}, safetensors {@code I64}. */
    INT64(8, long.class, "i8", "I64", Long.MIN_VALUE, Long.MAX_VALUE, 13),
    /** IEEE 754 binary16; held as float (exact). numpy {@code f2}, safetensors {@code F16}. */
    FLOAT16(2, float.class, "f2", "F16", 0, 0, 7),
    /** bfloat16 (the upper half of a binary32); held as float (exact). Safetensors {@code BF16}; no numpy code. */
    BFLOAT16(2, float.class, null, "BF16", 0, 0, 8),
    /** IEEE 754 binary32; held as float. numpy {@code f4}, safetensors {@code F32}. */
    FLOAT32(4, float.class, "f4", "F32", 0, 0, 11),
    /** IEEE 754 binary64; held as double. numpy {@code f8}, safetensors {@code F64}. */
    FLOAT64(8, double.class, "f8", "F64", 0, 0, 12);

    private final int byteSize;
    private final Class<?> holder;
    private final String npyCode;
    private final String safetensorsName;
    private final long min, max;
    private final int safetensorsRank;

    ElementType(int byteSize, Class<?> holder, String npyCode, String safetensorsName, long min, long max, int safetensorsRank) {
        this.byteSize = byteSize;
        this.holder = holder;
        this.npyCode = npyCode;
        this.safetensorsName = safetensorsName;
        this.min = min;
        this.max = max;
        this.safetensorsRank = safetensorsRank;
    }

    /** Bytes per encoded element. */
    public int byteSize() { return byteSize; }

    /**
     * The Java primitive type of the array holding elements of this type:
     * {@code double.class}, {@code float.class}, {@code int.class} or {@code long.class}.
     */
    public Class<?> holder() { return holder; }

    /** Whether this is a floating-point type. */
    public boolean isFloatingPoint() { return holder == double.class || holder == float.class; }

    /** numpy's kind-and-size code ({@code "f8"}, {@code "u1"}, ...), or {@code null} for {@link #BFLOAT16}. */
    public String npyCode() { return npyCode; }

    /** The safetensors dtype name ({@code "F32"}, {@code "BF16"}, ...). */
    public String safetensorsName() { return safetensorsName; }

    /** Smallest value of an integer type (0 for floating-point types, where it is unused). */
    long minValue() { return min; }

    /** Largest value of an integer type (0 for floating-point types, where it is unused). */
    long maxValue() { return max; }

    /**
     * Position in the reference safetensors implementation's dtype order (its writer lays tensors
     * out by this rank, descending, so that every tensor starts aligned to its element size).
     */
    int safetensorsRank() { return safetensorsRank; }

    /**
     * The type with numpy code {@code kind + size} (e.g. {@code 'f', 8}), or {@code null} if none.
     */
    static ElementType fromNpy(char kind, int size) {
        String code = "" + kind + size;
        for (ElementType t : values()) if (code.equals(t.npyCode)) return t;
        return null;
    }

    /** The type with the given safetensors name (case-sensitive, as in the format), or {@code null}. */
    static ElementType fromSafetensors(String name) {
        for (ElementType t : values()) if (t.safetensorsName.equals(name)) return t;
        return null;
    }

    /** The non-null names {@code name} gives the types, comma-separated, for error messages. */
    static String names(Function<ElementType, String> name) {
        StringJoiner sj = new StringJoiner(", ");
        for (ElementType t : values()) if (name.apply(t) != null) sj.add(name.apply(t));
        return sj.toString();
    }
}
