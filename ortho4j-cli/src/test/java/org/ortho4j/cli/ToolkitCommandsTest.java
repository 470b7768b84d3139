package org.ortho4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ortho4j.core.io.CsvMatrix;
import org.ortho4j.core.io.Npy;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Asserts;
import org.ortho4j.testkit.Eps;
import org.ortho4j.testkit.Ortho4jTest;

class ToolkitCommandsTest extends Ortho4jTest {
    @TempDir Path dir;

    @Test
    void orthogonalizeWritesAnOrthogonalMatrixInTheInputPrecision() throws Exception {
        Path in = dir.resolve("g.npy"), out = dir.resolve("q.npy");
        Npy.write(in, Matrix.gaussian(40, 12, seed));
        Cli.Result r = Cli.main("orthogonalize", in.toString(), "--method", "polar", "--out", out.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        Matrix q = Npy.readMatrix(out);
        assertEquals(40, q.rows);
        Asserts.assertOrthogonal(q.rows, q.cols, q::get, 10);
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals("polar", j.get("method").asText());
        assertTrue(j.get("orthogonalityError").asDouble() < 10 * 40 * Eps.DOUBLE);

        Path in32 = dir.resolve("g32.npy"), out32 = dir.resolve("q32.npy");
        Npy.write(in32, FloatMatrix.gaussian(16, 64, seed + 1));
        r = Cli.main("orthogonalize", in32.toString(), "--method", "muon", "--gram", "--out", out32.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        j = Json.mapper().readTree(r.out());
        assertEquals("float32", j.get("dtype").asText());
        // MUON NS5 keeps singular values in [0.68, 1.14] (optimizers.md §1.3), not exactly 1
        assertTrue(j.get("sigmaMin").asDouble() > 0.6 && j.get("sigmaMax").asDouble() < 1.2, r.out());
        assertEquals(64, Npy.readFloatMatrix(out32).cols);
    }

    @Test
    void orthogonalizeRefusesBadInput() throws Exception {
        Cli.Result r = Cli.main("orthogonalize", dir.resolve("missing.npy").toString(), "--out", dir.resolve("o.npy").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("missing.npy"), r.err());
        Path in = dir.resolve("g.npy");
        Npy.write(in, Matrix.gaussian(4, 4, seed));
        r = Cli.main("orthogonalize", in.toString(), "--method", "bogus", "--out", dir.resolve("o.npy").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("method = bogus"), r.err());
        Path v = dir.resolve("v.npy");
        Npy.write(v, new double[] {1, 2, 3});
        r = Cli.main("orthogonalize", v.toString(), "--out", dir.resolve("o.npy").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("1-D array"), r.err());
        assertTrue(Files.notExists(dir.resolve("o.npy")));
    }

    @Test
    void assignMatchesScipyAndPrintsJson() throws Exception {
        // scipy.optimize.linear_sum_assignment on this matrix: cols [1, 0, 2], total 5; maximize: [0, 2, 1], 11
        Path c = dir.resolve("cost.csv");
        CsvMatrix.write(c, Matrix.of(new double[][] {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}}));
        Cli.Result r = Cli.main("assign", c.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals(5.0, j.get("cost").asDouble());
        assertEquals("[[0,1],[1,0],[2,2]]", j.get("pairs").toString());
        r = Cli.main("assign", c.toString(), "--maximize", "--json");
        j = Json.mapper().readTree(r.out());
        assertEquals(11.0, j.get("cost").asDouble());
        assertEquals("[[0,0],[1,2],[2,1]]", j.get("pairs").toString());
        r = Cli.main("assign", c.toString());
        assertTrue(r.out().contains("total cost 5.000000000"), r.out());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,2\n3\n");
        r = Cli.main("assign", bad.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("line 2"), r.err());
    }
}
