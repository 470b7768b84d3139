package org.ortho4j.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;
import java.util.function.Function;

/**
 * Converts between encoded element bytes (one {@link ElementType}, one byte order) and the Java
 * holder arrays of {@link NdArray}, streaming through one reusable chunk buffer so that arrays of
 * any size (up to the Java array limit) are read and written without a second full-size copy.
 * Package-private: the single place where element bytes are interpreted.
 */
final class ElementCodec {
    /** Chunk size in bytes; a multiple of every element size, so chunks end on element boundaries. */
    static final int CHUNK_BYTES = 1 << 16;

    /** A source of bytes with {@link java.io.InputStream#read(byte[], int, int)} semantics. */
    @FunctionalInterface
    interface ByteSource {
        /** Reads up to {@code len} bytes into {@code b[off..]}; returns the count, or -1 at the end. */
        int read(byte[] b, int off, int len) throws IOException;
    }

    /** A sink of bytes with {@link java.io.OutputStream#write(byte[], int, int)} semantics. */
    @FunctionalInterface
    interface ByteSink {
        /** Writes {@code b[off .. off+len)}. */
        void write(byte[] b, int off, int len) throws IOException;
    }

    private final ElementType type;
    private final ByteOrder order;
    private final byte[] chunk;

    /**
     * @param type          the element type
     * @param order         the byte order of the encoded elements
     * @param maxElements   an upper bound on the elements per call, to size the buffer for small arrays
     */
    ElementCodec(ElementType type, ByteOrder order, long maxElements) {
        this.type = type;
        this.order = order;
        this.chunk = new byte[(int) Math.max(type.byteSize(), Math.min(CHUNK_BYTES, maxElements * type.byteSize()))];
    }

    /** A new holder array ({@code double[]}, {@code float[]}, {@code int[]} or {@code long[]}) of length {@code n}. */
    static Object allocate(ElementType type, int n) {
        Class<?> h = type.holder();
        if (h == double.class) return new double[n];
        if (h == float.class) return new float[n];
        if (h == int.class) return new int[n];
        return new long[n];
    }

    /**
     * Reads and decodes {@code count} elements into {@code dst[dstPos ..]}.
     *
     * @param what a description of the data for messages, e.g. {@code "tensor 'w' (F32, shape [3, 4])"}
     * @param fail makes the exception for a problem (the detail message is given)
     * @throws FileFormatException through {@code fail} if the source ends early or a BOOL byte is not 0/1
     */
    void decode(ByteSource src, int count, Object dst, int dstPos, String what, Function<String, FileFormatException> fail)
            throws IOException {
        int size = type.byteSize();
        long total = (long) count * size, done = 0;
        while (done < total) {
            int want = (int) Math.min(chunk.length, total - done), got = 0;
            while (got < want) {
                int n = src.read(chunk, got, want - got);
                if (n < 0)
                    throw fail.apply("truncated data: " + what + " needs " + total + " bytes, the input ends after "
                            + (done + got));
                got += n;
            }
            decodeChunk(want / size, dst, dstPos + (int) (done / size), fail);
            done += want;
        }
    }

    private void decodeChunk(int k, Object dst, int pos, Function<String, FileFormatException> fail) throws FileFormatException {
        ByteBuffer bb = ByteBuffer.wrap(chunk, 0, k * type.byteSize()).order(order);
        switch (type) {
            case FLOAT64 -> bb.asDoubleBuffer().get((double[]) dst, pos, k);
            case FLOAT32 -> bb.asFloatBuffer().get((float[]) dst, pos, k);
            case INT32 -> bb.asIntBuffer().get((int[]) dst, pos, k);
            case INT64 -> bb.asLongBuffer().get((long[]) dst, pos, k);
            case FLOAT16, BFLOAT16 -> {
                ShortBuffer sb = bb.asShortBuffer();
                float[] f = (float[]) dst;
                boolean half = type == ElementType.FLOAT16;
                for (int i = 0; i < k; i++) f[pos + i] = half ? HalfFloats.f16ToFloat(sb.get(i)) : HalfFloats.bf16ToFloat(sb.get(i));
            }
            case UINT32 -> {
                IntBuffer ib = bb.asIntBuffer();
                long[] l = (long[]) dst;
                for (int i = 0; i < k; i++) l[pos + i] = Integer.toUnsignedLong(ib.get(i));
            }
            case INT16, UINT16 -> {
                ShortBuffer sb = bb.asShortBuffer();
                int[] a = (int[]) dst;
                int mask = type == ElementType.INT16 ? -1 : 0xFFFF; // -1 keeps the sign extension
                for (int i = 0; i < k; i++) a[pos + i] = sb.get(i) & mask;
            }
            case INT8, UINT8, BOOL -> {
                int[] a = (int[]) dst;
                int mask = type == ElementType.INT8 ? -1 : 0xFF;
                for (int i = 0; i < k; i++) {
                    int v = chunk[i] & mask;
                    if (type == ElementType.BOOL && v > 1)
                        throw fail.apply("element " + (pos + i) + " of a bool array is the byte " + v + ", expected 0 or 1");
                    a[pos + i] = v;
                }
            }
        }
    }

    /**
     * Encodes {@code count} elements of {@code src[from ..]} and writes them to {@code sink}.
     * Integer values must already lie in the type's range (checked by {@link NdArray}); floats are
     * rounded to nearest even for the 16-bit formats.
     */
    void encode(Object src, int from, int count, ByteSink sink) throws IOException {
        int size = type.byteSize(), perChunk = chunk.length / size;
        for (int done = 0; done < count; ) {
            int k = Math.min(perChunk, count - done);
            encodeChunk(src, from + done, k);
            sink.write(chunk, 0, k * size);
            done += k;
        }
    }

    private void encodeChunk(Object src, int pos, int k) {
        ByteBuffer bb = ByteBuffer.wrap(chunk, 0, k * type.byteSize()).order(order);
        switch (type) {
            case FLOAT64 -> bb.asDoubleBuffer().put((double[]) src, pos, k);
            case FLOAT32 -> bb.asFloatBuffer().put((float[]) src, pos, k);
            case INT32 -> bb.asIntBuffer().put((int[]) src, pos, k);
            case INT64 -> bb.asLongBuffer().put((long[]) src, pos, k);
            case FLOAT16, BFLOAT16 -> {
                ShortBuffer sb = bb.asShortBuffer();
                float[] f = (float[]) src;
                boolean half = type == ElementType.FLOAT16;
                for (int i = 0; i < k; i++) sb.put(i, half ? HalfFloats.floatToF16(f[pos + i]) : HalfFloats.floatToBf16(f[pos + i]));
            }
            case UINT32 -> {
                IntBuffer ib = bb.asIntBuffer();
                long[] l = (long[]) src;
                for (int i = 0; i < k; i++) ib.put(i, (int) l[pos + i]);
            }
            case INT16, UINT16 -> {
                ShortBuffer sb = bb.asShortBuffer();
                int[] a = (int[]) src;
                for (int i = 0; i < k; i++) sb.put(i, (short) a[pos + i]);
            }
            case INT8, UINT8, BOOL -> {
                int[] a = (int[]) src;
                for (int i = 0; i < k; i++) chunk[i] = (byte) a[pos + i];
            }
        }
    }
}
