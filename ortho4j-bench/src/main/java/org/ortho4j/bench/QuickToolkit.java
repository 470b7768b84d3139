package org.ortho4j.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A quick, non-JMH timer of the orthogonal toolkit's kernels, used by the comparison scripts
 * {@code ns_compare.py}, {@code lsa_compare.py} and {@code transforms_compare.py} (in
 * {@code ortho4j-bench/scripts}) to set ortho4j side by side with numpy/scipy in one run. The
 * first argument picks the kernel; for each combination of the options it builds the case
 * ({@link NsCase}, {@link LsaCase}, {@link TransformCase}), times it with {@link Sampler},
 * checks the result ({@link TimedCase#verify()}) and prints <b>one JSON object per line</b>:
 *
 * <pre>{"case":"ns","shape":"1024x4096","form":"gram","dtype":"float","backend":"native",
 *  "threads":1,"status":"ok","median_s":0.71,"median_cpu_s":0.70,"gflops":90.2,"cpu_gflops":91.0,
 *  "samples":5,"calls_per_sample":1,"describe":"..."}</pre>
 *
 * <p>{@code median_cpu_s} / {@code cpu_gflops} (the calling thread's CPU time) only appear for
 * one thread, where the whole kernel runs on the calling thread. GFLOP/s use the case's nominal
 * flop count and are absent where there is none (assignment). A case that cannot be built here
 * (a backend that does not load, native with a thread count other than
 * {@code OPENBLAS_NUM_THREADS}) gives {@code "status":"n/a"} and a {@code "reason"}; a result
 * that fails its check gives {@code "status":"wrong"}.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp benchmarks.jar
 * org.ortho4j.bench.QuickToolkit KERNEL [options]} with KERNEL and its options
 * <ul>
 *   <li>{@code ns [--shapes 1024x1024,1024x4096,4096x1024] [--forms plain,gram] [--dtypes float]
 *       [--backends native] [--threads 1]}: NS5, MUON coefficients;</li>
 *   <li>{@code lsa [--n 1000,2000] [--kind uniform|int] [--input FILE] [--threads 1]}: linear
 *       assignment, minimise, single-threaded; {@code --input} (n² little-endian doubles, one {@code --n} only) replaces the
 *       generated matrix, and the line then carries the solution's {@code total} and
 *       {@code cols_hash} ({@code Arrays.hashCode(colInd)}) for comparing with scipy's;</li>
 *   <li>{@code fwht|fft [--n 1048576] [--dtypes double,float] [--threads 1]},
 *       {@code fftbr [--n 1048576] [--threads 1]};</li>
 * </ul>
 * and for all {@code [--repeats 5] [--sample-seconds 0.2] [--warmup-seconds 1]
 * [--budget-seconds 60]} (see {@link Sampler}). Exit status 2 on a bad argument, 1 if any
 * result was wrong.
 */
public final class QuickToolkit {
    private QuickToolkit() {}

    /** Options of every kernel. */
    private static final List<String> TIMING = List.of("--repeats", "--sample-seconds", "--warmup-seconds", "--budget-seconds");
    /** Options of each kernel besides {@link #TIMING}. */
    private static final Map<String, Set<String>> KERNELS = Map.of(
            "ns", Set.of("--shapes", "--forms", "--dtypes", "--backends", "--threads"),
            "lsa", Set.of("--n", "--kind", "--input", "--threads"),
            "fwht", Set.of("--n", "--dtypes", "--threads"),
            "fft", Set.of("--n", "--dtypes", "--threads"),
            "fftbr", Set.of("--n", "--threads"));

    /** One case to measure: the fields that identify it, and how to build it. */
    record Spec(Map<String, Object> id, Supplier<TimedCase> build) {}

    /** Parsed command line. */
    record Plan(List<Spec> specs, Sampler.Settings settings) {}

    /**
     * Parses the command line into the cases to run.
     *
     * @throws IllegalArgumentException naming the bad option or value
     */
    static Plan parse(String[] args) {
        if (args.length == 0 || !KERNELS.containsKey(args[0]))
            throw new IllegalArgumentException("first argument = " + (args.length == 0 ? "(none)" : args[0])
                    + ", expected one of ns, lsa, fwht, fft, fftbr");
        String kernel = args[0];
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String key = args[i];
            if (!KERNELS.get(kernel).contains(key) && !TIMING.contains(key))
                throw new IllegalArgumentException("unknown option " + key + " for " + kernel + ", expected one of "
                        + KERNELS.get(kernel) + " or " + TIMING);
            if (i + 1 >= args.length) throw new IllegalArgumentException(key + ": missing value");
            o.put(key, args[++i]);
        }
        Sampler.Settings settings = new Sampler.Settings(
                BenchArgs.integer("--repeats", o.getOrDefault("--repeats", "5"), 1),
                BenchArgs.positive("--sample-seconds", o.getOrDefault("--sample-seconds", "0.2")),
                BenchArgs.positive("--warmup-seconds", o.getOrDefault("--warmup-seconds", "1")),
                BenchArgs.positive("--budget-seconds", o.getOrDefault("--budget-seconds", "60")));
        int[] threads = BenchArgs.ints("--threads", o.getOrDefault("--threads", "1"), 1);
        List<Spec> specs = new ArrayList<>();
        switch (kernel) {
            case "ns" -> {
                for (String shape : BenchArgs.words("--shapes", o.getOrDefault("--shapes", "1024x1024,1024x4096,4096x1024")))
                    NsCase.parseShape(shape);
                for (String backend : BenchArgs.words("--backends", o.getOrDefault("--backends", "native")))
                    for (String dtype : BenchArgs.words("--dtypes", o.getOrDefault("--dtypes", "float")))
                        for (String shape : BenchArgs.words("--shapes", o.getOrDefault("--shapes", "1024x1024,1024x4096,4096x1024")))
                            for (String form : BenchArgs.words("--forms", o.getOrDefault("--forms", "plain,gram")))
                                for (int t : threads)
                                    specs.add(new Spec(id("case", "ns", "shape", shape, "form", form, "dtype", dtype,
                                            "backend", backend, "threads", t),
                                            () -> NsCase.of(shape, form, dtype, backend, t)));
            }
            case "lsa" -> {
                int[] sizes = BenchArgs.ints("--n", o.getOrDefault("--n", "1000,2000"), 1);
                String kind = o.getOrDefault("--kind", "uniform");
                String input = o.get("--input");
                if (threads.length != 1 || threads[0] != 1)
                    throw new IllegalArgumentException("--threads = " + o.get("--threads") + ", expected 1 (the solver is single-threaded)");
                if (input != null && sizes.length != 1)
                    throw new IllegalArgumentException("--input needs exactly one --n, got --n " + o.get("--n"));
                for (int n : sizes)
                    specs.add(new Spec(id("case", "lsa", "n", n, "threads", 1),
                            () -> input != null ? LsaCase.fromFile(Path.of(input), n) : LsaCase.generated(n, kind)));
            }
            default -> {
                int[] sizes = BenchArgs.ints("--n", o.getOrDefault("--n", "1048576"), 1);
                List<String> dtypes = kernel.equals("fftbr") ? List.of("double")
                        : BenchArgs.words("--dtypes", o.getOrDefault("--dtypes", "double,float"));
                for (String dtype : dtypes)
                    for (int n : sizes)
                        for (int t : threads)
                            specs.add(new Spec(id("case", kernel, "dtype", dtype, "n", n, "threads", t),
                                    () -> new TransformCase(kernel, dtype, n, t)));
            }
        }
        return new Plan(specs, settings);
    }

    private static Map<String, Object> id(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** Runs every case of the command line, printing one JSON line each to standard output. */
    public static void main(String[] args) {
        Plan plan;
        try {
            plan = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("QuickToolkit: " + e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        boolean wrong = false;
        for (Spec spec : plan.specs()) {
            Map<String, Object> r = measure(spec, plan.settings());
            wrong |= "wrong".equals(r.get("status"));
            out.println(QuickGemm.toJson(r));
            out.flush();
        }
        // JTransforms keeps a thread pool; end explicitly so it cannot hold the JVM open.
        System.exit(wrong ? 1 : 0);
    }

    /** Builds, times and checks one case; returns the fields of its output line in order. */
    static Map<String, Object> measure(Spec spec, Sampler.Settings settings) {
        Map<String, Object> r = new LinkedHashMap<>(spec.id());
        TimedCase c;
        try {
            c = spec.build().get();
        } catch (RuntimeException | LinkageError e) {
            r.put("status", "n/a");
            r.put("reason", String.valueOf(e.getMessage()));
            return r;
        }
        boolean cpu = c.threads() == 1;
        Sampler.Timing t = Sampler.time(c::run, cpu, settings);
        try {
            c.verify();
        } catch (IllegalStateException e) {
            r.put("status", "wrong");
            r.put("reason", e.getMessage());
            return r;
        }
        r.put("status", "ok");
        r.put("median_s", t.wallSeconds());
        if (!Double.isNaN(t.cpuSeconds())) r.put("median_cpu_s", t.cpuSeconds());
        double flops = c.flops();
        if (!Double.isNaN(flops)) {
            r.put("gflops", flops / t.wallSeconds() * 1e-9);
            if (!Double.isNaN(t.cpuSeconds())) r.put("cpu_gflops", flops / t.cpuSeconds() * 1e-9);
        }
        r.put("samples", t.samples());
        r.put("calls_per_sample", t.callsPerSample());
        r.putAll(c.details());
        return r;
    }
}
