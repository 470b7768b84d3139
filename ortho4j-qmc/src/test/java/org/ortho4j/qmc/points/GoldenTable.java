package org.ortho4j.qmc.points;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ortho4j.testkit.Golden;

/**
 * A golden CSV with a header read as text, for the files {@link Golden#csv} cannot hold exactly:
 * integers above 2^53 (decimal strings) and a text column (the lattice order).
 */
final class GoldenTable {
    final List<String> header;
    final List<String[]> rows;

    private GoldenTable(List<String> header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    static GoldenTable read(String resource) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Golden.open(resource), StandardCharsets.UTF_8))) {
            List<String> header = List.of(r.readLine().trim().split(","));
            List<String[]> rows = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) if (!line.isBlank()) rows.add(line.trim().split(","));
            return new GoldenTable(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int column(String name) {
        int c = header.indexOf(name);
        if (c < 0) throw new IllegalArgumentException("no column " + name + " in " + header);
        return c;
    }

    double number(int row, String name) { return Double.parseDouble(rows.get(row)[column(name)]); }

    long unsigned(int row, String name) { return Long.parseUnsignedLong(rows.get(row)[column(name)]); }

    String text(int row, String name) { return rows.get(row)[column(name)]; }
}
