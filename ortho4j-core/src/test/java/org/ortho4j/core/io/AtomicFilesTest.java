package org.ortho4j.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.core.io.IoFixtures.assertArgumentError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ortho4j.testkit.Ortho4jTest;

class AtomicFilesTest extends Ortho4jTest {
    @TempDir
    Path tmp;

    private List<Path> listing() throws IOException {
        try (var s = Files.list(tmp)) {
            return s.sorted().toList();
        }
    }

    @Test
    void createsAndReplaces() throws IOException {
        Path p = tmp.resolve("f.bin");
        AtomicFiles.write(p, out -> out.write(new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(p));
        // larger than the 64 KiB buffer, replacing the old content entirely
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 31);
        AtomicFiles.write(p, out -> out.write(big));
        assertArrayEquals(big, Files.readAllBytes(p));
        assertEquals(List.of(p), listing(), "no temporary file remains");
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporary() throws IOException {
        Path p = tmp.resolve("keep.txt");
        Files.writeString(p, "old", StandardCharsets.UTF_8);
        IOException boom = new IOException("boom");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(p, out -> {
            out.write("partial new content".getBytes(StandardCharsets.UTF_8));
            throw boom;
        }));
        assertSame(boom, thrown);
        RuntimeException bug = assertThrows(IllegalStateException.class, () -> AtomicFiles.write(p, out -> {
            out.write(1);
            throw new IllegalStateException("bug in the writer");
        }));
        assertEquals("bug in the writer", bug.getMessage());
        assertEquals("old", Files.readString(p));
        assertEquals(List.of(p), listing());
    }

    @Test
    void badTargetsFailClearly() throws IOException {
        assertThrows(NoSuchFileException.class, () -> AtomicFiles.write(tmp.resolve("missing/dir/f"), out -> out.write(1)));
        Path dir = Files.createDirectory(tmp.resolve("d"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(dir, out -> out.write(1)));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertTrue(Files.isDirectory(dir));
        assertArgumentError(() -> AtomicFiles.write(null, out -> out.write(1)), "target is null");
        assertArgumentError(() -> AtomicFiles.write(tmp.resolve("x"), null), "content is null");
        assertEquals(List.of(dir), listing());
    }
}
