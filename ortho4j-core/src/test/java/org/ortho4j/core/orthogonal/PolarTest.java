package org.ortho4j.core.orthogonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.core.orthogonal.NewtonSchulzGolden.CASES;
import static org.ortho4j.core.orthogonal.NewtonSchulzGolden.expected;
import static org.ortho4j.core.orthogonal.NewtonSchulzGolden.input;
import static org.ortho4j.core.orthogonal.NewtonSchulzGolden.maxAbsDiff;

import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.decomp.SymmetricEigen;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Asserts;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Ortho4jTest;

class PolarTest extends Ortho4jTest {

    /**
     * Golden polar factors (numpy SVD): the polar factor's condition number is about
     * 1/(σ_r + σ_{r+1}) relative to ‖G‖, at most ~100 for these inputs, so 1e-12 leaves room
     * over ε·100·n (measured ≤ 3.9e-15).
     */
    @Test
    void goldenPolarFactorsAndSingularValues() {
        for (String name : CASES) {
            Polar.Result res = Polar.exact().decompose(input(name));
            Matrix want = expected(name, "polar_exact_f64");
            if (want == null) {                                   // Z_4x3: zero in, zero out
                assertEquals(0, res.rank());
                assertEquals(0, res.factor().normMax());
                continue;
            }
            double d = maxAbsDiff(res.factor(), want);
            assertTrue(d <= 1e-12, name + ": max |diff| = " + d);
            double[] sv = NewtonSchulzGolden.vector(name, "singular_values_input");
            // Weyl: |Δσ| ≤ ‖ΔG‖_2 ≈ ε·‖G‖ (‖G‖ ≤ 20 here)
            Asserts.assertAllClose(sv, res.singularValues(), 0, 1e-13, name + " singular values");
            assertEquals(name.equals("R_6x4_rank2") ? 2 : sv.length, res.rank(), name);
        }
    }

    /** Full-rank inputs give an orthonormal factor with ‖QᵀQ − I‖_F ≤ c·n·ε (backward-stable SVD). */
    @Test
    void factorIsOrthonormalOnASizeGrid() {
        int[] sizes = {1, 2, 3, 5, 8, 13, 31};
        for (int m : sizes)
            for (int n : sizes) {
                Matrix g = Matrix.gaussian(m, n, seed + 37L * m + n);
                Matrix q = Polar.exact().orthogonalize(g);
                assertEquals(m, q.rows);
                assertEquals(n, q.cols);
                Asserts.assertOrthogonal(m, n, q::get, 10);
            }
    }

    /**
     * Defining property: G = Q P with P = QᵀG symmetric positive semidefinite (tall/square), and
     * Q is the closest matrix with orthonormal columns (‖G − Q‖_F ≤ ‖G − Q'‖_F for others).
     */
    @Test
    void polarFactorSatisfiesTheDefiningProperties() {
        Matrix g = Matrix.gaussian(12, 7, seed);
        Matrix q = Polar.exact().orthogonalize(g);
        Matrix p = q.transposeMult(g);
        assertTrue(maxAbsDiff(p, p.transpose()) <= 1e-13, "QᵀG symmetric");
        double[] ev = SymmetricEigen.eigenvalues(p.plus(p.transpose()).times(0.5));
        assertTrue(ev[0] > 0, "QᵀG positive definite for a full-rank G: " + ev[0]);
        Asserts.assertBackwardError(12, 7, g::get, q.mult(p)::get, 10, Eps.DOUBLE, "G = Q P");
        Matrix other = Polar.exact().orthogonalize(Matrix.gaussian(12, 7, seed + 1));   // some other orthonormal Q'
        assertTrue(g.minus(q).normF() < g.minus(other).normF());
        // wide: the factor of Gᵀ is the transpose of the factor of G
        assertTrue(maxAbsDiff(Polar.exact().orthogonalize(g.transpose()), q.transpose()) <= 1e-14);
    }

    /**
     * Cross-check of both orthogonalizers: the classic cubic Newton–Schulz iteration
     * X ← 1.5 X − 0.5 X Xᵀ X converges quadratically to polar(G) once σ_min/‖G‖_F is not tiny.
     */
    @Test
    void convergedCubicNewtonSchulzEqualsTheExactFactor() {
        NewtonSchulz cubic = NewtonSchulz.of(NewtonSchulzSchedule.repeat("cubic", 1.5, -0.5, 0, 40, 0, 1));
        for (int[] shape : new int[][] {{30, 10}, {10, 30}, {8, 8}}) {
            Matrix g = Matrix.gaussian(shape[0], shape[1], seed);
            if (shape[0] == shape[1]) g = g.plus(Matrix.eye(8).times(6));      // keep σ_min away from 0
            double d = maxAbsDiff(cubic.orthogonalize(g), Polar.exact().orthogonalize(g));
            assertTrue(d <= 1e-12, shape[0] + "x" + shape[1] + ": " + d);
        }
    }

    @Test
    void rankToleranceDecidesWhatIsKept() {
        // singular values 1, 1e-6, 0 exactly: U, V = identity blocks
        Matrix g = Matrix.diag(1, 1e-6, 0);
        assertEquals(Matrix.diag(1, 1, 0), Polar.exact().orthogonalize(g));
        assertEquals(Matrix.diag(1, 0, 0), Polar.withRankTolerance(1e-3).orthogonalize(g));
        assertEquals(2, Polar.withRankTolerance(0).decompose(g).rank());
        assertEquals(1e-3, Polar.withRankTolerance(1e-3).rankTolerance());
        assertEquals(Polar.DEFAULT_RANK_TOLERANCE, Polar.exact().rankTolerance());
    }

    @Test
    void floatPathRoundsTheDoubleResult() {
        FloatMatrix g = Matrix.gaussian(9, 4, seed).toFloat();
        FloatMatrix q = Polar.exact().orthogonalize(g);
        Matrix want = Polar.exact().orthogonalize(g.toDouble());
        assertEquals(want.toFloat(), q);
        FloatMatrix inPlace = g.copy();
        assertSame(inPlace, Polar.exact().orthogonalize(inPlace, inPlace));
        assertEquals(q, inPlace);
    }

    @Test
    void emptyZeroAndSignCases() {
        assertEquals(0, Polar.exact().orthogonalize(new Matrix(0, 4)).size());
        assertEquals(3, Polar.exact().orthogonalize(new Matrix(3, 0)).rows);
        assertEquals(0, Polar.exact().orthogonalize(new Matrix(5, 2)).normMax());
        assertEquals(-1, Polar.exact().orthogonalize(Matrix.wrap(1, 1, -3.5)).get(0, 0), 0);
        Matrix row = Matrix.wrap(1, 3, 3, 0, -4);
        assertTrue(maxAbsDiff(Polar.exact().orthogonalize(row), row.times(0.2)) <= 1e-16);
    }

    @Test
    void badInputsAreRejectedNamingTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Polar.exact().orthogonalize(Matrix.gaussian(3, 3, seed).set(0, 1, Double.NaN)));
        assertTrue(e.getMessage().startsWith("g(0, 1) = NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Polar.exact().orthogonalize(new FloatMatrix(2, 2).set(1, 1, Float.NEGATIVE_INFINITY)));
        assertTrue(e.getMessage().startsWith("g(1, 1) = -Infinity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Polar.exact().decompose(null));
        assertTrue(e.getMessage().startsWith("g is null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Polar.exact().orthogonalize(new Matrix(2, 3), new Matrix(3, 3)));
        assertTrue(e.getMessage().startsWith("out is 3x3, expected 2x3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Polar.withRankTolerance(1));
        assertTrue(e.getMessage().startsWith("rankTolerance = 1.0"), e.getMessage());
        assertEquals("Polar[SVD, rankTol 1.0E-10]", Polar.exact().describe());
    }
}
