package org.ortho4j.qmc.points;

import org.ortho4j.core.Check;
import org.ortho4j.core.backend.Parallel;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.PointSet;

/**
 * Shared skeleton of the generators: argument checks for {@link #points(int, long, long)} and a
 * parallel fill over fixed blocks of {@link #chunkRows()} indices. Every value is a deterministic
 * function of (replication, index, coordinate), so the result does not depend on the blocking or
 * the thread count; the blocking itself depends only on the block size.
 */
abstract class BlockPointSet implements PointSet {
    final int[] coords;
    final int d;
    final int replications;
    final long nLimit;

    BlockPointSet(int[] coords, int replications, long nLimit) {
        this.coords = coords;
        this.d = coords.length;
        this.replications = replications;
        this.nLimit = nLimit;
    }

    @Override public int dimension() { return d; }

    @Override public long nLimit() { return nLimit; }

    @Override public int replications() { return replications; }

    /**
     * The coordinate indices of the columns (into the generating data or the prime bases).
     *
     * @return a copy, length {@link #dimension()}
     */
    public int[] coordinates() { return coords.clone(); }

    /**
     * {@inheritDoc}
     *
     * <p>Allocates the {@code (nMax-nMin) x d} result; O((nMax-nMin) d) work for lattices, nets
     * with NONE/DS/LMS/LMS_DS and IID, O((nMax-nMin) d t) for NUS and Halton, run on ortho4j's pool
     * over blocks of indices.
     */
    @Override
    public Matrix points(int r, long nMin, long nMax) {
        int n = checkRange(r, nMin, nMax);
        Matrix out = new Matrix(n, d);
        forBlocks(n, (i0, i1) -> fillBlock(r, nMin + i0, nMin + i1, out.data, i0 * d));
        return out;
    }

    /**
     * The same points as {@link #points(int, long, long)}, written row-major ({@code d} values per
     * row) into {@code out} from {@code offset} instead of a new matrix: no allocation (the Java
     * heap zeroes every new array, an extra pass over memory that dominates for cheap generators).
     *
     * @param r      replication, 0..R-1
     * @param nMin   first index
     * @param nMax   end index (exclusive), at most {@link #nLimit()}
     * @param out    destination, at least {@code offset + (nMax - nMin) d} long
     * @param offset position of point nMin's first coordinate
     * @throws IllegalArgumentException for an invalid range or a destination too short
     */
    public void pointsInto(int r, long nMin, long nMax, double[] out, int offset) {
        int n = checkRange(r, nMin, nMax);
        Check.notNull("out", out);
        Check.block("out", out.length, offset, n, d, d);
        forBlocks(n, (i0, i1) -> fillBlock(r, nMin + i0, nMin + i1, out, offset + i0 * d));
    }

    /** Runs {@code body(i0, i1)} over the blocks of {@code [0, n)} in parallel. */
    final void forBlocks(int n, BlockBody body) {
        int rows = chunkRows();
        int chunks = (int) ((n + (long) rows - 1) / rows);
        Parallel.forEachChunk(chunks, (long) n * d * costPerValue(), c -> {
            int i0 = c * rows;
            body.run(i0, Math.min(n, i0 + rows));
        });
    }

    /** One block of rows {@code [i0, i1)} relative to nMin. */
    @FunctionalInterface
    interface BlockBody {
        void run(int i0, int i1);
    }

    /**
     * Validates a request and returns its row count.
     *
     * @throws IllegalArgumentException naming r, nMin or nMax when out of range
     */
    final int checkRange(int r, long nMin, long nMax) {
        if (r < 0 || r >= replications)
            throw new IllegalArgumentException("r = " + r + ", expected in [0, " + (replications - 1) + "]");
        if (nMin < 0) throw new IllegalArgumentException("nMin = " + nMin + ", expected >= 0");
        if (nMax < nMin) throw new IllegalArgumentException("nMax = " + nMax + ", expected >= nMin = " + nMin);
        if (nMax > nLimit) throw new IllegalArgumentException("nMax = " + nMax + ", expected <= nLimit() = " + nLimit);
        if (nMax - nMin > Integer.MAX_VALUE - 8 || (nMax - nMin) * d > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException("(nMax - nMin) * d = " + (nMax - nMin) + " * " + d
                    + ", expected <= " + (Integer.MAX_VALUE - 8) + " values in one matrix");
        return (int) (nMax - nMin);
    }

    /**
     * Writes points {@code from .. to-1} of replication r row-major ({@code d} per row) into
     * {@code out} starting at {@code off}.
     */
    abstract void fillBlock(int r, long from, long to, double[] out, int off);

    /** Indices per parallel block (fixed: independent of the thread count). */
    int chunkRows() { return 4096; }

    /** Relative cost of one value, for the parallel threshold. */
    int costPerValue() { return 1; }
}
