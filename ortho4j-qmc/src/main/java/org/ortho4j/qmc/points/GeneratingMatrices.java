package org.ortho4j.qmc.points;

import java.io.Reader;
import java.util.List;
import org.ortho4j.core.Check;

/**
 * Generating matrices of a base-2 digital net (spec qmc.md 2.2): for each coordinate c &lt;
 * {@link #dimensionLimit()} the {@link #columns()} = m_max columns {@code C[c][k]}, each an
 * unsigned {@link #bits()}-bit integer stored MSB-first: bit {@code t-1-r} of {@code C[c][k]} is
 * row r of the matrix (row 0 = the digit of 2^-1). Point i of coordinate c in natural order is
 * {@code XOR over the set bits k of i of C[c][k]}, divided by 2^t.
 *
 * <p>Immutable and thread-safe; every accessor copies. Construction costs O(d m_max) (plus
 * O(d m_max t) for scrambling and interlacing).
 */
public final class GeneratingMatrices {
    private final long[][] cols;  // [coordinate][k]
    private final int bits;
    private final String source;

    private GeneratingMatrices(long[][] cols, int bits, String source) {
        this.cols = cols;
        this.bits = bits;
        this.source = source;
    }

    // ------------------------------------------------------------------ factories

    private static final class JoeKuo {
        static final GeneratingMatrices MATRICES;
        static {
            try (Reader r = LdData.resource("new-joe-kuo-6.21201.txt.gz")) {
                MATRICES = parseJoeKuo(r, 21201, 32, "joe_kuo.6.21201");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /**
     * Sobol' matrices from the Joe–Kuo direction numbers {@code new-joe-kuo-6.21201} (bundled):
     * 21201 coordinates, 32 columns, t = 32 bits, {@code C[c][k] = m_{c,k+1} << (31-k)}; QMCPy's
     * and scipy's default. Parsed once on first use (about 0.1 s) and cached.
     */
    public static GeneratingMatrices joeKuo21201() { return JoeKuo.MATRICES; }

    /**
     * Sobol' matrices from direction numbers in the Joe–Kuo layout: an optional header line, then
     * one line {@code j s a m_1 .. m_s} per coordinate j = 2, 3, ... (coordinate 1 is implicit,
     * the identity). Column k (0-based) of a coordinate is {@code m_{k+1} << (mMax-1-k)}, so
     * t = mMax bits, where for k &gt; s
     * {@code m_k = m_{k-s} ^ (m_{k-s} << s) ^ XOR_{i=1}^{s-1} (a_i m_{k-i} << i)} and a_i is bit
     * s-1-i of a (spec 2.3). Reads the first {@code d - 1} coordinate lines.
     *
     * @param reader the direction numbers (closed on return)
     * @param d      coordinates to build, {@code >= 1}
     * @param mMax   columns (and bits), 1..63
     */
    public static GeneratingMatrices fromJoeKuoDirectionNumbers(Reader reader, int d, int mMax) {
        Check.notNull("reader", reader);
        Check.positive("d", d);
        Check.inRange("mMax", mMax, 1, 63);
        return parseJoeKuo(reader, d, mMax, "joe-kuo direction numbers");
    }

    private static GeneratingMatrices parseJoeKuo(Reader reader, int d, int mMax, String source) {
        List<long[]> lines = LdData.numericLines(reader);
        long[][] cols = new long[d][mMax];
        for (int k = 0; k < mMax; k++) cols[0][k] = 1L << (mMax - 1 - k);
        int c = 1;
        long[] m = new long[mMax + 1];
        for (long[] values : lines) {
            if (c == d) break;
            // values: j s a m_1 .. m_s
            int s = (int) Math.min(Math.max(values.length > 1 ? values[1] : 0, 0), Integer.MAX_VALUE);
            if (s < 1 || values.length != 3 + s)
                throw new IllegalArgumentException("line of coordinate " + (c + 1) + " has " + values.length
                        + " values, expected 3 + s = " + (3L + s));
            long a = values[2];
            for (int k = 1; k <= mMax; k++) {
                if (k <= s) {
                    m[k] = values[2 + k];
                } else {
                    long v = m[k - s] ^ (m[k - s] << s);
                    for (int i = 1; i < s; i++) if (((a >>> (s - 1 - i)) & 1) != 0) v ^= m[k - i] << i;
                    m[k] = v;
                }
                cols[c][k - 1] = m[k] << (mMax - k);
            }
            c++;
        }
        if (c < d)
            throw new IllegalArgumentException("d = " + d + ", expected <= " + c + " (coordinates in the direction numbers)");
        return new GeneratingMatrices(cols, mMax, source);
    }

    /**
     * Matrices from an LDData {@code dnet} file: comment lines, then base (must be 2), the number
     * of coordinates s, n_max = 2^m, the bits t, then s lines of m column integers (MSB-first).
     *
     * @param reader the file contents (closed on return)
     */
    public static GeneratingMatrices fromLDDataDnet(Reader reader) {
        Check.notNull("reader", reader);
        List<String[]> lines = LdData.tokenLines(reader);
        List<String> header = new java.util.ArrayList<>();
        int row = 0;
        while (header.size() < 4 && row < lines.size()) header.addAll(List.of(lines.get(row++)));
        if (header.size() != 4) throw new IllegalArgumentException("dnet header has " + header.size() + " values, expected 4 (b, s, n_max, t)");
        if (!header.get(0).equals("2")) throw new IllegalArgumentException("base = " + header.get(0) + ", expected 2");
        int s = LdData.parseInt("s", header.get(1));
        int m = LdData.log2PowerOfTwo("n_max", LdData.parseUnsigned("n_max", header.get(2)));
        int t = LdData.parseInt("t", header.get(3));
        Check.inRange("t", t, 1, 64);
        if (lines.size() - row != s)
            throw new IllegalArgumentException("dnet file has " + (lines.size() - row) + " matrix lines, expected s = " + s);
        long[][] cols = new long[s][];
        for (int c = 0; c < s; c++) {
            String[] line = lines.get(row + c);
            if (line.length != m)
                throw new IllegalArgumentException("matrix line " + (c + 1) + " has " + line.length + " columns, expected " + m);
            cols[c] = LdData.parseUnsignedLine(line, 0, "matrix line " + (c + 1));
        }
        return of(cols, t, "ldData dnet");
    }

    /**
     * Custom matrices given as MSB-first column integers (QMCPy {@code msb=True}); copied.
     *
     * @param columns {@code [coordinates][mMax]}, every entry below {@code 2^bits} (unsigned)
     * @param bits    t, 1..64
     */
    public static GeneratingMatrices ofMsb(long[][] columns, int bits) {
        return of(copy(columns), bits, "custom");
    }

    /**
     * Custom matrices given as LSB-first column integers (Joe–Kuo style, QMCPy {@code msb=False}):
     * t = ceil(log2(max + 1)) over all entries, and bit u of each entry becomes bit t-1-u.
     * (QMCPy v2 applies this reversal when {@code msb=True} instead, contradicting its own
     * docstring; we follow the docstring.)
     *
     * @param columns {@code [coordinates][mMax]}, not all zero
     */
    public static GeneratingMatrices fromLsbColumns(long[][] columns) {
        long[][] c = copy(columns);
        long max = 0;
        for (long[] row : c) for (long v : row) if (Long.compareUnsigned(v, max) > 0) max = v;
        if (max == 0) throw new IllegalArgumentException("columns are all zero, expected a nonzero entry");
        int t = 64 - Long.numberOfLeadingZeros(max);
        for (long[] row : c) for (int k = 0; k < row.length; k++) row[k] = Long.reverse(row[k]) >>> (64 - t);
        return new GeneratingMatrices(c, t, "custom (lsb)");
    }

    private static long[][] copy(long[][] columns) {
        Check.notNull("columns", columns);
        long[][] c = new long[columns.length][];
        for (int j = 0; j < c.length; j++) c[j] = Check.notNull("columns[" + j + "]", columns[j]).clone();
        return c;
    }

    private static GeneratingMatrices of(long[][] c, int bits, String source) {
        Check.inRange("bits", bits, 1, 64);
        if (c.length == 0) throw new IllegalArgumentException("columns.length = 0, expected >= 1 coordinate");
        int m = c[0].length;
        Check.inRange("columns[0].length", m, 1, 63);
        boolean nonzero = false;
        for (int j = 0; j < c.length; j++) {
            Check.dimension("columns[" + j + "].length", c[j].length, m);
            for (long v : c[j]) {
                if (bits < 64 && (v >>> bits) != 0)
                    throw new IllegalArgumentException("columns[" + j + "] holds " + Long.toUnsignedString(v)
                            + ", expected < 2^" + bits);
                nonzero |= v != 0;
            }
        }
        if (!nonzero) throw new IllegalArgumentException("columns are all zero, expected a nonzero entry");
        return new GeneratingMatrices(c, bits, source);
    }

    // ------------------------------------------------------------------ accessors

    /** Number of coordinates available (QMCPy {@code d_limit}). */
    public int dimensionLimit() { return cols.length; }

    /** Columns per coordinate, m_max. */
    public int columns() { return cols[0].length; }

    /** Bits t of each column integer (QMCPy {@code t_curr}). */
    public int bits() { return bits; }

    /** Points available, {@code 2^m_max} (QMCPy {@code n_limit}). */
    public long nLimit() { return 1L << columns(); }

    /** Where the matrices came from (e.g. {@code joe_kuo.6.21201}, {@code custom}). */
    public String source() { return source; }

    /**
     * Column k of coordinate c (an unsigned {@link #bits()}-bit integer).
     *
     * @throws IllegalArgumentException if c or k is out of range
     */
    public long column(int c, int k) {
        Check.inRange("c", c, 0, cols.length - 1);
        Check.inRange("k", k, 0, columns() - 1);
        return cols[c][k];
    }

    /** A copy of the columns of coordinate c. */
    public long[] columnsOf(int c) {
        Check.inRange("c", c, 0, cols.length - 1);
        return cols[c].clone();
    }

    /** Package-private view of the columns of coordinate c (not copied; callers must not write). */
    long[] raw(int c) { return cols[c]; }

    // ------------------------------------------------------------------ transformations

    /**
     * The matrices of the given coordinates, in that order (QMCPy {@code dvec}).
     *
     * @throws IllegalArgumentException if an index is out of range
     */
    public GeneratingMatrices select(int... coordinates) {
        Check.notNull("coordinates", coordinates);
        long[][] c = new long[coordinates.length][];
        for (int j = 0; j < c.length; j++) {
            Check.inRange("coordinates[" + j + "]", coordinates[j], 0, cols.length - 1);
            c[j] = cols[coordinates[j]];
        }
        if (c.length == 0) throw new IllegalArgumentException("coordinates is empty, expected at least one");
        return new GeneratingMatrices(c, bits, source);
    }

    /**
     * Digit interlacing of order alpha (spec 2.6, QMCPy {@code dnb2_interlace}): coordinates
     * {@code c*alpha .. c*alpha+alpha-1} become coordinate c of a higher-order net with tOut bits,
     * output digit ta taken from digit {@code ta/alpha} of input coordinate
     * {@code c*alpha + ta%alpha}. Cost O(d m_max tOut).
     *
     * @param alpha interlacing factor, {@code >= 1}
     * @param d     output coordinates, {@code d * alpha <= dimensionLimit()}
     * @param tOut  bits of the result, 1..min(64, alpha * bits()); QMCPy uses min(alpha t, 63)
     */
    public GeneratingMatrices interlace(int alpha, int d, int tOut) {
        Check.positive("alpha", alpha);
        Check.positive("d", d);
        if ((long) d * alpha > cols.length)
            throw new IllegalArgumentException("d * alpha = " + (long) d * alpha + ", expected <= dimensionLimit() = " + cols.length);
        Check.inRange("tOut", tOut, 1, (int) Math.min(64, (long) alpha * bits));
        int m = columns();
        long[][] out = new long[d][m];
        long[] group = new long[alpha];
        for (int c = 0; c < d; c++)
            for (int k = 0; k < m; k++) {
                for (int a = 0; a < alpha; a++) group[a] = cols[c * alpha + a][k];
                out[c][k] = Base2.interlace(group, 0, alpha, bits, tOut);
            }
        return new GeneratingMatrices(out, tOut, source + " interlaced alpha=" + alpha);
    }

    /**
     * Inverse of {@link #interlace}: splits every coordinate into alpha coordinates of tIn bits
     * (QMCPy {@code dnb2_undo_interlace}); exact when {@code alpha * tIn <= bits()}.
     *
     * @param alpha interlacing factor, {@code >= 1}
     * @param tIn   bits of each recovered coordinate, 1..bits()/alpha
     */
    public GeneratingMatrices undoInterlace(int alpha, int tIn) {
        Check.positive("alpha", alpha);
        Check.inRange("tIn", tIn, 1, bits / alpha);
        int m = columns();
        long[][] out = new long[cols.length * alpha][m];
        long[] group = new long[alpha];
        for (int c = 0; c < cols.length; c++)
            for (int k = 0; k < m; k++) {
                Base2.undoInterlace(cols[c][k], alpha, tIn, bits, group, 0);
                for (int a = 0; a < alpha; a++) out[c * alpha + a][k] = group[a];
            }
        return new GeneratingMatrices(out, tIn, source + " de-interlaced alpha=" + alpha);
    }

    /**
     * Deterministic linear matrix scramble (spec 2.5.2): with the tNew row masks
     * {@code rowMasks[c][q]} (each over this matrix's {@link #bits()} digits, MSB-first), bit
     * {@code tNew-1-q} of the new column k of coordinate c is
     * {@code parity(rowMasks[c][q] & C[c][k])}. Random scrambles use unit lower-triangular
     * masks; any masks are accepted here. Cost O(d m_max tNew).
     *
     * @param rowMasks {@code [dimensionLimit()][tNew]}
     * @param tNew     bits of the result, 1..64
     */
    public GeneratingMatrices linearScramble(long[][] rowMasks, int tNew) {
        Check.notNull("rowMasks", rowMasks);
        Check.inRange("tNew", tNew, 1, 64);
        Check.dimension("rowMasks.length", rowMasks.length, cols.length);
        int m = columns();
        long[][] out = new long[cols.length][m];
        for (int c = 0; c < cols.length; c++) {
            Check.dimension("rowMasks[" + c + "].length", Check.notNull("rowMasks[" + c + "]", rowMasks[c]).length, tNew);
            for (int k = 0; k < m; k++) out[c][k] = Base2.scrambleColumn(rowMasks[c], 0, cols[c][k], tNew);
        }
        return new GeneratingMatrices(out, tNew, source + " scrambled");
    }
}
