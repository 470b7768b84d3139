package org.ortho4j.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.Utils;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ortho4j.testkit.Ortho4jTest;

/**
 * The PyTorch engine loads from the bundled native jar without network access: offline mode is on
 * (surefire sets {@code ai.djl.offline=true}; in offline mode DJL throws instead of downloading),
 * libtorch is unpacked under the build's {@code DJL_CACHE_DIR}, and the engine computes.
 */
class EngineOfflineTest extends Ortho4jTest {

    @Test
    void pytorchLoadsOfflineFromTheBundledNativeJar() {
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertTrue(Utils.isOfflineMode(), "DJL offline mode");
        Engine engine = Engine.getInstance();
        assertEquals("PyTorch", engine.getEngineName());
        assertEquals("2.7.1", engine.getVersion());
        String cache = System.getProperty("DJL_CACHE_DIR");
        assertNotNull(cache, "surefire sets DJL_CACHE_DIR");
        Path libs = Utils.getEngineCacheDir("pytorch");
        assertTrue(libs.toAbsolutePath().startsWith(Path.of(cache).toAbsolutePath()), libs + " under " + cache);
        try (var dirs = Files.list(libs)) {
            assertTrue(dirs.anyMatch(d -> Files.exists(d.resolve("libtorch_cpu.so"))), "libtorch_cpu.so unpacked under " + libs);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            // [[1,2],[3,4]]² = [[7,10],[15,22]], exact in float32
            float[] sq = m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2)).matMul(m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2)))
                    .toFloatArray();
            assertArrayEquals(new float[] {7, 10, 15, 22}, sq);
        }
    }
}
