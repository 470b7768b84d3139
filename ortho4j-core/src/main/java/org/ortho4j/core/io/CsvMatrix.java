package org.ortho4j.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * Reads and writes numeric matrices as comma-separated text (UTF-8).
 *
 * <h2>Reading</h2>
 * <ul>
 *   <li>One matrix row per line; cells separated by commas; whitespace around a cell is ignored;
 *       line ends {@code \n}, {@code \r\n} or {@code \r}; a leading UTF-8 byte-order mark is
 *       skipped.</li>
 *   <li>{@code #} starts a comment that runs to the end of the line (outside quotes); lines that
 *       are blank or only a comment are skipped. So numpy's {@code savetxt(..., header=...)} output,
 *       whose header line starts with {@code "# "}, reads as plain data.</li>
 *   <li>Optionally the first remaining line is a header of column names; a cell may be enclosed in
 *       double quotes (a doubled {@code ""} inside stands for one quote), for names that contain
 *       commas or {@code #}.</li>
 *   <li>Numbers: decimal with optional sign, fraction and exponent ({@code -1.5e-3}, {@code .5},
 *       {@code 7}); special values {@code nan}, {@code inf}, {@code infinity} with optional sign, in
 *       any letter case (covering Java's {@code NaN}/{@code Infinity} and numpy's
 *       {@code nan}/{@code inf}). Hexadecimal floats and Java suffixes like {@code 1d} are rejected.
 *       Parsing is correctly rounded ({@link Double#parseDouble}).</li>
 *   <li>Every row must have as many cells as the first row (or the header); an empty file gives a
 *       0 x 0 matrix, a header alone a 0 x (names) matrix.</li>
 * </ul>
 * Problems throw {@link FileFormatException} naming the 1-based line (and column, for a bad cell),
 * e.g. {@code csv file m.csv: line 7, column 3: cannot parse "1,5" ...} or
 * {@code line 9 has 4 cells, expected 3 (as on line 2)}.
 *
 * <h2>Writing</h2>
 * Each element as {@link Double#toString(double)}, which reads back to the identical double
 * (shortest such string on Java 19 and later; Java 17 occasionally prints a digit more); NaN and
 * infinities as {@code NaN}, {@code Infinity}, {@code -Infinity}; rows end with {@code \n}; an
 * optional header line with names quoted where needed. So {@code read(write(m)) == m} bit for bit
 * (NaN payloads aside). Files are written atomically ({@link AtomicFiles}).
 */
public final class CsvMatrix {
    private CsvMatrix() {}

    private static final String FORMAT = "csv";
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    /**
     * A matrix with optional column names.
     *
     * @param header the column names (unmodifiable; empty when the file has no header line)
     * @param matrix the values, a new contiguous matrix
     */
    public record Table(List<String> header, Matrix matrix) {
        /** Copies {@code header}. */
        public Table {
            header = List.copyOf(header);
        }
    }

    // ---------------------------------------------------------------------- reading

    /**
     * Reads a CSV file without a header line.
     *
     * @throws FileFormatException on ragged rows or unparsable cells (naming line and column)
     * @throws IOException         if reading fails
     */
    public static Matrix read(Path path) throws IOException {
        return read(path, false).matrix();
    }

    /**
     * Reads a CSV file, taking its first non-comment line as column names if {@code header}.
     *
     * @throws FileFormatException on ragged rows or unparsable cells (naming line and column)
     * @throws IOException         if reading fails
     */
    public static Table read(Path path, boolean header) throws IOException {
        Check.notNull("path", path);
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(r, header, "file " + path);
        }
    }

    /**
     * Reads CSV text from a reader (not closed).
     *
     * @throws FileFormatException on ragged rows or unparsable cells (naming line and column)
     * @throws IOException         if reading fails
     */
    public static Table read(Reader reader, boolean header) throws IOException {
        Check.notNull("reader", reader);
        return parse(reader, header, "stream");
    }

    private static Table parse(Reader reader, boolean hasHeader, String src) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<String> names = List.of();
        boolean headerPending = hasHeader;
        int cols = -1, colsLine = 0, rows = 0;
        double[] values = new double[16];
        String line;
        for (int lineNo = 1; (line = in.readLine()) != null; lineNo++) {
            if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
            List<String> cells = split(line, lineNo, src);
            if (cells == null) continue; // blank or comment
            if (cols < 0) {
                cols = cells.size();
                colsLine = lineNo;
            } else if (cells.size() != cols) {
                throw fail(src, "line " + lineNo + " has " + cells.size() + " cells, expected " + cols + " (as on line " + colsLine + ")");
            }
            if (headerPending) {
                names = cells;
                headerPending = false;
                continue;
            }
            long needed = (long) (rows + 1) * cols;
            if (needed > NdArray.MAX_ELEMENTS)
                throw fail(src, "line " + lineNo + ": more than " + NdArray.MAX_ELEMENTS + " values, the Java array limit");
            if (needed > values.length) values = Arrays.copyOf(values, (int) Math.min(NdArray.MAX_ELEMENTS, Math.max(needed, 2L * values.length)));
            for (int j = 0; j < cols; j++) values[rows * cols + j] = parseCell(cells.get(j), lineNo, j + 1, src);
            rows++;
        }
        return new Table(names, Matrix.wrap(rows, Math.max(cols, 0), Arrays.copyOf(values, rows * Math.max(cols, 0))));
    }

    /**
     * The trimmed cells of a line, quote-aware, up to an unquoted {@code #}; {@code null} for a line
     * with nothing but whitespace and comment.
     */
    private static List<String> split(String line, int lineNo, String src) throws FileFormatException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false, wasQuoted = false, sawContent = false;
        int i = 0, n = line.length();
        for (; i < n; i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') cell.append(c);
                else if (i + 1 < n && line.charAt(i + 1) == '"') { cell.append('"'); i++; }
                else quoted = false;
            } else if (c == '"' && cell.toString().isBlank() && !wasQuoted) {
                quoted = wasQuoted = sawContent = true;
                cell.setLength(0);
            } else if (c == ',') {
                cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
                cell.setLength(0);
                wasQuoted = false;
                sawContent = true;
            } else if (c == '#') {
                break;
            } else {
                if (wasQuoted && !Character.isWhitespace(c))
                    throw fail(src, "line " + lineNo + ", column " + (cells.size() + 1) + ": text after the closing quote");
                if (!wasQuoted) cell.append(c);
                if (!Character.isWhitespace(c)) sawContent = true;
            }
        }
        if (quoted) throw fail(src, "line " + lineNo + ", column " + (cells.size() + 1) + ": unterminated quote");
        if (!sawContent) return null;
        cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
        return cells;
    }

    private static double parseCell(String s, int lineNo, int col, String src) throws FileFormatException {
        if (DECIMAL.matcher(s).matches()) return Double.parseDouble(s);
        String body = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        boolean negative = s.startsWith("-");
        if (body.equalsIgnoreCase("nan")) return Double.NaN;
        if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity")) return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        throw fail(src, "line " + lineNo + ", column " + col + ": " + (s.isEmpty() ? "empty cell" : "cannot parse \"" + shown + "\"")
                + ", expected a number (decimal, or nan / inf / -inf)");
    }

    private static FileFormatException fail(String src, String detail) {
        return new FileFormatException(FORMAT, src, detail);
    }

    // ---------------------------------------------------------------------- writing

    /**
     * Writes {@code m} without a header line (atomically).
     *
     * @throws IOException if writing fails (the target is then unchanged)
     */
    public static void write(Path path, Matrix m) throws IOException {
        write(path, m, null);
    }

    /**
     * Writes {@code m} with an optional header line (atomically).
     *
     * @param header column names, one per column, or {@code null} for none
     * @throws IllegalArgumentException if the header has the wrong length or a null name
     * @throws IOException              if writing fails (the target is then unchanged)
     */
    public static void write(Path path, Matrix m, List<String> header) throws IOException {
        Check.notNull("path", path);
        checkWritable(m, header);
        AtomicFiles.write(path, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writeTo(w, m, header);
            w.flush();
        });
    }

    /**
     * Writes {@code m} (and an optional header line) to a writer, which is neither flushed nor
     * closed. Not atomic.
     *
     * @throws IllegalArgumentException if the header has the wrong length or a null name
     * @throws IOException              if writing fails
     */
    public static void writeTo(Writer w, Matrix m, List<String> header) throws IOException {
        Check.notNull("w", w);
        checkWritable(m, header);
        if (header != null) {
            for (int j = 0; j < header.size(); j++) w.write((j == 0 ? "" : ",") + quoteIfNeeded(header.get(j)));
            w.write('\n');
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < m.rows; i++) {
            sb.setLength(0);
            for (int j = 0; j < m.cols; j++) sb.append(j == 0 ? "" : ",").append(m.data[m.offset + i * m.ld + j]);
            w.append(sb).write('\n');
        }
    }

    private static void checkWritable(Matrix m, List<String> header) {
        Check.notNull("m", m);
        if (header == null) return;
        Check.dimension("header.size()", header.size(), m.cols);
        for (int j = 0; j < header.size(); j++) Check.notNull("header[" + j + "]", header.get(j));
    }

    /** A header name as written: quoted (with doubled quotes) when plain text would not read back. */
    private static String quoteIfNeeded(String name) {
        boolean plain = !name.isEmpty() && name.equals(name.strip())
                && name.chars().noneMatch(c -> c == ',' || c == '"' || c == '#' || c == '\n' || c == '\r');
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
