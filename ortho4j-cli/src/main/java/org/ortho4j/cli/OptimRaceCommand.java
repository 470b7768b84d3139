package org.ortho4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ortho4j.cli.tour.TourRun;
import org.ortho4j.core.tour.Plot;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.optim.ReferenceExperiment;
import org.ortho4j.optim.ReferenceExperiment.Config;
import org.ortho4j.optim.ReferenceExperiment.Regime;
import org.ortho4j.optim.ReferenceExperiment.Results;
import org.ortho4j.optim.ReferenceExperiment.Row;
import org.ortho4j.optim.ReferenceExperiment.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ortho4j optim-race}: the reference experiment of the orthogonalized optimizers
 * (optimizers.md §10 — a teacher-student MLP in the online and memorisation regimes, every
 * optimizer with a short learning-rate sweep over 3 seeds), printing the table of final losses
 * (mean and spread), time per step and the share of optimizer time spent orthogonalizing, and
 * with {@code --report DIR} an HTML page with the loss curves of each optimizer at its best
 * learning rate.
 */
@Command(name = "optim-race", mixinStandardHelpOptions = true,
        description = "Race AdamW, Muon, NorMuon, ROOT, AuON (and DCT-AdamW with --lm) on the reference MLP experiment and a char-level LM.")
public final class OptimRaceCommand implements Callable<Integer> {
    /** Size of the run. */
    public enum Mode { quick, standard, full }

    @Spec CommandSpec spec;

    @Option(names = "--mode", defaultValue = "standard", description = "quick (seconds), standard (about a minute) or full (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--json", description = "Print the best-learning-rate rows as JSON.")
    boolean json;

    @Option(names = "--report", paramLabel = "DIR", description = "Write DIR/index.html with the loss curves.")
    Path report;

    @Option(names = "--lm", description = "Also race the optimizers on a char-level transformer LM (DJL + PyTorch CPU, "
            + "tinyshakespeare slice): equal steps and equal wall-clock; quick mode takes seconds, the others minutes.")
    boolean lm;

    /** Used by picocli. */
    public OptimRaceCommand() {}

    @Override
    public Integer call() throws Exception {
        Config c = switch (mode) {
            case quick -> Config.quick();
            case standard -> Config.standard();
            case full -> Config.full();
        };
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        Results r = ReferenceExperiment.run(c, msg -> { err.println(msg); err.flush(); });
        double secs = (System.nanoTime() - t0) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Row row : r.best()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("regime", row.regime().toString());
                m.put("method", row.method().toString());
                m.put("lr", row.lr());
                m.put("meanTrainLoss", row.meanTrainLoss());
                m.put("minTrainLoss", row.minTrainLoss());
                m.put("maxTrainLoss", row.maxTrainLoss());
                m.put("meanTestAccuracy", row.meanTestAccuracy());
                m.put("optimizerMsPerStep", row.optimizerMsPerStep());
                m.put("orthogonalizeShare", row.orthogonalizeShare());
                m.put("numpyTrainLoss", row.referenceTrainLoss());
                rows.add(m);
            }
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("mode", mode.toString());
            all.put("seconds", secs);
            all.put("best", rows);
            out.println(Json.write(all));
        } else {
            out.print(r.table());
            out.printf(Locale.ROOT, "%nTotal wall time %.1f s%n", secs);
        }
        out.flush();
        if (lm) {
            org.ortho4j.djl.LmRace.Config lc = mode == Mode.quick ? org.ortho4j.djl.LmRace.Config.quick() : org.ortho4j.djl.LmRace.Config.full();
            org.ortho4j.djl.LmRace.Result lr = org.ortho4j.djl.LmRace.run(lc, msg -> { err.println(msg); err.flush(); });
            out.println();
            out.println("Char-level transformer LM (" + lr.engine() + ")");
            out.print(lr.formatTable());
            out.flush();
            if (report != null) {
                Files.createDirectories(report);
                org.ortho4j.djl.LmRace.writeCurvesCsv(lr, report.resolve("lm-race-curves.csv"));
                org.ortho4j.djl.LmRace.writeJson(lr, report.resolve("lm-race.json"));
            }
        }
        if (report != null) {
            Files.createDirectories(report);
            TourResult.Builder b = TourResult.builder("optim-race");
            for (Row row : r.best())
                b.atMost(row.regime() + " " + row.method() + " lr " + row.lr() + ": mean final train loss (limit: diverged)",
                        row.meanTrainLoss(), Double.MAX_VALUE);
            for (Regime regime : c.regimes()) b.plot(curves(r, regime));
            TourRun run = new TourRun(List.of(new TourRun.StepRecord("optim-race", "reference experiment, " + mode, secs, b.build())),
                    0, mode == Mode.quick, secs);
            HtmlReport.write(report, MachineInfo.collect(), run);
            err.println("ortho4j optim-race: report written to " + report.resolve(HtmlReport.INDEX));
        }
        return Main.OK;
    }

    /** Loss curves (moving average of 25 batches, first seed) of each method at its best learning rate. */
    private static Plot curves(Results r, Regime regime) {
        List<Plot.Series> series = new ArrayList<>();
        for (Row row : r.best()) {
            if (row.regime() != regime) continue;
            Run run = r.runs().stream().filter(x -> x.regime() == regime && x.method() == row.method() && x.lr() == row.lr() && !x.diverged())
                    .findFirst().orElse(null);
            if (run == null || run.batchLoss().length == 0) continue;
            double[] loss = run.batchLoss();
            int w = 25, pts = Math.max(1, loss.length / w);
            double[] x = new double[pts], y = new double[pts];
            for (int p = 0; p < pts; p++) {
                double s = 0;
                int lo = p * w, hi = Math.min(loss.length, lo + w);
                for (int i = lo; i < hi; i++) s += loss[i];
                x[p] = hi;
                y[p] = s / (hi - lo);
            }
            series.add(new Plot.Series(row.method() + " (lr " + row.lr() + ")", x, y));
        }
        return new Plot("optim-race-" + regime.toString().toLowerCase(Locale.ROOT), "Training loss, " + regime + " regime (best lr, seed 1)",
                "step", "batch loss (moving average of 25)", Plot.Kind.LINE, series);
    }
}
