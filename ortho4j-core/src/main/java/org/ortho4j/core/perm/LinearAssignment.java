package org.ortho4j.core.perm;

import java.util.Arrays;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * The linear sum assignment problem (LSAP), compatible with scipy's
 * {@code scipy.optimize.linear_sum_assignment}: given an {@code nr x nc} cost matrix C, choose
 * {@code k = min(nr, nc)} entries, no two in the same row or column, with the least (or, with
 * {@code maximize}, the greatest) total cost.
 *
 * <h2>Algorithm</h2>
 * The shortest augmenting path method with row and column dual potentials u, v (a
 * Jonker–Volgenant variant of the Hungarian method) as described by D. F. Crouse, "On implementing
 * 2D rectangular assignment algorithms", IEEE Trans. Aerospace and Electronic Systems 52(4), 2016,
 * Algorithm 1 (the method behind scipy's {@code rectangular_lsap}). Rows are added one at a time;
 * for each, a Dijkstra-like search over reduced costs {@code C[i][j] - u[i] - v[j] >= 0} finds the
 * cheapest path to a free column, then the duals are updated and the matching is augmented along
 * the path. A tall matrix ({@code nr > nc}) is solved on its transpose. O(k²·max(nr, nc)) time in
 * the worst case (O(n³) for n x n), much less on typical inputs; O(nr + nc) extra memory, plus a
 * copy of C when maximising or when {@code nr > nc}. The search loop uses primitive arrays only and
 * allocates nothing.
 *
 * <h2>Ties</h2>
 * When several assignments are optimal, the one returned is the one scipy (1.4 and later) returns:
 * the search visits the unscanned columns in scipy's order (initially {@code nc-1, ..., 1, 0},
 * each scanned column replaced by the last one), prefers a free column among equally short ones,
 * and every floating-point operation is evaluated in scipy's order, so the same inputs give the
 * same indices. In particular a constant matrix gives the identity.
 *
 * <h2>Invalid and infeasible inputs</h2>
 * {@code +inf} (or {@code -inf} when maximising) marks a forbidden pair. NaN anywhere, {@code -inf}
 * when minimising and {@code +inf} when maximising are rejected with an
 * {@link IllegalArgumentException} whose message contains scipy's "contains invalid numeric
 * entries"; when every complete assignment uses a forbidden pair the message starts with scipy's
 * "cost matrix is infeasible". An empty matrix (no rows or no columns) gives an empty result with
 * total 0.
 *
 * <p>All methods are static, stateless and thread-safe.
 */
public final class LinearAssignment {
    private LinearAssignment() {}

    /**
     * An optimal assignment.
     *
     * <p>Row {@code rowInd[t]} is assigned column {@code colInd[t]} for {@code t < size()}, with
     * {@code rowInd} strictly ascending (for {@code nr <= nc} it is {@code 0, 1, ..., nr-1}), as in
     * scipy's {@code (row_ind, col_ind)}. {@code total} is the sum of the <em>original</em> costs
     * {@code C[rowInd[t]][colInd[t]]}, added in order of t (it is not negated when maximising).
     *
     * <p>{@code rowDuals} (length nr) and {@code colDuals} (length nc) are the dual potentials at
     * the optimum, an optimality certificate: when minimising, {@code rowDuals[i] + colDuals[j] <=
     * C[i][j]} for every pair, with equality on the assigned pairs, so {@code total} equals the sum
     * of the duals of the assigned rows and columns; when maximising the inequality is reversed
     * ({@code >=}). The column duals (the row duals when {@code nr > nc}) are {@code <= 0} when
     * minimising ({@code >= 0} when maximising), and exactly 0 for a column (row) left unassigned.
     * Round-off makes the (in)equalities hold to within a few units of {@code eps·max|C|} per
     * assigned row.
     *
     * <p>The arrays are not copied; the result owns them.
     *
     * @param rows     nr, the number of rows of the cost matrix
     * @param cols     nc, the number of columns
     * @param rowInd   assigned rows, ascending, length {@code min(nr, nc)}
     * @param colInd   the column assigned to each of {@code rowInd}
     * @param total    the total cost of the assignment
     * @param rowDuals dual potential of each row (length nr)
     * @param colDuals dual potential of each column (length nc)
     */
    public record Result(int rows, int cols, int[] rowInd, int[] colInd, double total, double[] rowDuals,
                         double[] colDuals) {

        /** The number of assigned pairs, {@code min(rows, cols)}. */
        public int size() { return rowInd.length; }

        /** True if the cost matrix was square. */
        public boolean isSquare() { return rows == cols; }

        /**
         * For a square problem, the assignment as a permutation p: row i is assigned column
         * {@code p(i) = colInd[i]}. O(n).
         *
         * @throws IllegalStateException if the cost matrix was not square
         */
        public Permutation permutation() {
            if (rows != cols)
                throw new IllegalStateException("the cost matrix is " + rows + "x" + cols
                        + ", a permutation exists only for a square one; use rowInd()/colInd()");
            return Permutation.trusted(colInd.clone());
        }

        /** Equal iff the shapes, index arrays, total and duals are equal (array contents compared). */
        @Override
        public boolean equals(Object o) {
            return o == this || (o instanceof Result r && rows == r.rows && cols == r.cols
                    && Arrays.equals(rowInd, r.rowInd) && Arrays.equals(colInd, r.colInd)
                    && Double.compare(total, r.total) == 0
                    && Arrays.equals(rowDuals, r.rowDuals) && Arrays.equals(colDuals, r.colDuals));
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(rowInd) + Arrays.hashCode(colInd)) + Double.hashCode(total);
        }

        /** Shape, total and (for up to 32 pairs) the pairs, e.g. {@code Result[3x4, total=5.0, pairs=[0->1, 1->0, 2->3]]}. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("Result[").append(rows).append('x').append(cols)
                    .append(", total=").append(total).append(", pairs=");
            if (rowInd.length > 32) return sb.append(rowInd.length).append(" (not listed)]").toString();
            sb.append('[');
            for (int t = 0; t < rowInd.length; t++) sb.append(t == 0 ? "" : ", ").append(rowInd[t]).append("->").append(colInd[t]);
            return sb.append("]]").toString();
        }
    }

    /**
     * Solves the LSAP for a rectangular {@code double[nr][nc]} cost array (copied; not modified).
     *
     * @param cost     the cost matrix, rows of equal length ({@code nr = cost.length})
     * @param maximize maximise the total instead of minimising it
     * @throws IllegalArgumentException if the rows have different lengths, an entry is invalid, or
     *         the problem is infeasible (see the class documentation)
     */
    public static Result solve(double[][] cost, boolean maximize) {
        Check.notNull("cost", cost);
        int nc = cost.length == 0 ? 0 : Check.notNull("cost[0]", cost[0]).length;
        for (int i = 1; i < cost.length; i++)
            if (Check.notNull("cost[" + i + "]", cost[i]).length != nc)
                throw new IllegalArgumentException("cost[" + i + "].length = " + cost[i].length + ", expected " + nc
                        + " (the length of cost[0]; the rows must have equal lengths)");
        return solve(Matrix.of(cost), maximize);
    }

    /**
     * Solves the LSAP for an {@code nr x nc} cost matrix (any layout, views included; not
     * modified). When minimising a matrix with {@code nr <= nc} it is read in place; otherwise a
     * (transposed and/or negated) working copy of {@code nr·nc} doubles is made, as scipy does.
     *
     * @param cost     the cost matrix
     * @param maximize maximise the total instead of minimising it
     * @throws IllegalArgumentException if an entry is invalid or the problem is infeasible (see
     *         the class documentation)
     */
    public static Result solve(Matrix cost, boolean maximize) {
        Check.notNull("cost", cost);
        final int nr = cost.rows, nc = cost.cols;
        if (nr == 0 || nc == 0)
            return new Result(nr, nc, new int[0], new int[0], 0.0, new double[nr], new double[nc]);
        requireValid(cost, maximize);

        // Working problem: n rows <= m columns, minimised. Read C in place when possible.
        final boolean transpose = nc < nr;
        final int n = Math.min(nr, nc), m = Math.max(nr, nc);
        double[] w;
        int off, ld;
        if (!transpose && !maximize) {
            w = cost.data;
            off = cost.offset;
            ld = cost.ld;
        } else {
            w = workingCopy(cost, transpose, maximize);
            off = 0;
            ld = m;
        }
        int[] col4row = new int[n];
        double[] u = new double[n], v = new double[m];
        shortestAugmentingPaths(w, off, ld, n, m, col4row, u, v);

        // Back to the caller's orientation and sign.
        int[] rowInd = new int[n], colInd = new int[n];
        if (!transpose) {
            for (int i = 0; i < n; i++) {
                rowInd[i] = i;
                colInd[i] = col4row[i];
            }
        } else {
            // Working row k is original column k, matched to original row col4row[k]; list the
            // matched original rows in ascending order (scipy's argsort of col4row).
            int[] colOfRow = new int[m];
            Arrays.fill(colOfRow, -1);
            for (int k = 0; k < n; k++) colOfRow[col4row[k]] = k;
            for (int r = 0, t = 0; r < m; r++) {
                if (colOfRow[r] < 0) continue;
                rowInd[t] = r;
                colInd[t++] = colOfRow[r];
            }
        }
        double total = 0;
        for (int t = 0; t < n; t++) total += cost.data[cost.offset + rowInd[t] * cost.ld + colInd[t]];
        double[] rowDuals = transpose ? v : u, colDuals = transpose ? u : v;
        if (maximize) {
            negate(rowDuals);
            negate(colDuals);
        }
        return new Result(nr, nc, rowInd, colInd, total, rowDuals, colDuals);
    }

    /**
     * Crouse's Algorithm 1 on the minimisation problem {@code c[off + i*ld + j]}, {@code n <= m},
     * finite or {@code +inf} entries. On return {@code col4row[i]} is row i's column and u, v hold
     * the duals.
     *
     * <p>Layout: during one row's search, the unscanned columns are kept in scipy's visiting order
     * in {@code remaining[0 .. numRemaining)}, and what the inner loop needs about them (v, the
     * tentative shortest distance and predecessor row, whether the column is free) is kept in
     * arrays parallel to {@code remaining}, so that the loop reads them sequentially; only the cost
     * row is gathered. A column leaves the list (swapped with the last one, as in scipy) when it is
     * scanned, and its distance and predecessor are then written to {@code shortest} / {@code path},
     * which the dual update and the augmentation read (they only read scanned columns). The first
     * scan of each search, where every distance is still {@code +inf}, also builds that per-row
     * state, and the scanned rows and columns are listed so that the dual update costs O(path)
     * rather than O(n + m). The arithmetic, the visiting order and the comparisons are exactly
     * scipy's.
     *
     * @throws IllegalArgumentException "cost matrix is infeasible" if some row cannot be matched
     */
    private static void shortestAugmentingPaths(double[] c, int off, int ld, int n, int m,
                                                int[] col4row, double[] u, double[] v) {
        double[] shortest = new double[m];
        int[] path = new int[m], row4col = new int[m];
        // per-search state, parallel to remaining[]
        int[] remaining = new int[m], pathR = new int[m];
        double[] vR = new double[m], shortestR = new double[m];
        boolean[] freeR = new boolean[m];
        // rows and columns scanned by the current search (scipy's SR and SC sets)
        int[] scannedRows = new int[n], scannedCols = new int[m];
        Arrays.fill(col4row, -1);
        Arrays.fill(row4col, -1);

        for (int curRow = 0; curRow < n; curRow++) {
            // --- shortest augmenting path from curRow to a free column (Dijkstra on reduced costs)
            int numRemaining = m, numRows = 0, numCols = 0;
            double minVal = 0;
            int i = curRow, sink = -1;
            while (sink < 0) {
                scannedRows[numRows++] = i;
                final int base = off + i * ld;
                final double ui = u[i];
                double lowest = Double.POSITIVE_INFINITY;
                int index = -1;
                if (numRows == 1) {
                    // First scan: all distances are +inf, so r < +inf always updates (an r of +inf
                    // stores +inf again; its predecessor is never read: that column is never scanned).
                    for (int it = 0; it < m; it++) {
                        int j = m - 1 - it; // scipy's order nc-1, ..., 0: a constant matrix gives the identity
                        double vj = v[j];
                        boolean free = row4col[j] < 0;
                        remaining[it] = j;
                        vR[it] = vj;
                        freeR[it] = free;
                        pathR[it] = i;
                        double r = minVal + c[base + j] - ui - vj;
                        shortestR[it] = r;
                        if (r < lowest || (r == lowest && free)) {
                            lowest = r;
                            index = it;
                        }
                    }
                } else {
                    for (int it = 0; it < numRemaining; it++) {
                        // Same operation order as scipy: ((minVal + c) - u_i) - v_j.
                        double r = minVal + c[base + remaining[it]] - ui - vR[it];
                        double s = shortestR[it];
                        if (r < s) {
                            pathR[it] = i;
                            shortestR[it] = r;
                            s = r;
                        }
                        // Among equally short columns prefer a free one: it ends the search.
                        if (s < lowest || (s == lowest && freeR[it])) {
                            lowest = s;
                            index = it;
                        }
                    }
                }
                minVal = lowest;
                if (minVal == Double.POSITIVE_INFINITY)
                    throw new IllegalArgumentException("cost matrix is infeasible: every complete assignment uses a"
                            + " forbidden pair (an infinite cost); no assignment with a finite total exists");
                int j = remaining[index];
                shortest[j] = shortestR[index];
                path[j] = pathR[index];
                scannedCols[numCols++] = j;
                if (freeR[index]) sink = j;
                else i = row4col[j];
                int last = --numRemaining;
                remaining[index] = remaining[last];
                vR[index] = vR[last];
                shortestR[index] = shortestR[last];
                pathR[index] = pathR[last];
                freeR[index] = freeR[last];
            }

            // --- dual update (before augmenting: col4row still holds the old matching); every
            // scanned row other than curRow was reached through its matched column, a scanned one
            u[curRow] += minVal;
            for (int k = 1; k < numRows; k++) {
                int r = scannedRows[k];
                u[r] += minVal - shortest[col4row[r]];
            }
            for (int k = 0; k < numCols; k++) {
                int j = scannedCols[k];
                v[j] -= minVal - shortest[j];
            }

            // --- augment along the path back to curRow (every column on it was scanned)
            for (int j = sink;;) {
                int r = path[j];
                row4col[j] = r;
                int previous = col4row[r];
                col4row[r] = j;
                j = previous;
                if (r == curRow) break;
            }
        }
    }

    /** Rejects NaN, and -inf when minimising or +inf when maximising (scipy's ValueError), naming the first such entry. */
    private static void requireValid(Matrix cost, boolean maximize) {
        double forbidden = maximize ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        for (int i = 0; i < cost.rows; i++) {
            int base = cost.offset + i * cost.ld;
            for (int j = 0; j < cost.cols; j++) {
                double x = cost.data[base + j];
                if (x != x || x == forbidden)
                    throw new IllegalArgumentException("cost matrix contains invalid numeric entries: cost[" + i + "]["
                            + j + "] = " + x + ", expected no NaN and no " + forbidden + " when "
                            + (maximize ? "maximizing" : "minimizing"));
            }
        }
    }

    /** The working copy: transposed when {@code transpose}, negated when {@code negate}; contiguous. */
    private static double[] workingCopy(Matrix cost, boolean transpose, boolean negate) {
        double[] w = (transpose ? cost.transpose() : cost.copy()).data;
        if (negate) for (int k = 0; k < w.length; k++) w[k] = -w[k]; // as scipy: exact, 0 -> -0
        return w;
    }

    /** {@code a[i] = 0.0 - a[i]}: exact negation that maps 0 to +0 rather than -0 (for the reported duals). */
    private static void negate(double[] a) {
        for (int i = 0; i < a.length; i++) a[i] = 0.0 - a[i];
    }
}
