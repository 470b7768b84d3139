package org.ortho4j.core.tour.steps;

import java.util.List;
import org.ortho4j.core.decomp.Solvers;
import org.ortho4j.core.kron.KpSvd;
import org.ortho4j.core.kron.Kronecker;
import org.ortho4j.core.kron.KroneckerEigen;
import org.ortho4j.core.kron.RankSelection;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;

/**
 * Kronecker algebra without forming products: a three-factor mat-vec against the explicit
 * product, a Gaussian-process solve {@code (K1 ⊗ K2 + σ² I)^{-1} y} through factor eigen-
 * decompositions against a dense solve, and the Kronecker SVD recovering a two-term sum.
 */
public final class KroneckerStep implements TourStep {
    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public KroneckerStep() {}

    @Override public String capability() { return "kronecker"; }

    @Override public String title() { return "Kronecker mat-vec, eigen-solve and Kronecker SVD (nearest Kronecker product)"; }

    @Override public int order() { return 800; }

    @Override
    public TourResult run(TourContext ctx) {
        TourResult.Builder out = TourResult.builder(capability());
        long seed = ctx.seed();
        Matrix a = Matrix.gaussian(5, 4, seed), b = Matrix.gaussian(3, 6, seed + 1), c = Matrix.gaussian(4, 2, seed + 2);
        double[] x = Matrix.gaussian(1, 48, seed + 3).data;
        double[] fast = Kronecker.matvec(List.of(a, b, c), x), dense = Kronecker.kron(a, b, c).mult(x);
        out.atMost("(A x B x C) v, 60x48: relative error vs explicit product", relErr(dense, fast), 1e-13);
        Matrix k1 = Matrix.gaussian(12, 12, seed + 4).gram(), k2 = Matrix.gaussian(10, 10, seed + 5).gram();
        double[] y = Matrix.gaussian(1, 120, seed + 6).data;
        double[] alpha = KroneckerEigen.product(List.of(k1, k2)).solve(y, 0.5);
        double[] ref = Solvers.solve(Kronecker.kron(k1, k2).plus(Matrix.eye(120).times(0.5)), y);
        out.atMost("(K1 x K2 + 0.5 I)^-1 y, N=120: relative error vs dense solve", relErr(ref, alpha), 1e-9);
        Matrix w = Kronecker.kron(Matrix.gaussian(3, 2, seed + 7), Matrix.gaussian(4, 5, seed + 8))
                .plus(Kronecker.kron(Matrix.gaussian(3, 2, seed + 9), Matrix.gaussian(4, 5, seed + 10)).times(0.3));
        KpSvd k = Kronecker.kpsvd(w, 3, 2, 4, 5, -1);
        out.atMost("KPSVD of a 2-term sum: sigma_3 / sigma_1", k.sigma()[2] / k.sigma()[0], 1e-12);
        out.equalTo("energy rank (tau = 1 - 1e-12) of that spectrum", RankSelection.energy(k.sigma(), 1 - 1e-12), 2);
        out.atMost("2-term reconstruction: relative error", w.minus(k.reconstruct(2)).normF() / w.normF(), 1e-13);
        return out.build();
    }

    private static double relErr(double[] ref, double[] got) {
        double num = 0, den = 0;
        for (int i = 0; i < ref.length; i++) {
            num += (ref[i] - got[i]) * (ref[i] - got[i]);
            den += ref[i] * ref[i];
        }
        return Math.sqrt(num / den);
    }
}
