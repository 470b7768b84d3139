package org.ortho4j.core.orthogonal;

import org.ortho4j.core.Check;
import org.ortho4j.core.decomp.Solvers;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;

/**
 * Maps from skew-symmetric matrices ({@code Aᵀ = −A}, the Lie algebra so(n)) to orthogonal ones:
 * the Cayley transform and the matrix exponential. Both results lie in SO(n).
 *
 * <p><b>Input check.</b> A must be square, finite and skew to a relative tolerance:
 * {@code max_ij |a_ij + a_ji| ≤ }{@value #SKEW_TOLERANCE}{@code · max_ij |a_ij|} (exactly skew
 * inputs such as {@code B − Bᵀ} pass with zero residual; a matrix that is skew only up to rounding
 * of a few operations passes too, a generic matrix does not). The computation then uses the exact
 * skew part {@code (A − Aᵀ)/2}, so a rounding-level asymmetry cannot spoil orthogonality.
 *
 * <p>Both maps solve with LAPACK's partial-pivoting LU ({@code org.ortho4j.core.decomp.Solvers};
 * {@code (I + A)} has singular values {@code √(1 + σ²)} ≥ 1 for skew A, so the solve is well
 * conditioned) rather than forming an inverse.
 */
public final class SkewSymmetric {
    private SkewSymmetric() {}

    /** Relative tolerance of the skew-symmetry check (see the class comment). */
    public static final double SKEW_TOLERANCE = 1e-10;

    /** Higham (2005) bound θ₁₃ on ‖A‖₁ for the degree-13 Padé approximant to be accurate to ε. */
    static final double THETA_13 = 5.371920351148152;

    /** Numerator coefficients c_j of the [13/13] Padé approximant to exp, c₀ = 1. */
    private static final double[] PADE_13 = padeCoefficients(13);

    /**
     * The skew part {@code (A − Aᵀ)/2} of a square matrix. O(n²), allocates the result.
     *
     * @throws IllegalArgumentException if A is null or not square
     */
    public static Matrix skewPart(Matrix a) {
        Check.notNull("a", a);
        requireSquare("a", a);
        int n = a.rows;
        Matrix s = new Matrix(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) s.data[i * n + j] = 0.5 * (a.get(i, j) - a.get(j, i));
        return s;
    }

    /**
     * Cayley transform {@code Q = (I − A)(I + A)⁻¹} of a skew-symmetric A: an orthogonal matrix
     * without eigenvalue −1 ({@code det Q = 1}); the map is its own inverse on such matrices
     * ({@code A = (I − Q)(I + Q)⁻¹}). Since {@code I − A} and {@code (I + A)⁻¹} commute, Q solves
     * {@code (I + A) Q = I − A}, done by LU of {@code I + A} (well conditioned, see the class
     * comment). O(n³) (about {@code 8n³/3} flops), allocates {@code O(n²)}. Result
     * orthogonal to {@code O(nε)}.
     *
     * @throws IllegalArgumentException if A is null, not square, not finite or not skew-symmetric
     */
    public static Matrix cayley(Matrix a) {
        Matrix s = requireSkew("a", a);
        int n = s.rows;
        Matrix plus = Matrix.eye(n), minus = Matrix.eye(n);
        MatrixOps.add(plus, s, plus);
        MatrixOps.subtract(minus, s, minus);
        return Solvers.solve(plus, minus);
    }

    /**
     * Matrix exponential {@code exp(A)} of a skew-symmetric A, an element of SO(n), by scaling and
     * squaring with the [13/13] Padé approximant (Higham, "The scaling and squaring method for the
     * matrix exponential revisited", SIMAX 26, 2005): {@code s = max(0, ⌈log₂(‖A‖₁/θ₁₃)⌉)},
     * {@code r(B) = q(B)⁻¹ p(B)} for {@code B = A/2^s}, then s squarings.
     *
     * <p>For skew B the denominator is {@code q(B) = p(−B) = p(B)ᵀ}, so {@code r(B) = p(B)⁻ᵀ p(B)} is
     * exactly orthogonal in exact arithmetic (the polynomials commute) and the Padé step adds only
     * rounding. Each squaring roughly doubles the orthogonality error, which is therefore about
     * {@code c n ε 2^s}; s is 0 for {@code ‖A‖₁ ≤ 5.37} and grows like {@code log₂ ‖A‖₁}.
     * Cost: 6 GEMMs for the polynomials, one LU solve, s GEMMs; allocates {@code O(n²)}.
     *
     * @throws IllegalArgumentException if A is null, not square, not finite or not skew-symmetric
     */
    public static Matrix exp(Matrix a) {
        Matrix b = requireSkew("a", a);
        int n = b.rows;
        if (n == 0) return new Matrix(0, 0);
        double norm1 = 0; // ‖B‖₁ = max column sum = max row sum for skew B
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) sum += Math.abs(b.data[i * n + j]);
            norm1 = Math.max(norm1, sum);
        }
        int squarings = norm1 <= THETA_13 ? 0 : (int) Math.ceil(Math.log(norm1 / THETA_13) / Math.log(2));
        if (squarings > 0) MatrixOps.scale(Math.scalb(1.0, -squarings), b, b);
        Matrix[] uv = padeParts(b);
        Matrix p = MatrixOps.add(uv[1], uv[0], null), q = MatrixOps.subtract(uv[1], uv[0], null);
        Matrix r = Solvers.solve(q, p), tmp = new Matrix(n, n);
        for (int s = 0; s < squarings; s++) {
            MatrixOps.mult(r, r, tmp);
            Matrix t = r;
            r = tmp;
            tmp = t;
        }
        return r;
    }

    /**
     * The odd part U and even part V of the degree-13 Padé numerator {@code p(B) = V + U}, with the
     * grouping of Higham (2005) that needs six matrix products: with {@code B₂ = B²},
     * {@code B₄ = B₂²}, {@code B₆ = B₂B₄},
     * {@code U = B[B₆(c₁₃B₆ + c₁₁B₄ + c₉B₂) + c₇B₆ + c₅B₄ + c₃B₂ + c₁I]},
     * {@code V = B₆(c₁₂B₆ + c₁₀B₄ + c₈B₂) + c₆B₆ + c₄B₄ + c₂B₂ + c₀I}.
     */
    private static Matrix[] padeParts(Matrix b) {
        double[] c = PADE_13;
        Matrix b2 = MatrixOps.mult(b, b, null), b4 = MatrixOps.mult(b2, b2, null), b6 = MatrixOps.mult(b2, b4, null);
        Matrix[] powers = {b2, b4, b6};
        Matrix innerU = combine(powers, c[9], c[11], c[13], 0);
        Matrix innerV = combine(powers, c[8], c[10], c[12], 0);
        Matrix u = combine(powers, c[3], c[5], c[7], c[1]);
        Matrix v = combine(powers, c[2], c[4], c[6], c[0]);
        MatrixOps.gemm(1, b6, false, innerU, false, 1, u);
        MatrixOps.gemm(1, b6, false, innerV, false, 1, v);
        Matrix bu = MatrixOps.mult(b, u, null);
        return new Matrix[] {bu, v};
    }

    /** {@code x₂B₂ + x₄B₄ + x₆B₆ + x₀I} as a new matrix. */
    private static Matrix combine(Matrix[] powers, double x2, double x4, double x6, double x0) {
        int n = powers[0].rows;
        Matrix out = new Matrix(n, n);
        double[] o = out.data, p2 = powers[0].data, p4 = powers[1].data, p6 = powers[2].data;
        for (int i = 0; i < o.length; i++) o[i] = x2 * p2[i] + x4 * p4[i] + x6 * p6[i];
        for (int i = 0; i < n; i++) o[i * n + i] += x0;
        return out;
    }

    /**
     * Coefficients of the [m/m] Padé numerator {@code p(x) = Σ_j c_j x^j},
     * {@code c_j = (2m − j)! m! / ((2m)! j! (m − j)!)}, by the ratio
     * {@code c_j / c_{j−1} = (m − j + 1) / (j (2m − j + 1))}.
     */
    static double[] padeCoefficients(int m) {
        double[] c = new double[m + 1];
        c[0] = 1;
        for (int j = 1; j <= m; j++) c[j] = c[j - 1] * (m - j + 1) / ((double) j * (2 * m - j + 1));
        return c;
    }

    /**
     * Checks that A is square, finite and skew within {@link #SKEW_TOLERANCE}, and returns its
     * skew part (new matrix).
     */
    static Matrix requireSkew(String name, Matrix a) {
        MatrixOps.requireFinite(name, a);
        requireSquare(name, a);
        double max = MatrixOps.normMax(a), worst = 0;
        int wi = 0, wj = 0;
        for (int i = 0; i < a.rows; i++)
            for (int j = i; j < a.cols; j++) {
                double r = Math.abs(a.get(i, j) + a.get(j, i));
                if (r > worst) { worst = r; wi = i; wj = j; }
            }
        if (worst > SKEW_TOLERANCE * max)
            throw new IllegalArgumentException(name + " is not skew-symmetric: |" + name + "(" + wi + ", " + wj + ") + "
                    + name + "(" + wj + ", " + wi + ")| = " + worst + " > " + SKEW_TOLERANCE + " * max|" + name + "_ij| = "
                    + SKEW_TOLERANCE * max + ", expected a^T = -a");
        return skewPart(a);
    }

    private static void requireSquare(String name, Matrix a) {
        if (a.rows != a.cols)
            throw new IllegalArgumentException(name + " is " + a.rows + "x" + a.cols + ", expected a square matrix");
    }
}
