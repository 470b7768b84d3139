package org.ortho4j.bench;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.ortho4j.core.backend.Backend;
import org.ortho4j.core.backend.Backends;
import org.ortho4j.core.backend.Parallel;
import org.ortho4j.core.random.Rng;

/**
 * One square GEMM problem {@code C = A B} ({@code n x n}, row-major, {@code alpha = 1},
 * {@code beta = 0}) bound to one backend, one element type and one thread count. Shared by the
 * JMH benchmark {@link GemmBenchmark} and the quick comparison runner {@link QuickGemm}, so both
 * time exactly the same call.
 *
 * <p>Allocates {@code 3 n²} elements of the chosen type once at construction (n = 4096 double:
 * 384 MiB); {@link #run()} allocates nothing and costs {@code 2 n³} floating-point operations.
 * A and B hold uniform values in [-1, 1) from a fixed seed, so every run multiplies the same data.
 */
final class GemmCase {
    /** Seed of the input matrices; fixed so that every backend multiplies the same numbers. */
    static final long SEED = 20240601L;
    /** Entries of C checked by {@link #verify()}. */
    private static final int VERIFY_SAMPLES = 16;
    /**
     * Name of the environment variable that sets OpenBLAS's thread count. The native backend's
     * threads cannot be changed from Java, so a native case refuses to run unless this variable
     * equals the requested thread count (a mislabelled figure is worse than none).
     */
    static final String OPENBLAS_THREADS_ENV = "OPENBLAS_NUM_THREADS";

    final Backend backend;
    final String dtype;
    final int n;
    final int threads;
    private final double[] da, db, dc;
    private final float[] fa, fb, fc;

    /**
     * Loads the backend by name ({@code Backends.byName}) and allocates and fills the operands.
     *
     * @param backendName {@code java}, {@code vector} or {@code native}
     * @param dtype {@code double} or {@code float}
     * @param n matrix order, at least 1
     * @param threads threads the kernel may use, at least 1; for {@code native} it must equal the
     *     environment variable {@value #OPENBLAS_THREADS_ENV}
     * @throws IllegalArgumentException for an unknown name or type, or {@code n} / {@code threads}
     *     below 1
     * @throws IllegalStateException if the backend cannot load on this machine (e.g. the vector
     *     backend is not on the class path) or the native thread count cannot be honoured
     */
    static GemmCase of(String backendName, String dtype, int n, int threads) {
        return new GemmCase(Backends.byName(backendName), dtype, n, threads);
    }

    /** As {@link #of} with the backend given directly (tests pass a deliberately wrong one). */
    GemmCase(Backend backend, String dtype, int n, int threads) {
        if (n < 1) throw new IllegalArgumentException("n = " + n + ", expected >= 1");
        if (threads < 1) throw new IllegalArgumentException("threads = " + threads + ", expected >= 1");
        this.dtype = dtype.toLowerCase(Locale.ROOT);
        if (!this.dtype.equals("double") && !this.dtype.equals("float"))
            throw new IllegalArgumentException("dtype = " + dtype + ", expected double or float");
        this.backend = backend;
        if (backend.name().equals("native")) requireNativeThreads(threads);
        this.n = n;
        this.threads = threads;
        int len = Math.multiplyExact(n, n);
        RandomGenerator rng = Rng.of(SEED);
        if (this.dtype.equals("double")) {
            da = uniform(rng, len); db = uniform(rng, len); dc = new double[len];
            fa = fb = fc = null;
        } else {
            fa = toFloat(uniform(rng, len)); fb = toFloat(uniform(rng, len)); fc = new float[len];
            da = db = dc = null;
        }
    }

    private static void requireNativeThreads(int threads) {
        String env = System.getenv(OPENBLAS_THREADS_ENV);
        if (env == null || !env.trim().equals(Integer.toString(threads)))
            throw new IllegalStateException("native backend with threads = " + threads + " needs "
                    + OPENBLAS_THREADS_ENV + "=" + threads + " in the environment of the JVM (found "
                    + (env == null ? "unset" : "'" + env + "'") + "); OpenBLAS reads it once at load. "
                    + "Run through ortho4j-bench/scripts/run_jmh.py or set it per run.");
    }

    private static double[] uniform(RandomGenerator rng, int len) {
        double[] x = new double[len];
        for (int i = 0; i < len; i++) x[i] = 2 * rng.nextDouble() - 1;
        return x;
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
        return f;
    }

    /** Floating-point operations of one {@link #run()}: {@code 2 n³}. */
    double flops() {
        return 2.0 * n * n * (double) n;
    }

    /**
     * Computes {@code C = A B} once on the backend. Sets {@link Parallel#setThreads} on the calling
     * thread first (a thread-local limit, so it must be set on the thread that calls the kernel;
     * the cost is negligible next to {@code 2 n³} flops). Returns C so that callers can sink it.
     */
    Object run() {
        Parallel.setThreads(threads);
        if (dc != null) {
            backend.dgemm(false, false, n, n, n, 1.0, da, 0, n, db, 0, n, 0.0, dc, 0, n);
            return dc;
        }
        backend.sgemm(false, false, n, n, n, 1.0f, fa, 0, n, fb, 0, n, 0.0f, fc, 0, n);
        return fc;
    }

    /**
     * Checks {@value #VERIFY_SAMPLES} pseudo-randomly chosen entries of C (after at least one
     * {@link #run()}) against a dot product accumulated in double. The standard bound for a
     * computed dot product of length n is {@code |c - ĉ| ≤ γ_n Σ_p |a_ip||b_pj|} with
     * {@code γ_n ≈ n u}; the check allows {@code 2 n u Σ|a||b|} (u = unit roundoff of the element
     * type), which any correct blocking or FMA ordering meets and a wrong kernel misses by orders
     * of magnitude. O(n) per sample.
     *
     * @throws IllegalStateException naming the first entry outside the bound
     */
    void verify() {
        boolean dbl = dc != null;
        double u = dbl ? Math.ulp(1.0) / 2 : Math.ulp(1.0f) / 2;
        RandomGenerator pick = Rng.of(SEED ^ n);
        for (int s = 0; s < VERIFY_SAMPLES; s++) {
            int i = pick.nextInt(n), j = pick.nextInt(n);
            double ref = 0, abs = 0;
            for (int p = 0; p < n; p++) {
                double x = dbl ? da[i * n + p] : fa[i * n + p];
                double y = dbl ? db[p * n + j] : fb[p * n + j];
                ref += x * y;
                abs += Math.abs(x * y);
            }
            double got = dbl ? dc[i * n + j] : fc[i * n + j];
            double err = Math.abs(got - ref);
            if (!(err <= 2 * n * u * abs))
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s %s gemm n=%d: C[%d][%d] = %s, reference %s, error %.3g exceeds bound %.3g",
                        backend.name(), dtype, n, i, j, got, ref, err, 2 * n * u * abs));
        }
    }
}
