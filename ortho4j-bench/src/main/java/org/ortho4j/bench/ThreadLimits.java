package org.ortho4j.bench;

import org.ortho4j.core.backend.Parallel;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * How the toolkit benchmarks ({@link NewtonSchulzBenchmark}, {@link TransformBenchmark},
 * {@link QuickToolkit}) hold a kernel to a given number of threads, in one place.
 *
 * <ul>
 *   <li>ortho4j's own parallel loops (Java GEMM, FWHT): {@link Parallel#setThreads(int)}, a
 *       limit local to the calling thread, so it is set on the thread that calls the kernel,
 *       before every call (the cost is one {@code ThreadLocal} write).</li>
 *   <li>JTransforms (behind {@code Fft} and {@code FftBr}): the JVM-wide
 *       {@link ConcurrencyUtils#setNumberOfThreads(int)}; with 1 thread JTransforms runs its
 *       sequential code on the calling thread.</li>
 *   <li>OpenBLAS (the {@code native} backend) reads {@value #OPENBLAS_THREADS_ENV} once when it
 *       loads, and Java cannot change it afterwards, so a native case <em>refuses</em> to run
 *       unless the variable equals the requested count: a mislabelled figure is worse than
 *       none. (The same rule as {@code GemmCase}.)</li>
 * </ul>
 * With one thread every one of these runs the whole kernel on the calling thread, which is what
 * lets {@link Sampler} judge one-thread figures by that thread's CPU time.
 */
final class ThreadLimits {
    private ThreadLimits() {}

    /** Environment variable that fixes OpenBLAS's thread count when the library loads. */
    static final String OPENBLAS_THREADS_ENV = "OPENBLAS_NUM_THREADS";

    /**
     * Checks a thread count.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    static int check(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads = " + threads + ", expected >= 1");
        return threads;
    }

    /**
     * Throws unless {@value #OPENBLAS_THREADS_ENV} in this JVM's environment equals
     * {@code threads}.
     *
     * @throws IllegalStateException naming the variable, what was found and how to set it
     */
    static void requireNative(int threads) {
        String env = System.getenv(OPENBLAS_THREADS_ENV);
        if (env == null || !env.trim().equals(Integer.toString(threads)))
            throw new IllegalStateException("native backend with threads = " + threads + " needs "
                    + OPENBLAS_THREADS_ENV + "=" + threads + " in the environment of the JVM (found "
                    + (env == null ? "unset" : "'" + env + "'") + "); OpenBLAS reads it once at load. "
                    + "Run through the scripts in ortho4j-bench/scripts or set it per run.");
    }

    /** Limits ortho4j's parallel loops on the calling thread to {@code threads}. */
    static void ortho4j(int threads) {
        Parallel.setThreads(threads);
    }

    /** Limits JTransforms (JVM-wide) and ortho4j's loops on the calling thread to {@code threads}. */
    static void transforms(int threads) {
        ConcurrencyUtils.setNumberOfThreads(threads);
        Parallel.setThreads(threads);
    }
}
