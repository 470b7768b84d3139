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
     * a column of P is scaled by any {@code c ≠ 0}. O(mkb) to build (b = block size), copies P.
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
     * {@code H(p, β) = I − β p pᵀ / (pᵀp)}, {@code β ∈ [0, 2]} (sequence.md §3.2). O(mkb) to
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
        Matrix vt = p.transpose();                  // rows = the vectors, contiguous
        double[] tau = new double[k], norms = new double[k];
        for (int i = 0; i < k; i++) {
            tau[i] = Householder.checkBeta("beta[" + i + "]", beta[i]);
            double nrm = Householder.norm2(m, vt.data, i * m, 1);
            if (nrm == 0)
                throw new IllegalArgumentException("p column " + i + " is zero, expected non-zero columns (a zero vector has no reflection)");
            norms[i] = nrm;
            for (int r = 0; r < m; r++) vt.data[i * m + r] /= nrm;
        }
        return new HouseholderProduct(vt, tau, norms, blockSize);
    }

    /**
     * {@code Q = (I − τ₁ v₁ v₁ᵀ) ⋯ (I − τ_k v_k v_kᵀ)} from vectors and scalars in LAPACK form
     * (e.g. a QR factorization's reflectors with their unit diagonal and zeros made explicit). No
     * range check on τ: Q is orthogonal only when {@code τ_i ‖v_i‖² ∈ {0, 2}}. O(mkb) to build,
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
     * Reverse mode through {@code Y = Q X} from the output Y alone (structures.md §1.2). Per factor,
     * with {@code Z_i} the output of {@code H_i}, {@code Z_{i+1}} its input and {@code G_i = ∂L/∂Z_i}:
     * <pre>
     *   a = G_iᵀ u_i,  b = Z_{i+1}ᵀ u_i,  ∂L/∂u_i = −β_i (G_i b + Z_{i+1} a),  ∂L/∂β_i = −aᵀb,
     *   ∂L/∂p_i = (I − u_i u_iᵀ) ∂L/∂u_i / ‖p_i‖,   G_{i+1} = H_i G_i,   ∂L/∂X = G_{k+1}.
     * </pre>
     * No intermediate is stored: every factor is an involution here, so the inputs are recomputed
     * from Y ({@code Z_{i+1} = H_i Z_i}). The recursion runs blocked, one compact-WY block of b
     * factors at a time (private {@code gradientStep}): per block, two GEMMs recompute the block's
     * input, four more give the b gradients and move G past the block, plus b×b triangular
     * algebra: about {@code 12mnk + 2mkb} flops, i.e. ≈ 3× {@link #applyLeft}, all on GEMM (b is
     * about n, between 4 and {@value #DEFAULT_BLOCK_SIZE}). For {@code L = ⟨Ḡ, Q⟩} pass
     * {@code Y = Q} (i.e. {@code X = I}). Memory: two {@code m x n} copies plus {@code O((m + n)b)}.
     * The recomputed inputs drift from the true ones by {@code O(kε‖X‖)}.
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
        CompactWY[] gb = gradientBlocks(z.cols);
        for (int blk = 0, i0 = 0; blk < gb.length; i0 += gb[blk].count(), blk++) {
            CompactWY block = gb[blk];
            Matrix u = block.vectorRows();
            // block input Zin = Bᵀ Zout (B orthogonal here) = Zout − U Tᵀ (Uᵀ Zout), and
            // Uᵀ Zin = Uᵀ Zout − S Tᵀ (Uᵀ Zout) without another pass over Z
            Matrix uz = MatrixOps.mult(u, z, null), w = uz.copy();
            block.finishLeft(z, true, w);          // w = Tᵀ Uᵀ Zout on return
            MatrixOps.gemm(-1, block.gram(), false, w, false, 1, uz);
            gradientStep(block, i0, z, uz, g, dP, dBeta);
        }
        return new Gradient(g, dP, dBeta);
    }

    /**
     * Reverse mode through {@code Y = Q X} for any {@code β_i ∈ [0, 2]}, from the input X. A factor
     * with {@code β ∉ {0, 2}} is not an involution and its inverse {@code I + β/(1−β) u uᵀ} blows
     * up near {@code β = 1}, so block inputs are <em>stored</em> instead of recomputed: one forward
     * pass keeps the input of every compact-WY block but the last
     * ({@code (⌈k/b⌉ − 1)·m·n} doubles, b between 4 and {@value #DEFAULT_BLOCK_SIZE}, about n;
     * X itself is read, not copied), then the blocked recursion of {@link #backward(Matrix, Matrix)}
     * runs on them (same formulas). About {@code 14mnk + 2mkb} flops.
     *
     * @param x     the input X, {@code m x n}
     * @param gradY {@code ∂L/∂Y} for {@code Y = Q X}, same shape
     * @throws IllegalStateException if the product was built in LAPACK form
     * @throws IllegalArgumentException on null or mismatched shapes
     */
    public Gradient backwardFromInput(Matrix x, Matrix gradY) {
        requireParameterForm();
        checkPair("x", x, gradY);
        CompactWY[] gb = gradientBlocks(x.cols);
        int nBlocks = gb.length;
        Matrix[] input = new Matrix[nBlocks];     // input[j] = B_{j+1} ⋯ B_last X
        if (nBlocks > 0) input[nBlocks - 1] = x;
        for (int j = nBlocks - 2; j >= 0; j--) {
            input[j] = input[j + 1].copy();
            gb[j + 1].applyLeft(input[j], false);
        }
        Matrix g = gradY.copy();
        Matrix dP = new Matrix(dimension(), count());
        double[] dBeta = new double[count()];
        for (int blk = 0, i0 = 0; blk < nBlocks; i0 += gb[blk].count(), blk++) {
            Matrix zIn = input[blk];
            gradientStep(gb[blk], i0, zIn, MatrixOps.mult(gb[blk].vectorRows(), zIn, null), g, dP, dBeta);
            input[blk] = null;                     // let the stored input go
        }
        return new Gradient(g, dP, dBeta);
    }

    /**
     * The compact-WY blocks used by the reverse recursion for an operand with n columns. Each block
     * of b factors costs {@code 12mnb} flops on GEMM plus {@code 2mb²} for {@code U K} (see
     * {@link #gradientStep}), so blocks of about n factors (at least 4, at most the apply block
     * size) keep the overhead below the main term; the apply blocks are reused when they fit.
     */
    private CompactWY[] gradientBlocks(int n) {
        int nb = Math.max(4, Math.min(blocks.length == 0 ? 1 : blocks[0].count(), n));
        if (blocks.length == 0 || nb >= blocks[0].count()) return blocks;
        CompactWY[] gb = new CompactWY[(count() + nb - 1) / nb];
        for (int b = 0; b < gb.length; b++) {
            int b0 = b * nb;
            gb[b] = CompactWY.ofRows(vt.rowsView(b0, Math.min(nb, count() - b0)), tau, b0);
        }
        return gb;
    }

    /**
     * One block of the reverse recursion: gradients of its b factors {@code i0 .. i0+b−1} (local
     * index i = 1..b, {@code B = H₁ ⋯ H_b = I − U T Uᵀ}, {@code S = UᵀU}) from the block input
     * {@code Zin} (with {@code uz = Uᵀ Zin}) and the gradient G of the block output; writes columns
     * of dP and entries of dBeta, then moves G past the block ({@code G ← Bᵀ G}). With the prefix
     * {@code L_i = H₁ ⋯ H_{i−1}} and suffix {@code R_i = H_{i+1} ⋯ H_b} (their WY factors are the
     * leading and trailing diagonal blocks of T), the per-factor quantities are
     * {@code G_i = L_iᵀ G} and {@code Z_{i+1} = R_i Zin}, so
     * <pre>
     *   a_i = Gᵀ L_i u_i = Gᵀ U M e_i,      M = I − [T_{&lt;i} S_{&lt;i,i}]   (unit upper triangular)
     *   b_i = Zinᵀ R_iᵀ u_i = Zinᵀ U N e_i,  N = I − [T_{&gt;i}ᵀ S_{&gt;i,i}]  (unit lower triangular)
     *   G_i b_i + Z_{i+1} a_i = (C + D − U K) e_i,   C = G Bᵗᵀ,  D = Zin Aᵗᵀ,  K = F + F',
     *   F[j,i] = (T_{&lt;i}ᵀ (UᵀC)_{&lt;i,i})_j (j &lt; i),   F'[j,i] = (T_{&gt;i} (UᵀD)_{&gt;i,i})_j (j &gt; i),
     * </pre>
     * with {@code Aᵗ = Mᵀ UᵀG}, {@code Bᵗ = Nᵀ UᵀZin} holding {@code a_iᵀ}, {@code b_iᵀ} as rows, and
     * {@code UᵀC = (UᵀG) Bᵗᵀ}, {@code UᵀD = (UᵀZin) Aᵗᵀ} formed from the {@code b x n} products
     * already at hand. GEMMs: {@code UᵀG}, C, D, {@code U K} and the update of G, which reuses
     * {@code UᵀG}; the rest is {@code O(b²(n + b))}.
     */
    private void gradientStep(CompactWY block, int i0, Matrix zIn, Matrix uz, Matrix g, Matrix dP, double[] dBeta) {
        Matrix u = block.vectorRows(), t = block.triangular(), s = block.gram(); // u: b x m, t, s: b x b
        int b = block.count(), m = dimension(), n = g.cols;
        Matrix ug = MatrixOps.mult(u, g, null);      // b x n: Uᵀ G
        Matrix mm = new Matrix(b, b), nn = new Matrix(b, b);
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < i; j++) {            // M[j,i] = -Σ_{j ≤ r < i} T[j,r] S[r,i]
                double acc = 0;
                for (int r = j; r < i; r++) acc += t.data[j * b + r] * s.data[r * b + i];
                mm.data[j * b + i] = -acc;
            }
            for (int j = i + 1; j < b; j++) {        // N[j,i] = -Σ_{i < r ≤ j} T[r,j] S[r,i]
                double acc = 0;
                for (int r = i + 1; r <= j; r++) acc += t.data[r * b + j] * s.data[r * b + i];
                nn.data[j * b + i] = -acc;
            }
            mm.data[i * b + i] = 1;
            nn.data[i * b + i] = 1;
        }
        Matrix at = MatrixOps.multTransA(mm, ug, null);   // Aᵗ = Mᵀ (Uᵀ G), row i = a_iᵀ
        Matrix bt = MatrixOps.multTransA(nn, uz, null);   // Bᵗ = Nᵀ (Uᵀ Zin), row i = b_iᵀ
        for (int i = 0; i < b; i++) {
            double ab = 0;
            for (int c = 0; c < n; c++) ab += at.data[i * n + c] * bt.data[i * n + c];
            dBeta[i0 + i] = -ab;
        }
        Matrix e = MatrixOps.multTransB(ug, bt, null), e2 = MatrixOps.multTransB(uz, at, null); // UᵀC, UᵀD
        Matrix k = new Matrix(b, b);
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < i; j++) {            // F[j,i] = Σ_{r ≤ j} T[r,j] E[r,i]
                double acc = 0;
                for (int r = 0; r <= j; r++) acc += t.data[r * b + j] * e.data[r * b + i];
                k.data[j * b + i] = acc;
            }
            for (int j = i + 1; j < b; j++) {        // F'[j,i] = Σ_{r ≥ j} T[j,r] E'[r,i]
                double acc = 0;
                for (int r = j; r < b; r++) acc += t.data[j * b + r] * e2.data[r * b + i];
                k.data[j * b + i] = acc;
            }
        }
        Matrix cm = MatrixOps.multTransB(g, bt, null);    // m x b, column i = G b_i
        MatrixOps.gemm(1, zIn, false, at, true, 1, cm);    // + Zin a_i
        MatrixOps.gemm(-1, u, true, k, false, 1, cm);      // - U K: column i = G_i b_i + Z_{i+1} a_i
        for (int i = 0; i < b; i++) {                      // ∂L/∂p = -β (I - u uᵀ) (that column) / ‖p‖
            int ui = u.offset + i * u.ld;
            double ud = 0;
            for (int r = 0; r < m; r++) ud += u.data[ui + r] * cm.data[r * b + i];
            double f = -tau[i0 + i] / pNorm[i0 + i];
            for (int r = 0; r < m; r++) dP.set(r, i0 + i, f * (cm.data[r * b + i] - ud * u.data[ui + r]));
        }
        block.finishLeft(g, true, ug);                     // G ← Bᵀ G = G − U Tᵀ (Uᵀ G)
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
