package org.ortho4j.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.transform.Dct;
import org.ortho4j.optim.AdamW;

/**
 * DCT-AdamW (Modoranu et al., arXiv 2505.17967; spec {@code optimizers.md} §7) as a DJL optimizer:
 * AdamW whose moments live in an r-dimensional subspace spanned by the r columns of the orthonormal
 * DCT-II basis {@code C} ({@link Dct#basis(int)}) best aligned with the gradient — SVD-free; the
 * same rule as ortho4j-optim's {@link org.ortho4j.optim.LowRankAdamW#dct()}. Per hidden matrix
 * {@code G} ({@code m×n}), right projection when {@code m ≥ n} (basis {@code P = C_n[:, idx]},
 * {@code n×r}), left otherwise ({@code P = C_m[:, idx]}, {@code m×r}), {@code r = min(rank, n or m)}:
 * <pre>
 * if t == 1 or t % updateProjGap == 0:
 *     S ← G·C_n (right) or C_mᵀ·G (left);  score = L1 norm of each column (right) / row (left) of S
 *     idx ← the r best scores, ascending;   P ← C[:, idx]
 * g ← G·P (right) or Pᵀ·G (left)                                        (m×r or r×n)
 * m ← β1 m + (1−β1) g;  v ← β2 v + (1−β2) g²
 * u ← m/(sqrt(v)/sqrt(1−β2^t) + eps)
 * W ← W·(1 − lr·wd) − (lr/(1−β1^t))·(u·Pᵀ (right) or P·u (left))
 * </pre>
 * which is AdamW's formula in the subspace (moments are not rotated when the subspace changes, the
 * reference's default). Everything is NDArray work: {@code S} is one matrix product with the
 * cached float32 DCT matrix (O(mn·k), k = n or m; ortho4j-optim uses a fast DCT on the host
 * instead), the top-r is a {@code topK}, and {@code P} is gathered by a product with the one-hot
 * selection matrix. Ties between equal scores are broken by the engine's {@code topK} (ortho4j-optim
 * breaks them toward the lower index; exact ties have probability zero for real gradients).
 * Matrices with {@code max(m, n) ≥ maxShape} get full-rank AdamW with the same betas and eps.
 * Defaults: rank 128, updateProjGap 1, maxShape 32000, lr 1e-3, betas (0.9, 0.999), eps 1e-8, wd 0.
 * The selection is the transform timed by {@link #stats()}.
 */
public final class DjlDctAdamW extends OrthoOptimizer {
    private final int rank, updateProjGap, maxShape;
    private final double beta1, beta2, eps;
    private final Map<String, Map<Device, NDArray>> means = new ConcurrentHashMap<>(), variances = new ConcurrentHashMap<>(),
            bases = new ConcurrentHashMap<>();
    private final Map<String, NDArray> dctMatrices = new ConcurrentHashMap<>();

    private DjlDctAdamW(Builder b) {
        super(b);
        rank = b.rank;
        updateProjGap = b.updateProjGap;
        maxShape = b.maxShape;
        beta1 = b.beta1;
        beta2 = b.beta2;
        eps = b.eps;
    }

    /**
     * A builder with the defaults above.
     *
     * @return the builder
     */
    public static Builder builder() { return new Builder(); }

    @Override
    protected void matrixStep(String parameterId, NDArray weight, NDArray grad, float lr, int t) {
        long m = grad.getShape().get(0), n = grad.getShape().get(1);
        if (Math.max(m, n) >= maxShape) {
            adamW(parameterId, weight, grad, beta1, beta2, eps, AdamW.EpsMode.TORCH, lr, getWeightDecay(), t, means, variances);
            return;
        }
        boolean right = m >= n;
        long size = right ? n : m, r = Math.min(rank, size);
        NDArray basis = state(bases, parameterId, weight, new Shape(size, r));
        if (t == 1 || t % updateProjGap == 0) {
            NDArray selected = timed(() -> select(grad, right, r));
            basis.muli(0).addi(selected);
        }
        NDArray low = right ? grad.matMul(basis) : basis.transpose().matMul(grad);
        NDArray mean = state(means, parameterId, weight, low.getShape());
        NDArray variance = state(variances, parameterId, weight, low.getShape());
        NDArray u = adamDirection(mean, variance, low, beta1, beta2, eps, AdamW.EpsMode.TORCH, t);
        NDArray direction = right ? u.matMul(basis.transpose()) : basis.matMul(u);
        decayAndSubtract(weight, direction, lr, lr / (1 - Math.pow(beta1, t)));
    }

    /** The r best-aligned DCT basis vectors of {@code g} as the columns of a {@code size×r} array. */
    private NDArray select(NDArray g, boolean right, long r) {
        long size = g.getShape().get(right ? 1 : 0);
        NDArray c = dct(g, size);
        NDArray s = right ? g.matMul(c) : c.transpose().matMul(g);
        NDArray scores = s.abs().sum(new int[] {right ? 0 : 1});
        NDArray idx = scores.topK(Math.toIntExact(r), 0, true, false).get(1).sort();
        return c.matMul(idx.oneHot(Math.toIntExact(size)).transpose());
    }

    /**
     * The float32 orthonormal DCT-II matrix {@code C_size} (rows = frequencies) on {@code like}'s
     * device, cached per size and device and owned by {@code like}'s manager (the model's).
     */
    private NDArray dct(NDArray like, long size) {
        Device device = like.getDevice();
        return dctMatrices.computeIfAbsent(size + "@" + device, k -> {
            Matrix basis = Dct.basis(Math.toIntExact(size));
            float[] data = new float[basis.rows * basis.cols];
            for (int i = 0; i < basis.rows; i++)
                for (int j = 0; j < basis.cols; j++) data[i * basis.cols + j] = (float) basis.get(i, j);
            NDArray a = like.getManager().create(data, new Shape(size, size)).toDevice(device, false);
            NDScope.unregister(a);   // a host-side original, if any, is closed with the update's scope
            return a;
        });
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "DCT-AdamW[rank %d, gap %d, betas (%s, %s), eps %s, wd %s, maxShape %d]", rank, updateProjGap,
                beta1, beta2, eps, getWeightDecay(), maxShape);
    }

    /** Builder of {@link DjlDctAdamW}; setters validate their value. */
    public static final class Builder extends OrthoOptimizer.Builder<Builder> {
        private int rank = 128, updateProjGap = 1, maxShape = 32000;
        private double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;

        private Builder() { super(1e-3); }

        @Override
        protected Builder self() { return this; }

        /**
         * The subspace rank r ≥ 1 (capped per matrix at the projected side; default 128).
         *
         * @param v r
         * @return this builder
         */
        public Builder optRank(int v) { rank = Args.atLeast("rank", v, 1); return this; }

        /**
         * Re-select the subspace every {@code v ≥ 1} updates (and at the first; default 1).
         *
         * @param v the gap
         * @return this builder
         */
        public Builder optUpdateProjGap(int v) { updateProjGap = Args.atLeast("updateProjGap", v, 1); return this; }

        /**
         * Matrices with a side ≥ {@code v ≥ 1} get full-rank AdamW (default 32000).
         *
         * @param v the bound
         * @return this builder
         */
        public Builder optMaxShape(int v) { maxShape = Args.atLeast("maxShape", v, 1); return this; }

        /**
         * β1 and β2, each in {@code [0, 1)} (default 0.9, 0.999).
         *
         * @param b1 β1
         * @param b2 β2
         * @return this builder
         */
        public Builder optBetas(double b1, double b2) {
            beta1 = Args.beta("beta1", b1);
            beta2 = Args.beta("beta2", b2);
            return this;
        }

        /**
         * eps, finite and ≥ 0 (default 1e-8).
         *
         * @param v eps
         * @return this builder
         */
        public Builder optEpsilon(double v) { eps = Args.nonNegative("eps", v); return this; }

        /**
         * The optimizer.
         *
         * @return the optimizer
         */
        public DjlDctAdamW build() { return new DjlDctAdamW(this); }
    }
}
