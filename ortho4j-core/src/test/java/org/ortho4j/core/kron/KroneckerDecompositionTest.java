package org.ortho4j.core.kron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.decomp.Solvers;
import org.ortho4j.core.decomp.SymmetricEigen;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Asserts;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Golden;
import org.ortho4j.testkit.Ortho4jTest;

class KroneckerDecompositionTest extends Ortho4jTest {

    private static Matrix se(double[] x, double ls) {
        Matrix k = new Matrix(x.length, x.length);
        for (int i = 0; i < x.length; i++)
            for (int j = 0; j < x.length; j++) k.set(i, j, Math.exp(-0.5 * Math.pow((x[i] - x[j]) / ls, 2)));
        return k;
    }

    @Test
    void goldenGaussianProcessEigenSolve() {
        JsonNode g = Golden.json("golden/sci/kron_eig_solve.json");
        Matrix k1 = se(Golden.vector(g.get("x1")), 0.4), k2 = se(Golden.vector(g.get("x2")), 0.7);
        double s2 = Golden.number(g.get("sigma2"));
        double[] y = new double[20];
        for (int t = 0; t < 20; t++) y[t] = Math.sin(1 + t);
        KroneckerEigen ke = KroneckerEigen.product(List.of(k1, k2));
        // K + 0.1 I has condition number ~ 5/0.1 = 50: the solve loses ~2 digits over eps
        Asserts.assertAllClose(Golden.vector(g.get("alpha")), ke.solve(y, s2), 1e-12, 1e-12, "alpha");
        assertEquals(Golden.number(g.get("logdet")), ke.logDet(s2), 1e-12);
        Asserts.assertAllClose(y, ke.multiply(ke.solve(y, s2), s2), 1e-12, 1e-12, "K K^-1 y");
    }

    @Test
    void productAndSumMatchDenseAlgebra() {
        Matrix a = Matrix.gaussian(4, 4, seed), b = Matrix.gaussian(3, 3, seed + 1), c = Matrix.gaussian(2, 2, seed + 2);
        Matrix sa = a.gram().plus(Matrix.eye(4)), sb = b.gram().plus(Matrix.eye(3)), sc = c.gram().plus(Matrix.eye(2));
        double[] y = Matrix.gaussian(1, 24, seed + 3).data;
        Matrix kp = Kronecker.kron(sa, sb, sc);
        Matrix ks = Kronecker.kron(sa, Matrix.eye(3), Matrix.eye(2)).plus(Kronecker.kron(Matrix.eye(4), sb, Matrix.eye(2)))
                .plus(Kronecker.kron(Matrix.eye(4), Matrix.eye(3), sc));
        for (Object[] t : new Object[][] {{KroneckerEigen.product(List.of(sa, sb, sc)), kp}, {KroneckerEigen.sum(List.of(sa, sb, sc)), ks}}) {
            KroneckerEigen ke = (KroneckerEigen) t[0];
            Matrix dense = ((Matrix) t[1]).plus(Matrix.eye(24).times(0.5));
            double[] expect = Solvers.solve(dense, y);
            // relative accuracy c * N * cond * eps with N = 24 and cond(dense) well below 1e4
            Asserts.assertAllClose(expect, ke.solve(y, 0.5), 1e-10, 1e-10, ke.structure() + " solve");
            double[] ev = SymmetricEigen.eigenvalues(dense);
            double ld = 0;
            for (double v : ev) ld += Math.log(v);
            assertEquals(ld, ke.logDet(0.5), 1e-10 * Math.abs(ld) + 1e-10, ke.structure() + " logdet");
        }
        assertThrows(ArithmeticException.class, () -> KroneckerEigen.product(List.of(Matrix.eye(2))).logDet(-1));
        assertThrows(IllegalArgumentException.class, () -> KroneckerEigen.product(List.of(Matrix.gaussian(2, 2, 1).plus(Matrix.eye(2).times(5)))));
    }

    @Test
    void kroneckerProductSolveMatchesADenseSolve() {
        // diagonally dominant factors: cond <= ~3 each, so the product's condition number stays small
        Matrix a = Matrix.gaussian(3, 3, seed).plus(Matrix.eye(3).times(4)), b = Matrix.gaussian(4, 4, seed + 1).plus(Matrix.eye(4).times(5));
        Matrix c = Matrix.gaussian(2, 2, seed + 2).plus(Matrix.eye(2).times(3));
        double[] y = Matrix.gaussian(1, 24, seed + 3).data;
        double[] x = Kronecker.solve(List.of(a, b, c), y);
        Asserts.assertAllClose(Solvers.solve(Kronecker.kron(a, b, c), y), x, 1e-12, 1e-12, "solve");
        Asserts.assertAllClose(y, Kronecker.matvec(List.of(a, b, c), x), 1e-12, 1e-12, "residual");
        assertThrows(IllegalArgumentException.class, () -> Kronecker.solve(List.of(Matrix.gaussian(2, 3, 1)), new double[2]));
        assertThrows(org.ortho4j.core.decomp.SingularMatrixException.class, () -> Kronecker.solve(List.of(new Matrix(2, 2)), new double[2]));
    }

    @Test
    void goldenNearestKroneckerProduct() {
        JsonNode g = Golden.json("golden/lowrank/nkp.json");
        JsonNode gen = g.get("generic");
        Matrix w = Matrix.of(Golden.matrix(gen.get("W")));
        KpSvd k = Kronecker.kpsvd(w, 2, 3, 3, 2, -1);
        double[] sig = Golden.vector(gen.get("kronecker_singular_values"));
        // singular values of a 6x6 matrix with |W| ~ 19: LAPACK vs numpy differ by a few eps |W|
        Asserts.assertAllClose(sig, k.sigma(), 0, 16 * Eps.DOUBLE * 19, "sigma");
        Matrix nkpA = Matrix.of(Golden.matrix(gen.get("nkp_A"))), nkpB = Matrix.of(Golden.matrix(gen.get("nkp_B")));
        Matrix[] ab = k.nearestKroneckerProduct();
        assertTrue(nkpA.equals(ab[0], 1e-13), "nkp A\n" + nkpA + ab[0]);
        assertTrue(nkpB.equals(ab[1], 1e-13), "nkp B");
        double[] trunc = Golden.vector(gen.get("truncation_error_frobenius_by_rank"));
        for (int r = 0; r < trunc.length; r++) {
            // truncationError uses sqrt(|W|^2 - sum sigma^2): cancellation costs up to sqrt(eps)|W| ~ 3e-7
            assertEquals(trunc[r], k.truncationError(r), 1e-6 * Math.max(1, trunc[r]), "truncation r=" + r);
            assertEquals(trunc[r], w.minus(k.reconstruct(r)).normF(), 1e-12 * 19, "explicit error r=" + r);
        }
        assertEquals(Golden.number(gen.get("nkp_error_frobenius")), w.minus(Kronecker.kron(ab[0], ab[1])).normF(), 1e-12 * 19);

        JsonNode ex = g.get("exact");
        KpSvd e = Kronecker.kpsvd(Matrix.of(Golden.matrix(ex.get("W"))), 2, 3, 3, 2, -1);
        double a0 = Matrix.of(Golden.matrix(ex.get("A0"))).normF(), b0 = Matrix.of(Golden.matrix(ex.get("B0"))).normF();
        assertEquals(a0 * b0, e.sigma()[0], 1e-13 * a0 * b0);
        for (int t = 1; t < e.terms(); t++) assertTrue(e.sigma()[t] < 1e-12, "exact: sigma_" + t + " = " + e.sigma()[t]);
        assertTrue(Matrix.of(Golden.matrix(ex.get("A_unit"))).equals(e.a().get(0), 1e-14));

        JsonNode r2 = g.get("rank2");
        KpSvd k2 = Kronecker.kpsvd(Matrix.of(Golden.matrix(r2.get("W"))), 3, 2, 2, 4, 3);
        double[] s2 = Golden.vector(r2.get("kronecker_singular_values"));
        assertEquals(s2[0], k2.sigma()[0], 1e-13 * s2[0]);
        assertEquals(s2[1], k2.sigma()[1], 1e-13 * s2[0]);
        assertTrue(k2.sigma()[2] < 1e-12 * s2[0]);
        assertEquals(3, k2.terms());
    }
}
