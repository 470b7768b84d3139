package org.ortho4j.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A quick, non-JMH square-GEMM timer used by {@code ortho4j-bench/scripts/gemm_compare.py} to set
 * ortho4j's backends side by side with numpy in one run. For each (backend, dtype, n, threads) it
 * warms up, then times {@code repeats} samples and prints <b>one JSON object per line</b> on
 * standard output:
 *
 * <pre>{"backend":"java","dtype":"double","n":1024,"threads":1,"status":"ok","gflops":13.1,
 *  "cpu_gflops":13.4,"median_s":0.164,"median_cpu_s":0.160,"samples":5,"calls_per_sample":2,
 *  "describe":"..."}</pre>
 *
 * <p>{@code gflops} is {@code 2n³} over the median wall time of one call; {@code cpu_gflops} (only
 * when threads = 1, where the whole kernel runs on the calling thread) uses the median
 * {@link java.lang.management.ThreadMXBean#getCurrentThreadCpuTime() thread CPU time} instead, which other processes on
 * a shared machine disturb far less. A backend that cannot load (or native with a thread count
 * other than {@code OPENBLAS_NUM_THREADS}) gives {@code "status":"n/a"} and a {@code "reason"}.
 * Each product is checked at sampled entries ({@code GemmCase.verify}); a wrong result gives
 * {@code "status":"wrong"}.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp benchmarks.jar
 * org.ortho4j.bench.QuickGemm --n 256,1024 --threads 1,2 --backends java,native
 * [--dtypes double,float] [--repeats 5] [--sample-seconds 0.2] [--warmup-seconds 1]
 * [--budget-seconds 60]}. Samples are taken until {@code repeats} are done, or at least 3 are done
 * and the case has used {@code budget-seconds}. Exit status 2 on a bad argument.
 */
public final class QuickGemm {
    private QuickGemm() {}

    /** Minimum samples before the time budget can cut a case short. */

    /** Parsed command line; see the class documentation for the options. */
    static final class Options {
        static final List<String> KEYS = List.of("--n", "--threads", "--backends", "--dtypes", "--repeats",
                "--sample-seconds", "--warmup-seconds", "--budget-seconds");
        int[] sizes = {256, 1024};
        int[] threads = {1};
        List<String> backends = List.of("java", "native");
        List<String> dtypes = List.of("double", "float");
        int repeats = 5;
        double sampleSeconds = 0.2;
        double warmupSeconds = 1.0;
        double budgetSeconds = 60;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String key = args[i];
                if (!KEYS.contains(key))
                    throw new IllegalArgumentException("unknown option " + key + ", expected one of " + KEYS);
                if (i + 1 >= args.length) throw new IllegalArgumentException(key + ": missing value");
                String v = args[++i];
                switch (key) {
                    case "--n": o.sizes = BenchArgs.ints(key, v, 1); break;
                    case "--threads": o.threads = BenchArgs.ints(key, v, 1); break;
                    case "--backends": o.backends = List.of(v.split(",")); break;
                    case "--dtypes": o.dtypes = List.of(v.split(",")); break;
                    case "--repeats":
                        int[] r = BenchArgs.ints(key, v, 1);
                        if (r.length != 1) throw new IllegalArgumentException(key + " = " + v + ", expected one integer >= 1");
                        o.repeats = r[0];
                        break;
                    case "--sample-seconds": o.sampleSeconds = BenchArgs.positive(key, v); break;
                    case "--warmup-seconds": o.warmupSeconds = BenchArgs.positive(key, v); break;
                    case "--budget-seconds": o.budgetSeconds = BenchArgs.positive(key, v); break;
                    default: throw new AssertionError(key);
                }
            }
            return o;
        }


    }

    /**
     * Runs every combination (backends outermost, then dtype, n, threads) and prints one JSON line
     * each to standard output.
     */
    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("QuickGemm: " + e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        for (String backend : o.backends)
            for (String dtype : o.dtypes)
                for (int n : o.sizes)
                    for (int t : o.threads) {
                        out.println(toJson(measure(o, backend, dtype, n, t)));
                        out.flush();
                    }
    }

    /** Measures one case; returns the fields of its output line in order. */
    static Map<String, Object> measure(Options o, String backend, String dtype, int n, int threads) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("backend", backend);
        r.put("dtype", dtype);
        r.put("n", n);
        r.put("threads", threads);
        GemmCase gemm;
        try {
            gemm = GemmCase.of(backend, dtype, n, threads);
        } catch (RuntimeException | LinkageError e) {
            r.put("status", "n/a");
            r.put("reason", String.valueOf(e.getMessage()));
            return r;
        }
        Sampler.Timing t = Sampler.time(gemm::run, threads == 1,
                new Sampler.Settings(o.repeats, o.sampleSeconds, o.warmupSeconds, o.budgetSeconds));
        boolean cpu = !Double.isNaN(t.cpuSeconds());
        try {
            gemm.verify();
        } catch (IllegalStateException e) {
            r.put("status", "wrong");
            r.put("reason", e.getMessage());
            return r;
        }
        r.put("status", "ok");
        r.put("gflops", gemm.flops() / t.wallSeconds() * 1e-9);
        if (cpu) r.put("cpu_gflops", gemm.flops() / t.cpuSeconds() * 1e-9);
        r.put("median_s", t.wallSeconds());
        if (cpu) r.put("median_cpu_s", t.cpuSeconds());
        r.put("samples", t.samples());
        r.put("calls_per_sample", t.callsPerSample());
        r.put("describe", gemm.backend.describe());
        return r;
    }

    /** Median of a non-empty list (mean of the middle two for an even count). */
    static double median(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : 0.5 * (s[h - 1] + s[h]);
    }

    /** One-line JSON object of strings and numbers (non-finite numbers become null). */
    static String toJson(Map<String, Object> fields) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (sb.length() > 1) sb.append(',');
            quote(sb, e.getKey()).append(':');
            Object v = e.getValue();
            if (v instanceof Double) {
                double d = (Double) v;
                sb.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "null");
            } else if (v instanceof Number) {
                sb.append(v);
            } else {
                quote(sb, String.valueOf(v));
            }
        }
        return sb.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (ch < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    else sb.append(ch);
            }
        }
        return sb.append('"');
    }
}
