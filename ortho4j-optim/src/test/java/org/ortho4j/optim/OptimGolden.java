package org.ortho4j.optim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Golden;

/** Access to {@code golden/optim/*.json} (copied from shared/data/optim) for the tests. */
final class OptimGolden {
    private OptimGolden() {}

    static final JsonNode INPUTS = Golden.json("golden/optim/inputs.json");
    static final JsonNode STEPS = Golden.json("golden/optim/optimizer_steps.json");
    static final JsonNode DCT = Golden.json("golden/optim/dct_golden.json");
    static final JsonNode EXPERIMENT = Golden.json("golden/optim/reference_experiment.json");

    static Matrix input(String name) { return matrix(INPUTS.get(name)); }

    /** A nested list as a matrix, a flat list as one row, a number as 1×1. */
    static Matrix matrix(JsonNode n) {
        if (n.isNumber()) return Matrix.row(n.asDouble());
        if (n.size() > 0 && n.get(0).isArray()) return Matrix.of(Golden.matrix(n));
        return Matrix.row(Golden.vector(n));
    }

    static List<Matrix> grads(JsonNode run) {
        List<Matrix> g = new ArrayList<>();
        for (JsonNode name : run.get("grads")) g.add(input(name.asText()));
        return g;
    }

    /** max |a − b| (same shape required). */
    static double maxAbsDiff(Matrix a, Matrix b) {
        if (a.rows != b.rows || a.cols != b.cols)
            throw new AssertionError("shape " + a.rows + "x" + a.cols + " vs " + b.rows + "x" + b.cols);
        double m = 0;
        for (int i = 0; i < a.rows; i++)
            for (int j = 0; j < a.cols; j++) m = Math.max(m, Math.abs(a.get(i, j) - b.get(i, j)));
        return m;
    }

    static double maxAbs(Matrix a) {
        double m = 0;
        for (int i = 0; i < a.rows; i++)
            for (int j = 0; j < a.cols; j++) m = Math.max(m, Math.abs(a.get(i, j)));
        return m;
    }
}
