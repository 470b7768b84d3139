package org.ortho4j.qmc.cubature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.tour.Plot;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;
import org.ortho4j.qmc.PointSet;
import org.ortho4j.qmc.integrand.Keister;
import org.ortho4j.qmc.points.IidUniform;
import org.ortho4j.qmc.points.Lattice;
import org.ortho4j.qmc.points.Sobol;

/**
 * Adaptive cubature on Keister's integrand in d = 3 (exact 2.168309102165481):
 * <ol>
 *   <li>CubQMCLatticeG, CubQMCNetG and CubQMCRepStudentT (16 replications) to absTol 1e-3, and
 *       CubMCCLT to 5e-3 (1e-2 with {@code --quick}; IID Monte Carlo needs about 2·10⁶ points for
 *       5e-3 and would need 5·10⁷ for 1e-3, against 2^14 for the QMC methods): each must converge and
 *       land within its tolerance; the convergence table
 *       (method, n, estimate, error, bound, time) goes to the progress log;</li>
 *   <li>the RMSE of fixed-n estimates over R independent randomizations (R = 16, 8 with
 *       {@code --quick}) for n = 2^4 … 2^16 (2^14) with IID points, shifted lattices and LMS+DS
 *       Sobol' points, plotted as log10 RMSE against log10 n; the fitted slopes over n ≥ 2^8 must
 *       be about −1/2 for IID (between −0.7 and −0.3) and at most −0.75 for the two QMC sequences
 *       (≈ −1 is expected for this smooth integrand).</li>
 * </ol>
 * Seeds derive from the tour seed. About 2 s on two cores (1 s with {@code --quick}).
 */
public final class CubatureTourStep implements TourStep {
    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public CubatureTourStep() {}

    private static final int D = 3;

    @Override public String capability() { return "qmc-cubature"; }

    @Override public String title() { return "adaptive QMC cubature with error bounds (QMCPy stopping criteria) on Keister d=3"; }

    @Override public int order() { return 1200; }

    @Override
    public TourResult run(TourContext ctx) {
        TourResult.Builder out = TourResult.builder(capability());
        Keister keister = new Keister(D);
        double exact = Keister.exact(D), qmcTol = 1e-3, mcTol = ctx.quick() ? 1e-2 : 5e-3;
        long seed = ctx.seed();
        record Run(String label, double tol, StoppingCriterion criterion) {}
        List<Run> runs = List.of(
                new Run("CubQMCLatticeG", qmcTol, CubQMCLatticeG.builder(keister, Lattice.builder(D).seed(seed).build()).absTol(qmcTol).build()),
                new Run("CubQMCNetG", qmcTol, CubQMCNetG.builder(keister, Sobol.scrambled(D, 1, seed)).absTol(qmcTol).build()),
                new Run("CubQMCRepStudentT", qmcTol,
                        CubQMCRepStudentT.builder(keister, Sobol.scrambled(D, 16, seed)).absTol(qmcTol).build()),
                new Run("CubMCCLT", mcTol, CubMCCLT.builder(keister, IidUniform.builder(D).seed(seed).build()).absTol(mcTol).build()));
        ctx.log(String.format(Locale.ROOT, "%-18s %10s %14s %10s %10s %8s", "method", "n", "estimate", "|error|", "bound", "seconds"));
        for (Run run : runs) {
            IntegrationResult r = run.criterion().integrate();
            double err = Math.abs(r.value() - exact);
            ctx.log(String.format(Locale.ROOT, "%-18s %10d %14.10f %10.2e %10.2e %8.3f", run.label(), r.nTotal(), r.value(), err,
                    r.errorBound(), r.seconds()));
            out.equalTo(run.label() + " Keister d=3, absTol " + run.tol() + ": converged (1 = yes), n = " + r.nTotal(),
                    r.isConverged() ? 1 : 0, 1);
            out.atMost(run.label() + " Keister d=3: |estimate - exact|", err, run.tol());
        }
        convergence(ctx, out, keister, exact);
        return out.build();
    }

    /** RMSE of fixed-n estimates against n for IID, lattice and Sobol' points, plot and slopes. */
    private static void convergence(TourContext ctx, TourResult.Builder out, Keister keister, double exact) {
        int reps = ctx.quick() ? 8 : 16, mMin = 4, mMax = ctx.quick() ? 14 : 16;
        long seed = ctx.seed() + 1;
        String[] names = {"IID (MC)", "lattice + shift", "Sobol' LMS+DS"};
        PointSet[] sets = {
            IidUniform.builder(D).replications(reps).seed(seed).build(),
            Lattice.builder(D).replications(reps).seed(seed).build(),
            Sobol.scrambled(D, reps, seed)};
        List<Plot.Series> series = new ArrayList<>();
        double[] logN = new double[mMax - mMin + 1];
        for (int m = mMin; m <= mMax; m++) logN[m - mMin] = m * Math.log10(2);
        double[][] rmse = new double[sets.length][];
        for (int s = 0; s < sets.length; s++) {
            rmse[s] = rmse(keister, sets[s], reps, mMin, mMax, exact);
            double[] logE = new double[rmse[s].length];
            for (int i = 0; i < logE.length; i++) logE[i] = Math.log10(rmse[s][i]);
            double[] nVals = new double[logN.length];
            for (int i = 0; i < nVals.length; i++) nVals[i] = Math.pow(10, logN[i]);
            series.add(new Plot.Series(names[s], nVals, rmse[s]));
            double slope = slope(logN, logE, 8 - mMin);
            if (s == 0) {
                out.above(names[s] + ": RMSE slope vs n (log-log, n >= 2^8), expected ~ -1/2", slope, -0.7);
                out.atMost(names[s] + ": RMSE slope vs n (log-log, n >= 2^8), expected ~ -1/2", slope, -0.3);
            } else {
                out.atMost(names[s] + ": RMSE slope vs n (log-log, n >= 2^8), expected ~ -1", slope, -0.75);
            }
        }
        ctx.log(String.format(Locale.ROOT, "%8s %12s %12s %12s   (RMSE over %d randomizations)", "n", names[0], names[1], names[2], reps));
        for (int i = 0; i < logN.length; i++)
            ctx.log(String.format(Locale.ROOT, "%8d %12.3e %12.3e %12.3e", 1L << (mMin + i), rmse[0][i], rmse[1][i], rmse[2][i]));
        out.plot(new Plot("qmc-keister-rmse", "Keister d=3: RMSE of the n-point estimate (" + reps + " randomizations)",
                "n", "RMSE", Plot.Kind.LOG_LOG, series));
    }

    /** RMSE over the replications of the mean of the first 2^m values, m = mMin..mMax. */
    static double[] rmse(Keister f, PointSet points, int reps, int mMin, int mMax, double exact) {
        double[] sq = new double[mMax - mMin + 1];
        for (int r = 0; r < reps; r++) {
            Matrix y = f.f(points.points(r, 0, 1L << mMax));
            double sum = 0;
            int next = 1 << mMin;
            for (int i = 0; i < y.rows; i++) {
                sum += y.data[i];
                if (i + 1 == next) {
                    int m = Integer.numberOfTrailingZeros(next);
                    double e = sum / next - exact;
                    sq[m - mMin] += e * e;
                    next <<= 1;
                }
            }
        }
        for (int i = 0; i < sq.length; i++) sq[i] = Math.sqrt(sq[i] / reps);
        return sq;
    }

    /** Least-squares slope of y against x over indices {@code from..}. */
    static double slope(double[] x, double[] y, int from) {
        int n = x.length - from;
        double mx = 0, my = 0;
        for (int i = from; i < x.length; i++) { mx += x[i]; my += y[i]; }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0;
        for (int i = from; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}
