package org.ortho4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.testkit.Ortho4jTest;

/**
 * A parameter declared IN_OUT gets exactly the update of its transpose declared OUT_IN: every
 * shape rule (LR factor, NorMuon's rows, the projection side, Dion's Q) sees the OUT_IN shape.
 * Bit-for-bit, because the rule runs on the same OUT_IN data in both cases.
 */
class LayoutTest extends Ortho4jTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ortho4j.optim.TestRules#arguments")
    void inOutEqualsTransposedOutIn(String name, UpdateRule rule) {
        for (int[] shape : new int[][] {{7, 4}, {3, 5}, {1, 6}}) {
            int m = shape[0], n = shape[1];
            FloatMatrix wOut = FloatMatrix.gaussian(m, n, seed), wIn = wOut.transpose();
            Parameter pOut = Parameter.of("W", wOut), pIn = Parameter.of("W", wIn, Layout.IN_OUT);
            assertEquals(m, pIn.fanOut());
            assertEquals(n, pIn.fanIn());
            Optimizer a = HybridOptimizer.of(rule), b = HybridOptimizer.of(rule);
            for (int k = 0; k < 4; k++) {
                FloatMatrix g = FloatMatrix.gaussian(m, n, seed + 100 + k);
                a.step(List.of(pOut), List.of(g));
                b.step(List.of(pIn), List.of(g.transpose()));
            }
            assertArrayEquals(wOut.transpose().data, wIn.data, name + " " + m + "x" + n);
            assertArrayEquals(a.state("W").values().stream().flatMapToDouble(x -> java.util.Arrays.stream(x.data)).toArray(),
                    b.state("W").values().stream().flatMapToDouble(x -> java.util.Arrays.stream(x.data)).toArray(), name + " state");
        }
    }
}
