package org.ortho4j.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ortho4j.core.backend.Backends;
import org.ortho4j.optim.OptimizerStats;

/**
 * Quick (non-JMH) timing of one optimizer step per update rule on a float32 weight (see
 * {@link OptimizerCase}); prints one JSON line per rule:
 * {@code {"case":"optim-step","rule":...,"shape":"1024x4096","backend":...,"status":"ok",
 * "first_step_ms":...,"median_ms":...,"min_ms":...,"ortho_share":...,"steps":...}}.
 *
 * <p>Per rule: one step timed on its own ({@code first_step_ms}: allocates the state), then
 * {@code --warmup} untimed steps, then {@code --steps} timed steps (wall time of each,
 * {@code System.nanoTime}); {@code median_ms}/{@code min_ms} over those, and
 * {@code ortho_share} = orthogonalization time / step time over the timed steps, from the
 * optimizer's own counters ({@code HybridOptimizer.stats()}). The backend is the JVM's active one
 * (set {@code -Dorg.ortho4j.backend=native|vector|java}; the line names it). After timing the weight must
 * be finite and have moved, else {@code "status":"wrong"}; a rule that throws gives
 * {@code "status":"n/a"} and a {@code "reason"}.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -Dorg.ortho4j.backend=native -cp
 * benchmarks.jar org.ortho4j.bench.QuickOptim [--rules adamw,muon,...] [--shape 1024x4096]
 * [--warmup 2] [--steps 5]}. Exit status 2 on a bad argument, 1 if any rule was wrong.
 */
public final class QuickOptim {
    private QuickOptim() {}

    private static final Set<String> OPTIONS = Set.of("--rules", "--shape", "--warmup", "--steps");

    /** Parsed command line. */
    record Plan(List<String> rules, int rows, int cols, int warmup, int steps) {}

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException naming the bad option or value
     */
    static Plan parse(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!OPTIONS.contains(args[i]))
                throw new IllegalArgumentException("unknown option " + args[i] + ", expected one of " + OPTIONS);
            if (i + 1 >= args.length) throw new IllegalArgumentException(args[i] + ": missing value");
            o.put(args[i], args[++i]);
        }
        List<String> rules = BenchArgs.words("--rules", o.getOrDefault("--rules", String.join(",", OptimizerCase.RULES)));
        for (String r : rules)
            if (!OptimizerCase.RULES.contains(r))
                throw new IllegalArgumentException("--rules: rule = " + r + ", expected one of " + OptimizerCase.RULES);
        int[] rc = NsCase.parseShape(o.getOrDefault("--shape", "1024x4096"));
        return new Plan(rules, rc[0], rc[1], BenchArgs.integer("--warmup", o.getOrDefault("--warmup", "2"), 0),
                BenchArgs.integer("--steps", o.getOrDefault("--steps", "5"), 1));
    }

    /** Runs every rule of the command line, one JSON line each on standard output. */
    public static void main(String[] args) {
        Plan plan;
        try {
            plan = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("QuickOptim: " + e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        boolean wrong = false;
        for (String rule : plan.rules()) {
            Map<String, Object> r = measure(plan, rule);
            wrong |= "wrong".equals(r.get("status"));
            out.println(QuickGemm.toJson(r));
            out.flush();
        }
        System.exit(wrong ? 1 : 0);
    }

    /** Builds, times and checks one rule; returns the fields of its output line in order. */
    static Map<String, Object> measure(Plan plan, String rule) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("case", "optim-step");
        r.put("rule", rule);
        r.put("shape", plan.rows() + "x" + plan.cols());
        r.put("backend", Backends.active().name());
        OptimizerCase c;
        double first;
        try {
            c = new OptimizerCase(rule, plan.rows(), plan.cols());
            long t0 = System.nanoTime();
            c.step();
            first = (System.nanoTime() - t0) / 1e6;
            for (int k = 0; k < plan.warmup(); k++) c.step();
        } catch (RuntimeException e) {
            r.put("status", "n/a");
            r.put("reason", String.valueOf(e.getMessage()));
            return r;
        }
        OptimizerStats before = c.stats();
        List<Double> ms = new ArrayList<>();
        for (int k = 0; k < plan.steps(); k++) {
            long t0 = System.nanoTime();
            c.step();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        OptimizerStats after = c.stats();
        try {
            c.verify();
        } catch (IllegalStateException e) {
            r.put("status", "wrong");
            r.put("reason", e.getMessage());
            return r;
        }
        r.put("status", "ok");
        r.put("first_step_ms", first);
        r.put("median_ms", QuickGemm.median(ms));
        r.put("min_ms", ms.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        r.put("ortho_share", OptimizerCase.share(before, after));
        r.put("steps", plan.steps());
        return r;
    }
}
