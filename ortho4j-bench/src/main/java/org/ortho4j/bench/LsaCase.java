package org.ortho4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.perm.LinearAssignment;
import org.ortho4j.core.random.Rng;

/**
 * One linear sum assignment problem: {@link LinearAssignment#solve(Matrix, boolean)} (minimise)
 * on one {@code n×n} cost matrix, either drawn here from a fixed seed ({@code uniform}: U[0, 1);
 * {@code int}: integers 0..99, many ties) or read from a file of {@code n²} little-endian
 * doubles in row-major order (numpy {@code c.astype('<f8').tofile(path)}), so that a comparison
 * script can time scipy and ortho4j on the very same matrix. Shared by
 * {@link LinearAssignmentBenchmark} and {@link QuickToolkit}.
 *
 * <p>Holds the {@code n²} doubles of C (n = 2000: 32 MiB); each {@link #run()} allocates what
 * {@code solve} allocates (O(n) arrays; C is read in place). The solver is single-threaded.
 */
final class LsaCase implements TimedCase {
    /** Seed of the generated cost matrices. */
    static final long SEED = 20240601L;

    final int n;
    final String kind;
    private final Matrix cost;
    private LinearAssignment.Result last;

    /**
     * A generated {@code n×n} problem.
     *
     * @param kind {@code uniform} or {@code int}
     * @throws IllegalArgumentException for {@code n < 1} or an unknown kind
     */
    static LsaCase generated(int n, String kind) {
        if (n < 1) throw new IllegalArgumentException("n = " + n + ", expected >= 1");
        String k = kind.toLowerCase(Locale.ROOT);
        RandomGenerator rng = Rng.of(SEED ^ n);
        double[] c = new double[Math.multiplyExact(n, n)];
        switch (k) {
            case "uniform" -> { for (int i = 0; i < c.length; i++) c[i] = rng.nextDouble(); }
            case "int" -> { for (int i = 0; i < c.length; i++) c[i] = rng.nextInt(100); }
            default -> throw new IllegalArgumentException("kind = " + kind + ", expected uniform or int");
        }
        return new LsaCase(n, k, Matrix.wrap(n, n, c));
    }

    /**
     * A problem read from {@code file} ({@code n²} little-endian doubles, row-major).
     *
     * @throws IllegalArgumentException if the file does not hold exactly {@code 8 n²} bytes
     * @throws UncheckedIOException if it cannot be read
     */
    static LsaCase fromFile(Path file, int n) {
        if (n < 1) throw new IllegalArgumentException("n = " + n + ", expected >= 1");
        int count = Math.multiplyExact(n, n);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long expected = 8L * count;
            if (ch.size() != expected)
                throw new IllegalArgumentException("input " + file + " has " + ch.size() + " bytes, expected " + expected
                        + " (n*n little-endian doubles for n = " + n + ")");
            ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(expected)).order(ByteOrder.LITTLE_ENDIAN);
            while (buf.hasRemaining()) if (ch.read(buf) < 0) break;
            buf.flip();
            double[] c = new double[count];
            buf.asDoubleBuffer().get(c);
            return new LsaCase(n, "file", Matrix.wrap(n, n, c));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read input " + file, e);
        }
    }

    private LsaCase(int n, String kind, Matrix cost) {
        this.n = n;
        this.kind = kind;
        this.cost = cost;
    }

    @Override
    public Object run() {
        last = LinearAssignment.solve(cost, false);
        return last;
    }

    @Override
    public double flops() { return Double.NaN; }

    @Override
    public int threads() { return 1; }

    /** The total and {@code Arrays.hashCode(colInd)} of the last solution, for comparing with scipy's. */
    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", kind);
        if (last != null) {
            // BigDecimal.valueOf keeps every digit of the double (QuickGemm.toJson would round a
            // Double to 6 significant digits), so the script can compare totals to round-off.
            d.put("total", BigDecimal.valueOf(last.total()));
            d.put("cols_hash", Arrays.hashCode(last.colInd()));
        }
        return d;
    }

    /**
     * Certifies the last solution optimal with its dual potentials u, v: the columns form a
     * permutation, {@code total} equals the sum of the assigned costs, and (LP duality)
     * {@code u_i + v_j ≤ C_ij + tol} for every pair with equality on the assigned ones, where
     * {@code tol = 4 n ε max|C|} (the documented round-off of the duals: a few units of
     * {@code ε max|C|} per assigned row). A feasible dual whose objective equals the primal total
     * proves optimality. O(n²).
     */
    @Override
    public void verify() {
        if (last == null) throw new IllegalStateException("verify before any run");
        int[] col = last.colInd();
        double[] u = last.rowDuals(), v = last.colDuals();
        double max = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) max = Math.max(max, Math.abs(at(i, j)));
        double tol = 4.0 * n * Math.ulp(1.0) * Math.max(max, Double.MIN_NORMAL);
        boolean[] used = new boolean[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            int j = col[i];
            if (j < 0 || j >= n || used[j]) throw fail("colInd is not a permutation (row " + i + " -> " + j + ")");
            used[j] = true;
            total += at(i, j);
            if (!(Math.abs(u[i] + v[j] - at(i, j)) <= tol))
                throw fail(String.format(Locale.ROOT, "assigned pair (%d, %d): u + v = %.17g, C = %.17g", i, j, u[i] + v[j], at(i, j)));
        }
        if (!(Math.abs(total - last.total()) <= tol))
            throw fail(String.format(Locale.ROOT, "total %.17g, sum of assigned costs %.17g", last.total(), total));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (!(u[i] + v[j] <= at(i, j) + tol))
                    throw fail(String.format(Locale.ROOT, "dual infeasible at (%d, %d): u + v = %.17g > C = %.17g",
                            i, j, u[i] + v[j], at(i, j)));
    }

    private double at(int i, int j) { return cost.data[cost.offset + i * cost.ld + j]; }

    private IllegalStateException fail(String what) {
        return new IllegalStateException("linear assignment n=" + n + " (" + kind + "): " + what);
    }
}
