package org.ortho4j.qmc.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.random.SplitMix64;
import org.ortho4j.core.tour.Plot;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;

/**
 * Tour step of the fast kernel algebra: {@link FastGram} against the explicit Gram matrix and its
 * Cholesky factor ({@link DenseGram}) for a shifted lattice with an SI kernel and a digitally
 * shifted digital net with a DSI kernel (n = 256, d = 4), then the time of a fast solve for
 * n = 2^10 .. 2^16 (2^14 with {@code --quick}) with the fitted log-log slope.
 *
 * <p>Criteria: multiply agrees to {@code 1e-12} relative (both are backward stable products, error
 * a small multiple of {@code log2(n) eps}); solve and log-determinant to {@code 1e-9} relative
 * (forward error of a solve is about {@code cond(K) eps}; these kernels have {@code cond(K) < 1e4}
 * here). The slope of log time against log n must stay below 1.5 (an O(n log n) solve has slope
 * about 1.1 over this range; a dense solve would have 3). Timings: 0.3 s of warm-up solves per
 * structure, then the best of repeated solves per size (at least 5 and 40 ms), so the slope is
 * robust to load; the limit allows for timer noise at small n.
 */
public final class KernelTourStep implements TourStep {
    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public KernelTourStep() {}

    static final double MULTIPLY_LIMIT = 1e-12;
    static final double SOLVE_LIMIT = 1e-9;
    static final double SLOPE_LIMIT = 1.5;
    private static final long MIN_TIMING_NANOS = 40_000_000L;

    @Override public String capability() { return "qmc-kernel"; }

    @Override public String title() {
        return "fast SI/DSI Gram matrices on lattices and nets: agreement with dense Cholesky, O(n log n) solve";
    }

    @Override public int order() { return 1100; }

    @Override
    public TourResult run(TourContext ctx) {
        TourResult.Builder out = TourResult.builder(capability());
        SplitMix64 rng = new SplitMix64(ctx.seed());
        int n = 256, d = 4;
        ShiftInvariantKernel si = new ShiftInvariantKernel(1, new double[] {1, 0.5, 0.25, 0.125}, new int[] {1, 2, 2, 3});
        Matrix lat = DemoPoints.lattice(n, java.util.Arrays.copyOf(DemoPoints.KUO, d), uniforms(d, rng));
        compare(out, "lattice + SI kernel, n=256, d=4", FastGram.lattice(si, lat), DenseGram.of(si, lat, 0), rng);

        int t = 32;
        DigitallyShiftInvariantKernel dsi = new DigitallyShiftInvariantKernel(t, 1, new double[] {1, 0.5, 0.25, 0.125},
                new int[] {1, 2, 3, 4});
        long[][] net = DemoPoints.digitalNet(n, DemoPoints.randomMatrices(d, 8, t, rng), DemoPoints.randomShift(d, t, rng));
        compare(out, "digital net + DSI kernel, n=256, d=4", FastGram.digitalNet(dsi, net), DenseGram.of(dsi, net, 0), rng);

        int maxLog = ctx.quick() ? 14 : 16;
        List<Plot.Series> series = new ArrayList<>();
        series.add(scaling(out, "lattice (FFTBR)", maxLog, m -> {
            int size = 1 << m;
            return FastGram.lattice(ShiftInvariantKernel.isotropic(d, 1, 0.5, 2),
                    DemoPoints.lattice(size, java.util.Arrays.copyOf(DemoPoints.KUO, d), new double[d]));
        }, rng, ctx));
        series.add(scaling(out, "digital net (FWHT)", maxLog, m -> {
            int size = 1 << m;
            return FastGram.digitalNet(DigitallyShiftInvariantKernel.isotropic(t, d, 1, 0.5, 2),
                    DemoPoints.digitalNet(size, DemoPoints.randomMatrices(d, m, t, new SplitMix64(m)), new long[d]));
        }, rng, ctx));
        out.plot(new Plot("qmc-kernel-solve-time", "FastGram solve time (d = 4, alpha = 2)", "n", "milliseconds",
                Plot.Kind.LINE, series));
        return out.build();
    }

    private static double[] uniforms(int d, SplitMix64 rng) {
        double[] s = new double[d];
        for (int j = 0; j < d; j++) s[j] = rng.nextDouble();
        return s;
    }

    private static void compare(TourResult.Builder out, String what, FastGram fast, DenseGram dense, SplitMix64 rng) {
        double[] y = new double[fast.size()];
        for (int i = 0; i < y.length; i++) y[i] = rng.nextGaussian();
        out.atMost(what + ": multiply, relative difference fast vs dense", relativeDifference(fast.multiply(y), dense.multiply(y)),
                MULTIPLY_LIMIT);
        out.atMost(what + ": solve, relative difference fast vs Cholesky", relativeDifference(fast.solve(y), dense.solve(y)),
                SOLVE_LIMIT);
        double lf = fast.logDet(), ld = dense.logDet();
        out.atMost(what + ": log det, relative difference", Math.abs(lf - ld) / Math.max(1, Math.abs(ld)), SOLVE_LIMIT);
    }

    /** {@code ||a - b||_2 / ||b||_2}. */
    static double relativeDifference(double[] a, double[] b) {
        double num = 0, den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }
        return Math.sqrt(num / den);
    }

    /** Builds a FastGram of size 2^m. */
    @FunctionalInterface
    private interface Factory {
        FastGram build(int m);
    }

    /** Times solves for m = 10..maxLog, adds the slope check, returns the plot series (ms vs n). */
    private static Plot.Series scaling(TourResult.Builder out, String name, int maxLog, Factory factory, SplitMix64 rng,
                                       TourContext ctx) {
        warmUp(factory.build(12));
        int count = maxLog - 10 + 1;
        double[] n = new double[count], ms = new double[count];
        for (int s = 0; s < count; s++) {
            int m = 10 + s;
            FastGram g = factory.build(m);
            double[] y = new double[g.size()];
            for (int i = 0; i < y.length; i++) y[i] = rng.nextGaussian();
            n[s] = g.size();
            ms[s] = bestSolveNanos(g, y) / 1e6;
            ctx.log(String.format(Locale.ROOT, "qmc-kernel %s n=2^%d: solve %.3f ms", name, m, ms[s]));
        }
        out.atMost(name + ": fitted exponent of solve time vs n, n=2^10..2^" + maxLog, slope(n, ms), SLOPE_LIMIT);
        return new Plot.Series(name, n, ms);
    }

    /** Warm-up time before a timing series: lets the JIT compile the transform and kernel loops. */
    private static final long WARMUP_NANOS = 300_000_000L;

    /** Runs solves of {@code g} for {@link #WARMUP_NANOS}, so that the first timed sizes are not interpreted code. */
    static void warmUp(FastGram g) {
        double[] y = new double[g.size()];
        java.util.Arrays.fill(y, 1);
        double sink = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < WARMUP_NANOS) sink += g.solve(y)[0];
        if (Double.isNaN(sink)) throw new IllegalStateException("solve returned NaN");
    }

    /** Best time of repeated solves: warm-up, then repeats until {@link #MIN_TIMING_NANOS} have passed. */
    static long bestSolveNanos(FastGram g, double[] y) { return bestSolveNanos(g, y, MIN_TIMING_NANOS); }

    /** Best time of repeated solves: 3 untimed, then at least 5 timed and until {@code minNanos} have passed. */
    static long bestSolveNanos(FastGram g, double[] y, long minNanos) {
        double sink = 0;
        for (int r = 0; r < 3; r++) sink += g.solve(y)[0];
        long best = Long.MAX_VALUE, start = System.nanoTime();
        int reps = 0;
        while (reps < 5 || System.nanoTime() - start < minNanos) {
            long t0 = System.nanoTime();
            sink += g.solve(y)[0];
            best = Math.min(best, System.nanoTime() - t0);
            reps++;
        }
        if (Double.isNaN(sink)) throw new IllegalStateException("solve returned NaN");
        return Math.max(best, 1);
    }

    /** Least-squares slope of {@code log y} against {@code log x}. */
    static double slope(double[] x, double[] y) {
        int k = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < k; i++) {
            mx += Math.log(x[i]) / k;
            my += Math.log(y[i]) / k;
        }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < k; i++) {
            double dx = Math.log(x[i]) - mx;
            sxy += dx * (Math.log(y[i]) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }
}
