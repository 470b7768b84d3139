package org.ortho4j.core.tour.steps;

import java.util.ArrayList;
import java.util.List;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;
import org.ortho4j.core.backend.Backend;
import org.ortho4j.core.backend.JavaBackend;

/**
 * Backend conformance at the awkward size n = 257 (one past a power of two: every blocked kernel
 * has a remainder): the Java backend is first checked against the naive loop, then every other
 * available backend against the Java backend, for DGEMM and SGEMM over the four transpose
 * combinations with {@code alpha = 0.75}, {@code beta = -0.5}. Bounds: the scaled error of
 * {@link GemmCase}, at most {@code 2 gamma_{k+2}} with the unit roundoff of the precision
 * (5.7e-14 in double, 3.1e-5 in float, for k = 257). Also checks the BLAS rule that
 * {@code beta == 0} overwrites C: NaN already in C must not reach the result.
 */
public final class BackendConformanceStep implements TourStep {
    private static final int N = 257;

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public BackendConformanceStep() {}

    @Override public String capability() { return "backends"; }

    @Override public String title() { return "every available backend agrees with the Java backend (n = 257)"; }

    @Override public int order() { return 300; }

    @Override
    public TourResult run(TourContext ctx) {
        TourResult.Builder out = TourResult.builder(capability());
        List<GemmCase> cases = new ArrayList<>();
        List<GemmCase.Reference> refs = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            GemmCase c = GemmCase.gemm((v & 1) != 0, (v & 2) != 0, N, N, N, 0.75, -0.5, ctx.seed() + v);
            cases.add(c);
            refs.add(c.reference());
        }
        double tolD = GemmCase.tolerance(N, GemmCase.U_DOUBLE), tolF = GemmCase.tolerance(N, GemmCase.U_FLOAT);
        Backend java = JavaBackend.INSTANCE;
        List<double[]> javaD = new ArrayList<>(), javaF = new ArrayList<>();
        double errD = 0, errF = 0;
        for (int v = 0; v < 4; v++) {
            javaD.add(cases.get(v).run(java));
            javaF.add(cases.get(v).runFloat(java));
            errD = Math.max(errD, refs.get(v).errorOf(javaD.get(v)));
            errF = Math.max(errF, refs.get(v).errorOf(javaF.get(v)));
        }
        String shape = "NN/TN/NT/TT, n=" + N;
        out.atMost("dgemm " + shape + " [java]: scaled error vs naive loop", errD, tolD);
        out.atMost("sgemm " + shape + " [java]: scaled error vs naive loop", errF, tolF);
        for (String name : ctx.backendNames()) {
            Backend backend = ctx.backend(name);
            if (!name.equals(java.name())) {
                double dD = 0, dF = 0;
                for (int v = 0; v < 4; v++) {
                    dD = Math.max(dD, refs.get(v).distance(cases.get(v).run(backend), javaD.get(v)));
                    dF = Math.max(dF, refs.get(v).distance(cases.get(v).runFloat(backend), javaF.get(v)));
                }
                out.atMost("dgemm " + shape + " [" + name + "]: scaled distance to java", dD, tolD);
                out.atMost("sgemm " + shape + " [" + name + "]: scaled distance to java", dF, tolF);
            }
            double[] overNaN = cases.get(0).withC0(0, Double.NaN).run(backend);
            out.equalTo("beta = 0 over a NaN-filled C [" + name + "]: non-finite entries",
                    GemmCase.countNonFinite(overNaN), 0);
            ctx.log("backends [" + name + "] done");
        }
        return out.build();
    }
}
