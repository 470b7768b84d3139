package org.ortho4j.core.tour.steps;

import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.orthogonal.Givens;
import org.ortho4j.core.orthogonal.Haar;
import org.ortho4j.core.orthogonal.HouseholderProduct;
import org.ortho4j.core.orthogonal.SkewSymmetric;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;

/**
 * Orthogonal constructions: a product of k Householder reflections applied in compact WY form
 * equals the reflector-by-reflector product and is orthogonal to {@code c n ε}; Haar samples,
 * Cayley transforms and exponentials of skew-symmetric matrices are orthogonal; a Givens rotation
 * zeroes its target exactly.
 */
public final class OrthogonalConstructionsStep implements TourStep {
    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public OrthogonalConstructionsStep() {}

    @Override public String capability() { return "householder"; }

    @Override public String title() { return "Householder products in compact WY form, Haar, Cayley, exp(skew), Givens"; }

    @Override public int order() { return 550; }

    @Override
    public TourResult run(TourContext ctx) {
        TourResult.Builder out = TourResult.builder(capability());
        int m = ctx.quick() ? 96 : 384, k = m / 3, n = 64;
        double limit = 10 * m * 0x1.0p-52;
        HouseholderProduct q = HouseholderProduct.reflections(Matrix.gaussian(m, k, ctx.seed()));
        Matrix x = Matrix.gaussian(m, n, ctx.seed() + 1), wy = x.copy(), seq = x.copy();
        q.applyLeft(wy, false);
        q.applySequential(seq, false);
        out.atMost("Q X by compact WY vs reflector by reflector (" + k + " reflections, " + m + "x" + n + "): max |diff| / |X|",
                wy.minus(seq).normMax() / x.normMax(), limit);
        Matrix qm = q.toMatrix();
        out.atMost("explicit Q (" + m + "x" + m + "): ||Q^T Q - I||", qm.gram().minus(Matrix.eye(m)).normF(), limit);
        out.equalTo("det Q = (-1)^k", q.determinant(), k % 2 == 0 ? 1 : -1);
        Matrix h = Haar.orthogonal(m, ctx.seed() + 2);
        out.atMost("Haar " + m + "x" + m + ": ||H^T H - I||", h.gram().minus(Matrix.eye(m)).normF(), limit);
        Matrix g = Matrix.gaussian(m / 2, m / 2, ctx.seed() + 3);
        Matrix skew = g.minus(g.transpose()).times(0.5);
        Matrix cay = SkewSymmetric.cayley(skew), ex = SkewSymmetric.exp(skew);
        out.atMost("Cayley transform of a skew matrix: ||Q^T Q - I||", cay.gram().minus(Matrix.eye(m / 2)).normF(), 100 * limit);
        out.atMost("exp(A), A skew: ||Q^T Q - I||", ex.gram().minus(Matrix.eye(m / 2)).normF(), 100 * limit);
        out.atMost("exp(A) exp(-A) = I: max |diff|", ex.mult(SkewSymmetric.exp(skew.times(-1))).minus(Matrix.eye(m / 2)).normMax(), 100 * limit);
        Givens r = Givens.of(3, 4);
        out.equalTo("Givens of (3, 4): r", r.r(), 5);
        out.atMost("Givens of (3, 4): |-s f + c g| (zeroed entry)", Math.abs(-r.s() * 3 + r.c() * 4), 4 * 5 * 0x1.0p-52);
        return out.build();
    }
}
