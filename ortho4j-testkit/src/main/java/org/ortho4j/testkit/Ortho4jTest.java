package org.ortho4j.testkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Base class for ortho4j tests (model: EJML's {@code EjmlStandardJUnit}):
 * <ul>
 *   <li>a fixed seed per test ({@link #seed}), derived from the test's name, or forced for every
 *       test with {@code -Dortho4j.test.seed=N}; the seed is printed when a test fails;</li>
 *   <li>{@link #rng()}: a SplittableRandom on that seed (same stream as core's SplitMix64);</li>
 *   <li>a test that writes to {@code System.out} or {@code System.err} fails: library code must
 *       not print.</li>
 * </ul>
 */
public abstract class Ortho4jTest {
    /** This test's seed. */
    protected long seed;
    private SplittableRandom rng;
    private PrintStream savedOut, savedErr;
    private ByteArrayOutputStream capturedOut, capturedErr;

    @RegisterExtension
    final TestWatcher seedReporter = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            System.err.println("[ortho4j] " + context.getDisplayName() + " failed with seed " + seed
                    + " (rerun with -Dortho4j.test.seed=" + seed + ")");
        }
    };

    @BeforeEach
    void ortho4jSetUp(TestInfo info) {
        String forced = System.getProperty("ortho4j.test.seed");
        seed = forced != null ? Long.parseLong(forced)
                : (info.getTestClass().map(Class::getName).orElse("") + "#" + info.getDisplayName()).hashCode();
        rng = new SplittableRandom(seed);
        savedOut = System.out;
        savedErr = System.err;
        capturedOut = new ByteArrayOutputStream();
        capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void ortho4jTearDown() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        String out = capturedOut.toString(StandardCharsets.UTF_8), err = capturedErr.toString(StandardCharsets.UTF_8);
        if (!out.isEmpty() || !err.isEmpty())
            throw new AssertionError("test wrote to the console (library code must not print):\n"
                    + (out.isEmpty() ? "" : "stdout: " + out) + (err.isEmpty() ? "" : "stderr: " + err));
    }

    /** A generator on this test's seed. */
    protected SplittableRandom rng() { return rng; }
}
