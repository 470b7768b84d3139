package org.ortho4j.qmc.points;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.tour.Plot;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;
import org.ortho4j.qmc.PointSet;

/**
 * Tour step of the low-discrepancy generators: Sobol' (natural and Gray order), the Kuo lattice
 * and Halton against their reference first points (QMCPy and scipy, exact), the (0, m, 2)-net
 * property of scrambled Sobol' coordinates 1-2, the 0/1 guard, and RQMC integration of
 * {@code f(x) = prod_{j<=5} (1 + (x_j - 1/2) / j)} (exact integral 1) with 8 replications,
 * IID against Sobol' LMS_DS, lattice SHIFT and Halton LMS_PERM.
 *
 * <p>Criteria: reference points equal (difference 0); every elementary box of volume 2^-10 holds
 * exactly one of the first 2^10 scrambled points (0 boxes off); no randomized coordinate is 0 or 1;
 * at the largest n (2^12 quick, 2^14 otherwise) the IID RMSE is at least 100 times the Sobol' RMSE,
 * 5 times the lattice RMSE and 10 times the Halton RMSE (theory: IID ~ n^-1/2, scrambled nets ~
 * n^-3/2 for this smooth f, shifted lattices and Halton ~ n^-1 up to logs; ratios observed over
 * seeds 0, 1, 42: at least 1700, 19 and 57). Plots: 256 points of
 * coordinates 1-2 for IID, Sobol' and lattice (LINE charts join the points in x order; the report
 * has no scatter kind), and RMSE against n.
 */
public final class PointsTourStep implements TourStep {
    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public PointsTourStep() {}

    @Override public String capability() { return "qmc-points"; }

    @Override public String title() { return "low-discrepancy points: Sobol', lattice, Halton vs references; RQMC error"; }

    @Override public int order() { return 1100; }

    // reference first points (files in shared/data/qmc): QMCPy DigitalNetB2(4, randomize=False),
    // scipy Sobol(4, scramble=False), QMCPy Lattice(8, randomize=False), scipy Halton(4, scramble=False)
    private static final double[][] SOBOL_NATURAL = {
        {0, 0, 0, 0}, {.5, .5, .5, .5}, {.25, .75, .75, .75}, {.75, .25, .25, .25},
        {.125, .625, .375, .125}, {.625, .125, .875, .625}, {.375, .375, .625, .875}, {.875, .875, .125, .375}};
    private static final double[] SOBOL_NATURAL_63 = {0.984375, 0.328125, 0.015625, 0.734375};
    private static final double[][] SOBOL_GRAY = {
        {0, 0, 0, 0}, {.5, .5, .5, .5}, {.75, .25, .25, .25}, {.25, .75, .75, .75},
        {.375, .375, .625, .875}, {.875, .875, .125, .375}, {.625, .125, .875, .625}, {.125, .625, .375, .125}};
    private static final double[] SOBOL_GRAY_63 = {0.015625, 0.796875, 0.359375, 0.453125};
    private static final double[][] LATTICE = {
        {0, 0, 0, 0, 0, 0, 0, 0}, {.5, .5, .5, .5, .5, .5, .5, .5},
        {.25, .75, .75, .75, .25, .75, .75, .25}, {.75, .25, .25, .25, .75, .25, .25, .75}};
    private static final double[][] HALTON = {
        {0, 0, 0, 0}, {0.5, 0.3333333333333333, 0.2, 0.14285714285714285},
        {0.25, 0.6666666666666666, 0.4, 0.2857142857142857}, {0.75, 0.1111111111111111, 0.6000000000000001, 0.42857142857142855},
        {0.125, 0.4444444444444444, 0.8, 0.5714285714285714}, {0.625, 0.7777777777777777, 0.04, 0.7142857142857142},
        {0.375, 0.2222222222222222, 0.24000000000000002, 0.8571428571428571},
        {0.875, 0.5555555555555556, 0.44, 0.02040816326530612}};
    private static final double[] HALTON_63 = {0.984375, 0.06172839506172839, 0.6960000000000001, 0.043731778425655975};

    @Override
    public TourResult run(TourContext ctx) {
        TourResult.Builder out = TourResult.builder(capability());
        long seed = ctx.seed();

        Sobol.unscrambled(4);  // load the Joe-Kuo data before timing-sensitive work
        out.equalTo("Sobol' natural order, d=4, points 0-7 and 63: max |x - QMCPy|",
                maxDiff(Sobol.unscrambled(4), SOBOL_NATURAL, SOBOL_NATURAL_63), 0);
        out.equalTo("Sobol' Gray order, d=4, points 0-7 and 63: max |x - scipy|",
                maxDiff(Sobol.unscrambledGray(4), SOBOL_GRAY, SOBOL_GRAY_63), 0);
        out.equalTo("Kuo lattice, d=8, points 0-3: max |x - QMCPy|",
                maxDiff(Lattice.builder(8).randomization(LatticeRandomization.NONE).build(), LATTICE, null), 0);
        out.equalTo("Halton, d=4, points 0-7 and 63: max |x - scipy|",
                maxDiff(Halton.builder(4).randomization(HaltonRandomization.NONE).build(), HALTON, HALTON_63), 0);

        int m = 10;
        Matrix net = Sobol.builder(2).seed(seed).build().points(1 << m);
        out.equalTo("Sobol' LMS_DS coordinates 1-2, 2^10 points: elementary boxes not holding exactly 1 point",
                netDefects(net, m), 0);

        // RQMC integration error
        int reps = 8, maxLog = ctx.quick() ? 12 : 14, d = 5;
        List<Generator> gens = List.of(
                new Generator("IID", IidUniform.builder(d).replications(reps).seed(seed).build()),
                new Generator("Sobol' LMS_DS", Sobol.builder(d).replications(reps).seed(seed).build()),
                new Generator("lattice SHIFT", Lattice.builder(d).replications(reps).seed(seed).build()),
                new Generator("Halton LMS_PERM", Halton.builder(d).replications(reps).seed(seed).build()));
        int outside = 0;
        List<Plot.Series> errorSeries = new ArrayList<>();
        double[] last = new double[gens.size()];
        for (int g = 0; g < gens.size(); g++) {
            PointSet p = gens.get(g).points;
            double[] logN = new double[maxLog - 3], logErr = new double[maxLog - 3];
            double[] sums = new double[reps];
            long done = 0;
            for (int k = 4; k <= maxLog; k++) {
                long n = 1L << k;
                double sq = 0;
                for (int r = 0; r < reps; r++) {
                    Matrix x = p.points(r, done, n);  // extensible: only the new points
                    for (double v : x.data) if (!(v > 0 && v < 1)) outside++;
                    sums[r] += sumOfF(x);
                    double e = sums[r] / n - 1;
                    sq += e * e;
                }
                done = n;
                logN[k - 4] = k;
                logErr[k - 4] = Math.log10(Math.sqrt(sq / reps));
                ctx.log(String.format(Locale.ROOT, "qmc-points %s n=2^%d RMSE=%.3e", gens.get(g).name, k, Math.sqrt(sq / reps)));
            }
            last[g] = Math.pow(10, logErr[logErr.length - 1]);
            errorSeries.add(new Plot.Series(gens.get(g).name, logN, logErr));
        }
        out.equalTo("randomized coordinates outside (0, 1), all generators", outside, 0);
        out.above(String.format(Locale.ROOT, "RMSE ratio IID / Sobol' LMS_DS at n = 2^%d (f = prod(1 + (x_j - 1/2)/j), d = 5, R = %d)",
                maxLog, reps), last[0] / last[1], 100);
        out.above(String.format(Locale.ROOT, "RMSE ratio IID / lattice SHIFT at n = 2^%d", maxLog), last[0] / last[2], 5);
        out.above(String.format(Locale.ROOT, "RMSE ratio IID / Halton LMS_PERM at n = 2^%d", maxLog), last[0] / last[3], 10);
        out.plot(new Plot("qmc-points-rmse", "RQMC error of prod(1 + (x_j - 1/2)/j), d = 5, " + reps + " replications",
                "log2 n", "log10 RMSE", Plot.Kind.LINE, errorSeries));

        List<Plot.Series> cloud = new ArrayList<>();
        for (Generator g : List.of(gens.get(0), gens.get(1), gens.get(2))) cloud.add(projection(g, 256));
        out.plot(new Plot("qmc-points-2d", "256 points, coordinates 1 and 2 (markers; lines join them in x order)",
                "x1", "x2", Plot.Kind.LINE, cloud));
        return out.build();
    }

    private record Generator(String name, PointSet points) {}

    private static double maxDiff(PointSet p, double[][] first, double[] at63) {
        Matrix x = p.points(64);
        double worst = 0;
        for (int i = 0; i < first.length; i++)
            for (int j = 0; j < first[i].length; j++) worst = Math.max(worst, Math.abs(x.get(i, j) - first[i][j]));
        if (at63 != null)
            for (int j = 0; j < at63.length; j++) worst = Math.max(worst, Math.abs(x.get(63, j) - at63[j]));
        return worst;
    }

    /** Elementary boxes [a/2^u, (a+1)/2^u) x [b/2^(m-u), (b+1)/2^(m-u)) not holding exactly one point. */
    private static int netDefects(Matrix x, int m) {
        int defects = 0;
        for (int u = 0; u <= m; u++) {
            int[] counts = new int[1 << m];
            for (int i = 0; i < x.rows; i++)
                counts[((int) (x.get(i, 0) * (1 << u)) << (m - u)) | (int) (x.get(i, 1) * (1 << (m - u)))]++;
            for (int c : counts) if (c != 1) defects++;
        }
        return defects;
    }

    private static double sumOfF(Matrix x) {
        double s = 0;
        for (int i = 0; i < x.rows; i++) {
            double f = 1;
            for (int j = 0; j < x.cols; j++) f *= 1 + (x.get(i, j) - 0.5) / (j + 1);
            s += f;
        }
        return s;
    }

    private static Plot.Series projection(Generator g, int n) {
        Matrix x = g.points.points(n);
        double[][] pts = new double[n][];
        for (int i = 0; i < n; i++) pts[i] = new double[] {x.get(i, 0), x.get(i, 1)};
        Arrays.sort(pts, (a, b) -> Double.compare(a[0], b[0]));
        double[] px = new double[n], py = new double[n];
        for (int i = 0; i < n; i++) { px[i] = pts[i][0]; py[i] = pts[i][1]; }
        return new Plot.Series(g.name, px, py);
    }
}
