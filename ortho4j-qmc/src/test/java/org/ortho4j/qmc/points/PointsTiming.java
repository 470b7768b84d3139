package org.ortho4j.qmc.points;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.ortho4j.core.backend.Parallel;

/**
 * Timing harness for {@code ortho4j-bench/scripts/qmc_points_compare.py}: generates n points of
 * each configuration and prints one JSON object per line with the median wall time of several runs
 * after warm-up, single-threaded and with ortho4j's pool. Not a unit test.
 *
 * <pre>
 * java -Xmx8g -XX:+UseTransparentHugePages \
 *      -cp ortho4j-qmc/target/test-classes:ortho4j-qmc/target/classes:ortho4j-core/target/classes \
 *      org.ortho4j.qmc.points.PointsTiming [log2n=20] [runs=5] [generators=all, e.g. sobol,halton]
 * </pre>
 */
public final class PointsTiming {
    private PointsTiming() {}

    private record Case(String generator, int d, String randomization, Supplier<BlockPointSet> make) {}

    /**
     * Runs the timings.
     *
     * @param args optional log2 n (default 20), runs (default 5) and a comma-separated list of
     *             generator names to time (default all)
     */
    public static void main(String[] args) {
        int log2n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long n = 1L << log2n;
        List<Case> cases = new ArrayList<>();
        for (int d : new int[] {10, 100}) {
            cases.add(new Case("sobol", d, "NONE", () -> Sobol.builder(d).randomization(NetRandomization.NONE).build()));
            cases.add(new Case("sobol_gray", d, "NONE", () -> Sobol.unscrambledGray(d)));
            cases.add(new Case("sobol", d, "LMS_DS", () -> Sobol.builder(d).seed(7).build()));
        }
        cases.add(new Case("sobol", 10, "NUS", () -> Sobol.builder(10).randomization(NetRandomization.NUS).seed(7).build()));
        cases.add(new Case("lattice", 10, "SHIFT", () -> Lattice.builder(10).seed(7).build()));
        for (HaltonRandomization r : new HaltonRandomization[] {HaltonRandomization.NONE, HaltonRandomization.PERM,
                HaltonRandomization.LMS_PERM, HaltonRandomization.NUS})
            cases.add(new Case("halton", 10, r.name(), () -> Halton.builder(10).randomization(r).seed(7).build()));
        List<String> only = args.length > 2 ? List.of(args[2].split(",")) : null;
        for (Case c : cases) {
            if (only != null && !only.contains(c.generator)) continue;
            for (int threads : new int[] {1, Parallel.threads()}) {
                double alloc = median(c, n, runs, threads, false), into = median(c, n, runs, threads, true);
                System.out.printf(Locale.ROOT, "{\"generator\": \"%s\", \"d\": %d, \"randomization\": \"%s\", \"n\": %d, "
                        + "\"threads\": %d, \"median_s\": %.6f, \"into_median_s\": %.6f}%n",
                        c.generator, c.d, c.randomization, n, threads, alloc, into);
                if (threads == Parallel.threads()) break;
            }
        }
    }

    /** Untimed warm-up per configuration (at least two calls): lets the JIT compile the loops. */
    private static final long WARMUP_NANOS = 500_000_000L;

    /**
     * Median seconds of {@code runs} timed calls (build + generation) after the warm-up calls;
     * {@code into}: {@link BlockPointSet#pointsInto} into one reused array instead of
     * {@link BlockPointSet#points(long)} (which allocates, and the JVM zeroes, a new matrix).
     */
    private static double median(Case c, long n, int runs, int threads, boolean into) {
        int prev = Parallel.setThreads(threads);
        try {
            double[] buffer = into ? new double[Math.toIntExact(n * c.d)] : null;
            double[] s = new double[runs];
            double sink = 0;
            long warm = System.nanoTime();
            for (int w = 0; w < 2 || System.nanoTime() - warm < WARMUP_NANOS; w++) sink += generate(c, n, buffer)[1];
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                double[] x = generate(c, n, buffer);
                s[r] = (System.nanoTime() - t0) * 1e-9;
                sink += x[x.length - 1];
            }
            if (sink == 42) System.out.print("");
            Arrays.sort(s);
            return s[runs / 2];
        } finally {
            Parallel.setThreads(prev);
        }
    }

    private static double[] generate(Case c, long n, double[] buffer) {
        BlockPointSet p = c.make.get();
        if (buffer == null) return p.points(n).data;
        p.pointsInto(0, 0, n, buffer, 0);
        return buffer;
    }
}
