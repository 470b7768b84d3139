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

/**
 * Length-n transforms (see {@link TransformCase}): {@code transform} ∈ {fwht-double, fwht-float}
 * (orthonormal FWHT in place), {fft-double, fft-float} (complex forward FFT of interleaved data;
 * each call copies the fixed input into the work array first), {fftbr-double} (orthonormal FFT
 * with bit-reversed input, split complex, in place); {@code n} ∈ {2¹⁶, 2²⁰}; {@code threads} ∈
 * {1, 2}: ortho4j's {@code Parallel} limit (FWHT) and JTransforms' JVM-wide thread count (FFT,
 * FFTBR).
 *
 * <p>Average-time mode, milliseconds per call (3 warm-up and 5 measured iterations of 1 s, one
 * fork). After the trial a fresh transform is checked at sampled outputs against direct sums
 * ({@link TransformCase#verify()}).
 *
 * <p>Run: {@code java -jar ortho4j-bench/target/benchmarks.jar TransformBenchmark -p threads=1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class TransformBenchmark {

    /** {@code KIND-DTYPE}: fwht-double, fwht-float, fft-double, fft-float or fftbr-double. */
    @Param({"fwht-double", "fwht-float", "fft-double", "fft-float", "fftbr-double"})
    public String transform;

    /** Transform length (a power of two). */
    @Param({"65536", "1048576"})
    public int n;

    /** Threads the transform may use. */
    @Param({"1", "2"})
    public int threads;

    private TransformCase tc;

    /** Plans the transform and fills the input. */
    @Setup(Level.Trial)
    public void setUp() {
        String[] kd = transform.toLowerCase(Locale.ROOT).split("-");
        if (kd.length != 2)
            throw new IllegalArgumentException("transform = " + transform + ", expected KIND-DTYPE such as fft-double");
        tc = new TransformCase(kd[0], kd[1], n, threads);
    }

    /** Checks a fresh transform at sampled outputs. */
    @TearDown(Level.Trial)
    public void tearDown() {
        tc.verify();
    }

    /** One transform; returns the work array so the call cannot be eliminated. */
    @Benchmark
    public Object transform() {
        return tc.run();
    }
}
