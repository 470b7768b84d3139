package org.ortho4j.core.orthogonal;

import java.util.random.RandomGenerator;
import org.ortho4j.core.Check;
import org.ortho4j.core.decomp.QrDecomposition;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.random.Rng;

/**
 * Haar-distributed random orthogonal matrices and orthonormal frames (Mezzadri, "How to generate
 * random matrices from the classical compact groups", Notices AMS 54, 2007).
 *
 * <p>Algorithm: fill G ({@code n x k}) row-major with i.i.d. N(0, 1), factor {@code G = Q R} by
 * Householder QR (LAPACK, {@code org.ortho4j.core.decomp.QrDecomposition}), and return {@code Q · diag(sign R_jj)}, i.e. the unique Q of the QR
 * factorization with a positive diagonal in R. Without that sign correction the distribution is not
 * Haar (the signs chosen by the Householder vectors correlate with G); with it, for any fixed
 * orthogonal U the law of {@code U G} equals that of G and the positive-diagonal QR is
 * equivariant, so the law of Q is invariant under left multiplication: Haar on O(n)
 * ({@code k = n}) or uniform on the Stiefel manifold of orthonormal n-frames ({@code k < n}).
 *
 * <p>Gaussians (the cross-language recipe of {@code structures.md}, golden values in
 * {@code mbat.json → deterministic_key_matrices}): Box–Muller <em>pairs</em> from the generator's
 * uniforms, {@code u₁ = 1 − nextDouble()}, {@code u₂ = nextDouble()},
 * {@code r = √(−2 ln u₁)}, emitting {@code r cos 2πu₂} then {@code r sin 2πu₂} (the last sine is
 * dropped when {@code nk} is odd). With a seed the generator is {@link Rng#of(long)} (SplitMix64),
 * so {@code orthogonal(n, Rng.fnv1a64(name))} reproduces the golden key matrices. Note that this
 * differs from {@link org.ortho4j.core.random.SplitMix64#nextGaussian()}, which uses one value per
 * pair.
 *
 * <p>Cost: {@code O(n k²)} flops (QR plus forming the thin Q, both blocked on GEMM). Result
 * orthogonal to {@code O(nε)}.
 */
public final class Haar {
    private Haar() {}

    /**
     * A Haar-random {@code n x n} orthogonal matrix from a seed (SplitMix64). Same seed, same
     * matrix on every platform. O(n³), allocates it.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public static Matrix orthogonal(int n, long seed) { return stiefel(n, n, Rng.of(seed)); }

    /**
     * A Haar-random {@code n x n} orthogonal matrix drawing {@code n²} (rounded up to even)
     * uniforms from {@code rng}. O(n³).
     *
     * @throws IllegalArgumentException if {@code n < 0} or rng is null
     */
    public static Matrix orthogonal(int n, RandomGenerator rng) { return stiefel(n, n, rng); }

    /**
     * A uniformly random {@code n x k} matrix with orthonormal columns ({@code QᵀQ = I_k},
     * {@code k ≤ n}) from a seed: the thin sign-corrected Q of an {@code n x k} Gaussian matrix.
     * It is <em>not</em> the first k columns of {@code orthogonal(n, seed)} (G has another shape).
     * O(nk²).
     *
     * @throws IllegalArgumentException unless {@code 0 ≤ k ≤ n}
     */
    public static Matrix stiefel(int n, int k, long seed) { return stiefel(n, k, Rng.of(seed)); }

    /**
     * {@link #stiefel(int, int, long)} drawing from {@code rng}. O(nk²).
     *
     * @throws IllegalArgumentException unless {@code 0 ≤ k ≤ n}, or if rng is null
     */
    public static Matrix stiefel(int n, int k, RandomGenerator rng) {
        Check.nonNegative("n", n);
        Check.inRange("k", k, 0, n);
        Check.notNull("rng", rng);
        Matrix g = gaussian(n, k, rng);
        QrDecomposition qr = QrDecomposition.of(g);
        Matrix q = qr.getQ(), r = qr.getR();
        for (int j = 0; j < k; j++)
            if (r.get(j, j) < 0)                       // Q diag(sign(R_jj)): the unique Q with R_jj > 0
                for (int i = 0; i < n; i++) q.data[i * k + j] = -q.data[i * k + j];
        return q;
    }

    /** {@code rows x cols} row-major standard normals by Box–Muller pairs (see the class comment). */
    static Matrix gaussian(int rows, int cols, RandomGenerator rng) {
        Matrix g = new Matrix(rows, cols);
        double[] d = g.data;
        for (int i = 0; i < d.length; i += 2) {
            double u1 = 1.0 - rng.nextDouble(), u2 = rng.nextDouble();
            double r = Math.sqrt(-2.0 * Math.log(u1)), angle = 2.0 * Math.PI * u2;
            d[i] = r * Math.cos(angle);
            if (i + 1 < d.length) d[i + 1] = r * Math.sin(angle);
        }
        return g;
    }
}
