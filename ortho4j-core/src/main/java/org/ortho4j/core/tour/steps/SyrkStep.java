package org.ortho4j.core.tour.steps;

import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;
import org.ortho4j.core.backend.Backend;

/**
 * Symmetric rank-k update {@code C = A A^T + 0.5 C0} and {@code C = A^T A + 0.5 C0} (n = 201,
 * k = 131, C0 symmetric) on every available backend: the result must be <em>exactly</em>
 * symmetric (both triangles written from one, {@code max |C_ij - C_ji| == 0}) and within
 * {@code 2 gamma_{k+2}} of the naive loop in the scaled error of {@link GemmCase}.
 */
public final class SyrkStep implements TourStep {
    private static final int N = 201, K = 131;
    private static final double ALPHA = 1, BETA = 0.5;

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public SyrkStep() {}

    @Override public String capability() { return "syrk"; }

    @Override public String title() { return "symmetric rank-k update: exact symmetry and accuracy on every backend"; }

    @Override public int order() { return 200; }

    @Override
    public TourResult run(TourContext ctx) {
        TourResult.Builder out = TourResult.builder(capability());
        GemmCase[] cases = {GemmCase.syrk(false, N, K, ALPHA, BETA, ctx.seed()), GemmCase.syrk(true, N, K, ALPHA, BETA, ctx.seed() + 1)};
        GemmCase.Reference[] refs = {cases[0].reference(), cases[1].reference()};
        for (String name : ctx.backendNames()) {
            Backend backend = ctx.backend(name);
            double worst = 0;
            for (int t = 0; t < cases.length; t++) {
                double[] c = cases[t].runSyrk(backend);
                out.equalTo(label(cases[t]) + " [" + name + "]: max |C - C^T|", GemmCase.maxAsymmetry(c, N), 0);
                worst = Math.max(worst, refs[t].errorOf(c));   // NaN-safe: max(NaN, x) is NaN
            }
            out.atMost("A A^T and A^T A [" + name + "]: scaled error vs naive loop", worst, GemmCase.tolerance(K, GemmCase.U_DOUBLE));
            ctx.log("syrk [" + name + "] done");
        }
        return out.build();
    }

    private static String label(GemmCase c) {
        return (c.transA ? "A^T A" : "A A^T") + " + 0.5 C0, n=" + N + " k=" + K;
    }
}
