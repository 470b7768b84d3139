package org.ortho4j.core.orthogonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Ortho4jTest;

/** The {@link Orthogonalizer} contract, checked for every implementation an optimizer may swap in. */
class OrthogonalizerTest extends Ortho4jTest {

    static Stream<Orthogonalizer> all() {
        return Stream.of(Polar.exact(), NewtonSchulz.muon(), NewtonSchulz.polarExpress().gramSide(true), NewtonSchulz.dion(),
                NewtonSchulz.root(), NewtonSchulz.muon().form(NewtonSchulz.Form.AUTO));
    }

    @ParameterizedTest
    @MethodSource("all")
    void keepsShapeLeavesTheInputAloneAndSupportsInPlace(Orthogonalizer o) {
        for (int[] shape : new int[][] {{7, 3}, {3, 7}, {5, 5}, {1, 4}, {0, 3}}) {
            Matrix g = Matrix.gaussian(shape[0], shape[1], seed), keep = g.copy();
            Matrix out = o.orthogonalize(g);
            assertNotSame(g, out);
            assertEquals(keep, g, o.describe() + ": input modified");
            assertEquals(shape[0], out.rows);
            assertEquals(shape[1], out.cols);
            Matrix inPlace = g.copy();
            assertSame(inPlace, o.orthogonalize(inPlace, inPlace));
            assertEquals(out, inPlace, o.describe() + ": in place differs");
            FloatMatrix gf = g.toFloat(), keepF = gf.copy();
            FloatMatrix outF = o.orthogonalize(gf);
            assertEquals(keepF, gf);
            assertEquals(shape[0], outF.rows);
            assertEquals(shape[1], outF.cols);
        }
    }

    /**
     * Every implementation approximates the same polar factor: Newton–Schulz outputs lie within
     * their documented distance of the exact one (spec §1.3: relative Frobenius error 0.20 MUON,
     * 0.06 POLAR_EXPRESS, 0.02 DION_NS on G_8x5), so 0.3 · ‖polar‖_F bounds them all.
     */
    @ParameterizedTest
    @MethodSource("all")
    void approximatesThePolarFactor(Orthogonalizer o) {
        Matrix g = NewtonSchulzGolden.input("G_8x5"), exact = Polar.exact().orthogonalize(g);
        double rel = o.orthogonalize(g).minus(exact).normF() / exact.normF();
        assertTrue(rel <= 0.3, o.describe() + ": relative distance to polar(G) = " + rel);
    }

    @ParameterizedTest
    @MethodSource("all")
    void zeroGivesZeroAndNonFiniteIsRejected(Orthogonalizer o) {
        assertEquals(0, o.orthogonalize(new Matrix(4, 3)).normMax());
        assertEquals(0, o.orthogonalize(new FloatMatrix(3, 4)).normF());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> o.orthogonalize(new Matrix(2, 2).set(0, 0, Double.POSITIVE_INFINITY)));
        assertTrue(e.getMessage().startsWith("g(0, 0) = Infinity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> o.orthogonalize(new FloatMatrix(2, 2).set(1, 0, Float.NaN)));
        assertTrue(e.getMessage().startsWith("g(1, 0) = NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> o.orthogonalize(new Matrix(2, 3), new Matrix(2, 2)));
        assertTrue(e.getMessage().startsWith("out is 2x2, expected 2x3"), e.getMessage());
        assertTrue(!o.describe().isEmpty());
    }
}
