package org.ortho4j.bench;

import java.util.List;
import java.util.Locale;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.optim.AdamW;
import org.ortho4j.optim.AuOn;
import org.ortho4j.optim.Dion;
import org.ortho4j.optim.HybridOptimizer;
import org.ortho4j.optim.LowRankAdamW;
import org.ortho4j.optim.Muon;
import org.ortho4j.optim.NorMuon;
import org.ortho4j.optim.OptimizerStats;
import org.ortho4j.optim.Parameter;
import org.ortho4j.optim.Root;
import org.ortho4j.optim.UpdateRule;

/**
 * One optimizer step on a float32 {@code rows×cols} weight ({@code Layout.OUT_IN}), shared by
 * {@link OptimizerStepBenchmark} and {@link QuickOptim}: the weight is {@code 0.02·N(0,1)} (seed 1),
 * and the steps alternate between two fixed Gaussian gradients (seeds 2 and 3), so the momentum
 * state keeps changing. {@link HybridOptimizer#of} routes the single 2-D weight to the rule.
 *
 * <p>The GEMM/SYRK backend is the JVM's {@code Backends.active()} (system property
 * {@code org.ortho4j.backend}): the optimizers take no backend argument.
 *
 * <p>Rules (their library defaults unless stated): {@code adamw}, {@code muon} (Keller Jordan,
 * NS5), {@code normuon}, {@code root}, {@code auon} (paper form), {@code auon-hybrid}
 * ({@code AuOn.hybrid()}: package form + 5 NS steps), {@code dct-adamw} and {@code svd-adamw}
 * ({@code LowRankAdamW.dct()/svd()}, rank {@code min(128, rows, cols)}), {@code dion} (rank
 * {@code min(128, rows, cols)}).
 *
 * <p>Memory: the weight, two gradients and the rule's state, about {@code 5·rows·cols} floats
 * for AdamW-like rules.
 */
final class OptimizerCase {
    /** The rule names accepted by {@link #rule}, in the order the benchmarks list them. */
    static final List<String> RULES = List.of("adamw", "muon", "normuon", "root", "auon", "auon-hybrid",
            "dct-adamw", "svd-adamw", "dion");

    final String ruleName;
    final int rows, cols;
    private final FloatMatrix weight, initial;
    private final List<Parameter> params;
    private final List<List<FloatMatrix>> grads;
    private final HybridOptimizer optimizer;
    private int next;

    OptimizerCase(String rule, int rows, int cols) {
        this.ruleName = rule;
        this.rows = rows;
        this.cols = cols;
        if (rows < 1 || cols < 1)
            throw new IllegalArgumentException("shape = " + rows + "x" + cols + ", expected both sides >= 1");
        UpdateRule r = rule(rule, Math.min(128, Math.min(rows, cols)));
        weight = FloatMatrix.gaussian(rows, cols, 1).times(0.02f);
        initial = weight.copy();
        params = List.of(Parameter.of("W", weight));
        grads = List.of(List.of(FloatMatrix.gaussian(rows, cols, 2)), List.of(FloatMatrix.gaussian(rows, cols, 3)));
        optimizer = HybridOptimizer.of(r);
    }

    /**
     * The update rule called {@code name} (see the class comment), low-rank ones with {@code rank}.
     *
     * @throws IllegalArgumentException naming {@code rule} if unknown
     */
    static UpdateRule rule(String name, int rank) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "adamw" -> AdamW.builder().build();
            case "muon" -> Muon.builder().build();
            case "normuon" -> NorMuon.builder().build();
            case "root" -> Root.builder().build();
            case "auon" -> AuOn.builder().build();
            case "auon-hybrid" -> AuOn.hybrid().build();
            case "dct-adamw" -> LowRankAdamW.dct().rank(rank).build();
            case "svd-adamw" -> LowRankAdamW.svd().rank(rank).build();
            case "dion" -> Dion.builder().rank(rank).build();
            default -> throw new IllegalArgumentException("rule = " + name + ", expected one of " + RULES);
        };
    }

    /** One step with the next of the two gradients. */
    void step() {
        optimizer.step(params, grads.get(next));
        next ^= 1;
    }

    /** The optimizer's cumulative counters (steps, step time, orthogonalization time). */
    OptimizerStats stats() { return optimizer.stats(); }

    /**
     * Checks that the steps taken left a finite weight that moved.
     *
     * @throws IllegalStateException otherwise
     */
    void verify() {
        double moved = 0;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                float w = weight.data[weight.offset + i * weight.ld + j];
                if (!Float.isFinite(w)) throw new IllegalStateException(ruleName + ": weight(" + i + "," + j + ") = " + w);
                moved = Math.max(moved, Math.abs(w - initial.data[initial.offset + i * initial.ld + j]));
            }
        if (optimizer.stepCount() > 0 && moved == 0) throw new IllegalStateException(ruleName + ": the weight did not move");
    }

    /** Orthogonalization share of the step time between two stats snapshots (NaN if no time passed). */
    static double share(OptimizerStats before, OptimizerStats after) {
        long step = after.stepNanos() - before.stepNanos();
        return step == 0 ? Double.NaN : (double) (after.orthogonalizeNanos() - before.orthogonalizeNanos()) / step;
    }
}
