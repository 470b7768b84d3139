package org.ortho4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ortho4j.core.io.CsvMatrix;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.perm.LinearAssignment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ortho4j assign cost.csv [--maximize] [--json]}: optimal linear assignment of a cost
 * matrix read from CSV (shortest augmenting path with scipy's tie-breaking), printing the
 * (row, column) pairs and the total {@code cost}.
 */
@Command(name = "assign", mixinStandardHelpOptions = true,
        description = "Solve a linear assignment problem from a CSV cost matrix (as scipy's linear_sum_assignment).")
public final class AssignCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "COST", description = "CSV file: one row of costs per line (rectangular allowed; inf forbids a pair).")
    Path input;

    @Option(names = "--maximize", description = "Maximize the total instead of minimizing it.")
    boolean maximize;

    @Option(names = "--header", description = "The first CSV line is a header.")
    boolean header;

    @Option(names = "--json", description = "Print {\"pairs\": [[row, col], ...], \"cost\": total, ...} as JSON.")
    boolean json;

    /** Used by picocli. */
    public AssignCommand() {}

    @Override
    public Integer call() throws Exception {
        Matrix cost = CsvMatrix.read(input, header).matrix();
        long t0 = System.nanoTime();
        LinearAssignment.Result r = LinearAssignment.solve(cost, maximize);
        double secs = (System.nanoTime() - t0) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            List<int[]> pairs = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) pairs.add(new int[] {r.rowInd()[i], r.colInd()[i]});
            m.put("rows", cost.rows);
            m.put("cols", cost.cols);
            m.put("maximize", maximize);
            m.put("pairs", pairs);
            m.put("cost", r.total());
            m.put("seconds", secs);
            out.println(Json.write(m));
        } else {
            TextTable t = new TextTable();
            t.row("row", "col", "cost");
            for (int i = 0; i < r.size(); i++)
                t.row(String.valueOf(r.rowInd()[i]), String.valueOf(r.colInd()[i]),
                        String.format(Locale.ROOT, "%.10g", cost.get(r.rowInd()[i], r.colInd()[i])));
            out.print(t.render());
            out.printf(Locale.ROOT, "total cost %.10g (%s, %dx%d, %.3f s)%n", r.total(), maximize ? "maximized" : "minimized",
                    cost.rows, cost.cols, secs);
        }
        out.flush();
        return Main.OK;
    }
}
