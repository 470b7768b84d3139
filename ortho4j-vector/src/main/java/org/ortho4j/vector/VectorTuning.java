package org.ortho4j.vector;

/**
 * Every threshold and block size of the Vector API backend, in one place (the counterpart of
 * core's {@code org.ortho4j.core.backend.Tuning}). The blocking values are read once from system
 * properties at class load, so they can be swept without recompiling; the register tile
 * ({@link #MR} x {@link #NV} vectors) is fixed by the hand-written micro-kernels.
 *
 * <p>Defaults were measured on an AMD EPYC Zen 4 (AVX-512, 512-bit species, L1d 32 KiB, L2 1 MiB
 * per core, L3 32 MiB shared, 2 cores); with {@code NR = NV * lanes} (24 doubles or 48 floats,
 * 192 bytes per depth step either way) the same values suit both precisions:
 * <ul>
 *   <li>{@link #KC}: a {@code KC x NR} micro-panel of packed {@code op(B)} ({@code KC * 192}
 *       bytes, 72 KiB) is re-read by every micro-kernel call of one column panel from L2 (the
 *       kernel needs only about 11 bytes per cycle, far below L2 bandwidth); a deeper block
 *       amortises loading and storing the C tile. Sweeping 128..768 gave a flat optimum from
 *       256 to 512; 384 was best at n = 1024 once depth blocks are split evenly;</li>
 *   <li>{@link #MC}: an {@code MC x KC} block of packed {@code op(A)} (576 KiB of doubles) is
 *       re-read for every column micro-panel and stays in L2;</li>
 *   <li>{@link #NC}: a {@code KC x NC} panel of packed {@code op(B)} (at most 12 MiB of
 *       doubles) is shared by all threads and stays in L3.</li>
 * </ul>
 * Column and depth blocks are split evenly (e.g. k = 1024 gives three blocks of 342, not
 * 384 + 384 + 256), so no block is left thin.
 *
 * <table>
 * <caption>System properties</caption>
 * <tr><th>property</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code ortho4j.vector.kc}</td><td>384</td><td>depth block {@link #KC}</td></tr>
 * <tr><td>{@code ortho4j.vector.mc}</td><td>192</td><td>row block {@link #MC} (rounded up to a multiple of {@link #MR})</td></tr>
 * <tr><td>{@code ortho4j.vector.nc}</td><td>4080</td><td>column block {@link #NC} (rounded up to a multiple of NR)</td></tr>
 * <tr><td>{@code ortho4j.vector.minChunks}</td><td>8</td><td>{@link #MIN_CHUNKS}</td></tr>
 * <tr><td>{@code ortho4j.vector.skinny}</td><td>3</td><td>{@link #SKINNY}</td></tr>
 * </table>
 */
public final class VectorTuning {
    private VectorTuning() {}

    /** Rows of C held in registers by the micro-kernel (fixed by the kernel code). */
    public static final int MR = 8;

    /** Vectors per row of C held in registers by the micro-kernel (fixed by the kernel code). */
    public static final int NV = 3;

    /** Depth (k) block: the packed slices of op(A) and op(B) cover at most this many depth steps. */
    public static final int KC = positive("ortho4j.vector.kc", 384);

    /** Row (m) block: rows of op(A) packed together (at most; smaller when m is small). */
    public static final int MC = roundUp(positive("ortho4j.vector.mc", 192), MR);

    /** Column (n) block: at most this many columns of op(B) are packed together and shared by all threads. */
    public static final int NC = positive("ortho4j.vector.nc", 4080);

    /**
     * Parallel chunks a product is split into at least, when its shape allows: row blocks shrink
     * (down to {@link #MR} rows) and then column groups are added until there are this many. The
     * value depends on the problem shape only, never on the thread count, so results are
     * bit-for-bit identical for any number of threads.
     */
    public static final int MIN_CHUNKS = positive("ortho4j.vector.minChunks", 8);

    /**
     * GEMMs with {@code m} or {@code n} below this run on core's Java backend: such a product is
     * matrix-vector-like and memory-bound, and packing plus padding to full register tiles costs
     * more than the micro-kernel saves (measured about 1.5-2x slower than the Java backend at
     * {@code m} or {@code n} = 1 and 2 with the other sizes 2000, and faster from 3 on).
     */
    public static final int SKINNY = positive("ortho4j.vector.skinny", 3);

    static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    private static int positive(String property, int dflt) {
        int v = Integer.getInteger(property, dflt);
        if (v < 1) throw new IllegalArgumentException(property + " = " + v + ", expected >= 1");
        return v;
    }
}
