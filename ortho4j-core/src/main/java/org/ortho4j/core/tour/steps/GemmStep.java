package org.ortho4j.core.tour.steps;

import java.util.ArrayList;
import java.util.List;
import org.ortho4j.core.tour.Plot;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;
import org.ortho4j.core.backend.Backend;
import org.ortho4j.core.random.SplitMix64;

/**
 * GEMM on the active backend against the naive triple loop (300x200 times 200x250), then the
 * speed of square DGEMM on every available backend (n = 512 and 1024; 256 and 512 with
 * {@code --quick}), plotted as GFLOP/s per backend.
 *
 * <p>Accuracy criterion: the componentwise scaled error of {@link GemmCase}, at most
 * {@code 2 gamma_{k+2}} = 4.5e-14 for k = 200 (rigorous for any summation order; the observed
 * value is typically near 1e-16). Speed: best of a few timed runs after 0.2 s of warm-up runs per
 * backend and size, {@code 2 n^3} flops per product; the check only requires a finite positive rate, as
 * speed depends on the machine and its load.
 */
public final class GemmStep implements TourStep {
    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public GemmStep() {}

    @Override public String capability() { return "gemm"; }

    @Override public String title() { return "matrix multiply: accuracy against a naive loop, speed per backend"; }

    @Override public int order() { return 100; }

    @Override
    public TourResult run(TourContext ctx) {
        TourResult.Builder out = TourResult.builder(capability());
        Backend active = ctx.active();
        GemmCase product = GemmCase.gemm(false, false, 300, 250, 200, 1, 0, ctx.seed());
        out.atMost("C = A B, " + product.shape() + " [" + active.name() + "]: scaled error vs naive loop",
                product.reference().errorOf(product.run(active)), GemmCase.tolerance(product.k, GemmCase.U_DOUBLE));

        int[] sizes = ctx.quick() ? new int[] {256, 512} : new int[] {512, 1024};
        int reps = ctx.quick() ? 2 : 3;
        List<Plot.Series> series = new ArrayList<>();
        for (String name : ctx.backendNames()) {
            Backend backend = ctx.backend(name);
            double[] x = new double[sizes.length], rate = new double[sizes.length];
            for (int s = 0; s < sizes.length; s++) {
                x[s] = sizes[s];
                rate[s] = gflops(backend, sizes[s], reps, ctx.seed() + sizes[s]);
                ctx.log(String.format(java.util.Locale.ROOT, "gemm n=%d [%s]: %.2f GFLOP/s", sizes[s], name, rate[s]));
                out.above("DGEMM GFLOP/s, n=" + sizes[s] + " [" + name + "]", rate[s], 0);
            }
            series.add(new Plot.Series(name, x, rate));
        }
        out.plot(new Plot("gemm-gflops", "DGEMM speed (C = A B, n x n)", "n", "GFLOP/s", Plot.Kind.BAR, series));
        return out.build();
    }

    /** Warm-up time per backend and size before timing: lets the JIT compile the Java kernels. */
    private static final long WARMUP_NANOS = 200_000_000L;

    /**
     * Best rate over {@code runs} products of two n x n Gaussian matrices, after untimed warm-up
     * runs (at least one, until {@link #WARMUP_NANOS} have passed). Rate = {@code 2 n^3} flops
     * over the best time.
     */
    static double gflops(Backend backend, int n, int runs, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] a = new double[n * n], b = new double[n * n], c = new double[n * n];
        for (int i = 0; i < a.length; i++) { a[i] = rng.nextGaussian(); b[i] = rng.nextGaussian(); }
        long warm = System.nanoTime();
        do {
            backend.dgemm(false, false, n, n, n, 1, a, 0, n, b, 0, n, 0, c, 0, n);
        } while (System.nanoTime() - warm < WARMUP_NANOS);
        long best = Long.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            backend.dgemm(false, false, n, n, n, 1, a, 0, n, b, 0, n, 0, c, 0, n);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return 2.0 * n * n * n / Math.max(best, 1);   // flops per nanosecond = GFLOP/s
    }
}
