package org.ortho4j.core.backend;

/**
 * Every tuning threshold of ortho4j's dense kernels, in one place (as EJML's
 * {@code EjmlParameters}). Values are read once from system properties at class load.
 *
 * <table>
 * <caption>System properties</caption>
 * <tr><th>property</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code ortho4j.threads}</td><td>available processors</td><td>threads of ortho4j's pool</td></tr>
 * <tr><td>{@code ortho4j.parallelFlops}</td><td>2,000,000</td><td>below this many multiply-adds a kernel runs on the calling thread</td></tr>
 * <tr><td>{@code ortho4j.smallFlops}</td><td>32,768 (32³)</td><td>below this many multiply-adds GEMM stays in plain Java whatever the backend</td></tr>
 * </table>
 */
public final class Tuning {
    private Tuning() {}

    /** Threads of the ortho4j pool ({@code ortho4j.threads}, default: available processors). */
    public static final int THREADS = Math.max(1, Integer.getInteger("ortho4j.threads",
            Runtime.getRuntime().availableProcessors()));

    /** Multiply-adds below which a kernel stays on the calling thread. */
    public static final long PARALLEL_FLOPS = Long.getLong("ortho4j.parallelFlops", 2_000_000L);

    /** Multiply-adds below which GEMM stays in the Java backend (JNI and packing cost more). */
    public static final long SMALL_FLOPS = Long.getLong("ortho4j.smallFlops", 32L * 32 * 32);

    /** Depth (k) block of the Java GEMM: the slice of B kept hot in L2. */
    public static final int JAVA_GEMM_KC = 256;

    /** Column (n) block of the Java GEMM: width of the accumulators kept in L1. */
    public static final int JAVA_GEMM_NC = 256;
}
