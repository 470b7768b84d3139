package org.ortho4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Atomic file writes: the content goes to a temporary file in the target's directory, which is
 * then renamed over the target, so readers see the old file or the complete new one, never a
 * partial one. The temporary file is deleted if writing fails.
 */
final class AtomicFiles {
    private AtomicFiles() {}

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Writes the bytes produced by {@code body}. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code target} atomically from {@code body}; the parent directory must exist. */
    static void write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        // Not Files.createTempFile: that makes the file owner-only (0600); this one gets the umask's mode.
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        OutputStream stream = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            try (OutputStream out = stream) {
                body.writeTo(out);
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
