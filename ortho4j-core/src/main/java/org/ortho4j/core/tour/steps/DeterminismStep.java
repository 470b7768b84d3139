package org.ortho4j.core.tour.steps;

import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;
import org.ortho4j.core.backend.JavaBackend;
import org.ortho4j.core.backend.Parallel;
import org.ortho4j.core.backend.Tuning;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.random.SplitMix64;

/**
 * Reproducibility: SplitMix64 matches the published reference stream, the same seed gives the
 * same Gaussian matrix bit for bit (and a different seed a different one, so the comparison can
 * fail), and the Java DGEMM gives bitwise the same product on 1 and on 2 threads (its chunking
 * does not depend on the thread count; the product is large enough to run in parallel).
 */
public final class DeterminismStep implements TourStep {
    /** First output of SplitMix64 seeded with 0 (Steele, Lea and Flood 2014; = SplittableRandom(0).nextLong()). */
    static final long SPLITMIX_SEED0_FIRST = 0xE220A8397B1DCDAFL;
    private static final int ROWS = 97, COLS = 89, N = 301;

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public DeterminismStep() {}

    @Override public String capability() { return "determinism"; }

    @Override public String title() { return "same seed, same numbers; Java GEMM bitwise equal on 1 and 2 threads"; }

    @Override public int order() { return 400; }

    @Override
    public TourResult run(TourContext ctx) {
        TourResult.Builder out = TourResult.builder(capability());
        out.equalTo("SplitMix64(0) first output vs 0xE220A8397B1DCDAF: differing bits",
                Long.bitCount(new SplitMix64(0).nextLong() ^ SPLITMIX_SEED0_FIRST), 0);

        long seed = ctx.seed();
        double[] g1 = Matrix.gaussian(ROWS, COLS, seed).toRowMajor(), g2 = Matrix.gaussian(ROWS, COLS, seed).toRowMajor();
        double[] other = Matrix.gaussian(ROWS, COLS, seed + 1).toRowMajor();
        String shape = ROWS + "x" + COLS;
        out.equalTo("gaussian " + shape + ", same seed twice: differing entries", GemmCase.bitwiseDifferences(g1, g2), 0);
        out.above("gaussian " + shape + ", seed + 1: differing entries", GemmCase.bitwiseDifferences(g1, other), 0);

        GemmCase product = GemmCase.gemm(false, false, N, N, N, 1, 0, seed);
        double[] one = runWithThreads(product, 1), two = runWithThreads(product, 2);
        String pool = Tuning.THREADS >= 2 ? "" : " (pool has 1 thread: 2 not exercised)";
        out.equalTo("java dgemm " + product.shape() + ", 1 vs 2 threads: differing entries" + pool,
                GemmCase.bitwiseDifferences(one, two), 0);
        return out.build();
    }

    private static double[] runWithThreads(GemmCase product, int threads) {
        int previous = Parallel.setThreads(threads);
        try {
            return product.run(JavaBackend.INSTANCE);
        } finally {
            Parallel.setThreads(previous);
        }
    }
}
