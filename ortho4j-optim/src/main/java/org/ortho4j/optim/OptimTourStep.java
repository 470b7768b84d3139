package org.ortho4j.optim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.tour.Plot;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;

/**
 * Tour step of ortho4j-optim: (1) every optimizer case of the spec's golden file
 * ({@code optimizer_steps.json}, bundled extract) replayed in float64 and float32 and compared
 * with the numpy reference weights; (2) a short run of the reference experiment (online regime,
 * AdamW / Muon / AuON-paper at the reference's best learning rates; seed 1, or seeds 1–3 outside
 * quick mode): label histogram, agreement with the numpy run, the Muon &lt; AdamW ordering and
 * AuON ≈ AdamW, with the training-loss curves as a plot.
 */
public final class OptimTourStep implements TourStep {
    /** Float64 replay vs numpy float64: summation-order differences only (see GoldenStepsTest). */
    static final double GOLDEN_F64 = 1e-12;
    /** Float32 replay vs the float64 reference, relative to the largest weight (see GoldenStepsTest). */
    static final double GOLDEN_F32 = 2e-5;
    /** A float64 port with identical data and formulas matches each numpy run to ~±0.005 (spec §10); 0.01 leaves room for the platform. */
    static final double RUN_TOL = 0.01;

    /** Creates the step (service-loader constructor). */
    public OptimTourStep() {}

    @Override public String capability() { return "optim"; }

    @Override
    public String title() { return "Orthogonalized optimizers: golden steps of 17 cases and the teacher-student reference experiment"; }

    @Override public int order() { return 1100; }

    @Override
    public TourResult run(TourContext ctx) {
        TourResult.Builder out = TourResult.builder(capability());
        goldenSteps(ctx, out);
        experiment(ctx, out);
        return out.build();
    }

    private static void goldenSteps(TourContext ctx, TourResult.Builder out) {
        JsonNode steps = BundledReference.steps();
        double worstF32 = 0;
        String worstCase = "";
        for (String name : GoldenCases.NAMES) {
            JsonNode c = steps.get(name);
            Map.Entry<String, JsonNode> run = c.get("runs").fields().next();
            JsonNode r = run.getValue();
            Matrix w0 = BundledReference.input(r.get("W0").asText());
            List<Matrix> grads = new ArrayList<>();
            for (JsonNode g : r.get("grads")) grads.add(BundledReference.input(g.asText()));
            Matrix q0 = r.has("Q0") ? BundledReference.input(r.get("Q0").asText()) : null;
            UpdateRule rule = GoldenCases.rule(name, c.get("hyper"), q0);
            List<Map<String, Matrix>> f64 = GoldenCases.run(rule, w0, grads, false), f32 = GoldenCases.run(rule, w0, grads, true);
            double err64 = 0;
            JsonNode after = r.get("after_step");
            for (int k = 0; k < after.size(); k++) {
                Matrix expected = BundledReference.matrix(after.get(k).get("W"));
                err64 = Math.max(err64, maxAbsDiff(expected, f64.get(k).get("W")));
                double rel = maxAbsDiff(expected, f32.get(k).get("W")) / maxAbs(expected);
                if (rel > worstF32) {
                    worstF32 = rel;
                    worstCase = name;
                }
            }
            out.atMost(String.format(Locale.ROOT, "%s %s, %d steps: max |W - numpy| (float64)", name, run.getKey(), after.size()), err64,
                    GOLDEN_F64);
            ctx.log("golden " + name + ": " + err64);
        }
        out.atMost("all 17 cases, float32 path: max |W - numpy| / max |W| (worst: " + worstCase + ")", worstF32, GOLDEN_F32);
    }

    private static void experiment(TourContext ctx, TourResult.Builder out) {
        ReferenceExperiment.Config q = ReferenceExperiment.Config.quick();
        ReferenceExperiment.Config cfg = ctx.quick() ? q
                : new ReferenceExperiment.Config(q.regimes(), q.methods(), q.sweep(), List.of(1L, 2L, 3L), q.steps(), q.threads());
        TeacherTask data = TeacherTask.generate(ReferenceExperiment.Regime.ONLINE.trainRows, ReferenceExperiment.TEST_ROWS);
        int[] expectedHist = new int[TeacherTask.CLASSES];
        JsonNode h = BundledReference.experiment().get("data_check_online_N64000").get("label_hist_train");
        for (int i = 0; i < expectedHist.length; i++) expectedHist[i] = h.get(i).asInt();
        int[] hist = TeacherTask.histogram(data.yTrain);
        int off = 0;
        for (int i = 0; i < hist.length; i++) off += Math.abs(hist[i] - expectedHist[i]);
        out.equalTo("teacher task (64000 rows): labels off the reference histogram", off, 0);

        ReferenceExperiment.Results res = ReferenceExperiment.run(cfg, ctx::log);
        List<Plot.Series> curves = new ArrayList<>();
        for (ReferenceExperiment.Run run : res.runs()) {
            double ref = ReferenceExperiment.referenceTrainLoss(run.regime(), run.method(), run.lr(), run.seed());
            out.atMost(String.format(Locale.ROOT, "%s lr %s seed %d: |final train loss %.4f - numpy %.4f|", run.method(), run.lr(), run.seed(),
                    run.trainLoss(), ref), Math.abs(run.trainLoss() - ref), RUN_TOL);
            if (run.seed() == 1) curves.add(new Plot.Series(run.method() + " (lr " + run.lr() + ")", steps(run.batchLoss().length),
                    smooth(run.batchLoss(), 25)));
        }
        double adam = mean(res, ReferenceExperiment.Method.ADAMW), muon = mean(res, ReferenceExperiment.Method.MUON),
                auon = mean(res, ReferenceExperiment.Method.AUON_PAPER);
        out.atMost("Muon - AdamW final train loss (spec: <= -0.04 nats)", muon - adam, -0.04);
        out.atMost("|AuON(paper) - AdamW| final train loss (spec: AuON close to AdamW)", Math.abs(auon - adam), 0.03);
        for (ReferenceExperiment.Run run : res.runs())
            if (run.method() == ReferenceExperiment.Method.MUON && run.seed() == 1)
                ctx.log(String.format(Locale.ROOT, "Muon: %.3f ms per optimizer step, %.0f%% orthogonalizing", run.optimizerMsPerStep(),
                        100 * run.orthogonalizeShare()));
        out.plot(new Plot("optim-reference-loss", "Teacher-student MLP, online regime: training loss (moving average of 25 batches)",
                "step", "cross-entropy", Plot.Kind.LINE, curves));
    }

    private static double mean(ReferenceExperiment.Results res, ReferenceExperiment.Method m) {
        return res.runs().stream().filter(r -> r.method() == m).mapToDouble(ReferenceExperiment.Run::trainLoss).average().orElse(Double.NaN);
    }

    private static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i;
        return x;
    }

    /** Trailing moving average over {@code w} values (fewer at the start). */
    private static double[] smooth(double[] y, int w) {
        double[] s = new double[y.length];
        double acc = 0;
        for (int i = 0; i < y.length; i++) {
            acc += y[i];
            if (i >= w) acc -= y[i - w];
            s[i] = acc / Math.min(i + 1, w);
        }
        return s;
    }

    private static double maxAbsDiff(Matrix a, Matrix b) {
        double m = 0;
        for (int i = 0; i < a.rows; i++)
            for (int j = 0; j < a.cols; j++) m = Math.max(m, Math.abs(a.get(i, j) - b.get(i, j)));
        return m;
    }

    private static double maxAbs(Matrix a) {
        double m = 0;
        for (int i = 0; i < a.rows; i++)
            for (int j = 0; j < a.cols; j++) m = Math.max(m, Math.abs(a.get(i, j)));
        return m;
    }
}
