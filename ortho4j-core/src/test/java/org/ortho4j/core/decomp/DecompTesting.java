package org.ortho4j.core.decomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludovic.netlib.lapack.LAPACK;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.provider.Arguments;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Asserts;
import org.ortho4j.testkit.Eps;

/**
 * Shared fixtures of the decomposition tests: the LAPACK implementations every test runs with
 * (the active one, i.e. native where it loads, and netlib's pure-Java F2J build), the size grid,
 * and the reconstruction / orthogonality asserts.
 *
 * <p>Tolerance constant {@link #C}: LAPACK's Householder-based factorizations have normwise
 * backward errors and orthogonality losses bounded by {@code p(n) eps} with a low-degree
 * polynomial {@code p}; in practice the error is {@code O(sqrt(n) eps)} (Higham, <i>Accuracy and
 * Stability of Numerical Algorithms</i>, 2nd ed., Thm. 19.4 and Sec. 19.3). {@code c n eps} with
 * {@code c = 10} sits well above what is measured on this grid with both LAPACKs (largest
 * ratio err / (n eps) observed: 1.3 for reconstructions, 2.0 for orthogonality), while any
 * wrong index, sign, layout or permutation produces an O(1) error and fails.
 */
final class DecompTesting {
    private DecompTesting() {}

    /** The constant c of the {@code c n eps} bounds (see the class comment). */
    static final double C = 10;

    /** Square sizes of the grid, 0 included. */
    static final int[] SQUARES = {0, 1, 2, 3, 5, 7, 13, 31, 64, 100};

    /** Every shape of the grid: the squares, then tall 50x7 and 200x31, wide 7x50. */
    static List<int[]> shapes() {
        List<int[]> out = new ArrayList<>();
        for (int n : SQUARES) out.add(new int[] {n, n});
        out.add(new int[] {50, 7});
        out.add(new int[] {200, 31});
        out.add(new int[] {7, 50});
        return out;
    }

    /** The LAPACK implementations to run with: the active one and the pure-Java one. */
    static List<LAPACK> lapackList() {
        return List.of(Lapack.get(), Lapack.byName("java"));
    }

    /** (lapack name, lapack). */
    static Stream<Arguments> lapacks() {
        return lapackList().stream().map(l -> Arguments.of(l.getClass().getSimpleName(), l));
    }

    /** (lapack name, lapack, m, n) over every shape. */
    static Stream<Arguments> lapacksAndShapes() {
        return lapackList().stream().flatMap(l -> shapes().stream()
                .map(s -> Arguments.of(l.getClass().getSimpleName(), l, s[0], s[1])));
    }

    /** (lapack name, lapack, n) over the square sizes. */
    static Stream<Arguments> lapacksAndSizes() {
        return lapackList().stream().flatMap(l -> java.util.Arrays.stream(SQUARES)
                .mapToObj(n -> Arguments.of(l.getClass().getSimpleName(), l, n)));
    }

    /** {@code ||a - recon||_F <= C max(m, n) eps ||a||_F} (zero matrices must match exactly). */
    static void assertReconstructs(Matrix a, Matrix recon, String what) {
        assertEquals(a.rows, recon.rows, what + ": rows");
        assertEquals(a.cols, recon.cols, what + ": cols");
        Asserts.assertBackwardError(a.rows, a.cols, a::get, recon::get, C, Eps.DOUBLE, what);
    }

    /** Orthonormal columns (tall/square) or rows (wide) within {@code C max(m, n) eps}. */
    static void assertOrthonormal(Matrix q, String what) {
        try {
            Asserts.assertOrthogonal(q.rows, q.cols, q::get, C);
        } catch (AssertionError e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
        }
    }

    /**
     * False when a general eigenproblem of order n would take seconds: netlib's pure-Java
     * LAPACK is an F2J translation whose largest routines (dgeev's dlaqr* and dhseqr family)
     * exceed HotSpot's 8000-byte limit for JIT compilation and run interpreted, about 15x
     * slower, unless the JVM runs with {@code -XX:-DontCompileHugeMethods}. Tests then skip
     * (visibly, via an assumption) the few order-100 general eigenproblems with that LAPACK.
     */
    static boolean generalEigenIsCheap(LAPACK lapack, int n) {
        if (n <= 64 || !(lapack instanceof dev.ludovic.netlib.lapack.JavaLAPACK)) return true;
        var bean = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        return bean != null && "false".equals(bean.getVMOption("DontCompileHugeMethods").getValue());
    }

    /** Asserts that {@code body} throws {@code type} with a message containing every fragment. */
    static <T extends Throwable> T assertThrowsWith(Class<T> type, Executable body, String... fragments) {
        T e = assertThrows(type, body);
        for (String f : fragments)
            assertTrue(e.getMessage() != null && e.getMessage().contains(f),
                    "message \"" + e.getMessage() + "\" should contain \"" + f + "\"");
        return e;
    }

    /** A matrix whose (1, 2) element (or (0, 0) for tiny shapes) is NaN. */
    static Matrix withNaN(int rows, int cols) {
        Matrix a = Matrix.gaussian(rows, cols, 1);
        a.set(Math.min(1, rows - 1), Math.min(2, cols - 1), Double.NaN);
        return a;
    }

    /** A symmetric n x n Gaussian matrix, exactly symmetric ((G + G^T) / 2 rounds identically on both sides). */
    static Matrix symmetricGaussian(int n, long seed) {
        Matrix g = Matrix.gaussian(n, n, seed);
        return g.plus(g.transpose()).times(0.5);
    }

    /** Entry-wise maximum of |a - b| over two arrays of equal length. */
    static double maxAbsDiff(double[] a, double[] b) {
        assertEquals(a.length, b.length, "lengths");
        double d = 0;
        for (int i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
        return d;
    }
}
