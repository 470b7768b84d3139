package org.ortho4j.optim;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The binary optimizer state format, version 1 (big-endian, {@link DataOutputStream} encoding):
 * <pre>
 * magic "O4JOPTST" (8 bytes), int version = 1, long optimizer step, int state count, then per state:
 *   UTF name, UTF rule id, byte precision (0 = float32, 1 = float64), byte layout (0 OUT_IN, 1 IN_OUT),
 *   int ndim, int[ndim] shape, long t, int buffer count, then per buffer:
 *     UTF key, byte kind (0 float32, 1 float64, 2 int32), int rows, int cols, rows·cols raw values
 * long CRC-32 of every preceding byte
 * </pre>
 * Values are written as their exact bit patterns, so a load restores the state bit for bit.
 * Reading validates every length against the file size before allocating, so a corrupt or
 * truncated file fails with an {@link OptimizerStateException} instead of an
 * {@link OutOfMemoryError}.
 */
final class StateFile {
    private StateFile() {}

    static final byte[] MAGIC = "O4JOPTST".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final byte F32 = 0, F64 = 1, I32 = 2;

    /** One saved buffer; {@code data} is a float[], double[] or int[] of {@code rows·cols} values. */
    record Buffer(String key, byte kind, int rows, int cols, Object data) {}

    /** One saved parameter state. */
    record Entry(String name, String rule, boolean isFloat, Layout layout, int[] shape, long t, List<Buffer> buffers) {}

    /** A whole file. */
    record Contents(long step, List<Entry> entries) {}

    // ---- writing ------------------------------------------------------------------------------

    static void write(Path file, long step, Collection<RuleState> states) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            try (FileOutputStream fos = new FileOutputStream(tmp.toFile());
                 BufferedOutputStream bos = new BufferedOutputStream(fos, 1 << 16)) {
                CRC32 crc = new CRC32();
                DataOutputStream out = new DataOutputStream(new CheckedOutputStream(bos, crc));
                out.write(MAGIC);
                out.writeInt(VERSION);
                out.writeLong(step);
                out.writeInt(states.size());
                for (RuleState s : states) writeState(out, s);
                out.flush();
                new DataOutputStream(bos).writeLong(crc.getValue());
                bos.flush();
                fos.getFD().sync();
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeState(DataOutputStream out, RuleState s) throws IOException {
        out.writeUTF(s.name);
        out.writeUTF(s.rule.id());
        out.writeByte(s.isFloat ? 0 : 1);
        out.writeByte(s.layout.ordinal());
        out.writeInt(s.shape.length);
        for (int d : s.shape) out.writeInt(d);
        out.writeLong(s.t);
        out.writeInt(s.items.size());
        byte[] chunk = new byte[1 << 15];
        for (RuleState.Item it : s.items) {
            out.writeUTF(it.key());
            if (it.ints() != null) {
                out.writeByte(I32);
                out.writeInt(1);
                out.writeInt(it.ints().length);
                ByteBuffer bb = ByteBuffer.wrap(chunk);
                for (int v : it.ints()) {
                    if (!bb.hasRemaining()) flush(out, bb);
                    bb.putInt(v);
                }
                flush(out, bb);
            } else {
                Dense d = it.dense();
                out.writeByte(d.isFloat() ? F32 : F64);
                out.writeInt(d.rows);
                out.writeInt(d.cols);
                ByteBuffer bb = ByteBuffer.wrap(chunk);
                for (int i = 0; i < d.size; i++) {
                    if (!bb.hasRemaining()) flush(out, bb);
                    if (d.f != null) bb.putFloat(d.f[i]);
                    else bb.putDouble(d.d[i]);
                }
                flush(out, bb);
            }
        }
    }

    private static void flush(DataOutputStream out, ByteBuffer bb) throws IOException {
        out.write(bb.array(), 0, bb.position());
        bb.clear();
    }

    // ---- reading ------------------------------------------------------------------------------

    /** Parses the whole file (every buffer is read into memory) and checks the checksum. */
    static Contents read(Path file) throws IOException {
        long fileSize = Files.size(file);
        Reader r = new Reader(file, fileSize);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return r.parse(in);
        } catch (EOFException e) {
            throw new OptimizerStateException("optimizer state file " + file + " is truncated: it ended while reading " + r.what
                    + " (" + fileSize + " bytes)", e);
        }
    }

    private static final class Reader {
        final Path file;
        final long fileSize;
        String what = "the header";

        Reader(Path file, long fileSize) {
            this.file = file;
            this.fileSize = fileSize;
        }

        OptimizerStateException bad(String msg) { return new OptimizerStateException("optimizer state file " + file + ": " + msg); }

        Contents parse(InputStream raw) throws IOException {
            CRC32 crc = new CRC32();
            CheckedInputStream checked = new CheckedInputStream(raw, crc);
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) throw bad("not an ortho4j optimizer state (bad magic bytes)");
            int version = in.readInt();
            if (version != VERSION) throw bad("format version " + version + ", this library reads version " + VERSION);
            long step = in.readLong();
            if (step < 0) throw bad("negative step count " + step);
            int count = in.readInt();
            if (count < 0 || count > fileSize) throw bad("implausible state count " + count);
            List<Entry> entries = new ArrayList<>(count);
            for (int k = 0; k < count; k++) entries.add(entry(in, k));
            what = "the checksum";
            long expected = crc.getValue();
            long stored = new DataInputStream(raw).readLong();
            if (stored != expected)
                throw bad(String.format("checksum mismatch (stored %08x, computed %08x): the file is corrupt", stored, expected));
            if (raw.read() != -1) throw bad("unexpected bytes after the checksum");
            return new Contents(step, entries);
        }

        private Entry entry(DataInputStream in, int k) throws IOException {
            what = "state " + k;
            String name = in.readUTF();
            what = "the state of '" + name + "'";
            String rule = in.readUTF();
            byte prec = in.readByte();
            if (prec != 0 && prec != 1) throw bad("parameter '" + name + "': unknown precision code " + prec);
            byte layout = in.readByte();
            if (layout < 0 || layout >= Layout.values().length) throw bad("parameter '" + name + "': unknown layout code " + layout);
            int ndim = in.readInt();
            if (ndim < 0 || ndim > 32) throw bad("parameter '" + name + "': implausible rank " + ndim);
            int[] shape = new int[ndim];
            for (int i = 0; i < ndim; i++) shape[i] = in.readInt();
            long t = in.readLong();
            int nbuf = in.readInt();
            if (nbuf < 0 || nbuf > 64) throw bad("parameter '" + name + "': implausible buffer count " + nbuf);
            List<Buffer> bufs = new ArrayList<>(nbuf);
            for (int b = 0; b < nbuf; b++) bufs.add(buffer(in, name));
            return new Entry(name, rule, prec == 0, Layout.values()[layout], shape, t, bufs);
        }

        private Buffer buffer(DataInputStream in, String name) throws IOException {
            String key = in.readUTF();
            what = "buffer '" + key + "' of '" + name + "'";
            byte kind = in.readByte();
            int rows = in.readInt(), cols = in.readInt();
            int width = kind == F64 ? 8 : 4;
            if (kind != F32 && kind != F64 && kind != I32) throw bad(what + ": unknown kind " + kind);
            long n = (long) rows * cols;
            if (rows < 0 || cols < 0 || n * width > fileSize) throw bad(what + ": implausible size " + rows + "x" + cols);
            byte[] bytes = new byte[(int) n * width];
            in.readFully(bytes);
            ByteBuffer bb = ByteBuffer.wrap(bytes);
            Object data;
            if (kind == F32) {
                float[] a = new float[(int) n];
                bb.asFloatBuffer().get(a);
                data = a;
            } else if (kind == F64) {
                double[] a = new double[(int) n];
                bb.asDoubleBuffer().get(a);
                data = a;
            } else {
                int[] a = new int[(int) n];
                bb.asIntBuffer().get(a);
                data = a;
            }
            return new Buffer(key, kind, rows, cols, data);
        }
    }
}
