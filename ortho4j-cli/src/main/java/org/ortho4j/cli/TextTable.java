package org.ortho4j.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Left-aligned plain-text columns separated by two spaces, with an optional header underlined by
 * dashes. A cell may span several lines ({@code \n}); the other cells of its row are blank on the
 * extra lines. Trailing spaces are trimmed.
 */
final class TextTable {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    /** A table with these column headers; none for a key/value listing. */
    TextTable(String... header) { this.header = header.clone(); }

    /** Appends a row; missing cells are blank. */
    TextTable row(String... cells) {
        rows.add(cells.clone());
        return this;
    }

    /** The table, one {@code \n}-terminated line per text line. */
    String render() {
        List<String[]> lines = new ArrayList<>();
        if (header.length > 0) lines.add(header);
        List<Integer> ruleAt = new ArrayList<>();
        if (header.length > 0) ruleAt.add(1);
        for (String[] r : rows) {
            String[][] split = new String[r.length][];
            int height = 1;
            for (int c = 0; c < r.length; c++) {
                split[c] = (r[c] == null ? "" : r[c]).split("\n", -1);
                height = Math.max(height, split[c].length);
            }
            for (int l = 0; l < height; l++) {
                String[] line = new String[r.length];
                for (int c = 0; c < r.length; c++) line[c] = l < split[c].length ? split[c][l] : "";
                lines.add(line);
            }
        }
        int cols = lines.stream().mapToInt(l -> l.length).max().orElse(0);
        int[] width = new int[cols];
        for (String[] l : lines) for (int c = 0; c < l.length; c++) width[c] = Math.max(width[c], l[c].length());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (ruleAt.contains(i)) appendLine(sb, dashes(width), width);
            appendLine(sb, lines.get(i), width);
        }
        return sb.toString();
    }

    private static String[] dashes(int[] width) {
        String[] d = new String[width.length];
        for (int c = 0; c < width.length; c++) d[c] = "-".repeat(width[c]);
        return d;
    }

    private static void appendLine(StringBuilder sb, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) line.append("  ");
            line.append(cells[c]);
            if (c < cells.length - 1) line.append(" ".repeat(width[c] - cells[c].length()));
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    @Override public String toString() { return render(); }
}
