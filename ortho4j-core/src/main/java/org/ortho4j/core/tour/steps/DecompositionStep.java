package org.ortho4j.core.tour.steps;

import org.ortho4j.core.decomp.CholeskyDecomposition;
import org.ortho4j.core.decomp.ComplexMatrix;
import org.ortho4j.core.decomp.Eigen;
import org.ortho4j.core.decomp.Lapack;
import org.ortho4j.core.decomp.LuDecomposition;
import org.ortho4j.core.decomp.QrDecomposition;
import org.ortho4j.core.decomp.SvdDecomposition;
import org.ortho4j.core.decomp.SymmetricEigen;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;

/**
 * LAPACK decompositions on seeded random matrices: relative reconstruction errors of QR, SVD,
 * symmetric eigen, Cholesky and LU, orthogonality of their Q factors, and the eigen-residual
 * {@code max ||A v - λ v|| / ||A||} of the general (complex) eigen-decomposition. Limit:
 * {@code c n ε} with c = 10 (backward-stable algorithms give errors of a few n ε).
 */
public final class DecompositionStep implements TourStep {
    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public DecompositionStep() {}

    @Override public String capability() { return "decomp"; }

    @Override public String title() { return "QR, SVD, eigen (symmetric and complex), Cholesky, LU through LAPACK (" + Lapack.describe(Lapack.get()) + ")"; }

    @Override public int order() { return 500; }

    @Override
    public TourResult run(TourContext ctx) {
        int n = ctx.quick() ? 60 : 200;
        double limit = 10 * n * 0x1.0p-52;
        TourResult.Builder out = TourResult.builder(capability());
        Matrix a = Matrix.gaussian(n + n / 2, n, ctx.seed());
        QrDecomposition qr = QrDecomposition.of(a);
        out.atMost("QR " + a.rows + "x" + n + ": ||A - QR|| / ||A||", rel(a, qr.getQ().mult(qr.getR())), limit);
        out.atMost("QR: ||Q^T Q - I||", qr.getQ().gram().minus(Matrix.eye(n)).normF(), limit);
        SvdDecomposition svd = SvdDecomposition.of(a);
        Matrix us = svd.getU().mult(Matrix.diag(svd.getSingularValues()));
        out.atMost("SVD: ||A - U S V^T|| / ||A||", rel(a, us.mult(svd.getVt())), limit);
        Matrix s = a.gram();
        SymmetricEigen se = SymmetricEigen.of(s);
        Matrix v = se.getEigenvectors();
        out.atMost("symmetric eigen " + n + "x" + n + ": ||S - V L V^T|| / ||S||", rel(s, v.mult(Matrix.diag(se.getEigenvalues())).multTranspose(v)), limit);
        CholeskyDecomposition ch = CholeskyDecomposition.of(s.plus(Matrix.eye(n)));
        out.atMost("Cholesky: ||S + I - L L^T|| / ||S + I||", rel(s.plus(Matrix.eye(n)), ch.getL().multTranspose(ch.getL())), limit);
        Matrix sq = Matrix.gaussian(n, n, ctx.seed() + 1);
        LuDecomposition lu = LuDecomposition.of(sq);
        out.atMost("LU: ||A - P L U|| / ||A||", rel(sq, lu.getP().mult(lu.getL()).mult(lu.getU())), limit);
        Eigen eig = Eigen.of(sq);
        ComplexMatrix vec = eig.getEigenvectors();
        double[] re = eig.getEigenvaluesReal(), im = eig.getEigenvaluesImag();
        double worst = 0;
        for (int j = 0; j < n; j++) worst = Math.max(worst, residual(sq, vec, j, re[j], im[j]));
        out.atMost("general eigen: max ||A v - lambda v|| / (||A|| ||v||) over " + n + " complex pairs", worst / sq.normF(), limit);
        return out.build();
    }

    private static double rel(Matrix a, Matrix b) { return a.minus(b).normF() / a.normF(); }

    private static double residual(Matrix a, ComplexMatrix v, int j, double lr, double li) {
        int n = a.rows;
        double num = 0, den = 0;
        for (int i = 0; i < n; i++) {
            double sr = 0, si = 0;
            for (int k = 0; k < n; k++) {
                sr += a.get(i, k) * v.getRe(k, j);
                si += a.get(i, k) * v.getIm(k, j);
            }
            double vr = v.getRe(i, j), vi = v.getIm(i, j);
            double dr = sr - (lr * vr - li * vi), di = si - (lr * vi + li * vr);
            num += dr * dr + di * di;
            den += vr * vr + vi * vi;
        }
        return Math.sqrt(num / den);
    }
}
