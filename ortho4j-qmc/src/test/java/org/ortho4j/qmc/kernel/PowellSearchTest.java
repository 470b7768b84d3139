package org.ortho4j.qmc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ortho4j.testkit.Ortho4jTest;

/**
 * The maximizer behind {@link LdGaussianProcess}. Line searches stop at a bracket width of 1e-4, so
 * arguments are accurate to about 1e-4 along each search direction; the tolerances below allow a
 * few times that (amplified along narrow valleys, as stated per case).
 */
class PowellSearchTest extends Ortho4jTest {

    @Test
    void followsADiagonalRidge() {
        // Ridge along theta0 + theta1 = 0.5, 100x steeper across than along: plain coordinate ascent would
        // need hundreds of sweeps; the conjugate direction is found after one sweep.
        PowellSearch.Result r = PowellSearch.maximize(t -> -sq(t[0] - 1) - 100 * sq(t[0] + t[1] - 0.5),
                new double[] {-5, -5}, new double[] {5, 5}, new double[] {-4, 4}, 50, 1e-14);
        assertTrue(r.converged());
        assertEquals(1, r.argmax()[0], 1e-3);
        assertEquals(-0.5, r.argmax()[1], 1e-3);
        assertEquals(0, r.value(), 1e-6);
        assertTrue(r.sweeps() <= 10, "sweeps " + r.sweeps());
    }

    @Test
    void findsTheRosenbrockMaximumInACurvedValley() {
        // The valley y = x^2 is curved; the argmax (1, 1) is found to about 1e-2 (the valley's flat direction
        // amplifies the 1e-4 line-search resolution).
        PowellSearch.Result r = PowellSearch.maximize(t -> -sq(1 - t[0]) - 100 * sq(t[1] - t[0] * t[0]),
                new double[] {-2, -2}, new double[] {2, 2}, new double[] {-1.5, 2}, 200, 1e-15);
        assertEquals(1, r.argmax()[0], 1e-2);
        assertEquals(1, r.argmax()[1], 2e-2);
        assertTrue(r.value() > -1e-4, "value " + r.value());
    }

    @Test
    void respectsBoundsFixedCoordinatesAndInfeasibleRegions() {
        PowellSearch.Result r = PowellSearch.maximize(t -> -sq(t[0] - 3) - sq(t[1]), new double[] {-1, 0.25},
                new double[] {1, 0.25}, new double[] {0, 7}, 20, 1e-12);
        assertEquals(1, r.argmax()[0], 0, "maximum on the upper bound");
        assertEquals(0.25, r.argmax()[1], 0, "lo == hi: fixed (start clipped)");
        assertEquals(-4 - 0.0625, r.value(), 1e-12);

        PowellSearch.Result s = PowellSearch.maximize(t -> t[0] < 0 ? Double.NEGATIVE_INFINITY : -sq(t[0] - 0.5),
                new double[] {-10}, new double[] {10}, new double[] {0.9}, 20, 1e-12);
        assertEquals(0.5, s.argmax()[0], 1e-4);

        PowellSearch.Result none = PowellSearch.maximize(t -> 3, new double[0], new double[0], new double[0], 5, 0);
        assertTrue(none.converged());
        assertEquals(0, none.sweeps());
        assertEquals(1, none.evaluations());
    }

    private static double sq(double v) { return v * v; }
}
