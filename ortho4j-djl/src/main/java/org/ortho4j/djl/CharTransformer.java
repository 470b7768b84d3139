package org.ortho4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.ortho4j.core.Check;
import org.ortho4j.core.random.SplitMix64;

/**
 * A small decoder-only (GPT-style) transformer for character-level language modelling, written as
 * one DJL block with explicit parameters so that every weight has a predictable name, layout and
 * seeded initial value:
 * <pre>
 * h = onehot(x)·tok_embed + pos_embed[0:T]                       x: [B, T] token ids (int64)
 * per layer l:  h += attn(LN(h)),  h += mlp(LN(h))                 pre-norm residual blocks
 *   attn: q, k, v = split(LN(h)·qkvᵀ), causal softmax(q kᵀ/sqrt(d_h)) v per head, then ·projᵀ
 *   mlp:  GELU(LN(h)·fcᵀ)·projᵀ                                     (hidden width 4·d)
 * logits = LN_f(h)·lm_headᵀ                                        [B, T, V]
 * </pre>
 * Weight matrices are stored {@code (out, in)} (PyTorch's {@code nn.Linear} layout, spec
 * {@code optimizers.md} §0) and have no biases; layer norms have gains and biases. Parameter names:
 * {@code tok_embed} ({@code V×d}), {@code pos_embed} ({@code T×d}), {@code h<l>.ln1.gain|bias},
 * {@code h<l>.attn.qkv} ({@code 3d×d}), {@code h<l>.attn.proj} ({@code d×d}),
 * {@code h<l>.ln2.gain|bias}, {@code h<l>.mlp.fc} ({@code 4d×d}), {@code h<l>.mlp.proj}
 * ({@code d×4d}), {@code ln_f.gain|bias}, {@code lm_head} ({@code V×d}) — so {@link Routing#forBlock}
 * sends exactly the {@code 4·layers} hidden matrices to a matrix optimizer and the embeddings, the
 * head and the norm parameters to AdamW.
 *
 * <p>Initialization (GPT-2 style, drawn from {@link SplitMix64} streams derived from the seed and
 * the parameter's index, so it does not depend on the engine): matrices and embeddings
 * {@code N(0, 0.02²)}, the residual projections ({@code attn.proj}, {@code mlp.proj}) scaled by
 * {@code 1/sqrt(2·layers)}; gains 1, biases 0. Cost of a forward pass: about
 * {@code 2·B·T·(12·layers·d² + V·d·2) + 4·B·T²·d·layers} flops.
 */
public final class CharTransformer extends AbstractBlock {
    private static final float LN_EPS = 1e-5f;
    private static final float MASKED = -1e9f;

    /**
     * The architecture.
     *
     * @param vocabulary number of tokens V ≥ 1
     * @param context    maximum sequence length T ≥ 1 (size of the position table)
     * @param dModel     width d ≥ 1, a multiple of {@code heads}
     * @param heads      attention heads ≥ 1
     * @param layers     transformer blocks ≥ 1
     */
    public record Config(int vocabulary, int context, int dModel, int heads, int layers) {
        /** Validates the sizes. */
        public Config {
            Check.positive("vocabulary", vocabulary);
            Check.positive("context", context);
            Check.positive("dModel", dModel);
            Check.positive("heads", heads);
            Check.positive("layers", layers);
            if (dModel % heads != 0)
                throw new IllegalArgumentException("dModel = " + dModel + ", expected a multiple of heads = " + heads);
        }

        /** Number of trainable values. */
        public long parameterCount() {
            long d = dModel;
            return (long) vocabulary * d * 2 + (long) context * d + layers * (12 * d * d + 4 * d) + 2 * d;
        }
    }

    private final Config config;
    private final Parameter tokEmbed, posEmbed, lnFGain, lnFBias, head;
    private final List<Layer> blocks = new ArrayList<>();
    private int index;

    private record Layer(Parameter ln1Gain, Parameter ln1Bias, Parameter qkv, Parameter attnProj, Parameter ln2Gain, Parameter ln2Bias,
                         Parameter fc, Parameter mlpProj) {}

    /**
     * A model with seeded initial values (see the class documentation).
     *
     * @param config the architecture
     * @param seed   the initialization seed
     */
    public CharTransformer(Config config, long seed) {
        this.config = Check.notNull("config", config);
        int d = config.dModel(), v = config.vocabulary();
        double residual = 0.02 / Math.sqrt(2.0 * config.layers());
        tokEmbed = weight("tok_embed", seed, 0.02, v, d);
        posEmbed = weight("pos_embed", seed, 0.02, config.context(), d);
        for (int l = 0; l < config.layers(); l++) {
            String p = "h" + l + ".";
            blocks.add(new Layer(gain(p + "ln1.gain"), bias(p + "ln1.bias"), weight(p + "attn.qkv", seed, 0.02, 3 * d, d),
                    weight(p + "attn.proj", seed, residual, d, d), gain(p + "ln2.gain"), bias(p + "ln2.bias"),
                    weight(p + "mlp.fc", seed, 0.02, 4 * d, d), weight(p + "mlp.proj", seed, residual, d, 4 * d)));
        }
        lnFGain = gain("ln_f.gain");
        lnFBias = bias("ln_f.bias");
        head = weight("lm_head", seed, 0.02, v, d);
    }

    /** The architecture. */
    public Config config() { return config; }

    private Parameter weight(String name, long seed, double std, int rows, int cols) {
        long stream = SplitMix64.mix(seed + 0x9E3779B97F4A7C15L * ++index);
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(new Shape(rows, cols))
                .optInitializer(new SeededNormal(stream, std)).build());
    }

    private Parameter gain(String name) {
        index++;
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.GAMMA).optShape(new Shape(config.dModel()))
                .optInitializer(Initializer.ONES).build());
    }

    private Parameter bias(String name) {
        index++;
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.BETA).optShape(new Shape(config.dModel()))
                .optInitializer(Initializer.ZEROS).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        if (s.dimension() != 2 || s.get(1) > config.context() || s.get(1) < 1)
            throw new IllegalArgumentException("input has shape " + s + ", expected [batch, T] with 1 <= T <= " + config.context());
        long b = s.get(0), t = s.get(1), d = config.dModel(), nh = config.heads(), dh = d / nh;
        var dev = x.getDevice();
        NDArray h = x.oneHot(config.vocabulary()).matMul(ps.getValue(tokEmbed, dev, training))
                .add(ps.getValue(posEmbed, dev, training).get(new NDIndex("0:{}", t)));
        NDArray mask = causalMask(x.getManager(), Math.toIntExact(t));
        for (Layer l : blocks) {
            NDArray a = norm(ps, h, l.ln1Gain(), l.ln1Bias(), training);
            NDArray qkv = a.matMul(ps.getValue(l.qkv(), dev, training).transpose()).reshape(b, t, 3, nh, dh).transpose(2, 0, 3, 1, 4);
            NDArray q = qkv.get(0), k = qkv.get(1), v = qkv.get(2);
            NDArray att = q.matMul(k.transpose(0, 1, 3, 2)).muli(1.0 / Math.sqrt(dh)).addi(mask).softmax(-1);
            NDArray y = att.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, d);
            h = h.add(y.matMul(ps.getValue(l.attnProj(), dev, training).transpose()));
            a = norm(ps, h, l.ln2Gain(), l.ln2Bias(), training);
            NDArray f = Activation.gelu(a.matMul(ps.getValue(l.fc(), dev, training).transpose()));
            h = h.add(f.matMul(ps.getValue(l.mlpProj(), dev, training).transpose()));
        }
        h = norm(ps, h, lnFGain, lnFBias, training);
        return new NDList(h.matMul(ps.getValue(head, dev, training).transpose()));
    }

    private NDArray norm(ParameterStore ps, NDArray h, Parameter gain, Parameter bias, boolean training) {
        return LayerNorm.layerNorm(h, new Shape(config.dModel()), ps.getValue(gain, h.getDevice(), training),
                ps.getValue(bias, h.getDevice(), training), LN_EPS).singletonOrThrow();
    }

    /** {@code T×T}: 0 on and below the diagonal, a large negative number above. */
    private static NDArray causalMask(NDManager manager, int t) {
        float[] m = new float[t * t];
        for (int i = 0; i < t; i++)
            for (int j = i + 1; j < t; j++) m[i * t + j] = MASKED;
        return manager.create(m, new Shape(t, t));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), config.vocabulary())};
    }

    /**
     * The training loss: mean over all positions of the negative log-likelihood of the target
     * character, {@code −mean(log_softmax(logits)[target])} in nats.
     *
     * @return a DJL loss whose labels are the {@code [B, T]} target ids (int64)
     */
    public static Loss loss() {
        return new Loss("char-nll") {
            @Override
            public NDArray evaluate(NDList labels, NDList predictions) {
                NDArray logits = predictions.singletonOrThrow();
                NDArray target = labels.singletonOrThrow().oneHot(Math.toIntExact(logits.getShape().getLastDimension()));
                return logits.logSoftmax(-1).mul(target).sum(new int[] {-1}).mean().neg();
            }
        };
    }

    /** {@code N(0, std²)} float32 values from a {@link SplitMix64} stream (one normal per draw). */
    private record SeededNormal(long seed, double std) implements Initializer {
        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            SplitMix64 rng = new SplitMix64(seed);
            float[] v = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < v.length; i++) v[i] = (float) (std * rng.nextGaussian());
            return manager.create(v, shape).toType(dataType, false);
        }
    }
}
