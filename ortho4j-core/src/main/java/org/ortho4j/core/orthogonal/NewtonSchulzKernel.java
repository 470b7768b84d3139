package org.ortho4j.core.orthogonal;

import org.ortho4j.core.backend.Backend;
import org.ortho4j.core.linalg.Blas;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;

/**
 * The Newton–Schulz iterations written once over six work buffers ("slots"), with a double
 * ({@link F64}) and a float ({@link F32}) implementation of the few primitive operations they
 * need. The iterate is always wide ({@code r×c}, {@code r ≤ c}); {@link NewtonSchulz} transposes
 * tall inputs on load and store.
 *
 * <p>Slots {@link #X} and {@link #Y} hold {@code r×c} matrices, {@link #R}, {@link #Z},
 * {@link #Q}, {@link #T} hold {@code r×r} matrices; all are contiguous ({@code ld} = width).
 * {@link #swap} exchanges two slots of the same kind without copying. Buffers only grow, so a
 * kernel kept in a {@link NewtonSchulzWorkspace} allocates nothing on repeated calls of the same
 * or smaller size.
 *
 * <p>GEMM and SYRK go through {@link Blas} (the active backend above the small-size threshold) or,
 * when a backend is pinned, straight to that backend.
 *
 * @param <M> the matrix type, {@link Matrix} or {@link FloatMatrix}
 */
abstract class NewtonSchulzKernel<M> {
    /** Current iterate, r×c. */
    static final int X = 0;
    /** Next iterate, r×c. */
    static final int Y = 1;
    /** Gram matrix X Xᵀ (plain form: A), r×r. */
    static final int R = 2;
    /** Polynomial matrix (plain form: B = bA + cA²; Gram form: a I + b R + c R²), r×r. */
    static final int Z = 3;
    /** Accumulated polynomial of the Gram form, r×r. */
    static final int Q = 4;
    /** Scratch, r×r. */
    static final int T = 5;

    private final int[] slot = new int[6];
    /** Rows of the iterate (the short side). */
    int r;
    /** Columns of the iterate (the long side). */
    int c;
    /** Pinned backend, or null for {@link Blas} (active backend). */
    Backend backend;

    /** Sizes the buffers for an r×c iterate and resets the slot mapping. */
    final void begin(int rows, int cols, boolean gram, Backend pinned) {
        r = rows;
        c = cols;
        backend = pinned;
        for (int i = 0; i < slot.length; i++) slot[i] = i;
        ensure((long) rows * cols, (long) rows * rows, gram ? 6 : 4);
    }

    /** Physical buffer index of a logical slot. */
    final int phys(int s) { return slot[s]; }

    /** Exchanges two slots of the same kind. */
    final void swap(int s, int t) {
        int p = slot[s];
        slot[s] = slot[t];
        slot[t] = p;
    }

    /** Number of columns of a slot's matrix. */
    final int width(int s) { return s <= Y ? c : r; }

    /**
     * Plain form (spec §1.2), per step {@code A = X Xᵀ; B = b A + c A²; X = a X + B X}.
     * Cost per step: one SYRK (r²c) and two GEMMs (2r³ + 2r²c).
     */
    final void plain(NewtonSchulzSchedule s) {
        for (int k = 0; k < s.steps(); k++) {
            syrk(X, R);
            copy(R, Z);
            gemm(s.c(k), R, R, s.b(k), Z);
            copy(X, Y);
            gemm(1, Z, X, s.a(k), Y);
            swap(X, Y);
        }
    }

    /**
     * Gram-side form (spec §1.4) with restarts: keeps {@code X_k = Q X_0} implicit and iterates on
     * r×r matrices only,
     * <pre>
     * R ← X Xᵀ;  Q ← I
     * per step k:  Z ← a I + b R + c R²;  Q ← Z Q;  R ← Z R Z        (Z symmetric, commutes with R)
     * at a restart step k:  X ← Q X;  R ← X Xᵀ;  Q ← I   (before step k)
     * X ← Q X
     * </pre>
     * The last update of R (and the one before a restart) is skipped since it is never read; Q
     * after the first step after a (re)start is Z itself. R and Q are symmetrized after every
     * product ({@code (M + Mᵀ)/2}) so rounding cannot break their symmetry.
     *
     * @param restarts sorted step indices ≥ 1 at which to restart (values ≥ K are ignored)
     * @return the number of restarts performed
     */
    final int gram(NewtonSchulzSchedule s, int[] restarts) {
        int steps = s.steps(), done = 0;
        syrk(X, R);
        boolean fresh = true;
        for (int k = 0; k < steps; k++) {
            if (k > 0 && contains(restarts, k)) {
                gemm(1, Q, X, 0, Y);
                swap(X, Y);
                syrk(X, R);
                fresh = true;
                done++;
            }
            copy(R, Z);
            gemm(s.c(k), R, R, s.b(k), Z);
            addToDiagonal(Z, s.a(k));
            if (k + 1 < steps && !contains(restarts, k + 1)) {
                gemm(1, Z, R, 0, T);
                gemm(1, T, Z, 0, R);
                symmetrize(R);
            }
            if (fresh) {
                swap(Q, Z);
                fresh = false;
            } else {
                gemm(1, Z, Q, 0, T);
                swap(Q, T);
                symmetrize(Q);
            }
        }
        gemm(1, Q, X, 0, Y);
        swap(X, Y);
        return done;
    }

    private static boolean contains(int[] sorted, int k) {
        for (int v : sorted) {
            if (v == k) return true;
            if (v > k) return false;
        }
        return false;
    }

    // ---- primitives ---------------------------------------------------------------------------

    /** Makes buffers 0, 1 hold at least {@code big} and buffers 2 .. n-1 at least {@code small} elements. */
    abstract void ensure(long big, long small, int n);

    /** {@code dst = src srcᵀ} (src r×c, dst r×r, exactly symmetric). */
    abstract void syrk(int src, int dst);

    /** {@code out = alpha a b + beta out} with {@code a} r×r and {@code b}, {@code out} of width {@code width(b)}. */
    abstract void gemm(double alpha, int a, int b, double beta, int out);

    /** {@code dst = src} (same kind). */
    abstract void copy(int src, int dst);

    /** {@code m += v I} (r×r slot). */
    abstract void addToDiagonal(int m, double v);

    /** {@code m = (m + mᵀ) / 2} (r×r slot). */
    abstract void symmetrize(int m);

    // ---- typed input / output -----------------------------------------------------------------

    /** True for the float kernel. */
    abstract boolean isFloat();

    abstract int rows(M m);

    abstract int cols(M m);

    abstract M allocate(int rows, int cols);

    /** Throws IllegalArgumentException naming {@code name} if an element is NaN or infinite. */
    abstract void requireFinite(String name, M g);

    /**
     * Loads {@code g} (transposed when {@code transpose}) into slot X and divides it by
     * {@code ‖g‖_F · normScale + eps}. Returns false (X all zero) for a zero matrix.
     */
    abstract boolean load(M g, boolean transpose, NewtonSchulzSchedule s);

    /** Writes slot X (transposed when {@code transpose}) into {@code out}. */
    abstract void store(M out, boolean transpose);

    /** {@code out} as a double matrix (itself for the double kernel, a copy for the float one). */
    abstract Matrix toDouble(M out);

    // ---- double -------------------------------------------------------------------------------

    /** Double kernel: all arithmetic in float64. */
    static final class F64 extends NewtonSchulzKernel<Matrix> {
        private final double[][] buf = new double[6][];

        private double[] a(int s) { return buf[phys(s)]; }

        private Matrix view(int s) { return new Matrix(a(s), 0, r, width(s), width(s)); }

        @Override
        void ensure(long big, long small, int n) {
            for (int i = 0; i < n; i++) {
                long need = i <= Y ? big : small;
                if (buf[i] == null || buf[i].length < need) buf[i] = new double[(int) need];
            }
        }

        @Override
        void syrk(int src, int dst) {
            if (backend == null) Blas.syrk(false, r, c, 1.0, a(src), 0, c, 0.0, a(dst), 0, r);
            else backend.dsyrk(false, r, c, 1.0, a(src), 0, c, 0.0, a(dst), 0, r);
        }

        @Override
        void gemm(double alpha, int x, int y, double beta, int out) {
            int n = width(y);
            if (backend == null) Blas.gemm(false, false, r, n, r, alpha, a(x), 0, r, a(y), 0, n, beta, a(out), 0, n);
            else backend.dgemm(false, false, r, n, r, alpha, a(x), 0, r, a(y), 0, n, beta, a(out), 0, n);
        }

        @Override
        void copy(int src, int dst) { System.arraycopy(a(src), 0, a(dst), 0, r * width(src)); }

        @Override
        void addToDiagonal(int m, double v) {
            double[] d = a(m);
            for (int i = 0; i < r; i++) d[i * r + i] += v;
        }

        @Override
        void symmetrize(int m) {
            double[] d = a(m);
            for (int i = 0; i < r; i++)
                for (int j = i + 1; j < r; j++) {
                    double v = 0.5 * (d[i * r + j] + d[j * r + i]);
                    d[i * r + j] = v;
                    d[j * r + i] = v;
                }
        }

        @Override
        boolean isFloat() { return false; }

        @Override
        int rows(Matrix m) { return m.rows; }

        @Override
        int cols(Matrix m) { return m.cols; }

        @Override
        Matrix allocate(int rows, int cols) { return new Matrix(rows, cols); }

        @Override
        void requireFinite(String name, Matrix g) { MatrixOps.requireFinite(name, g); }

        @Override
        boolean load(Matrix g, boolean transpose, NewtonSchulzSchedule s) {
            Matrix x = view(X);
            if (transpose) MatrixOps.transpose(g, x);
            else MatrixOps.copy(g, x);
            double[] d = x.data;
            int len = r * c;
            double nrm = MatrixOps.normF(x);
            if (nrm == 0) {
                java.util.Arrays.fill(d, 0, len, 0.0);
                return false;
            }
            double denom = nrm * s.normScale() + s.eps();
            if (!Double.isFinite(denom)) {
                // ‖g‖_F overflows: divide by the largest magnitude first (same result up to rounding).
                double mx = MatrixOps.normMax(x);
                for (int i = 0; i < len; i++) d[i] /= mx;
                denom = MatrixOps.normF(x) * s.normScale() + s.eps() / mx;
            }
            for (int i = 0; i < len; i++) d[i] /= denom;
            return true;
        }

        @Override
        void store(Matrix out, boolean transpose) {
            if (transpose) MatrixOps.transpose(view(X), out);
            else MatrixOps.copy(view(X), out);
        }

        @Override
        Matrix toDouble(Matrix out) { return out; }
    }

    // ---- float --------------------------------------------------------------------------------

    /**
     * Float kernel: every array and scalar in float32 (coefficients, eps and normScale are rounded
     * to float once, GEMMs run in float). Only the Frobenius norm is accumulated in double and
     * rounded to float once, which is more accurate than a float accumulation and cannot overflow.
     */
    static final class F32 extends NewtonSchulzKernel<FloatMatrix> {
        private final float[][] buf = new float[6][];

        private float[] a(int s) { return buf[phys(s)]; }

        @Override
        void ensure(long big, long small, int n) {
            for (int i = 0; i < n; i++) {
                long need = i <= Y ? big : small;
                if (buf[i] == null || buf[i].length < need) buf[i] = new float[(int) need];
            }
        }

        @Override
        void syrk(int src, int dst) {
            if (backend == null) Blas.syrk(false, r, c, 1f, a(src), 0, c, 0f, a(dst), 0, r);
            else backend.ssyrk(false, r, c, 1f, a(src), 0, c, 0f, a(dst), 0, r);
        }

        @Override
        void gemm(double alpha, int x, int y, double beta, int out) {
            int n = width(y);
            float al = (float) alpha, be = (float) beta;
            if (backend == null) Blas.gemm(false, false, r, n, r, al, a(x), 0, r, a(y), 0, n, be, a(out), 0, n);
            else backend.sgemm(false, false, r, n, r, al, a(x), 0, r, a(y), 0, n, be, a(out), 0, n);
        }

        @Override
        void copy(int src, int dst) { System.arraycopy(a(src), 0, a(dst), 0, r * width(src)); }

        @Override
        void addToDiagonal(int m, double v) {
            float[] d = a(m);
            float fv = (float) v;
            for (int i = 0; i < r; i++) d[i * r + i] += fv;
        }

        @Override
        void symmetrize(int m) {
            float[] d = a(m);
            for (int i = 0; i < r; i++)
                for (int j = i + 1; j < r; j++) {
                    float v = 0.5f * (d[i * r + j] + d[j * r + i]);
                    d[i * r + j] = v;
                    d[j * r + i] = v;
                }
        }

        @Override
        boolean isFloat() { return true; }

        @Override
        int rows(FloatMatrix m) { return m.rows; }

        @Override
        int cols(FloatMatrix m) { return m.cols; }

        @Override
        FloatMatrix allocate(int rows, int cols) { return new FloatMatrix(rows, cols); }

        @Override
        void requireFinite(String name, FloatMatrix g) {
            if (g == null) throw new IllegalArgumentException(name + " is null, expected a value");
            for (int i = 0; i < g.rows; i++)
                for (int j = 0; j < g.cols; j++) {
                    float v = g.data[g.offset + i * g.ld + j];
                    if (!Float.isFinite(v))
                        throw new IllegalArgumentException(name + "(" + i + ", " + j + ") = " + v + ", expected finite values");
                }
        }

        @Override
        boolean load(FloatMatrix g, boolean transpose, NewtonSchulzSchedule s) {
            float[] d = a(X);
            copyBlock(g.data, g.offset, g.ld, g.rows, g.cols, transpose, d, 0, c);
            int len = r * c;
            double ss = 0;
            for (int i = 0; i < len; i++) ss += (double) d[i] * d[i];
            if (ss == 0) {
                java.util.Arrays.fill(d, 0, len, 0f);
                return false;
            }
            double nrm = Math.sqrt(ss);
            float denom = (float) nrm * (float) s.normScale() + (float) s.eps();
            if (Float.isFinite(denom)) {
                for (int i = 0; i < len; i++) d[i] /= denom;
            } else {
                // ‖g‖_F · normScale exceeds the float range: divide in double, round once.
                double dd = nrm * s.normScale() + s.eps();
                for (int i = 0; i < len; i++) d[i] = (float) (d[i] / dd);
            }
            return true;
        }

        @Override
        void store(FloatMatrix out, boolean transpose) {
            // slot X is r×c; the output is c×r when transposed
            copyBlock(a(X), 0, c, r, c, transpose, out.data, out.offset, out.ld);
        }

        /**
         * Copies a {@code rows×cols} block (row-major, leading dimension {@code lds}) to {@code dst}
         * with leading dimension {@code ldd}, transposing it when asked (32×32 tiles).
         */
        private static void copyBlock(float[] src, int so, int lds, int rows, int cols, boolean transpose,
                                      float[] dst, int dO, int ldd) {
            if (!transpose) {
                for (int i = 0; i < rows; i++) System.arraycopy(src, so + i * lds, dst, dO + i * ldd, cols);
                return;
            }
            final int bs = 32;
            for (int i0 = 0; i0 < rows; i0 += bs)
                for (int j0 = 0; j0 < cols; j0 += bs)
                    for (int i = i0, ie = Math.min(rows, i0 + bs); i < ie; i++)
                        for (int j = j0, je = Math.min(cols, j0 + bs); j < je; j++)
                            dst[dO + j * ldd + i] = src[so + i * lds + j];
        }

        @Override
        Matrix toDouble(FloatMatrix out) { return out.toDouble(); }
    }
}
