package org.ortho4j.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;

/**
 * Reads and writes NumPy {@code .npy} files (the format of {@code np.save} / {@code np.load},
 * specified in numpy's {@code numpy.lib.format} module documentation).
 *
 * <h2>Format</h2>
 * A file is the magic {@code \x93NUMPY}, a major and minor version byte, the header length
 * (unsigned little-endian: 2 bytes in version 1.0, 4 bytes in 2.0 and 3.0), an ASCII header (UTF-8 in
 * 3.0) holding a Python dict literal such as
 * <pre>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (3, 4), }</pre>
 * padded with spaces and a final {@code '\n'} so that the data starts at a multiple of 64 bytes,
 * then the raw elements in C or Fortran order.
 *
 * <h2>Reading</h2>
 * Versions 1.0, 2.0 and 3.0 are read. Element types: {@code f2 f4 f8 i1 i2 i4 i8 u1 u2 u4 b1}
 * (see {@link ElementType}) with byte order {@code <} (little), {@code >} (big), {@code =} or none
 * (native); {@code |} ("not applicable") is accepted for 1-byte types only. Any number of
 * dimensions, including 0-D and empty arrays. The data is returned in file order
 * ({@link NdArray#isFortranOrder()}); the matrix conversions reorder it. Headers are parsed, never
 * evaluated, and limited to {@value #MAX_HEADER_BYTES} bytes. {@link #read(Path)} insists that the
 * file ends exactly after the data; {@link #read(InputStream)} reads exactly one array and leaves
 * the stream after it, so arrays saved one after the other into one stream can be read in turn.
 *
 * <h2>Writing</h2>
 * The writers produce byte for byte what numpy 2.x {@code np.save} writes for the same array
 * (checked by the tests against files numpy wrote): format 1.0 (2.0 only for a header over
 * 65535 bytes), keys in sorted order, the shape as a Python tuple ({@code (5,)} for 1-D), the
 * {@code 21 - digits} spaces numpy reserves after the dict so that the growing axis can be rewritten
 * in place, then spaces and {@code '\n'} up to a multiple of 64. Little-endian unless a big-endian
 * order is asked for; 1-byte types are written with {@code |}. An array flagged Fortran-order is
 * written with {@code 'fortran_order': True} unless C and Fortran order coincide for its shape
 * (numpy then writes {@code False}, and so do we). {@link ElementType#BFLOAT16} has no numpy type
 * and is rejected. File writes are atomic ({@link AtomicFiles}).
 *
 * <h2>Errors</h2>
 * Bad magic, an unsupported version, a malformed header, an unsupported dtype, a shape too large
 * for a Java array, truncated or trailing data all throw {@link FileFormatException} with the file
 * and the problem in the message; never an unchecked array or index exception.
 *
 * <p>Costs: reading and writing are O(header + elements), streamed through a 64 KiB buffer; the
 * only full-size allocation is the returned array.
 */
public final class Npy {
    private Npy() {}

    /** The largest header accepted on read (numpy's headers take a few kilobytes at most). */
    public static final int MAX_HEADER_BYTES = 1 << 20;
    /** numpy's maximum number of dimensions ({@code NPY_MAXDIMS} in numpy 2); the writer refuses more. */
    public static final int MAX_DIMS = 64;

    private static final String FORMAT = "npy";
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** The data starts at a multiple of this many bytes ({@code ARRAY_ALIGN} in numpy). */
    private static final int ALIGN = 64;
    /** Spaces numpy reserves for the growth axis' digits ({@code GROWTH_AXIS_MAX_DIGITS} in numpy). */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");
    private static final Pattern DESCR = Pattern.compile("([<>|=]?)([a-z])([0-9]{1,3})");

    // ---------------------------------------------------------------------- reading

    /**
     * Reads a whole {@code .npy} file.
     *
     * @param path the file
     * @return the array, in the file's element type, shape and order
     * @throws FileFormatException if the file is not a valid npy file of a supported type, or has
     *                             more or fewer data bytes than its header announces
     * @throws IOException         if reading fails
     */
    public static NdArray read(Path path) throws IOException {
        Check.notNull("path", path);
        String src = "file " + path;
        long fileSize = Files.size(path);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), ElementCodec.CHUNK_BYTES)) {
            NpyHeader h = readHeader(in, src);
            long expected = h.dataOffset() + h.dataBytes();
            if (fileSize != expected)
                throw fail(src, (fileSize < expected ? "truncated data: " : "trailing data: ") + dataDescription(h)
                        + " needs " + h.dataBytes() + " bytes after the " + h.dataOffset() + "-byte header, the file has "
                        + (fileSize - h.dataOffset()) + (fileSize < expected ? "" : " (read(InputStream) reads one array of a concatenation)"));
            return readData(in, h, src);
        }
    }

    /**
     * Reads one array from a stream: the header, then exactly the announced data bytes. The stream
     * is left just after the array and is not closed.
     *
     * @throws FileFormatException if the bytes are not a valid npy array of a supported type or the
     *                             stream ends early
     * @throws IOException         if reading fails
     */
    public static NdArray read(InputStream in) throws IOException {
        Check.notNull("in", in);
        NpyHeader h = readHeader(in, "stream");
        return readData(in, h, "stream");
    }

    /**
     * Reads and validates only the header of a {@code .npy} file (the version, type, shape and
     * where the data starts). Does not check the data length.
     *
     * @throws FileFormatException if the header is not valid
     * @throws IOException         if reading fails
     */
    public static NpyHeader readHeader(Path path) throws IOException {
        Check.notNull("path", path);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return readHeader(in, "file " + path);
        }
    }

    /**
     * Reads a 0-, 1- or 2-D {@code .npy} file as a double matrix: 0-D → 1 x 1, length-n 1-D → 1 x n
     * (a row, numpy's {@code atleast_2d}), {@code (r, c)} → r x c in either storage order. Float
     * types widen exactly; integer types must be exactly representable (see {@link NdArray}).
     *
     * @throws FileFormatException if the file is invalid, has more than 2 dimensions, or holds an
     *                             int64 value a double cannot represent exactly
     * @throws IOException         if reading fails
     */
    public static Matrix readMatrix(Path path) throws IOException {
        NdArray a = read(path);
        return NdArray.convertForReader(a::toMatrix, FORMAT, "file " + path, "");
    }

    /**
     * Reads a 0-, 1- or 2-D {@code .npy} file as a float matrix (shapes as {@link #readMatrix});
     * f8 data rounds to nearest float, integer data must be exactly representable.
     *
     * @throws FileFormatException if the file is invalid, has more than 2 dimensions, or holds an
     *                             integer a float cannot represent exactly
     * @throws IOException         if reading fails
     */
    public static FloatMatrix readFloatMatrix(Path path) throws IOException {
        NdArray a = read(path);
        return NdArray.convertForReader(a::toFloatMatrix, FORMAT, "file " + path, "");
    }

    private static NpyHeader readHeader(InputStream in, String src) throws IOException {
        byte[] pre = new byte[MAGIC.length + 2];
        int n = in.readNBytes(pre, 0, pre.length);
        for (int i = 0; i < Math.min(n, MAGIC.length); i++)
            if (pre[i] != MAGIC[i]) throw badMagic(src, pre, Math.min(n, MAGIC.length));
        if (n < pre.length)
            throw fail(src, n == 0 ? "empty input, expected the npy magic \\x93NUMPY"
                    : "truncated: the input ends after " + n + " bytes, inside the 8-byte magic and version");
        int major = pre[6] & 0xFF, minor = pre[7] & 0xFF;
        if (minor != 0 || major < 1 || major > 3)
            throw fail(src, "unsupported npy format version " + major + "." + minor + ", expected 1.0, 2.0 or 3.0");
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] lb = readExactly(in, lengthBytes, "header length", src);
        long headerLength = major == 1 ? ByteBuffer.wrap(lb).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFFL
                : ByteBuffer.wrap(lb).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL;
        if (headerLength > MAX_HEADER_BYTES)
            throw fail(src, "header length " + headerLength + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
        byte[] hb = readExactly(in, (int) headerLength, "header", src);
        String text;
        if (major == 3) {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(hb)).toString();
            } catch (CharacterCodingException e) {
                throw new FileFormatException(FORMAT, src, "the version 3.0 header is not valid UTF-8", e);
            }
        } else {
            text = new String(hb, StandardCharsets.ISO_8859_1);
        }
        return parseHeader(text, major, minor, MAGIC.length + 2 + lengthBytes + headerLength, src);
    }

    private static byte[] readExactly(InputStream in, int n, String what, String src) throws IOException {
        byte[] b = new byte[n];
        int got = in.readNBytes(b, 0, n);
        if (got < n) throw fail(src, "truncated header: expected " + n + " bytes of " + what + ", the input ends after " + got);
        return b;
    }

    private static FileFormatException badMagic(String src, byte[] b, int n) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < n; i++) hex.append(i == 0 ? "" : " ").append(String.format("%02x", b[i] & 0xFF));
        String hint = n >= 2 && b[0] == 'P' && b[1] == 'K' ? " (a zip archive such as an .npz: unzip it to get .npy files)" : "";
        return fail(src, "bad magic: not an npy file, expected the bytes 93 4e 55 4d 50 59 (\\x93NUMPY), found " + hex + hint);
    }

    /** Validates the header dict and builds the header record. */
    private static NpyHeader parseHeader(String text, int major, int minor, long dataOffset, String src) throws FileFormatException {
        Object literal = PyLiteral.parse(text, d -> fail(src, d));
        if (!(literal instanceof Map<?, ?> dict))
            throw fail(src, "malformed header: expected a dict literal, found " + PyLiteral.excerpt(text, 0, 80));
        for (Object key : dict.keySet())
            if (!KEYS.contains(key))
                throw fail(src, "malformed header: unexpected key " + key + ", expected exactly 'descr', 'fortran_order' and 'shape'");
        for (String key : List.of("descr", "fortran_order", "shape"))
            if (!dict.containsKey(key)) throw fail(src, "malformed header: the key '" + key + "' is missing");

        Object descr = dict.get("descr");
        if (descr instanceof List)
            throw fail(src, "unsupported dtype: structured (record) dtypes are not supported, expected a plain numeric descr such as '<f8'");
        if (!(descr instanceof String d))
            throw fail(src, "malformed header: 'descr' = " + descr + ", expected a dtype string such as '<f8'");
        Matcher m = DESCR.matcher(d);
        ElementType type = m.matches() ? ElementType.fromNpy(m.group(2).charAt(0), Integer.parseInt(m.group(3))) : null;
        if (type == null)
            throw fail(src, "unsupported dtype '" + d + "', expected one of " + ElementType.names(ElementType::npyCode)
                    + " with byte order <, >, = or |");
        String orderChar = m.group(1);
        if (orderChar.equals("|") && type.byteSize() > 1)
            throw fail(src, "unsupported dtype '" + d + "': byte order '|' (not applicable) is only meaningful for 1-byte types, expected < or >");
        ByteOrder order = type.byteSize() == 1 ? ByteOrder.LITTLE_ENDIAN
                : switch (orderChar) {
                    case "<" -> ByteOrder.LITTLE_ENDIAN;
                    case ">" -> ByteOrder.BIG_ENDIAN;
                    default -> ByteOrder.nativeOrder(); // '=' or none
                };

        if (!(dict.get("fortran_order") instanceof Boolean fortran))
            throw fail(src, "malformed header: 'fortran_order' = " + dict.get("fortran_order") + ", expected True or False");

        if (!(dict.get("shape") instanceof PyLiteral.Tuple tuple))
            throw fail(src, "malformed header: 'shape' = " + dict.get("shape") + ", expected a tuple of integers such as (3, 4)");
        int[] shape = new int[tuple.items().size()];
        for (int i = 0; i < shape.length; i++) {
            Object v = tuple.items().get(i);
            if (!(v instanceof java.math.BigInteger b) || b.signum() < 0 || b.bitLength() > 31)
                throw fail(src, "malformed header: shape[" + i + "] = " + v + ", expected an integer in [0, " + Integer.MAX_VALUE + "]");
            shape[i] = b.intValue();
        }
        try {
            NdArray.elementCount(shape, "shape");
        } catch (IllegalArgumentException e) {
            throw fail(src, "unsupported shape: " + e.getMessage());
        }
        return new NpyHeader(major, minor, type, order, shape, fortran, dataOffset);
    }

    private static NdArray readData(InputStream in, NpyHeader h, String src) throws IOException {
        int n = (int) h.size();
        Object data = ElementCodec.allocate(h.type(), n);
        new ElementCodec(h.type(), h.byteOrder(), n).decode(in::read, n, data, 0, dataDescription(h), d -> fail(src, d));
        return NdArray.of(h.type(), h.shape(), h.fortranOrder(), data);
    }

    private static String dataDescription(NpyHeader h) {
        return "shape " + NdArray.shapeString(h.shape()) + " of " + h.descr();
    }

    private static FileFormatException fail(String src, String detail) {
        return new FileFormatException(FORMAT, src, detail);
    }

    // ---------------------------------------------------------------------- writing

    /**
     * Writes {@code a} to {@code path} (little-endian; atomically), byte-identical to numpy's
     * {@code np.save} of the same array.
     *
     * @throws IllegalArgumentException if an argument is null, the type is BFLOAT16 or the array has
     *                                  more than {@value #MAX_DIMS} dimensions
     * @throws IOException              if writing fails (the target is then unchanged)
     */
    public static void write(Path path, NdArray a) throws IOException {
        write(path, a, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Writes {@code a} to {@code path} with the given byte order (atomically).
     *
     * @throws IllegalArgumentException if an argument is null, the type is BFLOAT16 or the array has
     *                                  more than {@value #MAX_DIMS} dimensions
     * @throws IOException              if writing fails (the target is then unchanged)
     */
    public static void write(Path path, NdArray a, ByteOrder order) throws IOException {
        Check.notNull("path", path);
        checkWritable(a, order);
        AtomicFiles.write(path, out -> writeTo(out, a, order));
    }

    /**
     * Writes {@code a} as one npy array to a stream (not atomic; the stream is not closed), so that
     * {@link #read(InputStream)} can read several arrays back in turn.
     *
     * @throws IllegalArgumentException as {@link #write(Path, NdArray, ByteOrder)}
     * @throws IOException              if writing fails
     */
    public static void writeTo(OutputStream out, NdArray a, ByteOrder order) throws IOException {
        Check.notNull("out", out);
        checkWritable(a, order);
        writeArray(out, a.type(), order, a.shape(), a.isFortranOrder() && !a.ordersCoincide(), a.data(), 0, 1, a.size(), a.size());
    }

    /**
     * Writes a double matrix as a 2-D {@code <f8} C-order array (atomically), byte-identical to
     * {@code np.save} of the same {@code float64} array. Views are written without a copy.
     *
     * @throws IOException if writing fails (the target is then unchanged)
     */
    public static void write(Path path, Matrix m) throws IOException {
        Check.notNull("path", path);
        Check.notNull("m", m);
        AtomicFiles.write(path, out -> writeArray(out, ElementType.FLOAT64, ByteOrder.LITTLE_ENDIAN, new int[] {m.rows, m.cols},
                false, m.data, m.offset, m.rows, m.cols, m.ld));
    }

    /**
     * Writes a float matrix as a 2-D {@code <f4} C-order array (atomically). Views are written
     * without a copy.
     *
     * @throws IOException if writing fails (the target is then unchanged)
     */
    public static void write(Path path, FloatMatrix m) throws IOException {
        Check.notNull("path", path);
        Check.notNull("m", m);
        AtomicFiles.write(path, out -> writeArray(out, ElementType.FLOAT32, ByteOrder.LITTLE_ENDIAN, new int[] {m.rows, m.cols},
                false, m.data, m.offset, m.rows, m.cols, m.ld));
    }

    /** Writes a 1-D {@code <f8} array (atomically). @throws IOException if writing fails */
    public static void write(Path path, double[] v) throws IOException { write(path, NdArray.vector(v)); }

    /** Writes a 1-D {@code <f4} array (atomically). @throws IOException if writing fails */
    public static void write(Path path, float[] v) throws IOException { write(path, NdArray.vector(v)); }

    /** Writes a 1-D {@code <i4} array (atomically). @throws IOException if writing fails */
    public static void write(Path path, int[] v) throws IOException { write(path, NdArray.vector(v)); }

    /** Writes a 1-D {@code <i8} array (atomically). @throws IOException if writing fails */
    public static void write(Path path, long[] v) throws IOException { write(path, NdArray.vector(v)); }

    private static void checkWritable(NdArray a, ByteOrder order) {
        Check.notNull("a", a);
        Check.notNull("order", order);
        if (a.type().npyCode() == null)
            throw new IllegalArgumentException("a.type() = " + a.type() + ", expected a type numpy can store: "
                    + ElementType.names(ElementType::npyCode));
        if (a.ndim() > MAX_DIMS)
            throw new IllegalArgumentException("a.ndim() = " + a.ndim() + ", expected <= " + MAX_DIMS + " (numpy's limit)");
    }

    /**
     * Writes the header and then {@code rows} runs of {@code rowLength} elements starting at
     * {@code holder[offset + i * ld]}: one code path for flat arrays (one run) and matrix views.
     */
    private static void writeArray(OutputStream out, ElementType type, ByteOrder order, int[] shape, boolean fortran,
                                   Object holder, int offset, int rows, int rowLength, int ld) throws IOException {
        out.write(header(type, order, shape, fortran));
        ElementCodec codec = new ElementCodec(type, order, rowLength);
        for (int i = 0; i < rows; i++) codec.encode(holder, offset + i * ld, rowLength, out::write);
    }

    /** numpy's dtype string for a type and byte order: {@code "<f8"}, {@code ">i4"}, {@code "|u1"}. */
    static String descr(ElementType type, ByteOrder order) {
        char c = type.byteSize() == 1 ? '|' : order.equals(ByteOrder.BIG_ENDIAN) ? '>' : '<';
        return c + type.npyCode();
    }

    /** The complete preamble and header numpy writes for an array of this type, shape and order. */
    static byte[] header(ElementType type, ByteOrder order, int[] shape, boolean fortran) {
        StringBuilder dict = new StringBuilder()
                .append("{'descr': '").append(descr(type, order))
                .append("', 'fortran_order': ").append(fortran ? "True" : "False")
                .append(", 'shape': ").append(NdArray.shapeString(shape)).append(", }");
        if (shape.length > 0) // room for the growth axis (the first in C order, the last in Fortran order) to get longer
            dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[fortran ? shape.length - 1 : 0]).length()));
        return wrapHeader(dict.toString());
    }

    /**
     * Prefixes magic, version and length and pads with spaces and {@code '\n'} to a multiple of 64,
     * choosing version 1.0 when the length fits 16 bits and 2.0 otherwise (numpy's rule; the pad is
     * 1..64 bytes, a full 64 when the unpadded header is already aligned, as in numpy).
     */
    static byte[] wrapHeader(String dict) {
        byte[] body = dict.getBytes(StandardCharsets.ISO_8859_1);
        int v1Pad = ALIGN - (MAGIC.length + 2 + 2 + body.length + 1) % ALIGN;
        boolean v1 = body.length + 1 + v1Pad <= 0xFFFF;
        int lengthBytes = v1 ? 2 : 4;
        int pad = ALIGN - (MAGIC.length + 2 + lengthBytes + body.length + 1) % ALIGN;
        int headerLength = body.length + pad + 1;
        ByteBuffer bb = ByteBuffer.allocate(MAGIC.length + 2 + lengthBytes + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        bb.put(MAGIC).put((byte) (v1 ? 1 : 2)).put((byte) 0);
        if (v1) bb.putShort((short) headerLength);
        else bb.putInt(headerLength);
        bb.put(body);
        for (int i = 0; i < pad; i++) bb.put((byte) ' ');
        bb.put((byte) '\n');
        return bb.array();
    }
}
