package org.ortho4j.core.orthogonal;

import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * Householder reflectors: generation (LAPACK {@code dlarfg} style), application to a matrix from
 * either side without forming the reflector, the generalized reflector {@code H(v, β)} of
 * DeltaProduct, and the static facade of {@code structures.md} §1.3 over
 * {@link HouseholderProduct}.
 *
 * <p>Two conventions meet here, both stated as {@code H = I − τ v vᵀ}:
 * <ul>
 *   <li><b>LAPACK form</b> {@code (v, τ)}: any vector and any scalar; {@link #generate} returns
 *       {@code v} with {@code v[0] = 1} and {@code τ ∈ [1, 2]} (or {@code τ = 0}, meaning
 *       {@code H = I}). Used by QR ({@link #applyLeft}, {@link #applyRight}).</li>
 *   <li><b>Parameter form</b> {@code H(v, β) = I − β v vᵀ / (vᵀv)} with {@code v ≠ 0} and
 *       {@code β ∈ [0, 2]} (spec {@code structures.md} §1.2 for {@code β = 2},
 *       {@code sequence.md} §3.2 for general β, where the keys are unit so that
 *       {@code H = I − β k kᵀ}). Its eigenvalues are {@code 1 − β} (eigenvector {@code v}) and 1
 *       (on {@code v⊥}); so {@code β = 2} is a reflection (orthogonal, involutive,
 *       {@code det = −1}), {@code β = 0} the identity and {@code 0 < β < 2} a symmetric
 *       contraction with {@code ‖H‖₂ = 1}. It is the LAPACK form with {@code τ = β / (vᵀv)}.</li>
 * </ul>
 *
 * <p>Matrices are row-major {@link Matrix} views; every {@code apply*} / {@code reflect*} method
 * works in place on its matrix argument and costs {@code O(mn)} (two passes over the matrix).
 */
public final class Householder {
    private Householder() {}

    /** LAPACK's {@code safmin / eps = 2^-969}: below this |β| the input is rescaled first. */
    private static final double SAFE_MIN = 0x1.0p-969;
    /** Sum of squares outside [TINY, HUGE] is recomputed with scaling (no under/overflow). */
    private static final double TINY = 0x1.0p-900, HUGE = 0x1.0p900;

    /**
     * An elementary reflector in LAPACK form: {@code (I − τ v vᵀ) x = β e₁} for the vector
     * {@code x} it was generated from.
     *
     * @param v    the Householder vector, {@code v[0] = 1}
     * @param tau  the scalar τ, in {@code [1, 2]}, or 0 when {@code x} is already a multiple of
     *             {@code e₁} (then the reflector is the identity)
     * @param beta the new first entry: {@code −sign(x₀) ‖x‖₂} (or {@code x₀} when {@code τ = 0})
     */
    public record Reflector(double[] v, double tau, double beta) {}

    // ------------------------------------------------------------------ LAPACK form

    /**
     * Generates the reflector that maps {@code x} onto a multiple of {@code e₁}; {@code x} is not
     * modified. See {@link #generate(double[], int, int, int)} for the algorithm. O(n), allocates
     * the returned vector.
     *
     * @param x a finite vector of any length (length 0 or 1 gives {@code τ = 0})
     * @throws IllegalArgumentException if {@code x} is null or holds NaN or an infinity
     */
    public static Reflector reflector(double[] x) {
        Check.notNull("x", x);
        double[] v = x.clone();
        double tau = generate(v, 0, v.length, 1);
        double beta = v.length == 0 ? 0 : v[0];
        if (v.length > 0) v[0] = 1;
        return new Reflector(v, tau, beta);
    }

    /**
     * LAPACK {@code dlarfg}: for the strided vector {@code x = (α, x₁, …, x_{n−1})} at
     * {@code x[off + i * inc]}, computes τ and {@code v = (1, v₁, …)} with
     * {@code (I − τ v vᵀ) x = β e₁}, {@code β = −sign(α) ‖x‖₂}. On return {@code x[off] = β} and
     * the tail holds {@code v₁ … v_{n−1}}; τ is returned.
     *
     * <p>When the tail is zero the reflector is the identity: τ = 0, {@code β = α} (no division,
     * so the zero vector gives τ = 0, β = 0 and no NaN). The 2-norm is computed with scaling, and
     * when {@code |β|} is below {@code 2^-969} the vector is scaled up first (as LAPACK does) so that
     * {@code 1 / (α − β)} cannot overflow. Choosing the sign of β opposite to α avoids cancellation
     * in {@code α − β}. In place, O(n), no allocation.
     *
     * @return τ, in {@code [1, 2]} or 0
     * @throws IllegalArgumentException if the vector holds NaN or an infinity, or the strided block
     *     does not fit in {@code x}
     */
    public static double generate(double[] x, int off, int n, int inc) {
        checkStrided("x", x, off, n, inc);
        if (n == 0) return 0;
        double alpha = x[off];
        double xnorm = norm2(n - 1, x, off + inc, inc);
        if (!Double.isFinite(alpha) || !Double.isFinite(xnorm))
            throw new IllegalArgumentException("x holds " + (Double.isFinite(alpha) ? xnorm : alpha)
                    + " (or an entry that makes its norm non-finite), expected finite values");
        if (xnorm == 0) return 0;
        double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
        int rescaled = 0;
        while (Math.abs(beta) < SAFE_MIN && rescaled < 20) {
            rescaled++;
            scale(n - 1, 1 / SAFE_MIN, x, off + inc, inc);
            beta /= SAFE_MIN;
            alpha /= SAFE_MIN;
        }
        if (rescaled > 0) beta = -Math.copySign(Math.hypot(alpha, norm2(n - 1, x, off + inc, inc)), alpha);
        double tau = (beta - alpha) / beta;
        scale(n - 1, 1 / (alpha - beta), x, off + inc, inc);
        for (int i = 0; i < rescaled; i++) beta *= SAFE_MIN;
        x[off] = beta;
        return tau;
    }

    /**
     * {@code C ← (I − τ v vᵀ) C} for an {@code m x n} matrix C and the strided vector whose
     * element i is {@code v[vOff + i * vInc]}, {@code i < m}: {@code w = Cᵀ v}, then {@code C −= τ v wᵀ}.
     * In place, O(mn) (two row-wise passes over C), no allocation when {@code work} is given.
     * {@code v} may live in the same array as C provided it lies outside C's block (as in QR).
     *
     * @param work scratch of length ≥ {@code C.cols}, or null to allocate one
     * @throws IllegalArgumentException on a null argument, a vector that does not fit, or a short
     *     work array
     */
    public static void applyLeft(double tau, double[] v, int vOff, int vInc, Matrix c, double[] work) {
        Check.notNull("c", c);
        checkStrided("v", v, vOff, c.rows, vInc);
        int m = c.rows, n = c.cols;
        work = work(work, n);
        if (tau == 0 || m == 0 || n == 0) return;
        java.util.Arrays.fill(work, 0, n, 0.0);
        double[] d = c.data;
        for (int i = 0; i < m; i++) {
            double vi = v[vOff + i * vInc];
            if (vi == 0) continue;
            for (int j = 0, r = c.offset + i * c.ld; j < n; j++) work[j] += vi * d[r + j];
        }
        for (int i = 0; i < m; i++) {
            double s = -tau * v[vOff + i * vInc];
            if (s == 0) continue;
            for (int j = 0, r = c.offset + i * c.ld; j < n; j++) d[r + j] += s * work[j];
        }
    }

    /**
     * {@code C ← C (I − τ v vᵀ)} for an {@code m x n} matrix C and the strided vector whose
     * element j is {@code v[vOff + j * vInc]}, {@code j < n}: per row, {@code c −= τ (c·v) vᵀ}. In place,
     * O(mn), no allocation. {@code v} must lie outside C's block.
     *
     * @throws IllegalArgumentException on a null argument or a vector that does not fit
     */
    public static void applyRight(double tau, double[] v, int vOff, int vInc, Matrix c) {
        Check.notNull("c", c);
        checkStrided("v", v, vOff, c.cols, vInc);
        int m = c.rows, n = c.cols;
        if (tau == 0 || m == 0 || n == 0) return;
        double[] d = c.data;
        for (int i = 0; i < m; i++) {
            int r = c.offset + i * c.ld;
            double s = 0;
            for (int j = 0; j < n; j++) s += d[r + j] * v[vOff + j * vInc];
            s *= -tau;
            if (s == 0) continue;
            for (int j = 0; j < n; j++) d[r + j] += s * v[vOff + j * vInc];
        }
    }

    // ------------------------------------------------------------------ parameter form H(v, β)

    /**
     * {@code X ← H(v, β) X} with {@code H(v, β) = I − β v vᵀ / (vᵀv)}, without forming H: the
     * LAPACK form with the unit vector {@code u = v / ‖v‖} and {@code τ = β}. In place, O(mn),
     * allocates {@code u} and one vector of length {@code X.cols}.
     *
     * @param v    a finite non-zero vector of length {@code X.rows} (any scale: H depends only on
     *             its direction)
     * @param beta in {@code [0, 2]}: 2 reflects, 0 is the identity, between them a contraction
     * @throws IllegalArgumentException if {@code v} is null, zero, non-finite or of the wrong
     *     length, or β is outside {@code [0, 2]} or NaN
     */
    public static void reflect(double[] v, double beta, Matrix x) {
        Check.notNull("x", x);
        double[] u = unit("v", v, x.rows);
        applyLeft(checkBeta("beta", beta), u, 0, 1, x, null);
    }

    /**
     * {@code X ← X H(v, β)} (H is symmetric, so this is also {@code X Hᵀ}); see
     * {@link #reflect(double[], double, Matrix)}. In place, O(mn), allocates {@code u = v / ‖v‖}.
     *
     * @param v a finite non-zero vector of length {@code X.cols}
     * @throws IllegalArgumentException as {@link #reflect(double[], double, Matrix)}
     */
    public static void reflectRight(double[] v, double beta, Matrix x) {
        Check.notNull("x", x);
        double[] u = unit("v", v, x.cols);
        applyRight(checkBeta("beta", beta), u, 0, 1, x);
    }

    /**
     * {@code X ← H(v) X} for the reflection {@code H(v) = I − 2 v vᵀ / (vᵀv)} (spec
     * {@code structures.md} §1.3 {@code reflectInPlace}). Same as {@code reflect(v, 2, x)}.
     */
    public static void reflectInPlace(double[] v, Matrix x) { reflect(v, 2, x); }

    /**
     * The explicit {@code n x n} matrix {@code H(v, β) = I − β v vᵀ / (vᵀv)}, {@code n = v.length},
     * formed as {@code I − r rᵀ} with {@code r = √β v/‖v‖} so that it is exactly symmetric.
     * O(n²), allocates it. Prefer {@link #reflect} to apply H.
     *
     * @throws IllegalArgumentException as {@link #reflect(double[], double, Matrix)}
     */
    public static Matrix matrix(double[] v, double beta) {
        Check.notNull("v", v);
        double[] r = unit("v", v, v.length);
        double sb = Math.sqrt(checkBeta("beta", beta));
        for (int i = 0; i < r.length; i++) r[i] *= sb;
        Matrix h = Matrix.eye(r.length);
        for (int i = 0; i < r.length; i++)
            for (int j = 0; j < r.length; j++) h.data[i * r.length + j] -= r[i] * r[j];
        return h;
    }

    /**
     * Validates a parameter vector (non-null, given length, finite, non-zero) and returns the unit
     * vector {@code v / ‖v‖} (new array; the norm is computed with scaling, so tiny or huge vectors
     * are fine). Shared with {@link HouseholderProduct}.
     */
    static double[] unit(String name, double[] v, int length) {
        Check.notNull(name, v);
        Check.dimension(name + ".length", v.length, length);
        Check.allFinite(name, v, 0, v.length);
        double nrm = norm2(v.length, v, 0, 1);
        if (nrm == 0) throw new IllegalArgumentException(name + " is the zero vector, expected a non-zero vector");
        double[] u = new double[v.length];
        for (int i = 0; i < u.length; i++) u[i] = v[i] / nrm;
        return u;
    }

    /** Requires {@code β ∈ [0, 2]} (NaN rejected); the message names {@code name}. */
    static double checkBeta(String name, double beta) {
        return Check.inRange(name, beta, 0, 2);
    }

    // ------------------------------------------------------------------ facade of structures.md §1.3

    /**
     * {@code Q(P) = H(p₁) H(p₂) ⋯ H(p_k)} for the columns of the {@code d x k} matrix P (product
     * left to right in column order, {@code H(p) = I − 2 p pᵀ / (pᵀp)}), formed explicitly
     * ({@code d x d}, O(d²k) via compact WY). See {@link HouseholderProduct#reflections(Matrix)}.
     *
     * @throws IllegalArgumentException if P is null or has a zero or non-finite column
     */
    public static Matrix product(Matrix p) { return HouseholderProduct.reflections(p).toMatrix(); }

    /**
     * {@code X ← Q(P) X} (or {@code Q(P)ᵀ X} when {@code transpose}) without forming Q; blocked
     * compact WY, O(d k n). See {@link HouseholderProduct#applyLeft(Matrix, boolean)}.
     *
     * @throws IllegalArgumentException if P has a zero or non-finite column or
     *     {@code X.rows != P.rows}
     */
    public static void applyProduct(Matrix p, Matrix x, boolean transpose) {
        HouseholderProduct.reflections(p).applyLeft(x, transpose);
    }

    /**
     * The compact WY form {@code Q(P) = I − Y T Yᵀ} with {@code Y} the unit columns
     * {@code p_i / ‖p_i‖} and T upper triangular with {@code T_ii = 2} (Schreiber–Van Loan).
     * O(d k²). See {@link HouseholderProduct#compactWY()}.
     */
    public static CompactWY compactWY(Matrix p) { return HouseholderProduct.reflections(p).compactWY(); }

    /**
     * Reverse mode through {@code Y = Q(P) X}: given Y and {@code ∂L/∂Y}, writes {@code ∂L/∂P}
     * (with respect to the raw, unnormalised columns) into {@code gradPOut} and returns
     * {@code ∂L/∂X}. Stores no intermediates (each reflection is an involution). O(d k n). See
     * {@link HouseholderProduct#backward(Matrix, Matrix)}.
     *
     * @param gradPOut a {@code d x k} output (same shape as P)
     * @throws IllegalArgumentException on mismatched shapes or invalid P
     */
    public static Matrix backward(Matrix p, Matrix y, Matrix gradY, Matrix gradPOut) {
        Check.notNull("gradPOut", gradPOut);
        Check.notNull("p", p);
        if (gradPOut.rows != p.rows || gradPOut.cols != p.cols)
            throw new IllegalArgumentException("gradPOut is " + gradPOut.rows + "x" + gradPOut.cols
                    + ", expected " + p.rows + "x" + p.cols + " (the shape of p)");
        HouseholderProduct.Gradient g = HouseholderProduct.reflections(p).backward(y, gradY);
        gradPOut.setTo(g.dP());
        return g.dX();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * 2-norm of a strided vector: the plain sum of squares when it is safely inside the normal
     * range, else a second pass scaled by a power of two near the largest magnitude (exact scaling,
     * so no under- or overflow). NaN or an infinity is returned as such.
     */
    static double norm2(int n, double[] x, int off, int inc) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double v = x[off + i * inc];
            s += v * v;
        }
        if (s >= TINY && s <= HUGE) return Math.sqrt(s);
        double max = 0;
        for (int i = 0; i < n; i++) {
            double a = Math.abs(x[off + i * inc]);
            if (a > max || Double.isNaN(a)) max = a;
        }
        if (max == 0 || !Double.isFinite(max)) return max;
        double up = Math.scalb(1.0, -Math.getExponent(max));
        double t = 0;
        for (int i = 0; i < n; i++) {
            double v = x[off + i * inc] * up;
            t += v * v;
        }
        return Math.sqrt(t) / up;
    }

    private static void scale(int n, double alpha, double[] x, int off, int inc) {
        for (int i = 0; i < n; i++) x[off + i * inc] *= alpha;
    }

    private static double[] work(double[] work, int n) {
        if (work == null) return new double[n];
        if (work.length < n)
            throw new IllegalArgumentException("work.length = " + work.length + ", expected >= " + n);
        return work;
    }

    private static void checkStrided(String name, double[] x, int off, int n, int inc) {
        Check.notNull(name, x);
        Check.nonNegative(name + " length", n);
        if (n == 0) return;
        Check.positive(name + " stride", inc);
        if (off < 0 || (long) off + (long) (n - 1) * inc >= x.length)
            throw new IllegalArgumentException(name + ": " + n + " elements at offset " + off + " with stride " + inc
                    + " do not fit in an array of length " + x.length);
    }
}
