package org.ortho4j.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;

/**
 * Numerical asserts whose tolerances scale with the problem ({@code c * n * eps}) rather than being
 * magic constants. Failure messages give the measured value, the bound and its parts.
 */
public final class Asserts {
    private Asserts() {}

    private static String f(double v) { return String.format(Locale.ROOT, "%.3e", v); }

    /**
     * Asserts {@code ||Q^T Q - I||_F <= c * n * eps} for a tall (or square) Q, or
     * {@code ||Q Q^T - I||_F} for a wide one, where {@code n = max(rows, cols)}.
     */
    public static void assertOrthogonal(int rows, int cols, Entries q, double c, double eps) {
        double err = orthogonalityError(rows, cols, q);
        double bound = c * Math.max(1, Math.max(rows, cols)) * eps;
        if (!(err <= bound))
            fail("not orthogonal: ||Q^T Q - I||_F = " + f(err) + " > c*n*eps = " + c + "*" + Math.max(rows, cols) + "*" + f(eps) + " = " + f(bound)
                    + " (Q is " + rows + "x" + cols + ")");
    }

    /** Double-precision {@link #assertOrthogonal(int, int, Entries, double, double)}. */
    public static void assertOrthogonal(int rows, int cols, Entries q, double c) {
        assertOrthogonal(rows, cols, q, c, Eps.DOUBLE);
    }

    /** {@code ||Q^T Q - I||_F} (tall or square) or {@code ||Q Q^T - I||_F} (wide), computed naively. */
    public static double orthogonalityError(int rows, int cols, Entries q) {
        boolean tall = rows >= cols;
        int n = tall ? cols : rows, len = tall ? rows : cols;
        double s = 0;
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++) {
                double d = 0;
                for (int t = 0; t < len; t++) d += tall ? q.get(t, a) * q.get(t, b) : q.get(a, t) * q.get(b, t);
                if (a == b) d -= 1;
                s += d * d;
            }
        return Math.sqrt(s);
    }

    /** Frobenius norm of a rows x cols block. */
    public static double normF(int rows, int cols, Entries a) {
        double s = 0;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) s += a.get(i, j) * a.get(i, j);
        return Math.sqrt(s);
    }

    /** Frobenius norm of the difference of two rows x cols blocks. */
    public static double diffF(int rows, int cols, Entries a, Entries b) {
        double s = 0;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                double d = a.get(i, j) - b.get(i, j);
                s += d * d;
            }
        return Math.sqrt(s);
    }

    /**
     * Asserts the relative (normwise) error {@code ||actual - expected||_F / ||expected||_F <= tol}
     * (absolute when expected is zero).
     */
    public static void assertRelativeError(int rows, int cols, Entries expected, Entries actual, double tol, String what) {
        double num = diffF(rows, cols, expected, actual), den = normF(rows, cols, expected);
        double err = den == 0 ? num : num / den;
        if (!(err <= tol))
            fail(what + ": relative error " + f(err) + " > " + f(tol) + " (" + rows + "x" + cols + ")");
    }

    /**
     * Asserts a backward error {@code ||A - reconstructed||_F / ||A||_F <= c * n * eps} with
     * {@code n = max(rows, cols)}.
     */
    public static void assertBackwardError(int rows, int cols, Entries a, Entries reconstructed, double c, double eps, String what) {
        double bound = c * Math.max(1, Math.max(rows, cols)) * eps;
        assertRelativeError(rows, cols, a, reconstructed, bound, what + " (bound c*n*eps with c=" + c + ")");
    }

    /** Elementwise {@code |expected[i] - actual[i]| <= atol + rtol * |expected[i]|} (numpy's allclose). */
    public static void assertAllClose(double[] expected, double[] actual, double rtol, double atol, String what) {
        if (expected.length != actual.length)
            fail(what + ": length " + actual.length + ", expected " + expected.length);
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs(expected[i] - actual[i]);
            if (!(d <= atol + rtol * Math.abs(expected[i])))
                fail(what + ": element " + i + " is " + actual[i] + ", expected " + expected[i] + " (|diff| " + f(d)
                        + " > atol " + f(atol) + " + rtol " + f(rtol) + " * |expected|)");
        }
    }

    /** Elementwise closeness of two rows x cols blocks, numpy allclose semantics. */
    public static void assertAllClose(int rows, int cols, Entries expected, Entries actual, double rtol, double atol, String what) {
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                double e = expected.get(i, j), a = actual.get(i, j);
                double d = Math.abs(e - a);
                if (!(d <= atol + rtol * Math.abs(e)))
                    fail(what + ": (" + i + ", " + j + ") is " + a + ", expected " + e + " (|diff| " + f(d) + ")");
            }
    }
}
