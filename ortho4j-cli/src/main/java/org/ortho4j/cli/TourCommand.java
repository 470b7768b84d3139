package org.ortho4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.ortho4j.core.tour.TourCheck;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.cli.tour.TourRun;
import org.ortho4j.cli.tour.TourRunner;
import org.ortho4j.core.tour.TourStep;
import org.ortho4j.cli.tour.TourSteps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ortho4j tour}: runs every registered {@link TourStep} (see {@link TourSteps#discover()})
 * and prints an aligned summary table and {@code N passed, M failed}, or JSON; optionally writes
 * an HTML report with plots. Exit code 1 if any check failed.
 */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = {"Run a demonstration of every capability on seeded random inputs, checking each result.",
            "Prints a table (capability, check, value, criterion, PASS/FAIL) and 'N passed, M failed'."})
public final class TourCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--quick", description = "Smaller sizes and fewer timing runs.")
    boolean quick;

    @Option(names = "--json", description = "Print the results (and the machine information) as JSON.")
    boolean json;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write DIR/index.html with the results, the machine information and plots (PNG, SVG).")
    Path report;

    @Option(names = "--no-progress", description = "No progress bar or progress lines on stderr.")
    boolean noProgress;

    @Option(names = "--seed", defaultValue = "42", description = "Base seed of all random inputs (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--only", split = ",", paramLabel = "CAPABILITY",
            description = "Run only these capabilities (comma-separated; see --list).")
    List<String> only;

    @Option(names = "--list", description = "List the registered steps and exit.")
    boolean list;

    private final Supplier<List<TourStep>> steps;

    /** Runs the steps found by {@link TourSteps#discover()}; used by picocli. */
    public TourCommand() { this(TourSteps::discover); }

    /** Runs the steps {@code steps} supplies, in that order (tests inject steps here). */
    TourCommand(Supplier<List<TourStep>> steps) { this.steps = Objects.requireNonNull(steps, "steps"); }

    /**
     * Runs the tour.
     *
     * @return 0 when every check passed, 1 otherwise
     * @throws IOException if the report cannot be written
     */
    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        List<TourStep> all = steps.get();
        if (list) {
            TextTable t = new TextTable("capability", "order", "what it shows");
            for (TourStep s : all) t.row(s.capability(), Integer.toString(s.order()), s.title());
            out.print(t.render());
            out.flush();
            return Main.OK;
        }
        List<TourStep> chosen = select(all);
        MachineInfo machine = MachineInfo.collect();
        TourRun run;
        try (Progress progress = Progress.create(err, !noProgress, chosen.size())) {
            TourContext ctx = new TourContext(quick, seed, machine.availableBackends(), progress::log);
            run = TourRunner.run(chosen, ctx, progress);
        }
        if (json) out.println(Json.write(json(machine, run)));
        else out.print(table(run) + run.summary() + "\n");
        out.flush();
        if (report != null) {   // after the results, so they are shown even if the report cannot be written
            List<Path> files = HtmlReport.write(report, machine, run);
            err.println("report: " + files.get(files.size() - 1).toAbsolutePath());
            err.flush();
        }
        return run.failed() == 0 ? Main.OK : Main.FAILED;
    }

    /** The steps named by {@code --only} (all when absent), in tour order. */
    private List<TourStep> select(List<TourStep> all) {
        if (only == null || only.isEmpty()) return all;
        Set<String> known = new TreeSet<>();
        for (TourStep s : all) known.add(s.capability());
        Set<String> wanted = new LinkedHashSet<>(only);
        for (String w : wanted)
            if (!known.contains(w))
                throw new ParameterException(spec.commandLine(),
                        "--only " + w + ": no such capability, expected one of " + String.join(", ", known));
        List<TourStep> chosen = new ArrayList<>();
        for (TourStep s : all) if (wanted.contains(s.capability())) chosen.add(s);
        return chosen;
    }

    /** The summary table: one row per check, the detail of a failed step on extra lines. */
    static String table(TourRun run) {
        TextTable t = new TextTable("capability", "check", "value", "criterion", "result");
        for (TourCheck c : run.checks())
            t.row(c.capability(), c.detail() == null ? c.check() : c.check() + "\n  " + c.detail(),
                    TourCheck.formatNumber(c.value()), c.criterionText(), c.verdict());
        return t.render();
    }

    /** The JSON document of {@code --json}. */
    static Map<String, Object> json(MachineInfo machine, TourRun run) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("passed", run.passed());
        doc.put("failed", run.failed());
        doc.put("seed", run.seed());
        doc.put("quick", run.quick());
        doc.put("seconds", run.seconds());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (TourRun.StepRecord s : run.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("capability", s.capability());
            m.put("title", s.title());
            m.put("seconds", s.seconds());
            m.put("checks", s.result().checks());
            m.put("plots", s.result().plots());
            steps.add(m);
        }
        doc.put("steps", steps);
        doc.put("machine", machine);
        return doc;
    }
}
