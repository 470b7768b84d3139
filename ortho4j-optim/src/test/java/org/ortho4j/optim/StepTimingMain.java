package org.ortho4j.optim;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ortho4j.core.backend.Backends;
import org.ortho4j.core.linalg.FloatMatrix;

/**
 * Quick wall-clock timing of one optimizer step per rule on a float32 matrix (default 1024×4096,
 * OUT_IN), not a JMH benchmark: 2 warm-up steps, then the median of 3 timed steps, the share spent
 * orthogonalizing and the bytes allocated per steady-state step. Run with the test class path:
 * {@code java -cp ... org.ortho4j.optim.StepTimingMain [rows cols]}.
 */
public final class StepTimingMain {
    private StepTimingMain() {}

    /**
     * Entry point.
     *
     * @param args optional rows and cols
     */
    public static void main(String[] args) {
        int m = args.length > 1 ? Integer.parseInt(args[0]) : 1024, n = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
        Map<String, UpdateRule> rules = new LinkedHashMap<>();
        rules.put("AdamW", AdamW.builder().build());
        rules.put("SGD-nesterov", Sgd.builder().nesterov(true).build());
        rules.put("AuON paper", AuOn.builder().build());
        rules.put("AuON package", AuOn.packageForm().build());
        rules.put("Muon (KJ, NS5)", Muon.builder().build());
        rules.put("Muon (Polar Express)", Muon.polarExpress().build());
        rules.put("NorMuon", NorMuon.builder().build());
        rules.put("ROOT", Root.builder().build());
        rules.put("HybridAuON (NS5)", AuOn.hybrid().build());
        rules.put("DCT-AdamW r128 gap1", LowRankAdamW.dct().rank(128).build());
        rules.put("SVD-AdamW r128 (proj.)", LowRankAdamW.svd().rank(128).build());
        rules.put("Dion r128", Dion.builder().rank(128).build());
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        System.out.printf(Locale.ROOT, "backend %s, %dx%d float32, %d processors%n", Backends.active().name(), m, n,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-24s %10s %10s %8s %14s%n", "rule", "step 1 ms", "median ms", "ortho%", "alloc B/step");
        for (Map.Entry<String, UpdateRule> e : rules.entrySet()) {
            FloatMatrix w = FloatMatrix.gaussian(m, n, 1).times(0.02f);
            List<Parameter> ps = List.of(Parameter.of("W", w));
            HybridOptimizer opt = HybridOptimizer.of(e.getValue());
            FloatMatrix[] g = {FloatMatrix.gaussian(m, n, 2), FloatMatrix.gaussian(m, n, 3)};
            long t0 = System.nanoTime();
            opt.step(ps, List.of(g[0]));
            double first = (System.nanoTime() - t0) / 1e6;
            opt.step(ps, List.of(g[1]));
            double[] t = new double[3];
            long orthoBefore = opt.stats().orthogonalizeNanos(), total = 0, alloc0 = mx.getThreadAllocatedBytes(tid);
            for (int k = 0; k < 3; k++) {
                long s = System.nanoTime();
                opt.step(ps, List.of(g[k % 2]));
                long d = System.nanoTime() - s;
                t[k] = d / 1e6;
                total += d;
            }
            long alloc = (mx.getThreadAllocatedBytes(tid) - alloc0) / 3;
            java.util.Arrays.sort(t);
            double share = (double) (opt.stats().orthogonalizeNanos() - orthoBefore) / total;
            System.out.printf(Locale.ROOT, "%-24s %10.1f %10.1f %7.1f%% %14d%n", e.getKey(), first, t[1], 100 * share, alloc);
        }
    }
}
