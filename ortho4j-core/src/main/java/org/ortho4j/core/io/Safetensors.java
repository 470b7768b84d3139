package org.ortho4j.core.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;

/**
 * Reads and writes {@code .safetensors} files, the tensor container of Hugging Face models.
 *
 * <h2>Format</h2>
 * An unsigned 64-bit little-endian header length N, then N bytes of UTF-8 JSON (possibly padded
 * with trailing spaces), then the data section. The JSON is an object mapping each tensor name to
 * {@code {"dtype": "F32", "shape": [3, 4], "data_offsets": [begin, end]}} (offsets relative to the
 * data section; elements little-endian, C order), plus an optional {@code "__metadata__"} object of
 * string values. Together the tensors must tile the data section exactly: sorted by offset, each
 * begins where the previous ends, the first at 0 and the last at the end of the file.
 *
 * <h2>Reading</h2>
 * {@link #open(Path)} reads and validates the header only; tensors are read on demand with
 * positional reads ({@link #read(String)}, {@link #readFloatMatrix(String)}), so one tensor of a
 * large model costs only its own bytes. Supported dtypes: F64, F32, F16, BF16 (16-bit floats widen
 * to float exactly), I64, I32, U32, I16, U16, I8, U8, BOOL (see {@link ElementType}); the 8-bit
 * float formats and U64 are reported as unsupported. Validation (all as
 * {@link FileFormatException}): file shorter than 8 bytes, header length beyond the file or over
 * {@value #MAX_HEADER_BYTES} bytes, malformed JSON, duplicate keys, a missing or mistyped field,
 * an unknown dtype, a negative or oversized shape, offsets out of the data section, overlapping
 * tensors, gaps, unused trailing bytes, and a byte range that does not match shape x dtype size.
 * Reads are thread-safe (positional); close the instance to release the file.
 *
 * <h2>Writing</h2>
 * {@link #write(Path, Map, Map)} lays the file out as the reference implementation
 * ({@code huggingface/safetensors}) does: tensors sorted by dtype (widest first, in the reference's
 * dtype order) then name, so each starts aligned to its element size; compact JSON with
 * {@code "__metadata__"} first; the header padded with spaces to a multiple of 8. Fortran-order
 * arrays are written in C order. Writes are atomic ({@link AtomicFiles}).
 */
public final class Safetensors implements Closeable {
    /** The largest header accepted (the reference implementation's limit). */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    private static final String FORMAT = "safetensors";
    private static final String METADATA_KEY = "__metadata__";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Where one tensor lies in the file.
     *
     * @param name  the tensor's name
     * @param type  its element type
     * @param shape its dimensions (the record keeps a copy; {@link #shape()} returns a copy)
     * @param begin first byte, relative to the data section
     * @param end   one past the last byte, relative to the data section
     */
    public record TensorInfo(String name, ElementType type, int[] shape, long begin, long end) {
        /** Copies {@code shape}. */
        public TensorInfo {
            shape = shape.clone();
        }

        /** A copy of the dimensions. */
        @Override
        public int[] shape() { return shape.clone(); }

        /** The number of elements. */
        public int size() { return (int) NdArray.elementCount(shape, "shape"); }

        @Override
        public boolean equals(Object o) {
            return o instanceof TensorInfo t && name.equals(t.name) && type == t.type && Arrays.equals(shape, t.shape)
                    && begin == t.begin && end == t.end;
        }

        @Override
        public int hashCode() { return (name.hashCode() * 31 + Arrays.hashCode(shape)) * 31 + Long.hashCode(begin); }

        /** E.g. {@code 'w' (F32, shape [3, 4], bytes [0, 48))}. */
        @Override
        public String toString() {
            return "'" + name + "' (" + type.safetensorsName() + ", shape " + Arrays.toString(shape) + ", bytes [" + begin + ", " + end + "))";
        }
    }

    private final String src;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, String> metadata;
    private final Map<String, TensorInfo> tensors; // in offset order

    private Safetensors(String src, FileChannel channel, long dataStart, Map<String, String> metadata, Map<String, TensorInfo> tensors) {
        this.src = src;
        this.channel = channel;
        this.dataStart = dataStart;
        this.metadata = metadata;
        this.tensors = tensors;
    }

    // ---------------------------------------------------------------------- reading

    /**
     * Opens a file and reads and validates its header (not the tensor data).
     *
     * @throws FileFormatException if the header or the layout it describes is invalid
     * @throws IOException         if the file cannot be read
     */
    public static Safetensors open(Path path) throws IOException {
        Check.notNull("path", path);
        String src = "file " + path;
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long fileSize = ch.size();
            if (fileSize < 8) throw fail(src, "the file has " + fileSize + " bytes, expected at least 8 (the header length)");
            ByteBuffer lb = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lb, 0, src);
            long n = lb.getLong(0);
            if (n < 0 || n > MAX_HEADER_BYTES)
                throw fail(src, "header length " + Long.toUnsignedString(n) + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
            if (n > fileSize - 8)
                throw fail(src, "header length " + n + " goes beyond the end of the file (" + fileSize + " bytes, so at most "
                        + (fileSize - 8) + ")");
            ByteBuffer hb = ByteBuffer.allocate((int) n);
            readFully(ch, hb, 8, src);
            Safetensors s = parseHeader(src, ch, hb.array(), 8 + n, fileSize - 8 - n);
            ch = null; // now owned by s
            return s;
        } finally {
            if (ch != null) ch.close();
        }
    }

    /**
     * Reads every tensor of a file, in offset order, and closes it.
     *
     * @throws FileFormatException if the file is invalid
     * @throws IOException         if reading fails
     */
    public static Map<String, NdArray> readAll(Path path) throws IOException {
        try (Safetensors s = open(path)) {
            return s.readAll();
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long at, String src) throws IOException {
        while (b.hasRemaining()) {
            int r = ch.read(b, at + b.position());
            if (r < 0) throw fail(src, "truncated: the file ended while reading the header (was it modified while open?)");
        }
    }

    private static Safetensors parseHeader(String src, FileChannel ch, byte[] header, long dataStart, long dataLength)
            throws FileFormatException {
        if (header.length == 0 || header[0] != '{')
            throw fail(src, "malformed header: expected a JSON object starting with '{', found "
                    + (header.length == 0 ? "an empty header" : String.format("the byte 0x%02x", header[0] & 0xFF)));
        JsonNode root;
        try {
            root = JSON.readTree(header);
        } catch (JsonProcessingException e) {
            throw new FileFormatException(FORMAT, src, "malformed JSON header: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (at header byte " + e.getLocation().getByteOffset() + ")" : ""), e);
        } catch (IOException e) {
            throw new FileFormatException(FORMAT, src, "malformed JSON header: " + e.getMessage(), e);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<TensorInfo> list = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(METADATA_KEY)) {
                if (!e.getValue().isNull()) parseMetadata(src, e.getValue(), metadata); // null: no metadata
            }
            else list.add(parseTensor(src, e.getKey(), e.getValue()));
        }
        list.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        checkLayout(src, list, dataLength);
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        for (TensorInfo t : list) tensors.put(t.name(), t);
        return new Safetensors(src, ch, dataStart, Collections.unmodifiableMap(metadata), Collections.unmodifiableMap(tensors));
    }

    private static void parseMetadata(String src, JsonNode node, Map<String, String> out) throws FileFormatException {
        if (!node.isObject()) throw fail(src, "malformed header: \"" + METADATA_KEY + "\" is " + node.getNodeType() + ", expected an object of strings");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual())
                throw fail(src, "malformed header: metadata value \"" + e.getKey() + "\" is " + e.getValue().getNodeType() + ", expected a string");
            out.put(e.getKey(), e.getValue().textValue());
        }
    }

    private static TensorInfo parseTensor(String src, String name, JsonNode node) throws FileFormatException {
        String what = "tensor '" + name + "'";
        if (!node.isObject()) throw fail(src, "malformed header: " + what + " is " + node.getNodeType() + ", expected an object");
        JsonNode dtype = node.get("dtype"), shape = node.get("shape"), offsets = node.get("data_offsets");
        if (dtype == null || !dtype.isTextual()) throw fail(src, "malformed header: " + what + " lacks a string \"dtype\"");
        ElementType type = ElementType.fromSafetensors(dtype.textValue());
        if (type == null)
            throw fail(src, "unsupported dtype '" + dtype.textValue() + "' of " + what + ", expected one of " + ElementType.names(ElementType::safetensorsName));
        if (shape == null || !shape.isArray()) throw fail(src, "malformed header: " + what + " lacks a \"shape\" array");
        int[] dims = new int[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            JsonNode d = shape.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToInt() || d.intValue() < 0)
                throw fail(src, "malformed header: " + what + " has shape[" + i + "] = " + d + ", expected an integer in [0, " + Integer.MAX_VALUE + "]");
            dims[i] = d.intValue();
        }
        long count;
        try {
            count = NdArray.elementCount(dims, "shape");
        } catch (IllegalArgumentException e) {
            throw fail(src, "unsupported shape of " + what + ": " + e.getMessage());
        }
        if (offsets == null || !offsets.isArray() || offsets.size() != 2)
            throw fail(src, "malformed header: " + what + " lacks \"data_offsets\" [begin, end]");
        long[] be = new long[2];
        for (int i = 0; i < 2; i++) {
            JsonNode o = offsets.get(i);
            if (!o.isIntegralNumber() || !o.canConvertToLong() || o.longValue() < 0)
                throw fail(src, "malformed header: " + what + " has data_offsets " + offsets + ", expected two non-negative integers");
            be[i] = o.longValue();
        }
        if (be[1] < be[0]) throw fail(src, "invalid offsets: " + what + " has data_offsets " + offsets + " with end before begin");
        long bytes = count * type.byteSize();
        if (be[1] - be[0] != bytes)
            throw fail(src, "size mismatch: " + what + " (" + type.safetensorsName() + ", shape " + Arrays.toString(dims) + ") needs "
                    + bytes + " bytes, its data_offsets " + offsets + " span " + (be[1] - be[0]));
        return new TensorInfo(name, type, dims, be[0], be[1]);
    }

    /** Tensors sorted by offset must tile [0, dataLength) exactly. */
    private static void checkLayout(String src, List<TensorInfo> sorted, long dataLength) throws FileFormatException {
        for (TensorInfo t : sorted)
            if (t.end() > dataLength)
                throw fail(src, "offsets out of range: tensor " + t + " ends after the data section, which has " + dataLength + " bytes");
        long at = 0;
        TensorInfo previous = null;
        for (TensorInfo t : sorted) {
            if (t.begin() < at) throw fail(src, "overlapping tensors: " + t + " overlaps " + previous);
            if (t.begin() > at)
                throw fail(src, "gap in the data section: bytes [" + at + ", " + t.begin() + ") before tensor " + t + " belong to no tensor");
            at = t.end();
            previous = t;
        }
        if (at != dataLength)
            throw fail(src, "unused data: the tensors end at byte " + at + " of the data section, which has " + dataLength + " bytes");
    }

    /** The {@code __metadata__} entries (empty if absent), unmodifiable. */
    public Map<String, String> metadata() { return metadata; }

    /** The tensor names in file (offset) order, unmodifiable. */
    public List<String> names() { return List.copyOf(tensors.keySet()); }

    /** Whether a tensor of that name exists. */
    public boolean contains(String name) { return tensors.containsKey(name); }

    /**
     * Where the named tensor lies, and its type and shape.
     *
     * @throws IllegalArgumentException if there is no such tensor (the message lists the names)
     */
    public TensorInfo info(String name) {
        Check.notNull("name", name);
        TensorInfo t = tensors.get(name);
        if (t == null) {
            List<String> names = names();
            String list = names.size() <= 20 ? String.join(", ", names) : String.join(", ", names.subList(0, 20)) + ", ...";
            throw new IllegalArgumentException("name = '" + name + "', expected one of the " + names.size() + " tensors in " + src + ": " + list);
        }
        return t;
    }

    /**
     * Reads one tensor (C order, its own element type). Thread-safe.
     *
     * @throws IllegalArgumentException if there is no such tensor
     * @throws FileFormatException      if the file was truncated after opening or a BOOL byte is not 0/1
     * @throws IOException              if reading fails
     */
    public NdArray read(String name) throws IOException {
        TensorInfo t = info(name);
        int n = t.size();
        Object data = ElementCodec.allocate(t.type(), n);
        long[] at = {dataStart + t.begin()};
        ElementCodec.ByteSource source = (b, off, len) -> {
            int r = channel.read(ByteBuffer.wrap(b, off, len), at[0]);
            if (r > 0) at[0] += r;
            return r;
        };
        new ElementCodec(t.type(), ByteOrder.LITTLE_ENDIAN, n).decode(source, n, data, 0, "tensor " + t, d -> fail(src, d));
        return NdArray.of(t.type(), t.shape(), false, data);
    }

    /**
     * Reads a 0-, 1- or 2-D tensor as a float matrix (0-D → 1 x 1, 1-D → one row, 2-D as is);
     * F16/BF16 widen exactly, F64 rounds to nearest, integers must be exactly representable.
     *
     * @throws IllegalArgumentException if there is no such tensor
     * @throws FileFormatException      if the tensor has more than 2 dimensions or an inexact integer
     * @throws IOException              if reading fails
     */
    public FloatMatrix readFloatMatrix(String name) throws IOException {
        NdArray a = read(name);
        return NdArray.convertForReader(a::toFloatMatrix, FORMAT, src, "tensor '" + name + "': ");
    }

    /**
     * Reads a 0-, 1- or 2-D tensor as a double matrix (shapes as {@link #readFloatMatrix}); floats
     * widen exactly, integers must be exactly representable.
     *
     * @throws IllegalArgumentException if there is no such tensor
     * @throws FileFormatException      if the tensor has more than 2 dimensions or an inexact integer
     * @throws IOException              if reading fails
     */
    public Matrix readMatrix(String name) throws IOException {
        NdArray a = read(name);
        return NdArray.convertForReader(a::toMatrix, FORMAT, src, "tensor '" + name + "': ");
    }

    /** Reads every tensor, in offset order, into a new insertion-ordered map. @throws IOException if reading fails */
    public Map<String, NdArray> readAll() throws IOException {
        Map<String, NdArray> all = new LinkedHashMap<>();
        for (String name : tensors.keySet()) all.put(name, read(name));
        return all;
    }

    /** Closes the file. */
    @Override
    public void close() throws IOException { channel.close(); }

    private static FileFormatException fail(String src, String detail) {
        return new FileFormatException(FORMAT, src, detail);
    }

    // ---------------------------------------------------------------------- writing

    /**
     * Writes tensors without metadata; see {@link #write(Path, Map, Map)}.
     *
     * @throws IOException if writing fails (the target is then unchanged)
     */
    public static void write(Path path, Map<String, NdArray> tensors) throws IOException {
        write(path, tensors, Map.of());
    }

    /**
     * Writes tensors (any supported type; Fortran-order arrays are written in C order) and string
     * metadata (written as {@code "__metadata__"} when not empty) to {@code path}, atomically, in
     * the reference implementation's layout (see the class comment). F16/BF16 values are rounded
     * to nearest even on encoding.
     *
     * @throws IllegalArgumentException if a name, array, key or value is null, or a tensor is named
     *                                  {@code "__metadata__"}
     * @throws IOException              if writing fails (the target is then unchanged)
     */
    public static void write(Path path, Map<String, NdArray> tensors, Map<String, String> metadata) throws IOException {
        Check.notNull("path", path);
        Check.notNull("tensors", tensors);
        Check.notNull("metadata", metadata);
        List<Map.Entry<String, NdArray>> order = new ArrayList<>();
        for (Map.Entry<String, NdArray> e : tensors.entrySet()) {
            Check.notNull("tensor name", e.getKey());
            Check.notNull("tensors['" + e.getKey() + "']", e.getValue());
            if (e.getKey().equals(METADATA_KEY))
                throw new IllegalArgumentException("tensor name = '" + METADATA_KEY + "', expected any other name (it is reserved for metadata)");
            order.add(e);
        }
        metadata.forEach((k, v) -> {
            Check.notNull("metadata key", k);
            Check.notNull("metadata['" + k + "']", v);
        });
        order.sort(Comparator.<Map.Entry<String, NdArray>>comparingInt(e -> -e.getValue().type().safetensorsRank())
                .thenComparing(Map.Entry::getKey));
        byte[] header = headerJson(order, metadata);
        AtomicFiles.write(path, out -> {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            out.write(header);
            for (Map.Entry<String, NdArray> e : order) {
                NdArray a = e.getValue().toCOrder();
                new ElementCodec(a.type(), ByteOrder.LITTLE_ENDIAN, a.size()).encode(a.data(), 0, a.size(), out::write);
            }
        });
    }

    /** The compact JSON header for tensors laid out in {@code order}, padded with spaces to a multiple of 8. */
    private static byte[] headerJson(List<Map.Entry<String, NdArray>> order, Map<String, String> metadata) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(buf, JsonEncoding.UTF8)) {
            g.writeStartObject();
            if (!metadata.isEmpty()) {
                g.writeObjectFieldStart(METADATA_KEY);
                for (Map.Entry<String, String> e : metadata.entrySet()) g.writeStringField(e.getKey(), e.getValue());
                g.writeEndObject();
            }
            long offset = 0;
            for (Map.Entry<String, NdArray> e : order) {
                NdArray a = e.getValue();
                long bytes = (long) a.size() * a.type().byteSize();
                g.writeObjectFieldStart(e.getKey());
                g.writeStringField("dtype", a.type().safetensorsName());
                g.writeArrayFieldStart("shape");
                for (int d : a.shape()) g.writeNumber(d);
                g.writeEndArray();
                g.writeArrayFieldStart("data_offsets");
                g.writeNumber(offset);
                g.writeNumber(offset + bytes);
                g.writeEndArray();
                g.writeEndObject();
                offset += bytes;
            }
            g.writeEndObject();
        }
        while (buf.size() % 8 != 0) buf.write(' ');
        return buf.toByteArray();
    }
}
