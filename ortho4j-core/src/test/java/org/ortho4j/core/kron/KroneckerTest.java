package org.ortho4j.core.kron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Asserts;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Golden;
import org.ortho4j.testkit.Ortho4jTest;

class KroneckerTest extends Ortho4jTest {

    @Test
    void goldenThreeFactorMatvec() {
        JsonNode g = Golden.json("golden/sci/kron_matvec.json");
        Matrix a1 = Matrix.of(Golden.matrix(g.get("A1"))), a2 = Matrix.of(Golden.matrix(g.get("A2"))), a3 = Matrix.of(Golden.matrix(g.get("A3")));
        double[] x = Golden.vector(g.get("x")), y = Golden.vector(g.get("y"));
        // inputs are small dyadic rationals: every product and sum is exact in double
        Asserts.assertAllClose(y, Kronecker.matvec(List.of(a1, a2, a3), x), 0, 0, "matvec");
        Asserts.assertAllClose(y, Kronecker.kron(a1, a2, a3).mult(x), 0, 0, "explicit kron");
    }

    @Test
    void kronMatchesTheDefinitionAndMatvecMatchesExplicitProducts() {
        Matrix a = Matrix.gaussian(2, 3, seed), b = Matrix.gaussian(4, 2, seed + 1), c = Matrix.gaussian(3, 3, seed + 2);
        Matrix k = Kronecker.kron(a, b);
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int p = 0; p < 4; p++) for (int q = 0; q < 2; q++)
            assertEquals(a.get(i, j) * b.get(p, q), k.get(i * 4 + p, j * 2 + q), 0.0);
        Matrix kk = Kronecker.kron(a, b, c);
        double[] x = Matrix.gaussian(1, kk.cols, seed + 3).data;
        double[] y = Kronecker.matvec(List.of(a, b, c), x);
        // each output is a sum of 18 products of 3 factors: error <= ~20 eps |K||x|
        double scale = kk.normF() * Math.sqrt(x.length);
        Asserts.assertAllClose(kk.mult(x), y, 0, 40 * Eps.DOUBLE * scale, "matvec");
        double[] z = Matrix.gaussian(1, kk.rows, seed + 4).data;
        Asserts.assertAllClose(kk.transpose().mult(z), Kronecker.matvecTranspose(List.of(a, b, c), z), 0, 40 * Eps.DOUBLE * scale, "matvecT");
    }

    @Test
    void diagonalHelpers() {
        double[] d = Kronecker.kronDiagonal(new double[] {1, 2}, new double[] {3, 4, 5});
        Asserts.assertAllClose(new double[] {3, 4, 5, 6, 8, 10}, d, 0, 0, "kronDiagonal");
        Matrix w1 = Matrix.gaussian(3, 2, seed), w2 = Matrix.gaussian(2, 3, seed + 1);
        double[] dd = Matrix.uniform(1, 6, 0.5, 2, seed + 2).data;
        Matrix w = Kronecker.kron(w1, w2);
        Matrix full = w.mult(Matrix.diag(dd)).multTranspose(w);
        double[] expect = new double[full.rows];
        for (int i = 0; i < expect.length; i++) expect[i] = full.get(i, i);
        Asserts.assertAllClose(expect, Kronecker.diagOfCongruence(List.of(w1, w2), dd), 1e-13, 1e-13, "diag(W D W^T)");
    }

    @Test
    void rearrangementIsAnIsometryAndMapsKronToRankOne() {
        Matrix w = Matrix.gaussian(6, 8, seed);
        Matrix r = Kronecker.rearrange(w, 3, 2, 2, 4);
        assertEquals(w.normF(), r.normF(), 4 * Eps.DOUBLE * w.normF());
        assertEquals(w, Kronecker.unrearrange(r, 3, 2, 2, 4));
        Matrix a = Matrix.gaussian(3, 2, seed + 1), b = Matrix.gaussian(2, 4, seed + 2);
        Matrix rk = Kronecker.rearrange(Kronecker.kron(a, b), 3, 2, 2, 4);
        Matrix outer = Matrix.column(a.toRowMajor()).multTranspose(Matrix.column(b.toRowMajor()));
        assertTrue(outer.equals(rk, 0.0), "R(A kron B) = vec(A) vec(B)^T exactly");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kronecker.rearrange(w, 4, 2, 2, 4));
        assertTrue(e.getMessage().contains("m1 * m2"), e.getMessage());
    }

    @Test
    void rankSelectionMatchesTheSpecExamples() {
        double[] s = {10, 9, 8, 1, 0.5, 0.1};
        assertEquals(3, RankSelection.energy(s, 0.9));
        assertEquals(3, RankSelection.elbow(s));
        assertEquals(3, RankSelection.soka(s, 0.9, 16));
        double[] t = {5, 4.9, 4.8, 4.7, 0.2, 0.1};
        assertEquals(4, RankSelection.energy(t, 0.9));
        assertEquals(4, RankSelection.elbow(t));
        assertEquals(4, RankSelection.soka(t, 0.9, 16));
        assertEquals(2, RankSelection.soka(t, 0.9, 2));
        assertThrows(IllegalArgumentException.class, () -> RankSelection.energy(new double[] {1, 2}, 0.9));
        assertThrows(IllegalArgumentException.class, () -> RankSelection.energy(s, 0));
        assertThrows(IllegalArgumentException.class, () -> Kronecker.matvec(List.of(Matrix.eye(2)), new double[3]));
    }
}
