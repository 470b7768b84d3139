package org.ortho4j.core.orthogonal;

import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;

/**
 * A product of k (generalized) Householder matrices in {@code R^m},
 * <pre>
 *   Q = H₁ H₂ ⋯ H_k,   H_i = I − τ_i v_i v_iᵀ,
 * </pre>
 * applied without ever forming Q (a plan object: build once, apply many times; immutable and
 * thread-safe).
 *
 * <p>Two ways to build one:
 * <ul>
 *   <li><b>parameters</b> ({@link #reflections}, {@link #generalized}): columns {@code p_i} of a
 *       {@code m x k} matrix P and {@code β_i ∈ [0, 2]}, {@code H_i = I − β_i p_i p_iᵀ / (p_iᵀp_i)},
 *       stored as {@code v_i = p_i / ‖p_i‖}, {@code τ_i = β_i}. This is {@code Q(P)} of
 *       {@code structures.md} §1.2 ({@code β ≡ 2}, left to right in column order) and the
 *       DeltaProduct transition of {@code sequence.md} §3.2 (with the keys in reverse order: there
 *       step 1 is applied first, i.e. is the right-most factor). Only this form has gradients.</li>
 *   <li><b>LAPACK form</b> ({@link #fromLapack}): vectors and τ's as produced by QR.</li>
 * </ul>
 *
 * <p>Application is blocked compact WY: the chain is cut into blocks of
 * {@value #DEFAULT_BLOCK_SIZE} reflectors, each a {@link CompactWY} {@code I − V T Vᵀ} applied with
 * two GEMMs on the active backend; total {@code O(mnk)} for an {@code m x n} operand
 * (≈ {@code 4mnk + nkb} flops with block size b). {@link #applySequential} is the level-2
 * reference loop.
 *
 * <p>Facts used by the tests: {@code det Q = Π (1 − β_i)} (so {@code (−1)^k} for reflections);
 * each {@code H_i} has singular values {@code |1 − β_i|} (on {@code v_i}) and 1 (on
 * {@code v_i⊥}), so {@code ‖Q‖₂ ≤ 1} for {@code β ∈ [0, 2]} and Q is orthogonal when every
 * {@code β_i ∈ {0, 2}}.
 */
public final class HouseholderProduct {
    /** Reflectors per compact-WY block (LAPACK uses 32..64; T costs O(b²) per block column). */
    public static final int DEFAULT_BLOCK_SIZE = 64;

    private final Matrix vt;        // k x m, row i = v_i
    private final double[] tau;     // τ_i (= β_i in the parameter form)
    private final double[] pNorm;   // ‖p_i‖ in the parameter form, null in the LAPACK form
    private final CompactWY[] blocks;

    private HouseholderProduct(Matrix vt, double[] tau, double[] pNorm, int blockSize) {
        this.vt = vt;
        this.tau = tau;
        this.pNorm = pNorm;
        int k = vt.rows, nb = Check.positive("blockSize", blockSize);
        this.blocks = new CompactWY[(k + nb - 1) / nb];
        for (int b = 0; b < blocks.length; b++) {
            int b0 = b * nb;
            blocks[b] = CompactWY.ofRows(vt.rowsView(b0, Math.min(nb, k - b0)), tau, b0);
        }
    }

    // ------------------------------------------------------------------ factories

    /**
     * {@code Q(P) = H(p₁) ⋯ H(p_k)} with reflections {@code H(p) = I − 2 p pᵀ / (pᵀp)}
     * (structures.md §1.2). Q is orthogonal with {@code det Q = (−1)^k} and does not change when
     * a column of P is scaled by any {@code c ≠ 0}. O(mk²) to build, copies P.
     *
     * @param p {@code m x k}, finite, no zero column ({@code k = 0} gives the identity)
     * @throws IllegalArgumentException if P is null, non-finite or has a zero column
     */
    public static HouseholderProduct reflections(Matrix p) {
        Check.notNull("p", p);
        double[] beta = new double[p.cols];
        java.util.Arrays.fill(beta, 2.0);
        return generalized(p, beta, DEFAULT_BLOCK_SIZE);
    }

    /**
     * {@code Q = H(p₁, β₁) ⋯ H(p_k, β_k)} with generalized Householder factors
     * {@code H(p, β) = I − β p pᵀ / (pᵀp)}, {@code β ∈ [0, 2]} (sequence.md §3.2). O(mk²) to
     * build, copies P and β.
     *
     * @param p    {@code m x k}, finite, no zero column
     * @param beta k values in {@code [0, 2]}
     * @throws IllegalArgumentException if P is null, non-finite or has a zero column, or β has the
     *     wrong length or a value outside {@code [0, 2]} (NaN included)
     */
    public static HouseholderProduct generalized(Matrix p, double[] beta) {
        return generalized(p, beta, DEFAULT_BLOCK_SIZE);
    }

    /** {@link #generalized(Matrix, double[])} with a chosen block size (tests use small ones). */
    static HouseholderProduct generalized(Matrix p, double[] beta, int blockSize) {
        MatrixOps.requireFinite("p", p);
        Check.notNull("beta", beta);
        Check.dimension("beta.length", beta.length, p.cols);
        int m = p.rows, k = p.cols;
        Matrix vt = new Matrix(k, m);
        double[] tau = new double[k], norms = new double[k];
        for (int i = 0; i < k; i++) {
            tau[i] = Householder.checkBeta("beta[" + i + "]", beta[i]);
            double nrm = Householder.norm2(m, p.data, p.offset + i, p.ld);
            if (nrm == 0)
                throw new IllegalArgumentException("p column " + i + " is zero, expected non-zero columns (a zero vector has no reflection)");
            norms[i] = nrm;
            for (int r = 0; r < m; r++) vt.data[i * m + r] = p.get(r, i) / nrm;
        }
        return new HouseholderProduct(vt, tau, norms, blockSize);
    }

    /**
     * {@code Q = (I − τ₁ v₁ v₁ᵀ) ⋯ (I − τ_k v_k v_kᵀ)} from vectors and scalars in LAPACK form
     * (e.g. a QR factorization's reflectors with their unit diagonal and zeros made explicit). No
     * range check on τ: Q is orthogonal only when {@code τ_i ‖v_i‖² ∈ {0, 2}}. O(mk²) to build,
     * copies both arguments. Has no gradients.
     *
     * @param v   {@code m x k}, finite; the columns are the vectors
     * @param tau k finite scalars
     * @throws IllegalArgumentException on null, non-finite input or {@code tau.length != v.cols}
     */
    public static HouseholderProduct fromLapack(Matrix v, double[] tau) {
        MatrixOps.requireFinite("v", v);
        Check.notNull("tau", tau);
        Check.dimension("tau.length", tau.length, v.cols);
        Check.allFinite("tau", tau, 0, tau.length);
        return new HouseholderProduct(v.transpose(), tau.clone(), null, DEFAULT_BLOCK_SIZE);
    }

    /** LAPACK form from vectors stored as rows ({@code k x m}, taken by reference). */
    static HouseholderProduct fromRows(Matrix vt, double[] tau) {
        return new HouseholderProduct(vt, tau, null, DEFAULT_BLOCK_SIZE);
    }

    // ------------------------------------------------------------------ accessors

    /** The dimension m (Q is {@code m x m}). */
    public int dimension() { return vt.cols; }

    /** The number k of factors. */
    public int count() { return vt.rows; }

    /**
     * A copy of the stored vectors as columns ({@code m x k}): the unit vectors
     * {@code p_i / ‖p_i‖} in the parameter form, the given vectors in the LAPACK form.
     */
    public Matrix vectors() { return vt.transpose(); }

    /** A copy of the scalars τ ({@code = β} in the parameter form). */
    public double[] taus() { return tau.clone(); }

    /**
     * {@code det Q = Π (1 − τ_i ‖v_i‖²)} ({@code Π (1 − β_i)} in the parameter form, exactly
     * {@code (−1)^k} for reflections). O(mk).
     */
    public double determinant() {
        double det = 1;
        for (int i = 0; i < count(); i++) {
            double s = pNorm != null ? 1 : sq(Householder.norm2(dimension(), vt.data, vt.offset + i * vt.ld, 1));
            det *= 1 - tau[i] * s;
        }
        return det;
    }

    private static double sq(double x) { return x * x; }

    // ------------------------------------------------------------------ application

    /**
     * {@code X ← Q X}, or {@code X ← Qᵀ X = H_k ⋯ H₁ X} when {@code transpose}, for X
     * {@code m x n}, by blocked compact WY. In place, O(mnk), allocates one
     * {@code min(b, k) x n} workspace.
     *
     * @throws IllegalArgumentException if X is null or {@code X.rows != m}
     */
    public void applyLeft(Matrix x, boolean transpose) {
        Check.notNull("x", x);
        Check.dimension("x.rows", x.rows, dimension());
        if (blocks.length == 0) return;
        double[] work = new double[blocks[0].count() * x.cols];
        for (int s = 0; s < blocks.length; s++)
            blocks[transpose ? s : blocks.length - 1 - s].applyLeft(x, transpose, work);
    }

    /**
     * {@code X ← X Q}, or {@code X ← X Qᵀ} when {@code transpose}, for X {@code n x m}, by
     * blocked compact WY. In place, O(nmk), allocates one {@code n x min(b, k)} workspace.
     *
     * @throws IllegalArgumentException if X is null or {@code X.cols != m}
     */
    public void applyRight(Matrix x, boolean transpose) {
        Check.notNull("x", x);
        Check.dimension("x.cols", x.cols, dimension());
        if (blocks.length == 0) return;
        double[] work = new double[blocks[0].count() * x.rows];
        for (int s = 0; s < blocks.length; s++)
            blocks[transpose ? blocks.length - 1 - s : s].applyRight(x, transpose, work);
    }

    /**
     * {@code X ← Q X} (or {@code Qᵀ X}) one factor at a time, {@code X ← X − τ_i v_i (v_iᵀ X)}:
     * the level-2 reference for {@link #applyLeft}. In place, O(mnk), allocates one vector of
     * length n.
     *
     * @throws IllegalArgumentException if X is null or {@code X.rows != m}
     */
    public void applySequential(Matrix x, boolean transpose) {
        Check.notNull("x", x);
        Check.dimension("x.rows", x.rows, dimension());
        double[] work = new double[x.cols];
        int k = count();
        for (int s = 0; s < k; s++) applyFactor(transpose ? s : k - 1 - s, x, work);
    }

    private void applyFactor(int i, Matrix x, double[] work) {
        Householder.applyLeft(tau[i], vt.data, vt.offset + i * vt.ld, 1, x, work);
    }

    /** The explicit {@code m x m} matrix Q ({@code Q I} by {@link #applyLeft}). O(m²k). */
    public Matrix toMatrix() {
        Matrix q = Matrix.eye(dimension());
        applyLeft(q, false);
        return q;
    }

    /**
     * The whole chain as one compact WY block {@code Q = I − V T Vᵀ} (V {@code m x k}, T
     * {@code k x k}); for the parameter form V has the unit columns {@code p_i / ‖p_i‖} and
     * {@code T_ii = β_i}, as in {@code householder.json}. O(mk² + k³), allocates it.
     */
    public CompactWY compactWY() {
        return CompactWY.ofRows(vt, tau, 0);
    }

    // ------------------------------------------------------------------ gradients

    /**
     * Gradients of a scalar loss L through {@code Y = Q X}.
     *
     * @param dX    {@code ∂L/∂X = Qᵀ ∂L/∂Y} ({@code m x n})
     * @param dP    {@code ∂L/∂P} with respect to the raw (unnormalised) columns {@code p_i}
     *              ({@code m x k}); each column is orthogonal to its {@code p_i}, since H depends
     *              only on the direction of {@code p_i}
     * @param dBeta {@code ∂L/∂β_i} (length k)
     */
    public record Gradient(Matrix dX, Matrix dP, double[] dBeta) {}

    /**
     * Reverse mode through {@code Y = Q X} from the output Y alone (structures.md §1.2): with
     * {@code Z₁ = Y}, {@code G₁ = ∂L/∂Y}, for {@code i = 1..k} it recomputes
     * {@code Z_{i+1} = H_i Z_i} (each factor is an involution, so no intermediate is stored),
     * accumulates
     * <pre>
     *   a = G_iᵀ u_i,  b = Z_{i+1}ᵀ u_i,  ∂L/∂u_i = −β_i (G_i b + Z_{i+1} a),  ∂L/∂β_i = −aᵀb,
     *   ∂L/∂p_i = (I − u_i u_iᵀ) ∂L/∂u_i / ‖p_i‖,
     * </pre>
     * and propagates {@code G_{i+1} = H_i G_i}; finally {@code ∂L/∂X = G_{k+1}}. For
     * {@code L = ⟨Ḡ, Q⟩} pass {@code Y = Q}, i.e. {@code X = I}. About {@code 12mnk} flops (≈ 3×
     * the level-2 forward), memory two {@code m x n} copies; the recomputed Z drift from the true
     * ones by {@code O(kε‖X‖)}.
     *
     * @param y     {@code Q X}, {@code m x n}
     * @param gradY {@code ∂L/∂Y}, same shape
     * @throws IllegalStateException if the product was built in LAPACK form, or some
     *     {@code β_i ∉ {0, 2}} (such a factor is not an involution and may be singular: use
     *     {@link #backwardFromInput})
     * @throws IllegalArgumentException on null or mismatched shapes
     */
    public Gradient backward(Matrix y, Matrix gradY) {
        requireParameterForm();
        for (int i = 0; i < count(); i++)
            if (tau[i] != 0 && tau[i] != 2)
                throw new IllegalStateException("backward(y, gradY) recomputes the intermediates by applying each factor again, "
                        + "which needs beta in {0, 2}, but beta[" + i + "] = " + tau[i] + "; use backwardFromInput(x, gradY)");
        checkPair("y", y, gradY);
        Matrix z = y.copy(), g = gradY.copy();
        Matrix dP = new Matrix(dimension(), count());
        double[] dBeta = new double[count()];
        double[] work = new double[Math.max(z.cols, 1)], a = new double[z.cols], b = new double[z.cols];
        for (int i = 0; i < count(); i++) {
            applyFactor(i, z, work);               // Z ← H_i Z = Z_{i+1}
            factorGradient(i, z, g, a, b, dP, dBeta);
        }
        return new Gradient(g, dP, dBeta);
    }

    /**
     * Reverse mode through {@code Y = Q X} for any {@code β_i ∈ [0, 2]}, from the input X. A factor
     * with {@code β ∉ {0, 2}} is not an involution and its inverse {@code I + β/(1−β) u uᵀ} blows
     * up near {@code β = 1}, so the intermediates are <em>stored</em> instead of recomputed: one
     * forward pass keeps {@code Z_{i+1} = H_{i+1} ⋯ H_k X} for {@code i = 1..k−1}
     * ({@code (k−1)·m·n} doubles; X itself is read, not copied), then the recursion of
     * {@link #backward(Matrix, Matrix)} runs on them. About {@code 16mnk} flops.
     *
     * @param x     the input X, {@code m x n}
     * @param gradY {@code ∂L/∂Y} for {@code Y = Q X}, same shape
     * @throws IllegalStateException if the product was built in LAPACK form
     * @throws IllegalArgumentException on null or mismatched shapes
     */
    public Gradient backwardFromInput(Matrix x, Matrix gradY) {
        requireParameterForm();
        checkPair("x", x, gradY);
        int k = count(), n = x.cols;
        Matrix[] z = new Matrix[k + 1];           // z[i + 1] = input of factor i (0-based)
        double[] work = new double[Math.max(n, 1)];
        if (k > 0) z[k] = x;
        for (int i = k - 1; i >= 1; i--) {
            z[i] = z[i + 1].copy();
            applyFactor(i, z[i], work);
        }
        Matrix g = gradY.copy();
        Matrix dP = new Matrix(dimension(), k);
        double[] dBeta = new double[k], a = new double[n], b = new double[n];
        for (int i = 0; i < k; i++) {
            factorGradient(i, z[i + 1], g, a, b, dP, dBeta);
            z[i + 1] = null;                       // let the stored intermediate go
        }
        return new Gradient(g, dP, dBeta);
    }

    /**
     * One step of the reverse recursion for factor i: z is the factor's input
     * {@code Z_{i+1}}, g the gradient {@code G_i} of its output; writes column i of dP and
     * {@code dBeta[i]}, then g ← H_i g. Two row-wise passes plus the update of g.
     */
    private void factorGradient(int i, Matrix z, Matrix g, double[] a, double[] b, Matrix dP, double[] dBeta) {
        int m = dimension(), n = z.cols;
        double beta = tau[i];
        double[] u = vt.data, zd = z.data, gd = g.data;
        int uo = vt.offset + i * vt.ld;
        java.util.Arrays.fill(a, 0, n, 0.0);
        java.util.Arrays.fill(b, 0, n, 0.0);
        for (int r = 0; r < m; r++) {                       // a = gᵀu, b = zᵀu
            double ur = u[uo + r];
            for (int c = 0, gr = g.offset + r * g.ld, zr = z.offset + r * z.ld; c < n; c++) {
                a[c] += ur * gd[gr + c];
                b[c] += ur * zd[zr + c];
            }
        }
        double ab = 0;
        for (int c = 0; c < n; c++) ab += a[c] * b[c];
        dBeta[i] = -ab;
        double udu = 0;                                      // du_r = -β (g_r·b + z_r·a)
        for (int r = 0; r < m; r++) {
            double s = 0;
            for (int c = 0, gr = g.offset + r * g.ld, zr = z.offset + r * z.ld; c < n; c++)
                s += gd[gr + c] * b[c] + zd[zr + c] * a[c];
            s *= -beta;
            dP.set(r, i, s);
            udu += u[uo + r] * s;
        }
        double inv = 1 / pNorm[i];                           // dp = (I - u uᵀ) du / ‖p‖
        for (int r = 0; r < m; r++) dP.set(r, i, (dP.get(r, i) - udu * u[uo + r]) * inv);
        for (int r = 0; r < m; r++) {                       // g ← H_i g = g - β u aᵀ
            double s = -beta * u[uo + r];
            if (s == 0) continue;
            for (int c = 0, gr = g.offset + r * g.ld; c < n; c++) gd[gr + c] += s * a[c];
        }
    }

    private void requireParameterForm() {
        if (pNorm == null)
            throw new IllegalStateException("gradients need a product built from parameters (reflections/generalized), not fromLapack");
    }

    private void checkPair(String name, Matrix first, Matrix gradY) {
        Check.notNull(name, first);
        Check.notNull("gradY", gradY);
        Check.dimension(name + ".rows", first.rows, dimension());
        Check.dimension("gradY.rows", gradY.rows, first.rows);
        Check.dimension("gradY.cols", gradY.cols, first.cols);
    }
}
