package org.ortho4j.core.orthogonal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.ortho4j.core.linalg.Matrix;

/** Shared references for this package's tests: naive products and random inputs. */
final class OrthoTesting {
    private OrthoTesting() {}

    /** Naive triple-loop product, the obvious reference. */
    static Matrix naiveMult(Matrix a, Matrix b) {
        Matrix c = new Matrix(a.rows, b.cols);
        for (int i = 0; i < a.rows; i++)
            for (int j = 0; j < b.cols; j++) {
                double s = 0;
                for (int p = 0; p < a.cols; p++) s += a.get(i, p) * b.get(p, j);
                c.set(i, j, s);
            }
        return c;
    }

    /** I − β v vᵀ/(vᵀv), formed naively. */
    static Matrix naiveReflector(double[] v, double beta) {
        double s = 0;
        for (double x : v) s += x * x;
        Matrix h = Matrix.eye(v.length);
        for (int i = 0; i < v.length; i++)
            for (int j = 0; j < v.length; j++) h.set(i, j, h.get(i, j) - beta * v[i] * v[j] / s);
        return h;
    }

    /** Column j of a matrix as an array. */
    static double[] column(Matrix a, int j) { return a.colArray(j); }

    /** Standard normal matrix from the test's generator. */
    static Matrix gaussian(int rows, int cols, RandomGenerator rng) {
        Matrix g = new Matrix(rows, cols);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) g.set(i, j, rng.nextGaussian());
        return g;
    }

    /** Uniform values in [0, 2] (β's), with the endpoints forced in when there is room. */
    static double[] betas(int k, RandomGenerator rng) {
        double[] b = new double[k];
        for (int i = 0; i < k; i++) b[i] = 2 * rng.nextDouble();
        if (k > 2) { b[0] = 2; b[1] = 0; }
        return b;
    }

    /** ‖a − b‖_F. */
    static double diffF(Matrix a, Matrix b) { return a.minus(b).normF(); }

    /** Asserts {@code ‖actual − expected‖_F ≤ tol · max(1, ‖expected‖_F)} with a readable message. */
    static void assertClose(Matrix expected, Matrix actual, double tol, String what) {
        double err = diffF(expected, actual), scale = Math.max(1, expected.normF());
        assertTrue(err <= tol * scale, what + ": ‖diff‖_F = " + err + " > " + tol + " * " + scale);
    }
}
