package org.ortho4j.qmc.points;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.random.RandomGenerator;
import org.ortho4j.core.Check;
import org.ortho4j.core.random.SplitMix64;

/**
 * Generating vectors of a rank-1 lattice (spec 2.1): {@link #sets()} vectors (one, or one per
 * replication) of {@link #dimensionLimit()} integers g_c, and the extent {@code nLimit = 2^mMax}
 * of the embedded sequence of lattices. Immutable; accessors copy.
 */
public final class GeneratingVector {
    private final long[][] g;  // [set][coordinate]
    private final int mMax;
    private final String source;

    private GeneratingVector(long[][] g, int mMax, String source) {
        this.g = g;
        this.mMax = mMax;
        this.source = source;
    }

    private static final class Kuo {
        static final GeneratingVector VECTOR;
        static {
            try (Reader r = LdData.resource("kuo.lattice-33002-1024-1048576.9125.txt")) {
                VECTOR = parse(r, "kuo.lattice-33002-1024-1048576.9125");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * QMCPy v2's default: Kuo's extensible lattice {@code lattice-33002-1024-1048576.9125}
     * (order-3 weights, 9125 coordinates, n up to 2^20; Cools, Kuo and Nuyens 2006), bundled and
     * parsed once on first use.
     */
    public static GeneratingVector kuo9125() { return Kuo.VECTOR; }

    /**
     * A vector from an LDData {@code lattice} file: comment lines ({@code #}), then d, then n_max
     * (a power of two), then d integers.
     *
     * @param reader the file contents (closed on return)
     * @throws IllegalArgumentException if n_max is not a power of two or the count is wrong
     */
    public static GeneratingVector fromLDData(Reader reader) {
        Check.notNull("reader", reader);
        return parse(reader, "ldData lattice");
    }

    private static GeneratingVector parse(Reader reader, String source) {
        java.util.List<long[]> lines = LdData.numericLines(reader);
        int total = 0;
        for (long[] line : lines) total += line.length;
        long[] values = new long[total];
        int at = 0;
        for (long[] line : lines) for (long v : line) values[at++] = v;
        if (total < 2) throw new IllegalArgumentException("lattice file has " + total + " values, expected d and n_max first");
        if (values[0] < 1 || values[0] > Integer.MAX_VALUE)
            throw new IllegalArgumentException("d = " + Long.toUnsignedString(values[0]) + ", expected a positive int");
        int d = (int) values[0];
        int m = LdData.log2PowerOfTwo("n_max", values[1]);
        if (total != 2 + d)
            throw new IllegalArgumentException("lattice file has " + (total - 2) + " vector entries, expected d = " + d);
        return of(new long[][] {java.util.Arrays.copyOfRange(values, 2, total)}, m, source);
    }

    /**
     * A given vector (copied) with {@code nLimit = 2^mMax} (QMCPy: array plus {@code m_max}).
     *
     * @param g    the entries, at least one
     * @param mMax log2 of the number of points, 0..63
     */
    public static GeneratingVector of(long[] g, int mMax) {
        Check.notNull("g", g);
        return of(new long[][] {g.clone()}, mMax, "custom");
    }

    /**
     * One given vector per replication (copied), all of the same length.
     *
     * @param g    {@code [sets][d]}
     * @param mMax log2 of the number of points, 0..63
     */
    public static GeneratingVector ofSets(long[][] g, int mMax) {
        Check.notNull("g", g);
        long[][] c = new long[g.length][];
        for (int s = 0; s < g.length; s++) c[s] = Check.notNull("g[" + s + "]", g[s]).clone();
        return of(c, mMax, "custom");
    }

    private static GeneratingVector of(long[][] g, int mMax, String source) {
        Check.inRange("mMax", mMax, 0, 63);
        if (g.length == 0) throw new IllegalArgumentException("g.length = 0, expected at least one vector");
        if (g[0].length == 0) throw new IllegalArgumentException("g[0].length = 0, expected at least one entry");
        for (int s = 1; s < g.length; s++) Check.dimension("g[" + s + "].length", g[s].length, g[0].length);
        return new GeneratingVector(g, mMax, source);
    }

    /**
     * A random vector (QMCPy {@code generating_vector=M}): {@code (1, v_2, .., v_d)} with v_c
     * odd and uniform in {@code {3, 5, .., 2^M - 1}}; {@code nLimit = 2^M}.
     *
     * @param d   entries, {@code >= 1}
     * @param m   M, 2..26
     * @param rng the source of randomness
     */
    public static GeneratingVector random(int d, int m, RandomGenerator rng) {
        Check.positive("d", d);
        Check.inRange("m", m, 2, 26);
        Check.notNull("rng", rng);
        long[] v = new long[d];
        v[0] = 1;
        for (int c = 1; c < d; c++) v[c] = 2 * rng.nextLong(1, 1L << (m - 1)) + 1;
        return new GeneratingVector(new long[][] {v}, m, "random");
    }

    /**
     * {@code sets} independent random vectors as {@link #random(int, int, RandomGenerator)}, entry
     * c of set r drawn from the stream (seed, VECTOR, r, c) of the package's seeding scheme (so
     * entry c does not depend on d).
     */
    public static GeneratingVector random(int d, int m, int sets, long seed) {
        Check.positive("d", d);
        Check.inRange("m", m, 2, 26);
        Check.positive("sets", sets);
        long[][] v = new long[sets][d];
        for (int r = 0; r < sets; r++) {
            v[r][0] = 1;
            for (int c = 1; c < d; c++) {
                SplitMix64 rng = Streams.stream(seed, Streams.VECTOR, r, c);
                v[r][c] = 2 * (1 + Streams.below(rng, (1 << (m - 1)) - 1)) + 1;
            }
        }
        return new GeneratingVector(v, m, "random");
    }

    /** Number of vectors (1, or one per replication). */
    public int sets() { return g.length; }

    /** Entries per vector (QMCPy {@code d_limit}). */
    public int dimensionLimit() { return g[0].length; }

    /** log2 of {@link #nLimit()}. */
    public int mMax() { return mMax; }

    /** Points available, {@code 2^mMax}. */
    public long nLimit() { return 1L << mMax; }

    /** Where the vector came from. */
    public String source() { return source; }

    /** Entry c of vector {@code set}. */
    public long get(int set, int c) {
        Check.inRange("set", set, 0, g.length - 1);
        Check.inRange("c", c, 0, g[0].length - 1);
        return g[set][c];
    }

    /** A copy of vector {@code set}. */
    public long[] vector(int set) {
        Check.inRange("set", set, 0, g.length - 1);
        return g[set].clone();
    }

    /** Package-private view (not copied). */
    long[] raw(int set) { return g[set]; }
}
