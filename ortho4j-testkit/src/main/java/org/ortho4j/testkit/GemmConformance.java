package org.ortho4j.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A reusable conformance check for row-major GEMM and SYRK implementations (any ortho4j backend):
 * a candidate is run next to a reference on a grid of shapes, transposes, scalars and storage
 * layouts, and every element is compared with a tolerance derived from the rounding-error bound
 * of matrix multiplication. The testkit does not depend on ortho4j-core, so implementations are
 * passed as method references with the parameter list of core's {@code Backend}:
 * {@code GemmConformance.checkDgemm("vector", vector::dgemm, java::dgemm, rng())}.
 *
 * <h2>What is checked, per shape {@code (m, n, k)}</h2>
 * <ul>
 *   <li>all four combinations of {@code transA, transB} (the logical {@code op(A)}, {@code op(B)}
 *       are the same for all four, only their storage changes);</li>
 *   <li>{@code (alpha, beta) = (1, 0)} and {@code (2.5, -0.5)};</li>
 *   <li>two storage layouts, alternated over those eight calls: tight (offset 0,
 *       {@code ld = cols}) and views (offsets 1..3, {@code ld = cols + 1..5});</li>
 *   <li>with {@code beta == 0} the view of C is filled with NaN first: BLAS semantics overwrite C,
 *       so no NaN may survive;</li>
 *   <li>every array element outside the view of C (offset and row padding) and every element of
 *       A and B is left bit-for-bit unchanged.</li>
 * </ul>
 *
 * <h2>Default shapes</h2>
 * Every {@code (m, n, k)} with entries in {@code {0, 1, 2, 3, 5, 7, 13, 31, 64, 100, 257}} and
 * {@code m n k <= 64^3} (1272 of the 1331 combinations: empty, vectors, tall, wide, deep, primes,
 * powers of two and the odd sizes around them, which fall on and off any register tile or cache
 * block), plus a few large ones up to 1024 ({@code 1024 x 13 x 257}, {@code 13 x 1024 x 257},
 * {@code 257 x 100 x 257}, {@code 257 x 257 x 64}, {@code 31 x 65 x 1024},
 * {@code 1023 x 1025 x 2}); callers add shapes that straddle their own block sizes. SYRK uses
 * every {@code (n, k)} from the same sizes with {@code n n k <= 2^20}. The work bounds keep a
 * check to a few seconds.
 *
 * <h2>Tolerance</h2>
 * For each element, {@code |candidate - reference| <= (k + 2) * eps * (|alpha| (|op(A)| |op(B)|)_ij
 * + |beta| |C0_ij|)}, with {@code eps} the machine epsilon (2^-52 or 2^-23). Justification
 * (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd ed., §3.5): a dot product of
 * length k computed in any order, with or without FMA, satisfies
 * {@code |fl(x.y) - x.y| <= gamma_k |x|.|y|}, {@code gamma_k = k u / (1 - k u)}, u = eps / 2;
 * scaling by alpha and adding {@code beta * C0} costs two more roundings, so each of candidate and
 * reference is within {@code gamma_(k+2) (|alpha| |A||B| + |beta| |C0|)} of the exact value and
 * their difference within twice that, which is {@code (k + 2) eps (...)} to first order. The bound
 * is elementwise, so cancellation in an element cannot hide an error elsewhere, and it is zero
 * exactly where the result must be exact (e.g. {@code k == 0}, {@code beta == 0}).
 */
public final class GemmConformance {
    private GemmConformance() {}

    /** A row-major double GEMM with the parameter list of core's {@code Backend.dgemm}. */
    @FunctionalInterface
    public interface Dgemm {
        /** {@code C = alpha * op(A) op(B) + beta * C}. */
        void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                   double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                   double beta, double[] c, int cOff, int ldc);
    }

    /** A row-major float GEMM with the parameter list of core's {@code Backend.sgemm}. */
    @FunctionalInterface
    public interface Sgemm {
        /** {@code C = alpha * op(A) op(B) + beta * C}. */
        void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                   float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                   float beta, float[] c, int cOff, int ldc);
    }

    /** A row-major double SYRK with the parameter list of core's {@code Backend.dsyrk}. */
    @FunctionalInterface
    public interface Dsyrk {
        /** {@code C = alpha * op(A) op(A)^T + beta * C}, {@code op(A) = A^T} when {@code trans}; both triangles. */
        void dsyrk(boolean trans, int n, int k, double alpha, double[] a, int aOff, int lda,
                   double beta, double[] c, int cOff, int ldc);
    }

    /** A row-major float SYRK with the parameter list of core's {@code Backend.ssyrk}. */
    @FunctionalInterface
    public interface Ssyrk {
        /** {@code C = alpha * op(A) op(A)^T + beta * C}, {@code op(A) = A^T} when {@code trans}; both triangles. */
        void ssyrk(boolean trans, int n, int k, float alpha, float[] a, int aOff, int lda,
                   float beta, float[] c, int cOff, int ldc);
    }

    /** Sizes combined into every {@code (m, n, k)} of the default grid. */
    private static final int[] SIZES = {0, 1, 2, 3, 5, 7, 13, 31, 64, 100, 257};
    /** Most multiply-adds of a GEMM shape of the default grid (large shapes come from {@link #LARGE}). */
    private static final long GEMM_GRID_WORK = 64L * 64 * 64;
    /** Most multiply-adds {@code n n k} of a SYRK shape of the default grid. */
    private static final long SYRK_GRID_WORK = 1L << 20;
    /** Large shapes {@code {m, n, k}} added to the default grid. */
    private static final int[][] LARGE = {{1024, 13, 257}, {13, 1024, 257}, {257, 100, 257}, {257, 257, 64}, {31, 65, 1024}, {1023, 1025, 2}};
    /** (alpha, beta) pairs. */
    private static final double[][] SCALARS = {{1, 0}, {2.5, -0.5}};
    /** Written into every array element outside the view of C; must survive bit for bit. */
    private static final double SENTINEL = -7777.25;

    /** The default shapes {@code {m, n, k}} (see the class documentation), as a new list. */
    public static List<int[]> defaultShapes() {
        List<int[]> shapes = new ArrayList<>();
        for (int m : SIZES)
            for (int n : SIZES)
                for (int k : SIZES)
                    if ((long) m * n * k <= GEMM_GRID_WORK) shapes.add(new int[] {m, n, k});
        for (int[] s : LARGE) shapes.add(s.clone());
        return shapes;
    }

    /**
     * Checks a double GEMM against a reference on the default shapes plus {@code extraShapes}
     * (each {@code {m, n, k}}); fails with the first offending call and element.
     *
     * @param what name of the candidate, used in failure messages
     */
    public static void checkDgemm(String what, Dgemm candidate, Dgemm reference, SplittableRandom rng, int[]... extraShapes) {
        checkGemm(what, candidate, reference, Eps.DOUBLE, false, rng, extraShapes);
    }

    /** Float version of {@link #checkDgemm}; tolerances use {@link Eps#FLOAT}. */
    public static void checkSgemm(String what, Sgemm candidate, Sgemm reference, SplittableRandom rng, int[]... extraShapes) {
        checkGemm(what, widen(candidate), widen(reference), Eps.FLOAT, true, rng, extraShapes);
    }

    /**
     * Checks a double SYRK, both {@code trans} values, against {@code reference} GEMM of
     * {@code op(A) op(A)^T} on the default {@code (n, k)} (see the class documentation) plus
     * {@code extraShapes} (each {@code {n, k}}). In addition to the GEMM checks, the result must
     * be exactly symmetric; the initial C is symmetric so that the full-matrix semantics are
     * well defined.
     */
    public static void checkDsyrk(String what, Dsyrk candidate, Dgemm reference, SplittableRandom rng, int[]... extraShapes) {
        checkSyrk(what, candidate, reference, Eps.DOUBLE, false, rng, extraShapes);
    }

    /** Float version of {@link #checkDsyrk}; tolerances use {@link Eps#FLOAT}. */
    public static void checkSsyrk(String what, Ssyrk candidate, Sgemm reference, SplittableRandom rng, int[]... extraShapes) {
        Dsyrk wide = (trans, n, k, alpha, a, aOff, lda, beta, c, cOff, ldc) -> {
            float[] fa = narrow(a), fc = narrow(c);
            candidate.ssyrk(trans, n, k, (float) alpha, fa, aOff, lda, (float) beta, fc, cOff, ldc);
            copyBack(fa, a);
            copyBack(fc, c);
        };
        checkSyrk(what, wide, widen(reference), Eps.FLOAT, true, rng, extraShapes);
    }

    // ---------------------------------------------------------------- GEMM

    private static void checkGemm(String what, Dgemm candidate, Dgemm reference, double eps, boolean single,
                                  SplittableRandom rng, int[]... extraShapes) {
        List<int[]> shapes = defaultShapes();
        shapes.addAll(Arrays.asList(extraShapes));
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            double[] opA = values(m * k, single, rng), opB = values(k * n, single, rng), c0 = values(m * n, single, rng);
            double[] absAB = absProduct(m, n, k, opA, opB);
            int call = 0;
            for (int t = 0; t < 4; t++) {
                boolean transA = (t & 1) != 0, transB = (t & 2) != 0;
                for (double[] ab : SCALARS) {
                    boolean view = call++ % 2 == 1;
                    Operand a = Operand.of(opA, m, k, transA, view, rng);
                    Operand b = Operand.of(opB, k, n, transB, view, rng);
                    Operand c = Operand.of(c0, m, n, false, view, rng);
                    if (ab[1] == 0) c.fillView(Double.NaN);
                    Operand cRef = c.copy();
                    Supplier<String> where = () -> String.format(Locale.ROOT, "%s gemm(transA=%b, transB=%b, m=%d, n=%d, k=%d, alpha=%s, beta=%s, %s)",
                            what, transA, transB, m, n, k, ab[0], ab[1], view ? "views: offsets " + a.off + "/" + b.off + "/" + c.off
                                    + ", ld " + a.ld + "/" + b.ld + "/" + c.ld : "tight");
                    double[] aCopy = a.data.clone(), bCopy = b.data.clone();
                    candidate.dgemm(transA, transB, m, n, k, ab[0], a.data, a.off, a.ld, b.data, b.off, b.ld, ab[1], c.data, c.off, c.ld);
                    reference.dgemm(transA, transB, m, n, k, ab[0], a.data, a.off, a.ld, b.data, b.off, b.ld, ab[1], cRef.data, cRef.off, cRef.ld);
                    requireUnchanged(where, "A", aCopy, a.data);
                    requireUnchanged(where, "B", bCopy, b.data);
                    c.requirePaddingUnchanged(where);
                    compare(where, m, n, k, ab[0], ab[1], c0, absAB, c, cRef, eps);
                }
            }
        }
    }

    // ---------------------------------------------------------------- SYRK

    private static void checkSyrk(String what, Dsyrk candidate, Dgemm reference, double eps, boolean single,
                                  SplittableRandom rng, int[]... extraShapes) {
        List<int[]> shapes = new ArrayList<>();
        for (int n : SIZES)
            for (int k : SIZES)
                if ((long) n * n * k <= SYRK_GRID_WORK) shapes.add(new int[] {n, k});
        shapes.addAll(Arrays.asList(extraShapes));
        for (int[] s : shapes) {
            int n = s[0], k = s[1];
            double[] opA = values(n * k, single, rng), c0 = values(n * n, single, rng);
            for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) c0[i * n + j] = c0[j * n + i];
            double[] opAT = new double[k * n];
            for (int i = 0; i < n; i++) for (int p = 0; p < k; p++) opAT[p * n + i] = opA[i * k + p];
            double[] absAAT = absProduct(n, n, k, opA, opAT);
            int call = 0;
            for (boolean trans : new boolean[] {false, true}) {
                for (double[] ab : SCALARS) {
                    boolean view = call++ % 2 == 1;
                    Operand a = Operand.of(opA, n, k, trans, view, rng);
                    Operand c = Operand.of(c0, n, n, false, view, rng);
                    if (ab[1] == 0) c.fillView(Double.NaN);
                    Operand cRef = c.copy();
                    Supplier<String> where = () -> String.format(Locale.ROOT, "%s syrk(trans=%b, n=%d, k=%d, alpha=%s, beta=%s, %s)",
                            what, trans, n, k, ab[0], ab[1], view ? "views: offsets " + a.off + "/" + c.off + ", ld " + a.ld + "/" + c.ld : "tight");
                    double[] aCopy = a.data.clone();
                    candidate.dsyrk(trans, n, k, ab[0], a.data, a.off, a.ld, ab[1], c.data, c.off, c.ld);
                    reference.dgemm(trans, !trans, n, n, k, ab[0], a.data, a.off, a.ld, a.data, a.off, a.ld, ab[1], cRef.data, cRef.off, cRef.ld);
                    requireUnchanged(where, "A", aCopy, a.data);
                    c.requirePaddingUnchanged(where);
                    for (int i = 0; i < n; i++)
                        for (int j = 0; j < i; j++)
                            if (Double.doubleToRawLongBits(c.get(i, j)) != Double.doubleToRawLongBits(c.get(j, i)))
                                fail(where.get() + ": not exactly symmetric, C(" + i + ", " + j + ") = " + c.get(i, j)
                                        + " but C(" + j + ", " + i + ") = " + c.get(j, i));
                    compare(where, n, n, k, ab[0], ab[1], c0, absAAT, c, cRef, eps);
                }
            }
        }
    }

    // ---------------------------------------------------------------- shared

    /** Elementwise comparison with the tolerance of the class documentation. */
    private static void compare(Supplier<String> where, int m, int n, int k, double alpha, double beta, double[] c0, double[] absAB,
                                Operand c, Operand cRef, double eps) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double got = c.get(i, j), want = cRef.get(i, j);
                double scale = Math.abs(alpha) * absAB[i * n + j] + (beta == 0 ? 0 : Math.abs(beta * c0[i * n + j]));
                double tol = (k + 2) * eps * scale;
                if (!(Math.abs(got - want) <= tol))
                    fail(String.format(Locale.ROOT, "%s: C(%d, %d) = %s, reference %s, |diff| %.3e > tol %.3e "
                                    + "= (k + 2) * eps * (|alpha| (|A||B|)_ij + |beta C0_ij|) with (|A||B|)_ij = %.3e",
                            where.get(), i, j, got, want, Math.abs(got - want), tol, absAB[i * n + j]));
            }
        }
    }

    /** {@code |X| |Y|} for row-major {@code X (m x k)}, {@code Y (k x n)}: the scale of the error bound. */
    private static double[] absProduct(int m, int n, int k, double[] x, double[] y) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int p = 0; p < k; p++) {
                double xa = Math.abs(x[i * k + p]);
                for (int j = 0; j < n; j++) out[i * n + j] += xa * Math.abs(y[p * n + j]);
            }
        return out;
    }

    /** Standard normal values, rounded to float when {@code single} so both precisions see them exactly. */
    private static double[] values(int count, boolean single, SplittableRandom rng) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            double g = gaussian(rng);
            v[i] = single ? (float) g : g;
        }
        return v;
    }

    /** Box-Muller (one value per call), so the testkit needs nothing beyond SplittableRandom. */
    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble(); // in (0, 1]
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static void requireUnchanged(Supplier<String> where, String name, double[] before, double[] after) {
        for (int i = 0; i < before.length; i++)
            if (Double.doubleToRawLongBits(before[i]) != Double.doubleToRawLongBits(after[i]))
                fail(where.get() + ": input " + name + " was modified at array index " + i + ": " + before[i] + " -> " + after[i]);
    }

    /**
     * A logical {@code rows x cols} matrix stored row-major, transposed ({@code cols x rows}
     * stored) when {@code trans}, with an offset and padded leading dimension when {@code view};
     * every element outside the stored block holds {@link #SENTINEL}.
     */
    private static final class Operand {
        final double[] data;
        final int off, ld, storedRows, storedCols;

        private Operand(double[] data, int off, int ld, int storedRows, int storedCols) {
            this.data = data; this.off = off; this.ld = ld; this.storedRows = storedRows; this.storedCols = storedCols;
        }

        static Operand of(double[] logical, int rows, int cols, boolean trans, boolean view, SplittableRandom rng) {
            int sr = trans ? cols : rows, sc = trans ? rows : cols;
            int off = view ? 1 + rng.nextInt(3) : 0;
            int ld = Math.max(1, sc + (view ? 1 + rng.nextInt(5) : 0));
            double[] data = new double[off + (sr == 0 ? 0 : (sr - 1) * ld + sc) + (view ? 2 : 0)];
            Arrays.fill(data, SENTINEL);
            Operand o = new Operand(data, off, ld, sr, sc);
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++) {
                    int idx = trans ? off + j * ld + i : off + i * ld + j;
                    data[idx] = logical[i * cols + j];
                }
            return o;
        }

        Operand copy() { return new Operand(data.clone(), off, ld, storedRows, storedCols); }

        double get(int i, int j) { return data[off + i * ld + j]; }

        void fillView(double v) {
            for (int i = 0; i < storedRows; i++) Arrays.fill(data, off + i * ld, off + i * ld + storedCols, v);
        }

        /** Fails if any element outside the stored block is not the sentinel. */
        void requirePaddingUnchanged(Supplier<String> where) {
            int idx = 0;
            for (int i = 0; i < storedRows; i++) {
                int rowStart = off + i * ld;
                requireSentinel(where, idx, rowStart);
                idx = rowStart + storedCols;
            }
            requireSentinel(where, idx, data.length);
        }

        private void requireSentinel(Supplier<String> where, int from, int to) {
            for (int idx = from; idx < to; idx++)
                if (Double.doubleToRawLongBits(data[idx]) != Double.doubleToRawLongBits(SENTINEL))
                    fail(where.get() + ": wrote outside the view of C at array index " + idx + " (offset " + off + ", ld " + ld + "): " + data[idx]);
        }
    }

    /** Runs a float GEMM on float copies of double arrays (holding float values) and copies them back. */
    private static Dgemm widen(Sgemm s) {
        return (transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc) -> {
            float[] fa = narrow(a), fb = narrow(b), fc = narrow(c);
            s.sgemm(transA, transB, m, n, k, (float) alpha, fa, aOff, lda, fb, bOff, ldb, (float) beta, fc, cOff, ldc);
            copyBack(fa, a);
            copyBack(fb, b);
            copyBack(fc, c);
        };
    }

    private static float[] narrow(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
        return f;
    }

    private static void copyBack(float[] f, double[] x) {
        for (int i = 0; i < f.length; i++) x[i] = f[i];
    }
}
