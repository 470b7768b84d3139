package org.ortho4j.optim;

import java.util.ArrayList;
import java.util.List;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;
import org.ortho4j.core.random.SplitMix64;

/**
 * The reference experiment's model (spec {@code optimizers.md} §10), hand-written in float64: an
 * MLP {@code 32 → 64 → 64 → 64 → 10} with ReLU and mean cross-entropy, weights in the
 * {@link Layout#OUT_IN} layout ({@code a = h·Wᵀ + b}). Forward and backward passes are GEMMs
 * ({@link MatrixOps#gemm}) on preallocated buffers for one batch size; evaluation runs in chunks of
 * that size. Init (seed = run seed, its own {@link SplitMix64}): W1 (64×32), W2, W3 (64×64),
 * W4 (10×64) drawn row-major in that order as normals × sqrt(2/fan_in); biases 0.
 */
final class Mlp {
    static final int[] WIDTHS = {32, 64, 64, 64, 10};
    static final int LAYERS = WIDTHS.length - 1;

    final Matrix[] w = new Matrix[LAYERS], gw = new Matrix[LAYERS];
    final double[][] b = new double[LAYERS][], gb = new double[LAYERS][];
    final List<Parameter> params = new ArrayList<>();
    final List<Matrix> grads = new ArrayList<>();
    private final int batch;
    /** Pre-activations a[l] and activations h[l] (h[0] is the input view), rows = batch. */
    private final Matrix[] a = new Matrix[LAYERS], h = new Matrix[LAYERS], da = new Matrix[LAYERS];
    private final Matrix dh;
    private final double[] rowLoss;

    Mlp(long seed, int batch) {
        this.batch = batch;
        SplitMix64 rng = new SplitMix64(seed);
        for (int l = 0; l < LAYERS; l++) {
            int in = WIDTHS[l], out = WIDTHS[l + 1];
            w[l] = new Matrix(out, in);
            double std = Math.sqrt(2.0 / in);
            for (int i = 0; i < w[l].data.length; i++) w[l].data[i] = rng.nextGaussian() * std;
            b[l] = new double[out];
            gw[l] = new Matrix(out, in);
            gb[l] = new double[out];
            a[l] = new Matrix(batch, out);
            da[l] = new Matrix(batch, out);
            if (l > 0) h[l] = new Matrix(batch, in);
        }
        for (int l = 0; l < LAYERS; l++) {
            params.add(Parameter.of("W" + (l + 1), w[l]));
            grads.add(gw[l]);
        }
        for (int l = 0; l < LAYERS; l++) {
            params.add(Parameter.vector("b" + (l + 1), b[l]));
            grads.add(Matrix.wrap(1, gb[l].length, gb[l]));
        }
        dh = new Matrix(batch, 64);
        rowLoss = new double[batch];
    }

    /** Role of each parameter in the experiment: W1..W3 hidden, W4 the head, biases vectors. */
    static ParamRole role(Parameter p) {
        if (!p.isMatrix()) return ParamRole.VECTOR;
        return p.name().equals("W" + LAYERS) ? ParamRole.HEAD : ParamRole.HIDDEN_MATRIX;
    }

    /**
     * Forward pass on {@code x} ({@code rows ≤ batch} rows); returns the summed cross-entropy over
     * the rows and, when {@code correct} is non-null, adds the number of correct argmax
     * predictions to {@code correct[0]}. Leaves the activations for {@link #backward}.
     */
    double forward(Matrix x, int[] y, int y0, int[] correct) {
        int rows = x.rows;
        Matrix in = x;
        for (int l = 0; l < LAYERS; l++) {
            Matrix al = a[l].rowsView(0, rows);
            MatrixOps.gemm(1, in, false, w[l], true, 0, al);
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < al.cols; j++) al.data[i * al.cols + j] += b[l][j];
            if (l + 1 < LAYERS) {
                Matrix hn = h[l + 1].rowsView(0, rows);
                for (int i = 0; i < rows * al.cols; i++) hn.data[i] = Math.max(0, al.data[i]);
                in = hn;
            }
        }
        Matrix logits = a[LAYERS - 1];
        int k = logits.cols;
        double total = 0;
        for (int i = 0; i < rows; i++) {
            int off = i * k, best = 0;
            double max = logits.data[off];
            for (int c = 1; c < k; c++)
                if (logits.data[off + c] > max) {
                    max = logits.data[off + c];
                    best = c;
                }
            double sum = 0;
            for (int c = 0; c < k; c++) sum += Math.exp(logits.data[off + c] - max);
            double loss = Math.log(sum) + max - logits.data[off + y[y0 + i]];
            rowLoss[i] = loss;
            total += loss;
            if (correct != null && best == y[y0 + i]) correct[0]++;
        }
        return total;
    }

    /** Gradients of the mean loss of the last full-batch forward pass on {@code x} into {@link #gw}/{@link #gb}. */
    void backward(Matrix x, int[] y, int y0) {
        int rows = x.rows;
        Matrix logits = a[LAYERS - 1], d = da[LAYERS - 1];
        int k = logits.cols;
        for (int i = 0; i < rows; i++) {
            int off = i * k;
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int c = 0; c < k; c++) max = Math.max(max, logits.data[off + c]);
            for (int c = 0; c < k; c++) sum += Math.exp(logits.data[off + c] - max);
            for (int c = 0; c < k; c++) d.data[off + c] = (Math.exp(logits.data[off + c] - max) / sum - (c == y[y0 + i] ? 1 : 0)) / rows;
        }
        for (int l = LAYERS - 1; l >= 0; l--) {
            Matrix dl = da[l].rowsView(0, rows), hin = l == 0 ? x : h[l].rowsView(0, rows);
            MatrixOps.gemm(1, dl, true, hin, false, 0, gw[l]);
            java.util.Arrays.fill(gb[l], 0);
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < dl.cols; j++) gb[l][j] += dl.data[i * dl.cols + j];
            if (l == 0) break;
            Matrix dprev = dh.view(0, 0, rows, WIDTHS[l]);
            MatrixOps.gemm(1, dl, false, w[l], false, 0, dprev);
            Matrix aprev = a[l - 1], daprev = da[l - 1];
            int width = WIDTHS[l];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < width; j++) {
                    int idx = i * width + j;
                    daprev.data[idx] = aprev.data[idx] > 0 ? dprev.get(i, j) : 0;
                }
        }
    }

    /** Mean loss and accuracy over a whole data set, in chunks of the batch size: {@code {loss, accuracy}}. */
    double[] evaluate(Matrix x, int[] y) {
        double total = 0;
        int[] correct = {0};
        for (int r0 = 0; r0 < x.rows; r0 += batch) {
            int rows = Math.min(batch, x.rows - r0);
            total += forward(x.rowsView(r0, rows), y, r0, correct);
        }
        return new double[] {total / x.rows, (double) correct[0] / x.rows};
    }

    /** True when every gradient entry is finite. */
    boolean gradientsFinite() {
        for (int l = 0; l < LAYERS; l++) {
            for (double v : gw[l].data) if (!Double.isFinite(v)) return false;
            for (double v : gb[l]) if (!Double.isFinite(v)) return false;
        }
        return true;
    }
}
