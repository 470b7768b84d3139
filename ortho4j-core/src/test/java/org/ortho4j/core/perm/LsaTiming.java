package org.ortho4j.core.perm;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import org.ortho4j.core.linalg.Matrix;

/**
 * Times {@link LinearAssignment#solve(Matrix, boolean)} on a cost matrix read from a raw file, for
 * the peer comparison {@code ortho4j-bench/scripts/lsa_compare.py} (not a unit test; JMH benchmarks
 * belong in ortho4j-bench).
 *
 * <p>Usage: {@code java -cp <core classes>:<core test-classes> org.ortho4j.core.perm.LsaTiming
 * FILE ROWS COLS [max] [REPS]}, where FILE holds {@code ROWS*COLS} little-endian doubles in
 * row-major order (numpy {@code a.astype('<f8').tofile(FILE)}). Runs untimed warm-up solves (at
 * least two, and for at least two seconds), then REPS (default 5) timed ones, and prints one line
 * {@code median_s=<s> min_s=<s> cpu_median_s=<s> total=<total> cols_hash=<h>} (wall-clock and
 * thread-CPU medians; the total and a hash of colInd let
 * the caller check that the answer equals scipy's).
 */
public final class LsaTiming {
    private LsaTiming() {}

    /** Entry point; see the class documentation. */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: LsaTiming FILE ROWS COLS [max] [REPS]");
            System.exit(2);
        }
        int rows = Integer.parseInt(args[1]), cols = Integer.parseInt(args[2]);
        boolean maximize = args.length > 3 && args[3].equals("max");
        int reps = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        Matrix cost = Matrix.wrap(rows, cols, read(Path.of(args[0]), rows * cols));

        // Warm-up until the JIT has settled: at least 2 solves and 2 seconds (at most 50 solves).
        LinearAssignment.Result r = null;
        long warmStart = System.nanoTime();
        for (int w = 0; w < 50 && (w < 2 || System.nanoTime() - warmStart < 2_000_000_000L); w++)
            r = LinearAssignment.solve(cost, maximize);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] seconds = new double[reps], cpuSeconds = new double[reps];
        for (int k = 0; k < reps; k++) {
            long c0 = threads.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            r = LinearAssignment.solve(cost, maximize);
            seconds[k] = (System.nanoTime() - t0) * 1e-9;
            cpuSeconds[k] = (threads.getCurrentThreadCpuTime() - c0) * 1e-9;
        }
        Arrays.sort(seconds);
        Arrays.sort(cpuSeconds);
        System.out.printf(Locale.ROOT, "median_s=%.6f min_s=%.6f cpu_median_s=%.6f total=%.17g cols_hash=%d%n",
                seconds[reps / 2], seconds[0], cpuSeconds[reps / 2], r.total(), Arrays.hashCode(r.colInd()));
    }

    private static double[] read(Path file, int count) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long expected = 8L * count;
            if (ch.size() != expected)
                throw new IllegalArgumentException(file + " has " + ch.size() + " bytes, expected " + expected
                        + " (ROWS*COLS little-endian doubles)");
            ByteBuffer buf = ByteBuffer.allocate((int) expected).order(ByteOrder.LITTLE_ENDIAN);
            while (buf.hasRemaining()) if (ch.read(buf) < 0) break;
            buf.flip();
            double[] a = new double[count];
            buf.asDoubleBuffer().get(a);
            return a;
        }
    }
}
