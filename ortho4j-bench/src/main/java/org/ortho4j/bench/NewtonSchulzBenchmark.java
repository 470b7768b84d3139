package org.ortho4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * NS5: Newton–Schulz orthogonalization with MUON's coefficients, 5 steps
 * ({@code NewtonSchulz.muon()}), on a Gaussian {@code rows×cols} input, reusing one
 * {@code NewtonSchulzWorkspace} and one output matrix across calls (see {@link NsCase}).
 *
 * <p>Parameters: {@code shape} ∈ {1024x1024, 1024x4096, 4096x1024}; {@code form} ∈ {plain, gram}
 * ({@code NewtonSchulz.Form.PLAIN} / {@code GRAM}, the Gram-side form with its default restart);
 * {@code dtype} ∈ {float, double}; {@code backend} ∈ {native, java, vector} (GEMM/SYRK pinned
 * with {@code NewtonSchulz.backend}); {@code threads} ∈ {1, 2}, applied as in
 * {@link GemmBenchmark}: {@code Parallel.setThreads} for java/vector, and native refuses (fails in
 * {@code @Setup}, JMH goes on with the next combination) unless {@code OPENBLAS_NUM_THREADS}
 * equals {@code threads}. A backend that cannot load here fails in {@code @Setup} likewise.
 *
 * <p>Throughput mode (2 warm-up and 5 measured iterations of 2 s, one fork). Besides the primary
 * score in calls/s, the auxiliary counter {@code gflop} accumulates
 * {@code NewtonSchulz.flops(rows, cols) / 10⁹} per call, so JMH reports it as a rate: the
 * secondary result {@code ns5:gflop} is <b>GFLOP/s</b> (SYRK counted as a full GEMM; the Gram
 * form's own, smaller count). The output is checked once after the trial ({@link NsCase#verify()}).
 *
 * <p>Run, one thread count at a time (one pure-Java call of the 1:4 shapes in double takes about
 * ten seconds, so restrict the parameters):
 * <pre>OPENBLAS_NUM_THREADS=1 java -jar ortho4j-bench/target/benchmarks.jar NewtonSchulzBenchmark \
 *     -p threads=1 -p backend=native -p dtype=float</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class NewtonSchulzBenchmark {

    /** Input shape {@code ROWSxCOLS}. */
    @Param({"1024x1024", "1024x4096", "4096x1024"})
    public String shape;

    /** {@code plain} or {@code gram} (Gram-side). */
    @Param({"plain", "gram"})
    public String form;

    /** Element type. */
    @Param({"float", "double"})
    public String dtype;

    /** GEMM/SYRK backend: {@code native}, {@code java} or {@code vector}. */
    @Param({"native", "java", "vector"})
    public String backend;

    /** Threads; for native it must equal {@code OPENBLAS_NUM_THREADS}. */
    @Param({"1", "2"})
    public int threads;

    private NsCase ns;
    private double gflopPerCall;

    /**
     * Auxiliary counter: GFLOP done in the current iteration, reported by JMH per second
     * (i.e. GFLOP/s) because its type is {@link AuxCounters.Type#OPERATIONS}.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flops {
        /** GFLOP done so far in this iteration. */
        public double gflop;

        /** Resets the counter at the start of each iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            gflop = 0;
        }
    }

    /** Builds the case; fails (and JMH skips the combination) if the backend or thread count cannot be honoured. */
    @Setup(Level.Trial)
    public void setUp() {
        ns = NsCase.of(shape, form, dtype, backend, threads);
        gflopPerCall = ns.flops() * 1e-9;
    }

    /** Checks the last output, so a fast but wrong kernel fails its run. */
    @TearDown(Level.Trial)
    public void tearDown() {
        ns.verify();
    }

    /** One NS5 call; returns the output so the call cannot be eliminated. */
    @Benchmark
    public Object ns5(Flops flops) {
        Object out = ns.run();
        flops.gflop += gflopPerCall;
        return out;
    }
}
