package org.ortho4j.optim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.ortho4j.core.linalg.Matrix;

/**
 * The golden extract shipped in the jar ({@code org/ortho4j/optim/bundled_reference.json}, made
 * by {@code src/test/resources/golden/optim/make_bundled_reference.py} from the spec's golden
 * files): the first run of every {@code optimizer_steps.json} case (weights per step), the inputs
 * they use, and {@code reference_experiment.json}. Loaded once, lazily.
 */
final class BundledReference {
    private BundledReference() {}

    private static final String RESOURCE = "org/ortho4j/optim/bundled_reference.json";

    private static final class Holder {
        static final JsonNode ROOT = load();
    }

    private static JsonNode load() {
        try (InputStream in = BundledReference.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The whole document. */
    static JsonNode root() { return Holder.ROOT; }

    /** {@code steps}: case name → {hyper, runs}. */
    static JsonNode steps() { return root().get("steps"); }

    /** {@code experiment}: the content of reference_experiment.json. */
    static JsonNode experiment() { return root().get("experiment"); }

    /** An input matrix by name (nested JSON list, row-major). */
    static Matrix input(String name) { return matrix(root().get("inputs").get(name)); }

    /** A nested JSON list as a matrix. */
    static Matrix matrix(JsonNode n) {
        int r = n.size(), c = r == 0 ? 0 : n.get(0).size();
        Matrix m = new Matrix(r, c);
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) m.data[i * c + j] = n.get(i).get(j).asDouble();
        return m;
    }
}
