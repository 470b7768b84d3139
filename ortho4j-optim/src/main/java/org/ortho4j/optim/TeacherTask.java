package org.ortho4j.optim;

import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;
import org.ortho4j.core.random.SplitMix64;
import org.ortho4j.core.transform.Dct;

/**
 * The data of the reference experiment (spec {@code optimizers.md} §10), generated bit for bit as
 * the numpy reference does: one {@link SplitMix64} generator with seed 20251127, drawing in this
 * order (normals by Box–Muller, one value per call, matrices row-major):
 * <ol>
 *   <li>{@code Z} ({@code nTrain×32}), train inputs {@code X = (Z ⊙ s)·C₃₂} with
 *       {@code s_j = 10^(−1.5·j/31)} and {@code C₃₂} the orthonormal DCT-II matrix (row vectors:
 *       ill-conditioned and rotated so that a diagonal preconditioner cannot undo it);</li>
 *   <li>{@code Z'} ({@code nTest×32}), test inputs likewise;</li>
 *   <li>teacher {@code T1} ({@code 64×32}), then {@code T2} ({@code 10×64});</li>
 * </ol>
 * labels {@code y = argmax_k (tanh(X·T1ᵀ·scale1)·T2ᵀ)_k} (first index on ties),
 * {@code scale1 = 3/sqrt(Σ s_j²)}. All in float64.
 */
final class TeacherTask {
    static final long SEED = 20251127L;
    static final int DIM = 32, CLASSES = 10, TEACHER_HIDDEN = 64;

    final Matrix xTrain, xTest;
    final int[] yTrain, yTest;

    private TeacherTask(Matrix xTrain, int[] yTrain, Matrix xTest, int[] yTest) {
        this.xTrain = xTrain;
        this.yTrain = yTrain;
        this.xTest = xTest;
        this.yTest = yTest;
    }

    /** Generates the task with {@code nTrain} training and {@code nTest} test rows. O((nTrain + nTest)·32·64). */
    static TeacherTask generate(int nTrain, int nTest) {
        SplitMix64 rng = new SplitMix64(SEED);
        double[] s = new double[DIM];
        double ss = 0;
        for (int j = 0; j < DIM; j++) {
            s[j] = Math.pow(10, -1.5 * j / (DIM - 1));
            ss += s[j] * s[j];
        }
        Matrix c = Dct.basis(DIM);
        Matrix xTrain = inputs(rng, nTrain, s, c), xTest = inputs(rng, nTest, s, c);
        Matrix t1 = gaussian(rng, TEACHER_HIDDEN, DIM), t2 = gaussian(rng, CLASSES, TEACHER_HIDDEN);
        double scale1 = 3 / Math.sqrt(ss);
        return new TeacherTask(xTrain, labels(xTrain, t1, t2, scale1), xTest, labels(xTest, t1, t2, scale1));
    }

    private static Matrix gaussian(SplitMix64 rng, int rows, int cols) {
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = rng.nextGaussian();
        return m;
    }

    private static Matrix inputs(SplitMix64 rng, int n, double[] s, Matrix c) {
        Matrix z = gaussian(rng, n, DIM);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < DIM; j++) z.data[i * DIM + j] *= s[j];
        return MatrixOps.mult(z, c, null);
    }

    private static int[] labels(Matrix x, Matrix t1, Matrix t2, double scale1) {
        Matrix h = MatrixOps.multTransB(x, t1, null);
        for (int i = 0; i < h.data.length; i++) h.data[i] = Math.tanh(h.data[i] * scale1);
        Matrix logits = MatrixOps.multTransB(h, t2, null);
        int[] y = new int[x.rows];
        for (int i = 0; i < x.rows; i++) {
            int best = 0;
            for (int k = 1; k < CLASSES; k++)
                if (logits.data[i * CLASSES + k] > logits.data[i * CLASSES + best]) best = k;
            y[i] = best;
        }
        return y;
    }

    /** Class counts of a label vector. */
    static int[] histogram(int[] y) {
        int[] h = new int[CLASSES];
        for (int v : y) h[v]++;
        return h;
    }
}
