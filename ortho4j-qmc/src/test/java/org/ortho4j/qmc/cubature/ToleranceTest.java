package org.ortho4j.qmc.cubature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ortho4j.testkit.Ortho4jTest;

class ToleranceTest extends Ortho4jTest {

    @Test
    void eitherRuleReproducesTheSpecExample() {
        // spec qmc.md §4 check 12: abs 0.1, rel 0.01
        Tolerance t = new Tolerance(0.1, 0.01, ErrorCriterion.EITHER);
        assertEquals(0.1, t.tol(9.8), 0);
        assertEquals(0.102, t.tol(10.2), 1e-16);
        assertEquals(9.999, t.solution(9.8, 10.2), 1e-14);
        assertFalse(t.isMet(9.8, 10.2));                       // 0.4 > 0.202
        assertEquals(0.1, t.tol(9.95), 0);
        assertEquals(0.1005, t.tol(10.05), 1e-16);
        assertEquals(9.99975, t.solution(9.95, 10.05), 1e-14);
        assertTrue(t.isMet(9.95, 10.05));                      // 0.1 <= 0.2005
    }

    @Test
    void bothRuleTakesTheSmallerTolerance() {
        Tolerance t = new Tolerance(0.1, 0.01, ErrorCriterion.BOTH);
        assertEquals(0.098, t.tol(9.8), 1e-16);
        assertEquals(0.1, t.tol(10.2), 0);
        assertEquals(0.5 * (20 + 0.098 - 0.1), t.solution(9.8, 10.2), 1e-14);
        assertTrue(t.isMet(9.95, 10.05));                      // 0.1 <= 0.0995 + 0.1
        assertFalse(t.isMet(9.9, 10.1));                       // 0.2 > 0.099 + 0.1
    }

    @Test
    void absoluteOnlyIsTheMidpointAndHalfWidthRule() {
        Tolerance t = Tolerance.absolute(0.5);
        assertEquals(1.25, t.solution(1, 1.5), 0);
        assertTrue(t.isMet(0, 1));
        assertFalse(t.isMet(0, 1.0000001));
        assertFalse(t.isMet(Double.NEGATIVE_INFINITY, 1));
    }

    @Test
    void invalidTolerancesAreRejected() {
        String[][] cases = {{"-1", "0", "EITHER", "absTol = -1.0"}, {"0", "0", "EITHER", "absTol = 0 and relTol = 0"},
            {"0.1", "1", "EITHER", "relTol = 1.0"}, {"0.1", "0", "BOTH", "absTol = 0.1, relTol = 0.0"},
            {"NaN", "0.1", "EITHER", "absTol = NaN"}};
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Tolerance(Double.parseDouble(c[0]),
                    Double.parseDouble(c[1]), ErrorCriterion.valueOf(c[2])));
            assertTrue(e.getMessage().startsWith(c[3]), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tolerance.absolute(0));
        assertTrue(e.getMessage().startsWith("absTol = 0.0"), e.getMessage());
    }

    @Test
    void resultReportsBoundsAndRefusesToHideFailure() {
        IntegrationResult ok = new IntegrationResult("m", new double[] {1, 2}, new double[] {0.9, 1.5}, new double[] {1.1, 2.2},
                new long[] {8, 16}, 16, 2, new boolean[] {true, true}, Termination.CONVERGED, 0.1, List.of());
        assertEquals(0.1, ok.errorBound(0), 1e-15);
        assertEquals(0.5, ok.errorBound(1), 1e-15);
        assertEquals(1, ok.value());
        assertTrue(ok.isConverged());
        assertEquals(ok, ok.requireConverged());
        IntegrationResult bad = new IntegrationResult("m", new double[] {1}, new double[] {0}, new double[] {2}, new long[] {8}, 8, 1,
                new boolean[] {false}, Termination.BUDGET_EXHAUSTED, 0, List.of("w"));
        IllegalStateException e = assertThrows(IllegalStateException.class, bad::requireConverged);
        assertTrue(e.getMessage().startsWith("m did not meet the tolerance (BUDGET_EXHAUSTED)"), e.getMessage());
        double[] est = ok.estimate();
        est[0] = 99;
        assertArrayEquals(new double[] {1, 2}, ok.estimate(), 0);                // defensive copies
        assertThrows(IllegalArgumentException.class, () -> new IntegrationResult("m", new double[1], new double[2], new double[1],
                new long[1], 1, 1, new boolean[1], Termination.CONVERGED, 0, List.of()));
    }
}
