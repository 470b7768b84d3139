package org.ortho4j.optim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.orthogonal.NewtonSchulzRootTable;

/**
 * The cases of the golden file {@code optimizer_steps.json} (spec data {@code data/optim/}): the
 * rule each case name stands for, built from the case's {@code hyper} object, and a runner that
 * replays a case on one parameter and collects everything the golden file records. Shared by the
 * tests (full golden data) and {@link OptimTourStep} (a bundled extract).
 */
final class GoldenCases {
    private GoldenCases() {}

    /** Every case name of the golden file, in file order. */
    static final List<String> NAMES = List.of("muon_kj", "muon_torch_default", "muon_torch_match_rms_adamw", "muon_dion_style",
            "muon_polar_express", "normuon_code", "normuon_paper", "root", "root_table_override", "auon_paper", "auon_pkg",
            "hybrid_auon_pkg_ns5", "hybrid_auon_ns1", "adamw_torch", "dct_adamw_r2", "dct_adamw_r4", "dion_r2");

    /**
     * The rule of a case.
     *
     * @param name  the case name
     * @param hyper its {@code hyper} object
     * @param q0    Dion's initial Q for the run (only for {@code dion_*})
     */
    static UpdateRule rule(String name, JsonNode hyper, Matrix q0) {
        double lr = hyper.get("lr").asDouble();
        double wd = hyper.has("wd") ? hyper.get("wd").asDouble() : 0;
        if (name.startsWith("muon_")) {
            Muon.Builder b = switch (name) {
                case "muon_kj" -> Muon.kellerJordan();
                case "muon_torch_default" -> Muon.torchDefaults();
                case "muon_torch_match_rms_adamw" -> Muon.torchMatchRmsAdamW();
                case "muon_dion_style" -> Muon.dionStyle();
                case "muon_polar_express" -> Muon.polarExpress();
                default -> throw new IllegalArgumentException("unknown case " + name);
            };
            return b.lr(lr).weightDecay(wd).momentum(hyper.get("beta").asDouble()).build();
        }
        if (name.startsWith("normuon_")) {
            NorMuon.Builder b = name.equals("normuon_paper") ? NorMuon.paper() : NorMuon.builder();
            return b.lr(lr).weightDecay(wd).momentum(hyper.get("beta").asDouble()).beta2(hyper.get("beta2").asDouble())
                    .nesterov(hyper.get("nesterov").asBoolean()).build();
        }
        if (name.startsWith("root")) {
            Root.Builder b = Root.builder().lr(lr).weightDecay(wd).momentum(hyper.get("mu").asDouble())
                    .outlierQuantile(hyper.get("q").asDouble());
            JsonNode table = hyper.get("table");
            if (table != null) {
                NewtonSchulzRootTable t = NewtonSchulzRootTable.empty();
                for (var it = table.fields(); it.hasNext(); ) {
                    var e = it.next();
                    String[] rc = e.getKey().split("x");
                    JsonNode abc = e.getValue();
                    t = t.with(Integer.parseInt(rc[0]), Integer.parseInt(rc[1]), abc.get(0).asDouble(), abc.get(1).asDouble(),
                            abc.get(2).asDouble());
                }
                b.coefficients(t);
            }
            return b.build();
        }
        if (name.contains("auon")) {
            AuOn.Builder b = name.equals("auon_paper") ? AuOn.builder() : AuOn.packageForm();
            b.lr(lr).weightDecay(wd).momentum(hyper.get("beta").asDouble());
            if (hyper.has("gamma")) b.gamma(hyper.get("gamma").asDouble());
            if (hyper.path("hybrid").asBoolean(false)) b.hybridNsSteps(hyper.get("ns_steps").asInt());
            return b.build();
        }
        if (name.equals("adamw_torch"))
            return AdamW.builder().lr(lr).weightDecay(wd).betas(hyper.get("b1").asDouble(), hyper.get("b2").asDouble())
                    .eps(hyper.get("eps").asDouble()).build();
        if (name.startsWith("dct_adamw"))
            return LowRankAdamW.dct().rank(hyper.get("r").asInt()).lr(lr).weightDecay(wd)
                    .betas(hyper.get("b1").asDouble(), hyper.get("b2").asDouble()).eps(hyper.get("eps").asDouble())
                    .updateProjGap(hyper.get("proj_gap").asInt()).build();
        if (name.startsWith("dion"))
            return Dion.builder().lr(lr).weightDecay(wd).mu(hyper.get("mu").asDouble()).eps(hyper.get("eps").asDouble())
                    .rank(hyper.get("rank").asInt()).initialQ(p -> q0).build();
        throw new IllegalArgumentException("unknown golden case " + name);
    }

    /**
     * Runs {@code rule} on one parameter {@code W0} with the given gradients, in float64 or
     * float32, and returns per step the weights ({@code "W"}, as double) and every traced value
     * (scalars as 1×1 matrices), keyed as in the golden file; Dion's Q is also given as
     * {@code "Q_abs"} (element-wise absolute value).
     */
    static List<Map<String, Matrix>> run(UpdateRule rule, Matrix w0, List<Matrix> grads, boolean floatPath) {
        List<Map<String, Matrix>> out = new ArrayList<>();
        Map<String, Matrix> current = new LinkedHashMap<>();
        StepTrace trace = new StepTrace() {
            @Override public void matrix(String parameter, String key, Matrix value) { current.put(key, value); }
            @Override public void scalar(String parameter, String key, double value) { current.put(key, Matrix.row(value)); }
        };
        HybridOptimizer opt = HybridOptimizer.builder().matrix(rule).aux(rule).trace(trace).build();
        Parameter p = floatPath ? Parameter.of("W", w0.toFloat()) : Parameter.of("W", w0.copy());
        for (Matrix g : grads) {
            current.clear();
            if (floatPath) opt.step(List.of(p), List.<FloatMatrix>of(g.toFloat()));
            else opt.stepDouble(List.of(p), List.of(g));
            Map<String, Matrix> snap = new LinkedHashMap<>(current);
            snap.put("W", floatPath ? p.value().toDouble() : p.doubleValue().copy());
            Matrix q = current.get("Q");
            if (q != null) snap.put("Q_abs", q.map(Math::abs));
            out.add(snap);
        }
        return out;
    }
}
