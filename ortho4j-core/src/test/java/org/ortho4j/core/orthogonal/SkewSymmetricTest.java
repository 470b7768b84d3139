package org.ortho4j.core.orthogonal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ortho4j.core.orthogonal.HouseholderTest.assertMessage;
import static org.ortho4j.core.orthogonal.OrthoTesting.assertClose;
import static org.ortho4j.core.orthogonal.OrthoTesting.gaussian;
import static org.ortho4j.core.orthogonal.OrthoTesting.naiveMult;

import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Asserts;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Ortho4jTest;

/** Cayley transform and exponential of skew-symmetric matrices, checked by eigen-free identities. */
class SkewSymmetricTest extends Ortho4jTest {
    private static final double EPS = Eps.DOUBLE;
    private static final int[] SIZES = {0, 1, 2, 3, 5, 8, 13, 40};

    /** B − Bᵀ scaled to ‖·‖_F ≈ norm: exactly skew. */
    private Matrix skew(int n, double norm) {
        Matrix b = gaussian(n, n, rng());
        Matrix a = b.minus(b.transpose());
        double f = a.normF();
        return f == 0 ? a : a.times(norm / f);
    }

    /** The rotation generator θ J in the (i, k) plane of an n x n matrix. */
    private static Matrix planeGenerator(int n, int i, int k, double theta) {
        return new Matrix(n, n).set(i, k, -theta).set(k, i, theta);
    }

    @Test
    void cayleyIsOrthogonalAndSolvesItsDefiningEquation() {
        // the QR solve is backward stable and I + A has condition √(1 + ‖A‖²)·1, so the result is
        // orthogonal and the residual (I + A)Q − (I − A) small, both O(nε(1 + ‖A‖)).
        for (int n : SIZES)
            for (double norm : new double[] {0.1, 1, 10}) {
                Matrix a = skew(n, norm);
                Matrix q = SkewSymmetric.cayley(a);
                Asserts.assertOrthogonal(n, n, q::get, 4 * (1 + norm));
                Matrix lhs = naiveMult(Matrix.eye(n).plus(a), q), rhs = Matrix.eye(n).minus(a);
                assertClose(rhs, lhs, 8 * n * EPS * (1 + norm) * (1 + norm), "(I + A) Q = I - A, n=" + n);
                // the inverse map: A = (I + Q)⁻¹(I − Q) (Q has no eigenvalue −1)
                Matrix back = org.ortho4j.core.decomp.Solvers.solve(Matrix.eye(n).plus(q), Matrix.eye(n).minus(q));
                assertClose(a, back, 64 * n * EPS * (1 + norm) * (1 + norm), "Cayley is an involution, n=" + n);
            }
    }

    @Test
    void cayleyOfARotationGenerator() {
        // (I − A)(I + A)⁻¹ for A = t J in 2D is the rotation by angle −2 atan t
        double t = 0.7;
        Matrix q = SkewSymmetric.cayley(planeGenerator(2, 0, 1, t));
        double phi = -2 * Math.atan(t);
        Matrix ref = Matrix.of(new double[][] {{Math.cos(phi), -Math.sin(phi)}, {Math.sin(phi), Math.cos(phi)}});
        assertClose(ref, q, 8 * EPS, "2x2 Cayley");
    }

    @Test
    void expOfZeroIsIdentityAndExpTimesExpOfMinusIsIdentity() {
        for (int n : SIZES) {
            assertEquals(Matrix.eye(n), SkewSymmetric.exp(new Matrix(n, n)));
            for (double norm : new double[] {0.01, 1, 5, 30}) {
                Matrix a = skew(n, norm);
                Matrix e = SkewSymmetric.exp(a), em = SkewSymmetric.exp(a.times(-1));
                // each squaring doubles the error: c n ε 2^s, s = squarings (0 below ‖A‖₁ = 5.37)
                double growth = Math.max(1, 2 * norm / SkewSymmetric.THETA_13);
                Asserts.assertOrthogonal(n, n, e::get, 4 * growth);
                assertClose(Matrix.eye(n), naiveMult(e, em), 8 * n * EPS * growth, "exp(A) exp(-A) = I, n=" + n);
                // exp(-A) = exp(A)ᵀ for skew A
                assertClose(e.transpose(), em, 8 * n * EPS * growth, "exp(-A) = exp(A)^T, n=" + n);
                // exp(A/2)² = exp(A)
                Matrix half = SkewSymmetric.exp(a.times(0.5));
                assertClose(e, naiveMult(half, half), 8 * n * EPS * growth, "exp(A/2)^2 = exp(A), n=" + n);
            }
        }
    }

    @Test
    void expOfAPlaneRotationGeneratorIsTheRotation() {
        // includes angles needing several squarings (θ = 50 ⇒ s = 4)
        for (double theta : new double[] {1e-9, 0.3, 1, Math.PI, 7, 50}) {
            Matrix e = SkewSymmetric.exp(planeGenerator(2, 0, 1, theta));
            Matrix ref = Matrix.of(new double[][] {{Math.cos(theta), -Math.sin(theta)}, {Math.sin(theta), Math.cos(theta)}});
            double growth = Math.max(1, 2 * theta / SkewSymmetric.THETA_13);
            assertClose(ref, e, 8 * EPS * growth, "2x2 rotation, theta=" + theta);
        }
    }

    @Test
    void expInThreeDimensionsIsRodrigues() {
        // exp(K) = I + (sin θ/θ) K + ((1 − cos θ)/θ²) K², K the cross-product matrix of ω, θ = ‖ω‖
        for (int t = 0; t < 20; t++) {
            double[] w = {rng().nextGaussian(), rng().nextGaussian(), rng().nextGaussian()};
            double scale = t < 10 ? 1 : 4;
            for (int i = 0; i < 3; i++) w[i] *= scale;
            Matrix k = Matrix.of(new double[][] {{0, -w[2], w[1]}, {w[2], 0, -w[0]}, {-w[1], w[0], 0}});
            double th = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
            Matrix ref = Matrix.eye(3).plus(k.times(Math.sin(th) / th)).plus(naiveMult(k, k).times((1 - Math.cos(th)) / (th * th)));
            double growth = Math.max(1, 2 * 2 * th / SkewSymmetric.THETA_13); // ‖K‖₁ ≤ 2θ
            assertClose(ref, SkewSymmetric.exp(k), 32 * EPS * growth * (1 + th), "Rodrigues, theta=" + th);
        }
    }

    @Test
    void expOfABlockDiagonalGeneratorConjugatedByAnOrthogonalMatrix() {
        // A = U (⊕ θ_i J) Uᵀ ⇒ exp(A) = U (⊕ R(θ_i)) Uᵀ: an eigen-free reference in any dimension
        for (int n : new int[] {4, 7, 12}) {
            Matrix u = Haar.orthogonal(n, seed);
            Matrix d = new Matrix(n, n), r = Matrix.eye(n);
            for (int i = 0; i + 1 < n; i += 2) {
                double th = 3 * rng().nextGaussian();
                d.set(i, i + 1, -th).set(i + 1, i, th);
                r.set(i, i, Math.cos(th)).set(i + 1, i + 1, Math.cos(th)).set(i, i + 1, -Math.sin(th)).set(i + 1, i, Math.sin(th));
            }
            Matrix a = SkewSymmetric.skewPart(naiveMult(naiveMult(u, d), u.transpose()));
            Matrix ref = naiveMult(naiveMult(u, r), u.transpose());
            double norm1 = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) s += Math.abs(a.get(i, j));
                norm1 = Math.max(norm1, s);
            }
            double growth = Math.max(1, 2 * norm1 / SkewSymmetric.THETA_13);
            assertClose(ref, SkewSymmetric.exp(a), 16 * n * EPS * growth * (1 + norm1), "conjugated blocks, n=" + n);
        }
    }

    @Test
    void padeCoefficientsAreTheKnownOnes() {
        // c_j = (2m−j)! m! / ((2m)! j! (m−j)!); for m = 3: 1, 1/2, 1/10, 1/120
        assertArrayEquals(new double[] {1, 0.5, 0.1, 1.0 / 120}, SkewSymmetric.padeCoefficients(3), 1e-17);
        double[] c = SkewSymmetric.padeCoefficients(13);
        // Higham (2005) lists b_j = c_j · 64764752532480000: b_12 = 182, b_13 = 1
        assertEquals(182, c[12] * 64764752532480000.0, 182 * 1e-14);
        assertEquals(1, c[13] * 64764752532480000.0, 1e-14);
        assertEquals(32382376266240000.0, c[1] * 64764752532480000.0, 32382376266240000.0 * 1e-15);
    }

    @Test
    void nearlySkewInputIsAcceptedAndProjectedOthersRejected() {
        Matrix a = skew(5, 2);
        Matrix noisy = a.copy().set(1, 3, a.get(1, 3) * (1 + 1e-13));       // within 1e-10 relative
        Asserts.assertOrthogonal(5, 5, SkewSymmetric.exp(noisy)::get, 4);
        assertClose(SkewSymmetric.skewPart(noisy), SkewSymmetric.skewPart(noisy).transpose().times(-1), 0, "skew part");
        Matrix bad = a.copy().set(1, 3, a.get(1, 3) + 1e-6);
        assertMessage("a is not skew-symmetric: |a(1, 3) + a(3, 1)|", () -> SkewSymmetric.exp(bad));
        assertMessage("a is not skew-symmetric", () -> SkewSymmetric.cayley(Matrix.eye(3)));
        assertMessage("a is 2x3, expected a square matrix", () -> SkewSymmetric.cayley(new Matrix(2, 3)));
        assertMessage("a(0, 1) = NaN", () -> SkewSymmetric.exp(new Matrix(2, 2).set(0, 1, Double.NaN)));
        assertMessage("a is null", () -> SkewSymmetric.exp(null));
    }
}
