package org.ortho4j.cli;

import org.ortho4j.core.io.AtomicFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ortho4j.testkit.Ortho4jTest;

class SupportTest extends Ortho4jTest {

    @Test
    void textTableAlignsColumnsAndContinuationLines() {
        String t = new TextTable("a", "bb", "c").row("xxx", "y", "z").row("p", "q\nr", "s").render();
        assertEquals(String.join("\n",
                "a    bb  c",
                "---  --  -",
                "xxx  y   z",
                "p    q   s",
                "     r",
                ""), t);
        assertEquals("key  v\nk2   w\n     w2\n", new TextTable().row("key", "v").row("k2", "w\nw2").render());
    }

    @Test
    void htmlEscapesMarkupAndQuotes() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", HtmlReport.esc("a <b> & \"c\" 'd'"));
    }

    @Test
    void atomicWriteReplacesAndCleansUp(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.txt");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("partial".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("two", Files.readString(f), "a failed write leaves the old content");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("x.txt"), s.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }
}
