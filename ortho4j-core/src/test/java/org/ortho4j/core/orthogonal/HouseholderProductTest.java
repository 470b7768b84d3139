package org.ortho4j.core.orthogonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.core.orthogonal.HouseholderTest.assertMessage;
import static org.ortho4j.core.orthogonal.OrthoTesting.assertClose;
import static org.ortho4j.core.orthogonal.OrthoTesting.betas;
import static org.ortho4j.core.orthogonal.OrthoTesting.gaussian;
import static org.ortho4j.core.orthogonal.OrthoTesting.naiveMult;
import static org.ortho4j.core.orthogonal.OrthoTesting.naiveReflector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Asserts;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Golden;
import org.ortho4j.testkit.Ortho4jTest;

/** Products of (generalized) Householder factors: golden data, WY vs loop vs explicit, gradients. */
class HouseholderProductTest extends Ortho4jTest {
    private static final double EPS = Eps.DOUBLE;
    private static final JsonNode GOLDEN = Golden.json("golden/structures/householder.json");
    /** README: values match to 1e-10 absolute, gradients to 1e-8; ours agree far closer. */
    private static final double GOLDEN_TOL = 1e-13, GOLDEN_GRAD_TOL = 1e-12;

    private static Matrix golden(String... path) {
        JsonNode n = GOLDEN;
        for (String p : path) n = n.get(p);
        return Matrix.of(Golden.matrix(n));
    }

    /** Q = H(p₁, β₁) ⋯ H(p_k, β_k), each factor formed naively: the slow obvious reference. */
    private static Matrix naiveProduct(Matrix p, double[] beta) {
        Matrix q = Matrix.eye(p.rows);
        for (int i = 0; i < p.cols; i++) q = naiveMult(q, naiveReflector(p.colArray(i), beta[i]));
        return q;
    }

    private static double[] twos(int k) {
        double[] b = new double[k];
        Arrays.fill(b, 2);
        return b;
    }

    // ------------------------------------------------------------------ golden

    @Test
    void goldenProductApplicationsAndDeterminant() {
        Matrix v = golden("V_columns_are_vectors");
        HouseholderProduct q = HouseholderProduct.reflections(v);
        Asserts.assertAllClose(5, 5, golden("Q")::get, q.toMatrix()::get, 0, GOLDEN_TOL, "Q");
        Asserts.assertAllClose(5, 5, golden("Q")::get, Householder.product(v)::get, 0, GOLDEN_TOL, "Householder.product");
        Matrix x = golden("x").transpose();                 // 5 x 1
        Matrix qx = x.copy(), qtx = x.copy(), qx2 = x.copy();
        q.applyLeft(qx, false);
        q.applyLeft(qtx, true);
        Householder.applyProduct(v, qx2, false);
        Asserts.assertAllClose(5, 1, golden("Qx").transpose()::get, qx::get, 0, GOLDEN_TOL, "Qx");
        Asserts.assertAllClose(5, 1, golden("Qx").transpose()::get, qx2::get, 0, GOLDEN_TOL, "applyProduct");
        Asserts.assertAllClose(5, 1, golden("QTx").transpose()::get, qtx::get, 0, GOLDEN_TOL, "QTx");
        assertEquals(GOLDEN.get("det_Q").asDouble(), q.determinant(), 0);
    }

    @Test
    void goldenCompactWY() {
        Matrix v = golden("V_columns_are_vectors");
        CompactWY wy = Householder.compactWY(v);
        Asserts.assertAllClose(5, 3, golden("compact_WY", "Y_unit_columns")::get, wy.v()::get, 0, GOLDEN_TOL, "Y");
        Asserts.assertAllClose(3, 3, golden("compact_WY", "T_upper")::get, wy.t()::get, 0, GOLDEN_TOL, "T");
        Asserts.assertAllClose(5, 5, golden("Q")::get, wy.toMatrix()::get, 0, GOLDEN_TOL, "I - Y T Y^T");
    }

    @Test
    void goldenGradientOfTheLinearLossOfQ() {
        Matrix v = golden("V_columns_are_vectors"), g = golden("gradient", "G");
        Matrix q = Householder.product(v);
        double loss = 0;
        for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) loss += g.get(i, j) * q.get(i, j);
        assertEquals(GOLDEN.get("gradient").get("L").asDouble(), loss, GOLDEN_TOL);
        // L = <G, Q I>: pass Y = Q (X = I)
        Matrix dP = new Matrix(5, 3);
        Matrix dX = Householder.backward(v, q, g, dP);
        Asserts.assertAllClose(5, 3, golden("gradient", "dL_dV")::get, dP::get, 0, GOLDEN_GRAD_TOL, "dL/dV");
        assertClose(naiveMult(q.transpose(), g), dX, 16 * 5 * EPS, "dL/dX = Q^T G");
        HouseholderProduct.Gradient viaInput = HouseholderProduct.reflections(v).backwardFromInput(Matrix.eye(5), g);
        Asserts.assertAllClose(5, 3, golden("gradient", "dL_dV")::get, viaInput.dP()::get, 0, GOLDEN_GRAD_TOL, "dL/dV from input");
    }

    @Test
    void goldenLowRankProjectorFromThinApplications() {
        JsonNode lr = GOLDEN.get("low_rank_projector");
        int r = lr.get("r").asInt();
        Matrix pu = golden("low_rank_projector", "PU"), pv = golden("low_rank_projector", "PV");
        Matrix qu = Matrix.eye(4, r), qvt = Matrix.eye(6, r);
        HouseholderProduct.reflections(pu).applyLeft(qu, false);      // Q_U[:, :r] = Q_U [I; 0]
        HouseholderProduct.reflections(pv).applyLeft(qvt, true);      // Q_V[:r, :]ᵀ = Q_Vᵀ [I; 0]
        Matrix w = naiveMult(qu, qvt.transpose());
        Asserts.assertAllClose(4, 6, golden("low_rank_projector", "W")::get, w::get, 0, GOLDEN_TOL, "W");
        Asserts.assertAllClose(r, 6, golden("low_rank_projector", "directions_rows_of_QV_first_r")::get,
                qvt.transpose()::get, 0, GOLDEN_TOL, "directions");
        // W Wᵀ W = W (singular values are exactly r ones)
        assertClose(w, naiveMult(naiveMult(w, w.transpose()), w), 32 * 6 * EPS, "W W^T W = W");
    }

    // ------------------------------------------------------------------ application

    @Test
    void blockedWYEqualsSequentialAndExplicitProductFromBothSides() {
        // Each path applies k factors, each with O(mε) relative rounding: bound 8(k+1)mε·‖X‖.
        int[] ms = {0, 1, 2, 3, 7, 13};
        for (int m : ms)
            for (int k : new int[] {0, 1, 2, m, m + 3})
                for (int nb : new int[] {1, 2, 3, HouseholderProduct.DEFAULT_BLOCK_SIZE}) {
                    if (m == 0 && k > 0) continue; // no non-zero vector in R^0
                    Matrix p = gaussian(m, k, rng());
                    double[] beta = betas(k, rng());
                    HouseholderProduct q = HouseholderProduct.generalized(p, beta, nb);
                    Matrix ref = naiveProduct(p, beta);
                    double tol = 8 * (k + 1) * Math.max(m, 1) * EPS;
                    String at = "m=" + m + " k=" + k + " nb=" + nb;
                    assertClose(ref, q.toMatrix(), tol, "toMatrix " + at);
                    assertClose(ref, q.compactWY().toMatrix(), tol, "single WY block " + at);
                    for (int n : new int[] {1, 5}) {
                        Matrix x = gaussian(m, n, rng());
                        for (boolean tr : new boolean[] {false, true}) {
                            Matrix op = tr ? ref.transpose() : ref;
                            Matrix wy = x.copy(), seq = x.copy();
                            q.applyLeft(wy, tr);
                            q.applySequential(seq, tr);
                            assertClose(naiveMult(op, x), wy, tol, "applyLeft tr=" + tr + " " + at);
                            assertClose(naiveMult(op, x), seq, tol, "applySequential tr=" + tr + " " + at);
                            Matrix y = gaussian(n, m, rng()), yr = y.copy();
                            q.applyRight(yr, tr);
                            assertClose(naiveMult(y, op), yr, tol, "applyRight tr=" + tr + " " + at);
                        }
                    }
                }
    }

    @Test
    void applicationWorksOnViews() {
        Matrix p = gaussian(6, 4, rng());
        HouseholderProduct q = HouseholderProduct.generalized(p, betas(4, rng()), 3);
        Matrix big = gaussian(9, 8, rng()), before = big.copy();
        Matrix view = big.view(2, 3, 6, 4), x0 = view.copy();
        q.applyLeft(view, false);
        assertClose(naiveMult(q.toMatrix(), x0), view, 64 * 6 * EPS, "view");
        for (int i = 0; i < 9; i++)
            for (int j = 0; j < 8; j++)
                if (i < 2 || j < 3 || j > 6) assertEquals(before.get(i, j), big.get(i, j), 0, "outside the view");
    }

    @Test
    void productsOfReflectionsAreOrthogonalWithDeterminantMinusOneToTheK() {
        // Each applied reflection adds O(ε) to ‖QᵀQ − I‖_F, so the bound is c·(m + k)·ε; over 50
        // seeds per shape (m ≤ 200, k ≤ 2m) the worst measured ratio was 2.4, so c = 6.
        for (int m : new int[] {1, 2, 3, 5, 16, 31, 97})
            for (int k : new int[] {1, m / 2 + 1, m, 2 * m}) {
                HouseholderProduct q = HouseholderProduct.reflections(gaussian(m, k, rng()));
                Matrix qm = q.toMatrix();
                Asserts.assertOrthogonal(m, m, qm::get, 6.0 * (m + k) / m);
                assertEquals(k % 2 == 0 ? 1.0 : -1.0, q.determinant(), 0);
                assertEquals(q.determinant(), org.ortho4j.core.decomp.LuDecomposition.det(qm), 64 * m * EPS, "det via QR, m=" + m + " k=" + k);
            }
    }

    @Test
    void generalizedProductsAreContractionsWithDeterminantProductOfOneMinusBeta() {
        for (int m : new int[] {1, 3, 8}) {
            int k = m + 1;
            double[] beta = betas(k, rng());
            HouseholderProduct q = HouseholderProduct.generalized(gaussian(m, k, rng()), beta);
            double det = 1;
            for (double b : beta) det *= 1 - b;
            assertEquals(det, q.determinant(), 4 * k * EPS);
            assertEquals(det, org.ortho4j.core.decomp.LuDecomposition.det(q.toMatrix()), 64 * m * k * EPS, "det via QR");
            for (int t = 0; t < 20; t++) {
                Matrix x = gaussian(m, 1, rng()), y = x.copy();
                q.applyLeft(y, false);
                assertTrue(y.normF() <= x.normF() * (1 + 8 * k * m * EPS), "||Q x|| <= ||x||");
            }
        }
    }

    @Test
    void productDependsOnlyOnTheDirectionsOfTheVectors() {
        Matrix p = gaussian(7, 5, rng());
        Matrix ref = HouseholderProduct.reflections(p).toMatrix();
        double[] scales = {-1, 3.5, -1e-150, 1e150, 2.0e-300};
        Matrix ps = p.copy();
        for (int j = 0; j < 5; j++) for (int i = 0; i < 7; i++) ps.set(i, j, ps.get(i, j) * scales[j]);
        assertClose(ref, HouseholderProduct.reflections(ps).toMatrix(), 64 * 7 * EPS, "scaled columns");
    }

    @Test
    void compactWYAndLapackFormTakeAnyTau() {
        // I − V T Vᵀ equals (I − τ₁v₁v₁ᵀ)⋯(I − τ_k v_k v_kᵀ) algebraically for any τ
        int m = 6, k = 4;
        Matrix v = gaussian(m, k, rng());
        double[] tau = {0.7, -0.2, 1.3, 0};
        Matrix ref = Matrix.eye(m);
        for (int i = 0; i < k; i++) {
            Matrix h = Matrix.eye(m);
            for (int a = 0; a < m; a++) for (int b = 0; b < m; b++) h.set(a, b, h.get(a, b) - tau[i] * v.get(a, i) * v.get(b, i));
            ref = naiveMult(ref, h);
        }
        CompactWY wy = CompactWY.of(v, tau);
        assertEquals(m, wy.dimension());
        assertEquals(k, wy.count());
        assertClose(ref, wy.toMatrix(), 64 * m * k * EPS, "CompactWY.of");
        HouseholderProduct lp = HouseholderProduct.fromLapack(v, tau);
        assertClose(ref, lp.toMatrix(), 64 * m * k * EPS, "fromLapack");
        Matrix x = gaussian(3, m, rng()), y = x.copy();
        wy.applyRight(y, true, new double[3 * k]);
        assertClose(naiveMult(x, ref.transpose()), y, 64 * m * k * EPS, "applyRight transposed with work");
        double det = 1;
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int a = 0; a < m; a++) s += v.get(a, i) * v.get(a, i);
            det *= 1 - tau[i] * s;
        }
        assertEquals(det, lp.determinant(), 1e-13 * Math.abs(det));
        Matrix any = Matrix.eye(m);
        assertThrows(IllegalStateException.class, () -> lp.backward(any, any));
    }

    @Test
    void transpositionsComposeToThePermutationMatrix() {
        // sequence.md §3.2: the transposition (i j) is I − 2kkᵀ with k = (e_i − e_j)/√2, and the
        // cycle (a₁ … a_r) = (a₁ a_r)(a₁ a_{r−1})⋯(a₁ a₂); so the 5-cycle 0→1→2→3→4→0 is a product
        // of 4 reflections (the Cartan–Dieudonné minimum, rank(P − I) = 4), exact to O(ε).
        int n = 5;
        Matrix p = new Matrix(n, 4);
        for (int c = 0; c < 4; c++) {   // factor c is the transposition (0, 4 − c)
            p.set(0, c, 1).set(4 - c, c, -1);
        }
        Matrix q = HouseholderProduct.reflections(p).toMatrix();
        Matrix perm = new Matrix(n, n);
        for (int i = 0; i < n; i++) perm.set((i + 1) % n, i, 1);   // e_i ↦ e_{i+1}
        assertClose(perm, q, 8 * n * EPS, "5-cycle");
        assertEquals(1, HouseholderProduct.reflections(p).determinant(), 0, "even number of reflections");
    }

    @Test
    void emptyAndTrivialProducts() {
        HouseholderProduct none = HouseholderProduct.reflections(new Matrix(4, 0));
        assertEquals(0, none.count());
        assertEquals(Matrix.eye(4), none.toMatrix());
        assertEquals(1, none.determinant());
        Matrix x = gaussian(4, 2, rng()), x0 = x.copy();
        none.applyLeft(x, true);
        none.applyRight(x.transpose(), false);
        assertEquals(x0, x);
        HouseholderProduct.Gradient g = none.backward(x, x0);
        assertEquals(x0, g.dX());
        assertEquals(0, g.dP().cols);
        HouseholderProduct zero = HouseholderProduct.reflections(new Matrix(0, 0));
        assertEquals(0, zero.toMatrix().rows);
        // β = 0 everywhere is the identity whatever the vectors
        HouseholderProduct id = HouseholderProduct.generalized(gaussian(3, 5, rng()), new double[5]);
        assertEquals(Matrix.eye(3), id.toMatrix());
    }

    // ------------------------------------------------------------------ gradients

    /** L(P, β) = ⟨Ḡ, Q(P, β) X⟩. */
    private static double loss(Matrix p, double[] beta, Matrix x, Matrix gBar) {
        Matrix y = x.copy();
        HouseholderProduct.generalized(p, beta).applySequential(y, false);
        double s = 0;
        for (int i = 0; i < y.rows; i++) for (int j = 0; j < y.cols; j++) s += gBar.get(i, j) * y.get(i, j);
        return s;
    }

    @Test
    void gradientsMatchCentralFiniteDifferences() {
        // Central differences with h = 1e-6: truncation h²|L'''|/6 ≈ 1e-12·O(‖Ḡ‖‖X‖) and rounding
        // ε|L|/h ≈ 2e-10·O(|L|); with entries O(1) and these sizes both are far below the asserted
        // normwise relative error 1e-6 (the spec's criterion).
        double h = 1e-6;
        int[][] shapes = {{1, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 4, 3}, {4, 6, 2}};
        for (int[] sh : shapes) {
            int m = sh[0], k = sh[1], n = sh[2];
            Matrix p = gaussian(m, k, rng()), x = gaussian(m, n, rng()), gBar = gaussian(m, n, rng());
            double[] beta = betas(k, rng());
            HouseholderProduct q = HouseholderProduct.generalized(p, beta);
            HouseholderProduct.Gradient g = q.backwardFromInput(x, gBar);
            // the blocked recursion must not depend on the block size (1 = the plain per-factor loop)
            for (int nb : new int[] {1, 2, 3}) {
                HouseholderProduct.Gradient gb = HouseholderProduct.generalized(p, beta, nb).backwardFromInput(x, gBar);
                double tol = 64 * (k + 1) * m * EPS;
                assertClose(g.dP(), gb.dP(), tol, "dP, block size " + nb);
                assertClose(g.dX(), gb.dX(), tol, "dX, block size " + nb);
                Asserts.assertAllClose(g.dBeta(), gb.dBeta(), tol, tol, "dBeta, block size " + nb);
            }
            Matrix fdP = new Matrix(m, k);
            double[] fdBeta = new double[k];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < k; j++) {
                    Matrix pp = p.copy().set(i, j, p.get(i, j) + h), pm = p.copy().set(i, j, p.get(i, j) - h);
                    fdP.set(i, j, (loss(pp, beta, x, gBar) - loss(pm, beta, x, gBar)) / (2 * h));
                }
            for (int j = 0; j < k; j++) {
                double[] bp = beta.clone(), bm = beta.clone();
                // one-sided at the ends of [0, 2], where the other side is outside the domain
                double hp = beta[j] + h <= 2 ? h : 0, hm = beta[j] - h >= 0 ? h : 0;
                bp[j] += hp;
                bm[j] -= hm;
                fdBeta[j] = (loss(p, bp, x, gBar) - loss(p, bm, x, gBar)) / (hp + hm);
            }
            String at = m + "x" + k + " n=" + n;
            Asserts.assertRelativeError(m, k, fdP::get, g.dP()::get, 1e-6, "dP " + at);
            // L is linear in each β_j (β_j enters only through H_j), so even one-sided FD is exact to rounding
            Asserts.assertAllClose(fdBeta, g.dBeta(), 1e-6, 1e-8, "dBeta " + at);
            Matrix q0 = q.toMatrix();
            assertClose(naiveMult(q0.transpose(), gBar), g.dX(), 16 * (k + 1) * m * EPS, "dX " + at);
            // H depends on the direction of p only: pᵀ ∂L/∂p = 0
            for (int j = 0; j < k; j++) {
                double dot = 0, np = 0, nd = 0;
                for (int i = 0; i < m; i++) {
                    dot += p.get(i, j) * g.dP().get(i, j);
                    np += p.get(i, j) * p.get(i, j);
                    nd += g.dP().get(i, j) * g.dP().get(i, j);
                }
                assertEquals(0, dot, 64 * m * EPS * Math.sqrt(np * nd) + 1e-300, "p^T dp " + at);
            }
        }
    }

    @Test
    void involutionBackwardFromTheOutputEqualsTheStoredIntermediatesVersion() {
        for (int[] sh : new int[][] {{1, 1, 1, 64}, {3, 5, 2, 2}, {8, 8, 3, 3}, {13, 4, 7, 64}, {9, 20, 4, 6}, {5, 3, 0, 2}}) {
            int m = sh[0], k = sh[1], n = sh[2];
            Matrix p = gaussian(m, k, rng()), x = gaussian(m, n, rng()), gBar = gaussian(m, n, rng());
            double[] beta = twos(k);
            if (k > 2) beta[1] = 0;  // β = 0 is an involution too (the identity)
            HouseholderProduct q = HouseholderProduct.generalized(p, beta, sh[3]);
            Matrix y = x.copy();
            q.applyLeft(y, false);
            HouseholderProduct.Gradient fromY = q.backward(y, gBar), fromX = q.backwardFromInput(x, gBar);
            // recomputed intermediates drift by O(kε) from the stored ones
            double tol = 64 * k * m * EPS;
            assertClose(fromX.dP(), fromY.dP(), tol, "dP");
            assertClose(fromX.dX(), fromY.dX(), tol, "dX");
            Asserts.assertAllClose(fromX.dBeta(), fromY.dBeta(), tol, tol, "dBeta");
        }
    }

    @Test
    void badInputIsRejectedNamingTheParameter() {
        Matrix p = gaussian(4, 3, rng());
        Matrix nan = p.copy().set(2, 1, Double.NaN), zeroCol = p.copy().set(0, 2, 0).set(1, 2, 0).set(2, 2, 0).set(3, 2, 0);
        assertMessage("p(2, 1) = NaN", () -> HouseholderProduct.reflections(nan));
        assertMessage("p column 2 is zero", () -> HouseholderProduct.reflections(zeroCol));
        assertMessage("p is null", () -> HouseholderProduct.reflections(null));
        assertMessage("beta.length", () -> HouseholderProduct.generalized(p, new double[] {1, 1}));
        assertMessage("beta[1] = 2.5", () -> HouseholderProduct.generalized(p, new double[] {1, 2.5, 1}));
        assertMessage("beta[0] = -1", () -> HouseholderProduct.generalized(p, new double[] {-1, 1, 1}));
        assertMessage("beta[2] = NaN", () -> HouseholderProduct.generalized(p, new double[] {1, 1, Double.NaN}));
        HouseholderProduct q = HouseholderProduct.reflections(p);
        assertMessage("x.rows", () -> q.applyLeft(new Matrix(5, 2), false));
        assertMessage("x.cols", () -> q.applyRight(new Matrix(4, 3), false));
        assertMessage("x.rows", () -> q.applySequential(new Matrix(3, 3), true));
        assertMessage("gradY.cols", () -> q.backward(new Matrix(4, 2), new Matrix(4, 3)));
        assertMessage("y.rows", () -> q.backward(new Matrix(3, 2), new Matrix(3, 2)));
        assertMessage("gradY is null", () -> q.backwardFromInput(new Matrix(4, 2), null));
        assertMessage("gradPOut is 4x2", () -> Householder.backward(p, new Matrix(4, 2), new Matrix(4, 2), new Matrix(4, 2)));
        assertMessage("tau.length", () -> CompactWY.of(p, new double[2]));
        assertMessage("tau holds NaN", () -> HouseholderProduct.fromLapack(p, new double[] {1, Double.NaN, 1}));
        assertMessage("work.length", () -> q.compactWY().applyLeft(new Matrix(4, 2), false, new double[5]));
        HouseholderProduct general = HouseholderProduct.generalized(p, new double[] {2, 0.5, 2});
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> general.backward(new Matrix(4, 1), new Matrix(4, 1)));
        assertTrue(e.getMessage().contains("beta[1] = 0.5"), e.getMessage());
    }
}
