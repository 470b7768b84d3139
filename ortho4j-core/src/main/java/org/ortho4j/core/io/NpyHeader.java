package org.ortho4j.core.io;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The parsed header of a {@code .npy} file (see {@link Npy}).
 *
 * @param majorVersion format major version: 1, 2 or 3 (2 and 3 allow headers over 64 KiB; 3 is UTF-8)
 * @param minorVersion format minor version (always 0 so far)
 * @param type         the element type
 * @param byteOrder    the byte order of the stored elements (irrelevant for 1-byte types, reported
 *                     as little-endian for them)
 * @param shape        the dimensions; empty for a 0-D array. The record keeps its own copy and
 *                     {@link #shape()} returns a copy
 * @param fortranOrder whether the data is stored in Fortran (column-major) order
 * @param dataOffset   the byte offset of the first element from the start of the file (a multiple of
 *                     64 for files numpy writes, of 16 for files older numpy wrote)
 */
public record NpyHeader(int majorVersion, int minorVersion, ElementType type, ByteOrder byteOrder, int[] shape,
                        boolean fortranOrder, long dataOffset) {
    /** Copies {@code shape}. */
    public NpyHeader {
        shape = shape.clone();
    }

    /** A copy of the dimensions. */
    @Override
    public int[] shape() { return shape.clone(); }

    /** The number of elements (product of the shape). */
    public long size() { return NdArray.elementCount(shape, "shape"); }

    /** The number of data bytes after the header: {@code size() * type().byteSize()}. */
    public long dataBytes() { return size() * type.byteSize(); }

    /** numpy's dtype string, e.g. {@code "<f8"}, {@code "|u1"}. */
    public String descr() { return Npy.descr(type, byteOrder); }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && majorVersion == h.majorVersion && minorVersion == h.minorVersion && type == h.type
                && byteOrder.equals(h.byteOrder) && Arrays.equals(shape, h.shape) && fortranOrder == h.fortranOrder
                && dataOffset == h.dataOffset;
    }

    @Override
    public int hashCode() {
        return ((majorVersion * 31 + type.hashCode()) * 31 + Arrays.hashCode(shape)) * 31 + Long.hashCode(dataOffset)
                + (fortranOrder ? 1 : 0) + byteOrder.hashCode();
    }

    /** E.g. {@code NpyHeader[v1.0, <f8, shape (3, 4), C order, data at 128]}. */
    @Override
    public String toString() {
        return "NpyHeader[v" + majorVersion + "." + minorVersion + ", " + descr() + ", shape " + NdArray.shapeString(shape) + ", "
                + (fortranOrder ? "Fortran" : "C") + " order, data at " + dataOffset + "]";
    }
}
