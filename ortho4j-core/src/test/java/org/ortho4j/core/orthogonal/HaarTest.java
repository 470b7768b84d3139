package org.ortho4j.core.orthogonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.core.orthogonal.HouseholderTest.assertMessage;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.random.Rng;
import org.ortho4j.core.random.SplitMix64;
import org.ortho4j.testkit.Asserts;
import org.ortho4j.testkit.Golden;
import org.ortho4j.testkit.Ortho4jTest;

/** Haar-random orthogonal matrices and Stiefel frames: golden recipe, orthogonality, distribution. */
class HaarTest extends Ortho4jTest {
    private static final JsonNode KEYS = Golden.json("golden/structures/mbat.json").get("deterministic_key_matrices");

    @Test
    void goldenGaussiansAndKeyMatrixFromAStringSeed() {
        JsonNode h = KEYS.get("haar_D4_seed_fnv1a64_name");
        long seed = Rng.fnv1a64("name");
        assertEquals(Long.parseUnsignedLong(KEYS.get("fnv1a64").get("name").asText()), seed);
        // Box–Muller pairs: the first six Gaussians of seed 42, and the 4x4 G of the key matrix
        Asserts.assertAllClose(Golden.vector(KEYS.get("splitmix64_seed42_first6_gaussians")),
                Haar.gaussian(1, 6, Rng.of(42)).data, 0, 1e-15, "seed 42 gaussians");
        Asserts.assertAllClose(4, 4, Entries(Golden.matrix(h.get("G_rowmajor"))), Haar.gaussian(4, 4, Rng.of(seed))::get,
                0, 1e-15, "G");
        // Q from numpy's LAPACK QR with positive diag(R); ours is another Householder QR: agree to O(nε)
        Matrix q = Haar.orthogonal(4, seed);
        Asserts.assertAllClose(4, 4, Entries(Golden.matrix(h.get("Q"))), q::get, 0, 1e-14, "Q");
    }

    private static org.ortho4j.testkit.Entries Entries(double[][] a) { return org.ortho4j.testkit.Entries.of(a); }

    @Test
    void orthogonalAndStiefelFramesAreOrthonormalForManyShapes() {
        // QR-based: ‖QᵀQ − I‖_F = O(nε); over 30 seeds per n ≤ 150 the worst measured c was 2.3
        for (int n : new int[] {0, 1, 2, 3, 5, 16, 33, 67}) {
            Matrix q = Haar.orthogonal(n, seed + n);
            assertEquals(n, q.rows);
            assertEquals(n, q.cols);
            Asserts.assertOrthogonal(n, n, q::get, 6);
            for (int k : new int[] {0, Math.min(1, n), n / 2, n}) {
                Matrix f = Haar.stiefel(n, k, seed + 31L * n + k);
                assertEquals(n, f.rows);
                assertEquals(k, f.cols);
                Asserts.assertOrthogonal(n, k, f::get, 6);
            }
        }
    }

    @Test
    void sameSeedSameMatrixOtherSeedOtherMatrix() {
        Matrix a = Haar.orthogonal(7, 123), b = Haar.orthogonal(7, 123), c = Haar.orthogonal(7, 124);
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(a, Haar.orthogonal(7, new SplitMix64(123)));
        assertEquals(Haar.stiefel(9, 4, 5), Haar.stiefel(9, 4, Rng.of(5)));
        // the frame is the sign-fixed Q of the 9x4 Gaussian: R = QᵀG has a positive diagonal
        Matrix g = Haar.gaussian(9, 4, Rng.of(5)), f = Haar.stiefel(9, 4, 5);
        Matrix r = f.transposeMult(g);
        for (int j = 0; j < 4; j++) assertTrue(r.get(j, j) > 0, "R(" + j + "," + j + ") > 0");
    }

    @Test
    void momentsMatchTheHaarMeasure() {
        // For Haar Q on O(n), n ≥ 2: E[tr Q] = 0, Var[tr Q] = 1; E[Q₁₁] = 0; E[Q₁₁²] = 1/n with
        // Var[Q₁₁²] = 3/(n(n+2)) − 1/n² (Q₁₁ is a coordinate of a uniform unit vector). With N
        // samples each sample mean is within 6 standard errors except with probability ~2e-9.
        // Without the sign correction E[Q₁₁] = −E|g₁₁|/‖g₁‖ ≈ −0.46 (n = 3): far outside.
        int samples = 4000;
        for (int n : new int[] {2, 3, 6}) {
            double tr = 0, q11 = 0, q11sq = 0;
            for (int s = 0; s < samples; s++) {
                Matrix q = Haar.orthogonal(n, seed * 7919 + 1000003L * n + s);
                tr += q.trace();
                q11 += q.get(0, 0);
                q11sq += q.get(0, 0) * q.get(0, 0);
            }
            tr /= samples;
            q11 /= samples;
            q11sq /= samples;
            double se = 1 / Math.sqrt(samples);
            double seSq = Math.sqrt(3.0 / (n * (n + 2)) - 1.0 / (n * n)) * se;
            assertEquals(0, tr, 6 * se, "mean trace, n=" + n);
            assertEquals(0, q11, 6 * se / Math.sqrt(n), "mean Q11, n=" + n);     // Var Q11 = 1/n
            assertEquals(1.0 / n, q11sq, 6 * seSq, "mean Q11^2, n=" + n);
        }
    }

    @Test
    void badInputIsRejectedNamingTheParameter() {
        assertMessage("n = -1", () -> Haar.orthogonal(-1, 1));
        assertMessage("k = 4", () -> Haar.stiefel(3, 4, 1));
        assertMessage("k = -1", () -> Haar.stiefel(3, -1, 1));
        assertMessage("rng is null", () -> Haar.orthogonal(3, null));
    }
}
