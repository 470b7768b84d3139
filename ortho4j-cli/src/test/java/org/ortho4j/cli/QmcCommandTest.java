package org.ortho4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ortho4j.core.io.CsvMatrix;
import org.ortho4j.core.io.Npy;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Ortho4jTest;

class QmcCommandTest extends Ortho4jTest {
    @TempDir Path dir;

    @Test
    void pointsMatchScipyUnscrambledSobolAndWriteFiles() throws Exception {
        // scipy.stats.qmc.Sobol(3, scramble=False).random(4) in natural (radical-inverse) order: QMCPy's order
        Cli.Result r = Cli.main("qmc", "points", "--gen", "sobol", "--d", "3", "--n", "4", "--randomize", "none");
        assertEquals(0, r.exit(), r.err());
        assertEquals("0.0,0.0,0.0\n0.5,0.5,0.5\n0.25,0.75,0.75\n0.75,0.25,0.25\n", r.out());
        Path npy = dir.resolve("p.npy"), csv = dir.resolve("p.csv");
        assertEquals(0, Cli.main("qmc", "points", "--gen", "lattice", "--d", "5", "--n", "1024", "--seed", "7", "--out", npy.toString()).exit());
        Matrix p = Npy.readMatrix(npy);
        assertEquals(1024, p.rows);
        assertEquals(5, p.cols);
        for (double v : p.data) assertTrue(v > 0 && v < 1, "shifted lattice point " + v);
        assertEquals(0, Cli.main("qmc", "points", "--gen", "halton", "--d", "2", "--n", "8", "--out", csv.toString()).exit());
        assertEquals(8, CsvMatrix.read(csv).rows);
        r = Cli.main("qmc", "points", "--gen", "halton", "--d", "2", "--n", "8", "--randomize", "bogus");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("randomize = bogus"), r.err());
    }

    @Test
    void integrateKeisterMeetsTheToleranceAndReportsTheBound() throws Exception {
        Cli.Result r = Cli.main("qmc", "integrate", "--integrand", "keister", "--d", "3", "--abs-tol", "1e-3", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        double exact = 2.168309102165481;  // shared/data/qmc/integrals_exact.json, Keister d = 3
        assertEquals(exact, j.get("exact").asDouble(), 1e-15);
        assertTrue(Math.abs(j.get("estimate").asDouble() - exact) <= 1e-3, r.out());
        assertTrue(j.get("errorBound").asDouble() <= 1e-3, r.out());
        assertEquals("CONVERGED", j.get("termination").asText());
        r = Cli.main("qmc", "integrate", "--integrand", "keister", "--d", "0");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("d = 0"), r.err());
    }
}
