package org.ortho4j.qmc.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Ortho4jTest;

class PeriodizationTest extends Ortho4jTest {
    /** Midpoint rule with 2^16 points: error O(h²) ~ 1e-10 for these smooth integrands. */
    private static double midpoint(java.util.function.DoubleUnaryOperator f) {
        int n = 1 << 16;
        double s = 0;
        for (int i = 0; i < n; i++) s += f.applyAsDouble((i + 0.5) / n);
        return s / n;
    }

    @Test
    void everyTransformPreservesTheMeasureAndTheMeanOfPsi() {
        for (Periodization p : Periodization.values()) {
            // ∫ψ' = ψ(1) - ψ(0) = 1 and ∫ψψ' = [ψ²/2] = 1/2 (spec check 13: QMCPy's C3SIN weight gives 0.47790)
            if (p != Periodization.BAKER) {
                assertEquals(1, midpoint(p::derivative), 1e-9, p.name());
                assertEquals(0.5, midpoint(x -> p.psi(x) * p.derivative(x)), 1e-9, p.name());
            }
            assertEquals(0.5, midpoint(p::psi), 1e-9, p.name());       // ψ(U) is uniform: mean 1/2
        }
    }

    @Test
    void derivativesMatchFiniteDifferences() {
        for (Periodization p : Periodization.values()) {
            if (p == Periodization.BAKER) continue;                    // ψ' = ±2 for Baker, weight 1 by measure preservation
            for (double x = 0.05; x < 1; x += 0.1) {
                double h = 1e-6, fd = (p.psi(x + h) - p.psi(x - h)) / (2 * h);
                assertEquals(fd, p.derivative(x), 1e-7, p + " x = " + x);   // central difference error ~ h² + ε/h
            }
        }
    }

    @Test
    void applyTransformsEntriesAndMultipliesWeights() {
        Matrix x = Matrix.of(new double[][] {{0.25, 0.5}, {0.9, 0.1}});
        double[] w = {2, 1};
        Matrix y = Periodization.C1SIN.apply(x, w);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) assertEquals(Periodization.C1SIN.psi(x.get(i, j)), y.get(i, j), 0);
        assertEquals(2 * Periodization.C1SIN.derivative(0.25) * Periodization.C1SIN.derivative(0.5), w[0], 1e-15);
        assertArrayEquals(new double[] {0.5, 1}, Periodization.BAKER.apply(Matrix.of(new double[][] {{0.25}, {0.5}}), new double[2]).data, 0);
        assertSame(x, Periodization.NONE.apply(x, w));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Periodization.C0.apply(x, new double[1]));
        assertTrue(e.getMessage().startsWith("weights.length = 1"), e.getMessage());
    }

    @Test
    void smoothTransformsAreClampedAwayFromTheEnds() {
        for (Periodization p : new Periodization[] {Periodization.C1, Periodization.C1SIN, Periodization.C2SIN, Periodization.C3SIN}) {
            assertEquals(0x1.0p-52, p.psi(0), 0, p.name());
            assertEquals(1 - 0x1.0p-52, p.psi(1), 0, p.name());
        }
    }
}
