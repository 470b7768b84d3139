package org.ortho4j.qmc.kernel;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.random.SplitMix64;

/**
 * Timing of the fast Gram algebra, the Java side of {@code ortho4j-bench/scripts/qmc_kernel_scaling.py}:
 * for n = 2^10 .. 2^maxLog, lattice + SI kernel and digital net + DSI kernel (d = 10, alpha = 2,
 * gamma_j = 1/j^2, spec qmc.md E3), it prints the time to build the {@link FastGram} from given
 * points (structure check and first column, O(n d), plus one transform) and the best time of a solve (two transforms), then the least-squares
 * exponents of solve time against n and against {@code n log2 n} (an O(n log n) solve gives about 1.0
 * for the latter).
 *
 * <p>Run after {@code mvn -pl ortho4j-qmc -am test-compile}:
 * {@code java -cp <qmc test-classes:classes:core classes:dependencies> org.ortho4j.qmc.kernel.FastGramTiming [maxLog=18] [d=10]}
 * ({@code qmc_kernel_scaling.py --java} builds the class path and runs it). Output is whitespace-separated, one row per
 * structure and n: {@code structure n build_ms solve_ms}; then {@code exponent structure vs_n vs_nlogn}.
 */
public final class FastGramTiming {
    private FastGramTiming() {}

    /** Time spent on repeated solves per size; the best one is reported. */
    private static final long TIMING_NANOS = 250_000_000L;

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) {
        int maxLog = args.length > 0 ? Integer.parseInt(args[0]) : 18;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        run(maxLog, d, System.out);
    }

    /** Times both structures for n = 2^10 .. 2^maxLog and writes the table to {@code out}. */
    static void run(int maxLog, int d, PrintStream out) {
        out.println("structure n build_ms solve_ms");
        for (String structure : new String[] {"lattice", "net"}) {
            KernelTourStep.warmUp(build(structure, 12, d, new long[1]));
            int count = maxLog - 10 + 1;
            double[] n = new double[count], solve = new double[count];
            for (int s = 0; s < count; s++) {
                int m = 10 + s;
                long[] buildNanos = new long[1];
                FastGram fg = build(structure, m, d, buildNanos);
                SplitMix64 rng = new SplitMix64(m);
                double[] y = new double[fg.size()];
                for (int i = 0; i < y.length; i++) y[i] = rng.nextGaussian();
                n[s] = fg.size();
                solve[s] = KernelTourStep.bestSolveNanos(fg, y, TIMING_NANOS) / 1e6;
                out.printf(Locale.ROOT, "%s %d %.3f %.4f%n", structure, fg.size(), buildNanos[0] / 1e6, solve[s]);
            }
            double[] nlogn = Arrays.stream(n).map(v -> v * Math.log(v) / Math.log(2)).toArray();
            out.printf(Locale.ROOT, "exponent %s %.3f %.3f%n", structure, KernelTourStep.slope(n, solve),
                    KernelTourStep.slope(nlogn, solve));
        }
    }

    /**
     * The {@link FastGram} of size 2^m for "lattice" (Kuo vector, SI kernel) or "net" (random
     * generating matrices, DSI kernel, t = 32), d = 10-style weights {@code 1/j^2}, alpha = 2; the
     * time of the factory call alone (points given) goes to {@code buildNanos[0]}.
     */
    static FastGram build(String structure, int m, int d, long[] buildNanos) {
        double[] gamma = new double[d];
        int[] alpha = new int[d];
        long[] g = new long[d];
        for (int j = 0; j < d; j++) {
            gamma[j] = 1.0 / ((j + 1) * (j + 1));
            alpha[j] = 2;
            g[j] = j < DemoPoints.KUO.length ? DemoPoints.KUO[j] : 2 * j + 1;
        }
        int size = 1 << m;
        if (structure.equals("lattice")) {
            Matrix x = DemoPoints.lattice(size, g, new double[d]);
            long t0 = System.nanoTime();
            FastGram fg = FastGram.lattice(new ShiftInvariantKernel(1, gamma, alpha), x);
            buildNanos[0] = System.nanoTime() - t0;
            return fg;
        }
        long[][] xb = DemoPoints.digitalNet(size, DemoPoints.randomMatrices(d, m, 32, new SplitMix64(m)), new long[d]);
        long t0 = System.nanoTime();
        FastGram fg = FastGram.digitalNet(new DigitallyShiftInvariantKernel(32, 1, gamma, alpha), xb);
        buildNanos[0] = System.nanoTime() - t0;
        return fg;
    }
}
