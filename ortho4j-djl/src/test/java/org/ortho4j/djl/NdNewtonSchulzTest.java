package org.ortho4j.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.orthogonal.NewtonSchulz;
import org.ortho4j.core.orthogonal.NewtonSchulzRootTable;
import org.ortho4j.testkit.Ortho4jTest;

/**
 * {@link NdNewtonSchulz} (PyTorch engine, float32) against ortho4j-core's {@link NewtonSchulz}
 * float path on the same Gaussian inputs.
 *
 * <p>Tolerance: relative Frobenius difference ≤ {@code 2e-5}. Both run five quintic steps in
 * float32 (u = 6e-8) with different summation orders (and core normalizes in double); each step
 * multiplies the rounding errors by at most the polynomial's slope (≤ a ≈ 3.4 near 0, ≤ 8.2 for the
 * first Polar Express step), on products with inner dimension ≤ 64, so ~10²–10³u; measured
 * differences are below 5e-6. A wrong coefficient or a missing transpose changes the result by ≥ 1e-2.
 */
class NdNewtonSchulzTest extends Ortho4jTest {
    private static final double TOL = 2e-5;
    private static final int[][] SHAPES = {{1, 1}, {1, 5}, {5, 1}, {2, 3}, {3, 2}, {7, 7}, {13, 5}, {5, 13}, {16, 64}, {64, 16}, {31, 37}};

    private NDManager manager;

    @BeforeEach
    void open() { manager = NDManager.newBaseManager(); }

    @AfterEach
    void close() { manager.close(); }

    @Test
    void matchesCoreOnEveryShapeAndSchedule() {
        NewtonSchulz root = NewtonSchulz.root(NewtonSchulzRootTable.published().with(13, 5, 3.4916, -4.8224, 2.1095), 5);
        for (NewtonSchulz ns : new NewtonSchulz[] {NewtonSchulz.muon(), NewtonSchulz.muon(1), NewtonSchulz.polarExpress(), NewtonSchulz.dion(), root}) {
            for (int[] s : SHAPES) {
                FloatMatrix g = FloatMatrix.gaussian(s[0], s[1], seed + 31L * s[0] + s[1]);
                FloatMatrix expected = ns.orthogonalize(g);
                float[] actual = NdNewtonSchulz.apply(manager.create(g.data.clone(), new Shape(s[0], s[1])), ns).toFloatArray();
                double diff = 0, ref = 0;
                for (int i = 0; i < actual.length; i++) {
                    diff += Math.pow(actual[i] - expected.data[i], 2);
                    ref += Math.pow(expected.data[i], 2);
                }
                double rel = Math.sqrt(diff / ref);
                assertTrue(rel <= TOL, ns.describe() + " on " + s[0] + "x" + s[1] + ": relative difference " + rel);
            }
        }
    }

    @Test
    void zeroStaysZeroAndShapeIsKept() {
        NDArray z = manager.zeros(new Shape(4, 3));
        NDArray out = NdNewtonSchulz.apply(z, NewtonSchulz.muon());
        assertArrayEquals(new long[] {4, 3}, out.getShape().getShape());
        assertArrayEquals(new float[12], out.toFloatArray());
    }

    @Test
    void rejectsNonMatrices() {
        var e = assertThrows(IllegalArgumentException.class, () -> NdNewtonSchulz.apply(manager.zeros(new Shape(5)), NewtonSchulz.muon()));
        assertTrue(e.getMessage().contains("g has shape"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NdNewtonSchulz.apply(manager.zeros(new Shape(0, 3)), NewtonSchulz.muon()));
        assertTrue(e.getMessage().contains("both dimensions >= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NdNewtonSchulz.apply(manager.zeros(new Shape(2, 2)), (NewtonSchulz) null));
        assertTrue(e.getMessage().contains("orthogonalizer"), e.getMessage());
    }
}
