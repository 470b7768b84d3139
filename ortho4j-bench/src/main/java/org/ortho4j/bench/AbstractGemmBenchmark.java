package org.ortho4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Parameters, setup and the measured call shared by the two square-GEMM benchmarks
 * ({@link GemmBenchmark} for n ≤ 2048 in throughput mode, {@link GemmBenchmark.Large} for
 * n = 4096 in single-shot mode). Subclasses declare the {@code n} parameter and the measurement
 * mode; see {@link GemmBenchmark} for how to run and read them.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public abstract class AbstractGemmBenchmark {

    /** Backend, loaded with {@code Backends.byName}: {@code java}, {@code vector} or {@code native}. */
    @Param({"java", "vector", "native"})
    public String backend;

    /**
     * Threads the kernel may use. For java and vector this is {@code Parallel.setThreads}, set on
     * the benchmark thread before every call; for native it must match the environment variable
     * {@code OPENBLAS_NUM_THREADS} of the JVM (the setup fails otherwise).
     */
    @Param({"1", "2"})
    public int threads;

    /** Element type: {@code double} (dgemm) or {@code float} (sgemm). */
    @Param({"double", "float"})
    public String dtype;

    private GemmCase gemm;

    /** Matrix order of this run (the subclass's {@code n} parameter). */
    protected abstract int size();

    /**
     * Loads the backend and fills A and B. Throws (and JMH then reports this parameter combination
     * as failed and goes on with the next) when the backend cannot load, e.g. {@code vector} before
     * ortho4j-vector provides {@code org.ortho4j.vector.VectorBackend}, or when native is asked for
     * a thread count other than {@code OPENBLAS_NUM_THREADS}.
     */
    @Setup(Level.Trial)
    public void setUp() {
        gemm = GemmCase.of(backend, dtype, size(), threads);
    }

    /** Checks sampled entries of the last product, so a fast but wrong kernel fails its run. */
    @TearDown(Level.Trial)
    public void tearDown() {
        gemm.verify();
    }

    /** One {@code C = A B}: {@code 2 n³} flops; returns C so the call cannot be eliminated. */
    @Benchmark
    public Object gemm() {
        return gemm.run();
    }
}
