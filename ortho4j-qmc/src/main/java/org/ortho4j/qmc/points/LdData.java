package org.ortho4j.qmc.points;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Readers for the plain-text formats of the generating data: the LDData {@code lattice} and
 * {@code dnet} files (QMCSoftware/LDData README: lines starting with {@code #} are comments,
 * anything after a {@code #} is ignored, values are whitespace separated) and bundled resources.
 */
final class LdData {
    private LdData() {}

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    /** Folder of the bundled data files on the class path. */
    static final String DATA = "/org/ortho4j/qmc/data/";

    /** The non-comment lines of a reader, each split into tokens (empty lines dropped). */
    static List<String[]> tokenLines(Reader reader) {
        List<String[]> lines = new ArrayList<>();
        try (BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader)) {
            String line;
            while ((line = r.readLine()) != null) {
                int hash = line.indexOf('#');
                if (hash >= 0) line = line.substring(0, hash);
                line = line.trim();
                if (!line.isEmpty()) lines.add(WHITESPACE.split(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read generating data", e);
        }
        return lines;
    }

    /**
     * The lines of a reader that consist of unsigned decimal integers only (after removing
     * {@code #} comments), parsed without creating strings: lines holding any other token (e.g. the
     * header {@code d s a m_i} of a Joe–Kuo file) and empty lines are skipped. About 10x faster
     * than {@link #tokenLines} for the 21201-line Joe–Kuo file.
     *
     * @throws IllegalArgumentException if a value exceeds 2^64 - 1
     */
    static List<long[]> numericLines(Reader reader) {
        List<long[]> lines = new ArrayList<>();
        long[] row = new long[64];
        int count = 0, lineNo = 1;
        long v = 0;
        boolean inNumber = false, skip = false, comment = false;
        char[] buf = new char[1 << 16];
        try (Reader r = reader) {
            for (int len; (len = r.read(buf)) != -1 || inNumber || count > 0 || skip || comment; ) {
                if (len == -1) buf[0] = '\n';
                for (int p = 0, end = len == -1 ? 1 : len; p < end; p++) {
                    char ch = buf[p];
                    if (ch == '\n') {
                        if (inNumber) row = push(row, count++, v);
                        if (!skip && count > 0) lines.add(java.util.Arrays.copyOf(row, count));
                        count = 0; inNumber = false; skip = false; comment = false; lineNo++;
                    } else if (comment || skip) {
                        // ignore the rest of the line
                    } else if (ch >= '0' && ch <= '9') {
                        int digit = ch - '0';
                        if (!inNumber) { v = 0; inNumber = true; }
                        if (Long.compareUnsigned(v, 1844674407370955161L) > 0 || v == 1844674407370955161L && digit > 5)
                            throw new IllegalArgumentException("line " + lineNo + " holds a value above 2^64 - 1, expected unsigned 64-bit integers");
                        v = v * 10 + digit;
                    } else if (ch == '#') {
                        if (inNumber) { row = push(row, count++, v); inNumber = false; }
                        comment = true;
                    } else if (Character.isWhitespace(ch)) {
                        if (inNumber) { row = push(row, count++, v); inNumber = false; }
                    } else {
                        skip = true;
                    }
                }
                if (len == -1) break;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read generating data", e);
        }
        return lines;
    }

    private static long[] push(long[] row, int at, long v) {
        if (at == row.length) row = java.util.Arrays.copyOf(row, 2 * row.length);
        row[at] = v;
        return row;
    }

    /** A bundled resource as a UTF-8 reader, gunzipped when the name ends in {@code .gz}. */
    static Reader resource(String name) {
        InputStream in = LdData.class.getResourceAsStream(DATA + name);
        if (in == null) throw new IllegalStateException("bundled resource " + DATA + name + " is missing from the class path");
        try {
            return new InputStreamReader(name.endsWith(".gz") ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open bundled resource " + name, e);
        }
    }

    /** Parses an unsigned decimal integer (up to 2^64 - 1), naming the field in the error. */
    static long parseUnsigned(String what, String token) {
        try {
            return Long.parseUnsignedLong(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " = '" + token + "', expected an unsigned integer");
        }
    }

    /**
     * Parses the unsigned decimal integers {@code tokens[from ..]} of one line, naming the line in
     * the error (the message is only built on failure).
     */
    static long[] parseUnsignedLine(String[] tokens, int from, String lineName) {
        long[] v = new long[tokens.length - from];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = Long.parseUnsignedLong(tokens[from + i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("value " + (from + i + 1) + " of " + lineName + " = '" + tokens[from + i]
                        + "', expected an unsigned integer");
            }
        }
        return v;
    }

    /** Parses a non-negative int, naming the field in the error. */
    static int parseInt(String what, String token) {
        try {
            int v = Integer.parseInt(token);
            if (v >= 0) return v;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(what + " = '" + token + "', expected a non-negative int");
    }

    /** log2 of a power of two, or an error naming the field. */
    static int log2PowerOfTwo(String what, long n) {
        if (n <= 0 || (n & (n - 1)) != 0)
            throw new IllegalArgumentException(what + " = " + Long.toUnsignedString(n) + ", expected a power of two");
        return Long.numberOfTrailingZeros(n);
    }
}
