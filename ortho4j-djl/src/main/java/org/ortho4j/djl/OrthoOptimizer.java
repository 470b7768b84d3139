package org.ortho4j.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.ortho4j.core.Check;
import org.ortho4j.optim.AdamW;
import org.ortho4j.optim.MomentumMode;
import org.ortho4j.optim.OptimizerStats;
import org.ortho4j.optim.ParamRole;

/**
 * Base of the ortho4j optimizers for DJL: a DJL {@link Optimizer} that sends the hidden weight
 * matrices of a model to a matrix rule (Muon, NorMuon, ROOT, AuON, DCT-AdamW — the subclasses) and
 * every other parameter to an auxiliary AdamW, all computed with {@link NDArray} operations on the
 * parameter's device (float32 models; nothing is copied to the host).
 *
 * <p><b>One update</b> ({@link #update}, called by DJL's {@code Trainer.step()} once per parameter):
 * <ol>
 *   <li>{@code t} = DJL's update count ({@link #updateCount}: the largest per-parameter count, so
 *       the global step when every parameter is updated every step, as in a normal training loop);
 *       on several devices DJL calls {@code update} once per device copy, which advances
 *       {@code t} once per copy (as for DJL's own optimizers);</li>
 *   <li>routing ({@link Routing}): a {@link ParamRole#HIDDEN_MATRIX} with ndim ≥ 2 goes to the matrix
 *       rule, with its gradient viewed as {@code [shape[0], prod(rest)]} (conv filters flattened, spec
 *       {@code optimizers.md} §0) and its learning rate from {@link Builder#optLearningRateTracker};
 *       everything else to AdamW with {@link Builder#optAuxAdamW}'s hyper-parameters and
 *       {@link Builder#optAuxLearningRateTracker}'s rate;</li>
 *   <li>the gradient is multiplied by {@code rescaleGrad} ({@link Builder#setRescaleGrad}) and, when
 *       {@code clipGrad > 0} ({@link Builder#optClipGrad}), clipped element-wise to
 *       {@code [−clipGrad, clipGrad]} (DJL's native Adam clips only from above; this is the usual
 *       symmetric clip);</li>
 *   <li>the weight is updated <b>in place</b>: {@code W ← W·(1 − lr·wd) − lr·D} with the rule's
 *       direction {@code D} and decoupled weight decay — {@code wd} = {@link Builder#optWeightDecays}
 *       for the matrix rule (DJL's weight-decay setting is mapped to the decoupled decay, never
 *       applied twice) and {@link AdamW#weightDecay()} of the auxiliary rule for the rest;</li>
 *   <li>the weight's gradient is set to zero. DJL's PyTorch engine accumulates gradients across
 *       backward passes and its built-in optimizers zero them inside their native update (DJL's
 *       {@code ParameterStore} passes the optimizer a copy of the gradient), so an optimizer written
 *       with NDArray operations must do it itself.</li>
 * </ol>
 * Temporaries are closed at the end of each update ({@link NDScope}); the state (momentum, second
 * moments, selected bases) is kept per parameter id and device, zero-initialized on first use.
 *
 * <p><b>Timing.</b> {@link #stats()} gives the number of steps, the time spent in {@code update} and
 * the part of it spent in the rule's matrix transform — Newton–Schulz for the Muon family, the
 * cosh brake for AuON, the DCT subspace selection for DCT-AdamW. On a CPU engine every operation
 * completes before it returns, so the times are exact; on a GPU engine operations are
 * asynchronous and these host-side times under-count unless the caller synchronizes.
 *
 * <p>Not thread-safe for concurrent updates of the same parameter (DJL updates sequentially).
 */
public abstract class OrthoOptimizer extends Optimizer {
    private final ParameterTracker learningRate, auxLearningRate;
    private final AdamW aux;
    private final Routing routing;
    private final float weightDecay;
    private final Map<String, Map<Device, NDArray>> auxMean = new ConcurrentHashMap<>(), auxVariance = new ConcurrentHashMap<>();
    private final AtomicInteger lastStep = new AtomicInteger();
    private final LongAdder updateNanos = new LongAdder(), transformNanos = new LongAdder();

    /**
     * Copies and validates the common settings.
     *
     * @param b the builder
     * @throws IllegalArgumentException if a DJL base setting is out of range (named in the message)
     */
    protected OrthoOptimizer(Builder<?> b) {
        super(b);
        learningRate = Check.notNull("learningRateTracker", b.learningRate);
        aux = Check.notNull("auxAdamW", b.aux);
        auxLearningRate = b.auxLearningRate != null ? b.auxLearningRate : Tracker.fixed((float) aux.lr());
        routing = Check.notNull("routing", b.routing);
        weightDecay = getWeightDecay();
        checkBase(weightDecay, rescaleGrad, clipGrad);
    }

    /** Validates the settings DJL's own builder does not check. */
    private static void checkBase(float weightDecay, float rescaleGrad, float clipGrad) {
        if (!(weightDecay >= 0) || Float.isInfinite(weightDecay))
            throw new IllegalArgumentException("weightDecays = " + weightDecay + ", expected a finite value >= 0");
        if (!(rescaleGrad > 0) || Float.isInfinite(rescaleGrad))
            throw new IllegalArgumentException("rescaleGrad = " + rescaleGrad + ", expected a finite value > 0");
        if (Float.isNaN(clipGrad))
            throw new IllegalArgumentException("clipGrad = NaN, expected a number (<= 0: no clipping)");
    }

    /**
     * One line naming the rule and its hyper-parameters, for logs and result tables.
     *
     * @return the description
     */
    public abstract String describe();

    /** {@link #describe()}. */
    @Override
    public String toString() { return describe(); }

    /**
     * The routing in use.
     *
     * @return the routing
     */
    public Routing routing() { return routing; }

    /**
     * The auxiliary AdamW's hyper-parameters (its {@code lr} is the auxiliary rate unless a tracker
     * was given).
     *
     * @return the rule
     */
    public AdamW auxAdamW() { return aux; }

    /**
     * Cumulative timing since construction or {@link #resetStats()}: {@code steps} = the largest
     * update count seen (DJL's global step), {@code stepNanos} = time inside {@link #update},
     * {@code orthogonalizeNanos} = time in the matrix transform (see the class documentation).
     *
     * @return the statistics
     */
    public OptimizerStats stats() {
        return new OptimizerStats(lastStep.get(), updateNanos.sum(), transformNanos.sum());
    }

    /** Zeroes the accumulated times of {@link #stats()} (the step count is kept). */
    public void resetStats() {
        updateNanos.reset();
        transformNanos.reset();
    }

    /**
     * Updates {@code weight} in place from {@code grad} and zeroes {@code weight}'s gradient; see
     * the class documentation.
     *
     * @param parameterId the DJL parameter id
     * @param weight      the parameter (float32), updated in place
     * @param grad        its gradient, same shape; not modified
     * @throws IllegalArgumentException if the learning rate is negative or not finite, or a
     *     parameter with ndim &lt; 2 was given the matrix role
     */
    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        long t0 = System.nanoTime();
        int t = updateCount(parameterId);
        lastStep.accumulateAndGet(t, Math::max);
        Shape shape = weight.getShape();
        boolean matrix = routesMatrices() && isMatrix(parameterId, shape);
        float lr = (matrix ? learningRate : auxLearningRate).getNewValue(parameterId, t);
        if (!(lr >= 0) || Float.isInfinite(lr))
            throw new IllegalArgumentException("learning rate of parameter " + label(parameterId) + " at update " + t + " = " + lr
                    + ", expected a finite value >= 0");
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            if (shape.size() > 0) {
                NDArray g = preprocess(grad);
                if (matrix) {
                    long rows = shape.get(0);
                    matrixStep(parameterId, weight, g.reshape(rows, shape.size() / rows), lr, t);
                } else {
                    adamW(parameterId, weight, g, aux.beta1(), aux.beta2(), aux.eps(), aux.epsMode(), lr, aux.weightDecay(), t,
                            auxMean, auxVariance);
                }
            }
            if (weight.hasGradient()) {
                NDArray gw = weight.getGradient();
                gw.subi(gw);
            }
        }
        updateNanos.add(System.nanoTime() - t0);
    }

    /**
     * Whether this optimizer has a matrix rule at all ({@link DjlAdamW} sends everything to AdamW).
     *
     * @return true by default
     */
    protected boolean routesMatrices() { return true; }

    /**
     * The matrix rule: updates {@code weight} in place from the flattened gradient, normally with
     * {@link #decayAndSubtract}.
     *
     * @param parameterId the parameter id (key of the rule's state)
     * @param weight      the parameter in its own shape
     * @param grad        the preprocessed gradient viewed as {@code m×n}, {@code m = shape[0]}; do not modify
     * @param lr          this update's learning rate (≥ 0)
     * @param t           the update count (≥ 1)
     */
    protected abstract void matrixStep(String parameterId, NDArray weight, NDArray grad, float lr, int t);

    /** Whether a parameter goes to the matrix rule; refuses the matrix role for ndim < 2. */
    private boolean isMatrix(String parameterId, Shape shape) {
        ParamRole role = routing.role(parameterId, shape);
        if (role.isMatrix() && shape.dimension() < 2)
            throw new IllegalArgumentException("parameter " + label(parameterId) + " has shape " + shape + " (ndim " + shape.dimension()
                    + ") and role " + role + ", expected ndim >= 2 for the matrix rule; give it a non-matrix role");
        return role.isMatrix();
    }

    private NDArray preprocess(NDArray grad) {
        NDArray g = rescaleGrad == 1f ? grad : grad.mul(rescaleGrad);
        return clipGrad > 0 ? g.clip(-clipGrad, clipGrad) : g;
    }

    /** A parameter's name and id for messages. */
    final String label(String parameterId) {
        String name = routing.nameOf(parameterId);
        return name == null ? "'" + parameterId + "'" : "'" + name + "' (id " + parameterId + ")";
    }

    /**
     * The state array {@code key} of a parameter on {@code like}'s device, created as float32 zeros
     * of {@code shape} on first use. The array outlives the current update (it is not closed by the
     * update's scope).
     *
     * @param states      the map of one kind of state (id → device → array)
     * @param parameterId the parameter id
     * @param like        an array on the target device (its manager owns the state)
     * @param shape       the state's shape
     * @return the state array
     */
    protected final NDArray state(Map<String, Map<Device, NDArray>> states, String parameterId, NDArray like, Shape shape) {
        NDArray s = withDefaultState(states, parameterId, like.getDevice(),
                k -> like.getManager().zeros(shape, DataType.FLOAT32, like.getDevice()));
        NDScope.unregister(s);
        return s;
    }

    /**
     * {@code W ← W·(1 − lr·wd) − alpha·D} in place, with {@code wd} the matrix rule's weight decay
     * ({@link Builder#optWeightDecays}); {@code D} is reshaped to {@code W}'s shape.
     *
     * @param weight    the parameter
     * @param direction {@code D}, same number of elements
     * @param lr        the unadjusted learning rate (for the decay)
     * @param alpha     the step factor (usually {@code lr} times a shape factor)
     */
    protected final void decayAndSubtract(NDArray weight, NDArray direction, float lr, double alpha) {
        if (weightDecay > 0) weight.muli(1.0 - (double) lr * weightDecay);
        weight.subi(direction.reshape(weight.getShape()).mul(alpha));
    }

    /**
     * Runs {@code transform} and adds its time to {@link #stats()}'s transform time.
     *
     * @param transform the matrix transform
     * @return its result
     */
    protected final NDArray timed(Supplier<NDArray> transform) {
        long t0 = System.nanoTime();
        try {
            return transform.get();
        } finally {
            transformNanos.add(System.nanoTime() - t0);
        }
    }

    /**
     * Advances the momentum buffer {@code m} in place with gradient {@code g} and returns the update
     * input: the Nesterov look-ahead (a new array) or {@code m} itself (spec §1.6):
     * EMA {@code M ← M + (1−β)(G − M)}, look-ahead {@code G + β(M − G)}; SUM {@code M ← βM + G},
     * look-ahead {@code G + βM}.
     *
     * @param m        the buffer (modified)
     * @param g        the gradient (not modified)
     * @param mode     the convention
     * @param beta     the coefficient β
     * @param nesterov whether to return the look-ahead
     * @return the update input; do not modify it when it is {@code m}
     */
    protected static NDArray momentum(NDArray m, NDArray g, MomentumMode mode, double beta, boolean nesterov) {
        if (mode == MomentumMode.EMA) {
            m.addi(g.sub(m).muli(1 - beta));
            return nesterov ? g.add(m.sub(g).muli(beta)) : m;
        }
        m.muli(beta).addi(g);
        return nesterov ? g.add(m.mul(beta)) : m;
    }

    /**
     * One AdamW step on a parameter (spec §2; the {@link AdamW.EpsMode} forms of ortho4j-optim's
     * {@link AdamW}), with moments kept in {@code means}/{@code variances}:
     * {@code m ← β1 m + (1−β1) g; v ← β2 v + (1−β2) g²}; TORCH: {@code W ← W(1 − lr·wd) −
     * (lr/bc1)·m/(sqrt(v)/sqrt(bc2) + eps)}; MOONLIGHT: {@code W ← W(1 − lr·wd) −
     * (lr·sqrt(bc2)/bc1)·m/(sqrt(v) + eps)}, {@code bc_i = 1 − β_i^t}.
     */
    final void adamW(String parameterId, NDArray weight, NDArray g, double beta1, double beta2, double eps, AdamW.EpsMode mode,
                     float lr, double wd, int t, Map<String, Map<Device, NDArray>> means, Map<String, Map<Device, NDArray>> variances) {
        NDArray m = state(means, parameterId, weight, g.getShape());
        NDArray v = state(variances, parameterId, weight, g.getShape());
        NDArray d = adamDirection(m, v, g, beta1, beta2, eps, mode, t);
        double bc1 = 1 - Math.pow(beta1, t), bc2 = 1 - Math.pow(beta2, t);
        double alpha = mode == AdamW.EpsMode.TORCH ? lr / bc1 : lr * Math.sqrt(bc2) / bc1;
        if (wd > 0) weight.muli(1.0 - (double) lr * wd);
        weight.subi(d.reshape(weight.getShape()).muli(alpha));
    }

    /**
     * Updates the Adam moments in place and returns {@code m/(sqrt(v)/sqrt(bc2) + eps)} (TORCH) or
     * {@code m/(sqrt(v) + eps)} (MOONLIGHT); the caller multiplies by {@code lr/bc1} resp.
     * {@code lr·sqrt(bc2)/bc1}.
     */
    static NDArray adamDirection(NDArray m, NDArray v, NDArray g, double beta1, double beta2, double eps, AdamW.EpsMode mode, int t) {
        m.muli(beta1).addi(g.mul(1 - beta1));
        v.muli(beta2).addi(g.square().muli(1 - beta2));
        NDArray root = v.sqrt();
        if (mode == AdamW.EpsMode.TORCH) root.divi(Math.sqrt(1 - Math.pow(beta2, t)));
        return m.div(root.addi(eps));
    }

    /**
     * Settings shared by the ortho4j DJL optimizers. Setters validate their value and throw
     * {@link IllegalArgumentException} naming it.
     *
     * @param <T> the concrete builder
     */
    public abstract static class Builder<T extends Builder<T>> extends OptimizerBuilder<T> {
        private ParameterTracker learningRate;
        private ParameterTracker auxLearningRate;
        private AdamW aux = AdamW.auxDefaults();
        private Routing routing = Routing.byShape();

        /**
         * @param defaultLearningRate the rule's default learning rate (a fixed tracker)
         */
        protected Builder(double defaultLearningRate) {
            learningRate = Tracker.fixed((float) defaultLearningRate);
        }

        /** The matrix rule's tracker as set so far. */
        final ParameterTracker learningRateTracker() { return learningRate; }

        /**
         * The learning rate of the matrix rule (e.g. {@code Tracker.fixed(0.02f)}, a warm-up/cosine
         * tracker, or {@link ScheduleTracker}); its value must be finite and ≥ 0 at every update.
         *
         * @param tracker the tracker
         * @return this builder
         */
        public T optLearningRateTracker(ParameterTracker tracker) {
            learningRate = Check.notNull("learningRateTracker", tracker);
            return self();
        }

        /**
         * The auxiliary AdamW's hyper-parameters for embeddings, heads and vectors (default
         * {@link AdamW#auxDefaults()}: lr 3e-4, betas (0.9, 0.95), eps 1e-10, wd 0, the
         * {@code MuonWithAuxAdam} settings). Its {@code lr} is used as a fixed rate unless
         * {@link #optAuxLearningRateTracker} is set.
         *
         * @param rule the AdamW rule (from ortho4j-optim, validated by its own builder)
         * @return this builder
         */
        public T optAuxAdamW(AdamW rule) {
            aux = Check.notNull("auxAdamW", rule);
            return self();
        }

        /**
         * The auxiliary AdamW's learning rate as a tracker (default: fixed at the rule's lr).
         *
         * @param tracker the tracker
         * @return this builder
         */
        public T optAuxLearningRateTracker(ParameterTracker tracker) {
            auxLearningRate = Check.notNull("auxLearningRateTracker", tracker);
            return self();
        }

        /**
         * Which parameters the matrix rule takes (default {@link Routing#byShape()}; use
         * {@link Routing#forBlock} to send embeddings and heads to AdamW).
         *
         * @param r the routing
         * @return this builder
         */
        public T optRouting(Routing r) {
            routing = Check.notNull("routing", r);
            return self();
        }

        /**
         * Decoupled weight decay of the matrix rule, finite and ≥ 0 (default 0).
         *
         * @param weightDecays the coefficient
         * @return this builder
         */
        @Override
        public T optWeightDecays(float weightDecays) {
            checkBase(weightDecays, 1, -1);
            return super.optWeightDecays(weightDecays);
        }

        /**
         * Gradient multiplier, finite and &gt; 0 (default 1).
         *
         * @param rescaleGrad the multiplier
         * @return this builder
         */
        @Override
        public T setRescaleGrad(float rescaleGrad) {
            checkBase(0, rescaleGrad, -1);
            return super.setRescaleGrad(rescaleGrad);
        }

        /**
         * Element-wise gradient clip: {@code > 0} clips to {@code [−clipGrad, clipGrad]}, ≤ 0 turns
         * clipping off (default −1); NaN is refused.
         *
         * @param clipGrad the bound
         * @return this builder
         */
        @Override
        public T optClipGrad(float clipGrad) {
            checkBase(0, 1, clipGrad);
            return super.optClipGrad(clipGrad);
        }
    }

    /**
     * {@link Builder} with a momentum coefficient and Nesterov switch (default 0.95, on), for the
     * momentum-based matrix rules.
     *
     * @param <T> the concrete builder
     */
    public abstract static class MomentumBuilder<T extends MomentumBuilder<T>> extends Builder<T> {
        double momentum = 0.95;
        boolean nesterov = true;

        /**
         * @param defaultLearningRate the rule's default learning rate
         */
        protected MomentumBuilder(double defaultLearningRate) { super(defaultLearningRate); }

        /**
         * Momentum coefficient in {@code [0, 1)} (default 0.95).
         *
         * @param v the coefficient
         * @return this builder
         */
        public T optMomentum(double v) {
            momentum = Args.beta("momentum", v);
            return self();
        }

        /**
         * Nesterov look-ahead (default true).
         *
         * @param v on or off
         * @return this builder
         */
        public T optNesterov(boolean v) {
            nesterov = v;
            return self();
        }
    }
}
