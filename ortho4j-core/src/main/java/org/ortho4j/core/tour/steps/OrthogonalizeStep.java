package org.ortho4j.core.tour.steps;

import java.util.List;
import org.ortho4j.core.decomp.SvdDecomposition;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.orthogonal.NewtonSchulz;
import org.ortho4j.core.orthogonal.Polar;
import org.ortho4j.core.tour.Plot;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;

/**
 * Orthogonalization of a random gradient-like matrix: the exact polar factor is orthogonal to
 * {@code c n ε}; MUON's quintic Newton–Schulz maps every singular value into the band
 * [0.68, 1.14] (spec optimizers.md §1.3); Polar Express lands closer to 1; the Gram-side form
 * equals the plain form; the plot shows the output singular values of each method.
 */
public final class OrthogonalizeStep implements TourStep {
    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public OrthogonalizeStep() {}

    @Override public String capability() { return "orthogonalize"; }

    @Override public String title() { return "exact polar factor and the Newton-Schulz family (MUON, Polar Express, Gram-side)"; }

    @Override public int order() { return 600; }

    @Override
    public TourResult run(TourContext ctx) {
        int m = ctx.quick() ? 64 : 256, n = 4 * m;
        TourResult.Builder out = TourResult.builder(capability());
        Matrix g = Matrix.gaussian(m, n, ctx.seed());
        Matrix p = Polar.exact().orthogonalize(g);
        out.atMost("polar " + m + "x" + n + ": ||P P^T - I||", p.outerGram().minus(Matrix.eye(m)).normF(), 10 * n * 0x1.0p-52);
        double[] sMuon = SvdDecomposition.singularValues(NewtonSchulz.muon().orthogonalize(g));
        out.atMost("MUON NS5: max singular value", sMuon[0], 1.14);
        out.above("MUON NS5: min singular value", sMuon[sMuon.length - 1], 0.68);
        double[] sPe = SvdDecomposition.singularValues(NewtonSchulz.polarExpress().orthogonalize(g));
        out.atMost("Polar Express: max |sigma - 1|", Math.max(Math.abs(sPe[0] - 1), Math.abs(sPe[sPe.length - 1] - 1)), 0.35);
        Matrix plain = NewtonSchulz.muon().form(NewtonSchulz.Form.PLAIN).orthogonalize(g);
        Matrix gram = NewtonSchulz.muon().form(NewtonSchulz.Form.GRAM).orthogonalize(g);
        out.atMost("MUON Gram-side vs plain (double): max |diff|", plain.minus(gram).normMax(), 1e-10);
        FloatMatrix pf = NewtonSchulz.muon().orthogonalize(g.toFloat());
        out.atMost("MUON float32 vs float64: max |diff|", pf.toDouble().minus(plain).normMax(), 1e-4);
        double[] idx = new double[m];
        for (int i = 0; i < m; i++) idx[i] = i + 1;
        out.plot(new Plot("ns-singular-values", "Singular values after orthogonalization (" + m + "x" + n + " Gaussian)",
                "index", "singular value", Plot.Kind.LINE, List.of(
                        new Plot.Series("MUON NS5", idx, sMuon), new Plot.Series("Polar Express", idx, sPe),
                        new Plot.Series("exact polar", idx, SvdDecomposition.singularValues(p)))));
        return out.build();
    }
}
