package org.ortho4j.core.orthogonal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Golden;

/** Access to {@code golden/optim/inputs.json} and {@code ns_golden.json} (copied from shared/data/optim). */
final class NewtonSchulzGolden {
    private NewtonSchulzGolden() {}

    static final JsonNode INPUTS = Golden.json("golden/optim/inputs.json");
    static final JsonNode NS = Golden.json("golden/optim/ns_golden.json");

    /** The inputs that have an entry in {@code ns_golden.json → cases}. */
    static final List<String> CASES = List.of("G_8x5", "G_5x8", "G_16x16", "R_6x4_rank2", "Z_4x3");

    static Matrix input(String name) { return Matrix.of(Golden.matrix(INPUTS.get(name))); }

    static FloatMatrix inputFloat(String name) { return input(name).toFloat(); }

    /** {@code cases[name][key]} as a matrix, or null if absent. */
    static Matrix expected(String name, String key) {
        JsonNode n = NS.get("cases").get(name).get(key);
        return n == null ? null : Matrix.of(Golden.matrix(n));
    }

    static double[] vector(String name, String key) { return Golden.vector(NS.get("cases").get(name).get(key)); }

    /** Largest |a − b| over all elements (a and b have the same shape). */
    static double maxAbsDiff(Matrix a, Matrix b) {
        if (a.rows != b.rows || a.cols != b.cols) throw new AssertionError("shape " + a.rows + "x" + a.cols + " vs " + b.rows + "x" + b.cols);
        double m = 0;
        for (int i = 0; i < a.rows; i++)
            for (int j = 0; j < a.cols; j++) m = Math.max(m, Math.abs(a.get(i, j) - b.get(i, j)));
        return m;
    }
}
