package org.ortho4j.bench;

import java.util.Locale;
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
import org.ortho4j.core.backend.Backends;
import org.ortho4j.optim.OptimizerStats;

/**
 * One optimizer step ({@code HybridOptimizer.step}) on a 1024×4096 float32 weight, per update rule
 * (see {@link OptimizerCase}), in ms/op.
 *
 * <p>The optimizers use the JVM-wide backend ({@code Backends.active()}), chosen once from the
 * system property {@code org.ortho4j.backend}; so each backend is its own nested class whose fork
 * sets that property: {@link Native#step}, {@link Vector#step}, {@link Java#step}. A backend that
 * cannot load falls back as {@code Backends.active()} does, so each trial first checks that the
 * active backend is the one asked for and fails in {@code @Setup} otherwise (JMH goes on). Select
 * one with e.g. {@code OptimizerStepBenchmark.Native}. Threads: ortho4j's default pool for
 * java/vector, {@code OPENBLAS_NUM_THREADS} (or OpenBLAS's default) for native.
 *
 * <p>Average time, 2 warm-up and 5 measured iterations of 2 s, one fork; the setup takes 2 steps
 * so the rule's state exists before timing (the first step allocates it, and SVD-AdamW computes
 * its first projector). <b>Orthogonalization share:</b> at the end of each trial the fork prints
 * one line {@code # ortho-share rule=... backend=... share=... ms_per_step=...} from the
 * optimizer's own counters ({@code HybridOptimizer.stats()}: time inside the rule's
 * orthogonalizer over step time, over all steps of the trial after setup); it shows in JMH's
 * console output. The weight is checked to be finite and to have moved at the end.
 */
public class OptimizerStepBenchmark {

    /** The state of one (rule, backend) trial. */
    @State(Scope.Thread)
    public abstract static class Base {
        /** Update rule, see {@link OptimizerCase#RULES}. */
        @Param({"adamw", "muon", "normuon", "root", "auon", "auon-hybrid", "dct-adamw", "svd-adamw", "dion"})
        public String rule;

        /** Weight shape {@code ROWSxCOLS}. */
        @Param({"1024x4096"})
        public String shape;

        OptimizerCase c;
        OptimizerStats before;

        /** The backend this class's fork selects. */
        abstract String backend();

        /** Builds the case and takes two untimed steps. */
        @Setup(Level.Trial)
        public void setUp() {
            String active = Backends.active().name();
            if (!active.equalsIgnoreCase(backend()))
                throw new IllegalStateException("backend " + backend() + " requested, but the active backend is "
                        + active + " (" + Backends.log() + ")");
            int[] rc = NsCase.parseShape(shape);
            c = new OptimizerCase(rule, rc[0], rc[1]);
            c.step();
            c.step();
            before = c.stats();
        }

        /** Prints the orthogonalization share and checks the weight. */
        @TearDown(Level.Trial)
        public void tearDown() {
            OptimizerStats after = c.stats();
            long steps = after.steps() - before.steps();
            System.out.printf(Locale.ROOT, "# ortho-share rule=%s backend=%s share=%.4f ms_per_step=%.2f steps=%d%n", rule,
                    backend(), OptimizerCase.share(before, after),
                    (after.stepNanos() - before.stepNanos()) / 1e6 / Math.max(1, steps), steps);
            c.verify();
        }
    }

    /** Native (OpenBLAS) backend. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Dorg.ortho4j.backend=native"})
    public static class Native extends Base {
        @Override String backend() { return "native"; }

        /** One step. */
        @Benchmark
        public void step() { c.step(); }
    }

    /** Vector API backend. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Dorg.ortho4j.backend=vector"})
    public static class Vector extends Base {
        @Override String backend() { return "vector"; }

        /** One step. */
        @Benchmark
        public void step() { c.step(); }
    }

    /** Pure-Java backend. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Dorg.ortho4j.backend=java"})
    public static class Java extends Base {
        @Override String backend() { return "java"; }

        /** One step. */
        @Benchmark
        public void step() { c.step(); }
    }
}
