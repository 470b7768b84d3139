package org.ortho4j.bench;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Square GEMM {@code C = A B} (row-major, {@code alpha = 1}, {@code beta = 0}) in double and
 * float, called directly on a {@code Backend} obtained with
 * {@code org.ortho4j.core.backend.Backends.byName(backend)}, so no validation or small-size
 * dispatch of {@code Blas} is timed.
 *
 * <p>Parameters (see {@link AbstractGemmBenchmark}): {@code backend} ∈ {java, vector, native},
 * {@code threads} ∈ {1, 2}, {@code dtype} ∈ {double, float}, and {@code n} ∈ {256, 1024, 2048}
 * here (throughput mode, score in ops/s) or n = 4096 in {@link Large} (single-shot mode, score in
 * s/op, 1 warm-up and 3 measured calls, since one pure-Java call takes about ten seconds). A
 * backend that cannot load on this machine fails in {@code @Setup}, so JMH reports that
 * combination as an error and skips it; the rest of the run goes on.
 *
 * <p><b>Native threads.</b> OpenBLAS takes its thread count from the environment variable
 * {@code OPENBLAS_NUM_THREADS} when it loads, and JMH cannot set environment variables of its
 * forks. The native rows therefore only run when that variable equals the {@code threads}
 * parameter; {@code ortho4j-bench/scripts/run_jmh.py} runs the jar once per thread count with the
 * variable set (and {@code -p threads=t}) and prints GFLOP/s, i.e. {@code ops/s × 2n³ / 10⁹}
 * (or {@code 2n³ / (s/op) / 10⁹} for {@link Large}).
 *
 * <p>Plain JMH: {@code OPENBLAS_NUM_THREADS=1 java -jar ortho4j-bench/target/benchmarks.jar
 * GemmBenchmark -p threads=1}.
 */
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GemmBenchmark extends AbstractGemmBenchmark {

    /** Matrix order. */
    @Param({"256", "1024", "2048"})
    public int n;

    @Override
    protected int size() {
        return n;
    }

    /**
     * The n = 4096 case in single-shot mode: each measurement is one call (about 10 s in pure
     * Java on one thread), 1 warm-up and 3 measured calls per parameter combination.
     */
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public static class Large extends AbstractGemmBenchmark {

        /** Matrix order. */
        @Param({"4096"})
        public int n;

        @Override
        protected int size() {
            return n;
        }
    }
}
