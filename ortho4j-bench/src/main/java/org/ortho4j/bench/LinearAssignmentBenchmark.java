package org.ortho4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Linear sum assignment, {@code LinearAssignment.solve(cost, false)} (minimise), on an
 * {@code n×n} cost matrix drawn from a fixed seed (see {@link LsaCase}): {@code kind = uniform}
 * (U[0, 1), the case of the scipy comparison) or {@code int} (integers 0..99, many ties);
 * {@code n} ∈ {1000, 2000}. The solver is single-threaded.
 *
 * <p>Average-time mode, milliseconds per solve (3 warm-up and 5 measured iterations of 2 s, one
 * fork). The last solution is certified optimal by its dual potentials after the trial
 * ({@link LsaCase#verify()}).
 *
 * <p>Run: {@code java -jar ortho4j-bench/target/benchmarks.jar LinearAssignmentBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class LinearAssignmentBenchmark {

    /** Matrix order. */
    @Param({"1000", "2000"})
    public int n;

    /** Cost distribution: {@code uniform} or {@code int}. */
    @Param({"uniform", "int"})
    public String kind;

    private LsaCase lsa;

    /** Draws the cost matrix. */
    @Setup(Level.Trial)
    public void setUp() {
        lsa = LsaCase.generated(n, kind);
    }

    /** Certifies the last solution optimal. */
    @TearDown(Level.Trial)
    public void tearDown() {
        lsa.verify();
    }

    /** One solve; returns the result so the call cannot be eliminated. */
    @Benchmark
    public Object solve() {
        return lsa.run();
    }
}
