package org.ortho4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Ortho4jTest;

/** save → load → continue equals an uninterrupted run bit for bit; bad files are refused clearly. */
class StateFileTest extends Ortho4jTest {
    @TempDir Path dir;

    /** A small model: a tall and a wide matrix for the rule, plus a bias for the aux AdamW. */
    private static final class Model {
        final FloatMatrix a, b;
        final float[] bias;
        final List<Parameter> params;

        Model(long seed) {
            a = FloatMatrix.gaussian(6, 4, seed);
            b = FloatMatrix.gaussian(3, 5, seed + 1);
            bias = FloatMatrix.gaussian(1, 5, seed + 2).data;
            params = List.of(Parameter.of("a", a), Parameter.of("b", b, Layout.IN_OUT), Parameter.vector("bias", bias));
        }

        List<FloatMatrix> grads(long seed, int k) {
            return List.of(FloatMatrix.gaussian(6, 4, seed + 31 * k), FloatMatrix.gaussian(3, 5, seed + 31 * k + 1),
                    FloatMatrix.gaussian(1, 5, seed + 31 * k + 2));
        }
    }

    private static HybridOptimizer optimizer(UpdateRule rule) {
        return HybridOptimizer.builder().matrix(rule).aux(AdamW.builder().lr(1e-2).build())
                .schedule(LrSchedule.warmupCosine(2, 8, 0.1)).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ortho4j.optim.TestRules#arguments")
    void saveLoadContinueIsBitExact(String name, UpdateRule rule) throws IOException {
        Model full = new Model(seed), resumed = new Model(seed);
        HybridOptimizer a = optimizer(rule), b = optimizer(rule);
        for (int k = 0; k < 7; k++) a.step(full.params, full.grads(seed, k));
        for (int k = 0; k < 3; k++) b.step(resumed.params, resumed.grads(seed, k));
        Path file = dir.resolve("state.o4j");
        b.save(file);
        HybridOptimizer c = optimizer(rule);
        c.load(file, resumed.params);
        assertEquals(3, c.stepCount());
        for (int k = 3; k < 7; k++) c.step(resumed.params, resumed.grads(seed, k));
        assertArrayEquals(full.a.data, resumed.a.data, name);
        assertArrayEquals(full.b.data, resumed.b.data, name);
        assertArrayEquals(full.bias, resumed.bias, name);
        for (String p : List.of("a", "b", "bias")) assertStatesEqual(a.state(p), c.state(p), name + " " + p);
    }

    @Test
    void doublePrecisionStateRoundTrips() throws IOException {
        Matrix w1 = Matrix.gaussian(5, 3, seed), w2 = w1.copy();
        Parameter p1 = Parameter.of("W", w1), p2 = Parameter.of("W", w2);
        HybridOptimizer a = HybridOptimizer.of(NorMuon.builder().build()), b = HybridOptimizer.of(NorMuon.builder().build());
        for (int k = 0; k < 4; k++) a.stepDouble(List.of(p1), List.of(Matrix.gaussian(5, 3, seed + k)));
        for (int k = 0; k < 2; k++) b.stepDouble(List.of(p2), List.of(Matrix.gaussian(5, 3, seed + k)));
        Path file = dir.resolve("d.o4j");
        b.save(file);
        HybridOptimizer c = HybridOptimizer.of(NorMuon.builder().build());
        c.load(file, List.of(p2));
        for (int k = 2; k < 4; k++) c.stepDouble(List.of(p2), List.of(Matrix.gaussian(5, 3, seed + k)));
        assertArrayEquals(w1.data, w2.data);
    }

    private static void assertStatesEqual(Map<String, Matrix> x, Map<String, Matrix> y, String what) {
        assertEquals(x.keySet(), y.keySet(), what);
        for (String k : x.keySet()) assertArrayEquals(x.get(k).data, y.get(k).data, what + " buffer " + k);
    }

    /** A saved file and the parameters it belongs to. */
    private Path savedMuonState(Model m) throws IOException {
        HybridOptimizer opt = optimizer(Muon.builder().build());
        opt.step(m.params, m.grads(seed, 0));
        Path file = dir.resolve("muon.o4j");
        opt.save(file);
        return file;
    }

    private static OptimizerStateException refused(Path file, List<Parameter> params, UpdateRule rule, String... fragments) {
        OptimizerStateException e = assertThrows(OptimizerStateException.class, () -> optimizer(rule).load(file, params));
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        return e;
    }

    @Test
    void truncatedFilesAreRefused() throws IOException {
        Model m = new Model(seed);
        Path file = savedMuonState(m);
        byte[] all = Files.readAllBytes(file);
        for (int len : new int[] {0, 5, 20, all.length / 2, all.length - 1}) {
            Path cut = dir.resolve("cut" + len);
            Files.write(cut, java.util.Arrays.copyOf(all, len));
            refused(cut, m.params, Muon.builder().build(), "truncated");
        }
    }

    @Test
    void corruptAndForeignFilesAreRefused() throws IOException {
        Model m = new Model(seed);
        Path file = savedMuonState(m);
        byte[] all = Files.readAllBytes(file);
        all[all.length - 20] ^= 0x10; // inside the values of the last buffer (before the 8-byte checksum)
        Path flipped = dir.resolve("flipped");
        Files.write(flipped, all);
        refused(flipped, m.params, Muon.builder().build(), "checksum");
        Path text = dir.resolve("text");
        Files.writeString(text, "this is not an optimizer state file at all");
        refused(text, m.params, Muon.builder().build(), "magic");
        byte[] v2 = Files.readAllBytes(file);
        v2[11] = 2; // version int follows the 8 magic bytes
        Path future = dir.resolve("future");
        Files.write(future, v2);
        refused(future, m.params, Muon.builder().build(), "version 2");
    }

    @Test
    void mismatchedParametersAreRefused() throws IOException {
        Model m = new Model(seed);
        Path file = savedMuonState(m);
        List<Parameter> swapped = new ArrayList<>(m.params);
        swapped.set(0, Parameter.of("a", new FloatMatrix(4, 6)));
        refused(file, swapped, Muon.builder().build(), "'a'", "shape [6, 4]", "[4, 6]");
        refused(file, m.params.subList(0, 2), Muon.builder().build(), "'bias'", "not in params");
        List<Parameter> extra = new ArrayList<>(m.params);
        extra.add(Parameter.vector("gain", new float[2]));
        refused(file, extra, Muon.builder().build(), "no state for parameter 'gain'");
        refused(file, m.params, NorMuon.builder().build(), "rule Muon", "NorMuon");
        List<Parameter> asDouble = new ArrayList<>(m.params);
        asDouble.set(0, Parameter.of("a", new Matrix(6, 4)));
        refused(file, asDouble, Muon.builder().build(), "float32", "float64");
    }

    @Test
    void aFailedLoadLeavesTheOptimizerUnchanged() throws IOException {
        Model m = new Model(seed);
        Path file = savedMuonState(m);
        HybridOptimizer opt = optimizer(Muon.builder().build());
        for (int k = 0; k < 2; k++) opt.step(m.params, m.grads(seed, k));
        Map<String, Matrix> before = opt.state("a");
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 30));
        assertThrows(OptimizerStateException.class, () -> opt.load(file, m.params));
        assertEquals(2, opt.stepCount());
        assertStatesEqual(before, opt.state("a"), "after a failed load");
    }

    @Test
    void saveIsAtomicAndLeavesNoTemporaryFile() throws IOException {
        Model m = new Model(seed);
        HybridOptimizer opt = optimizer(Muon.builder().build());
        Path file = dir.resolve("s.o4j");
        Files.writeString(file, "old content");
        opt.step(m.params, m.grads(seed, 0));
        opt.save(file);
        opt.save(file);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        optimizer(Muon.builder().build()).load(file, m.params);
        Path missingDir = dir.resolve("no/such/dir/s.o4j");
        assertThrows(IOException.class, () -> opt.save(missingDir));
    }
}
