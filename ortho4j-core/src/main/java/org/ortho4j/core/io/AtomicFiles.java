package org.ortho4j.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.ortho4j.core.Check;

/**
 * Atomic whole-file writes: readers of the target see either the old file or the complete new one,
 * never a partial write, even if the writer fails or the process dies half way.
 *
 * <p>Every writer of this package goes through {@link #write(Path, Content)}, which
 * <ol>
 *   <li>creates a fresh hidden temporary file {@code .<name>.<random>.tmp} in the target's own
 *       directory (same file system, so the final rename can be atomic; created with
 *       {@code CREATE_NEW} and default permissions, so the result has the permissions a plain
 *       {@code Files.newOutputStream} would give it);</li>
 *   <li>streams the content into it through a 64 KiB buffer, then {@code fsync}s it
 *       ({@link FileChannel#force(boolean)}), so that the rename cannot become visible before the
 *       data is on disk;</li>
 *   <li>renames it over the target with {@link StandardCopyOption#ATOMIC_MOVE} and
 *       {@link StandardCopyOption#REPLACE_EXISTING} (falling back to a plain replacing move only on
 *       a file system that reports {@link AtomicMoveNotSupportedException});</li>
 *   <li>on POSIX systems, best-effort {@code fsync}s the directory so that the rename itself is
 *       durable (silently skipped where a directory cannot be opened, e.g. Windows).</li>
 * </ol>
 * If the content callback or any step throws, the temporary file is deleted, the target is left
 * untouched and the exception propagates. A symbolic link at the target is replaced by the new
 * file, not written through. Cost: one extra {@code fsync} per file compared with a plain write.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Size of the write buffer in front of the temporary file. */
    static final int BUFFER_BYTES = 1 << 16;

    /** Produces a file's content; see {@link AtomicFiles#write(Path, Content)}. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the whole content to {@code out} (buffered; do not close it).
         *
         * @throws IOException to abort the write, leaving the target untouched
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Atomically replaces (or creates) {@code target} with the bytes {@code content} writes.
     *
     * @param target  the file to create or replace; its directory must exist
     * @param content writes the new content
     * @throws IOException if the directory is missing, {@code target} is a directory, the content
     *                     callback fails or the file system does; the target is then unchanged
     * @throws IllegalArgumentException if an argument is null
     */
    public static void write(Path target, Content content) throws IOException {
        Check.notNull("target", target);
        Check.notNull("content", content);
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null || abs.getFileName() == null)
            throw new IllegalArgumentException("target = " + target + ", expected a path naming a file");
        if (Files.isDirectory(abs))
            throw new IOException("cannot write " + abs + ": it is a directory");
        Path tmp = null;
        FileChannel channel = null;
        for (int attempt = 0; channel == null; attempt++) {
            tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 16) throw e; // 16 collisions of 64 random bits: something else is wrong
            }
        }
        try {
            try (FileChannel ch = channel; OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER_BYTES)) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        syncDirectory(dir);
    }

    /** Best-effort fsync of a directory (durable rename on POSIX); a no-op where unsupported. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows and some file systems cannot open or sync a directory; the data itself is
            // already synced and renamed, only the rename's durability across a crash is weaker.
        }
    }

    /** Atomically replaces (or creates) {@code target} with {@code text} encoded as UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        Check.notNull("text", text);
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
