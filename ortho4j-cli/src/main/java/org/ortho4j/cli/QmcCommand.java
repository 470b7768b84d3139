package org.ortho4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ortho4j.core.io.CsvMatrix;
import org.ortho4j.core.io.Npy;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.PointSet;
import org.ortho4j.qmc.Qmc;
import org.ortho4j.qmc.cubature.IntegrationResult;
import org.ortho4j.qmc.integrand.Integrand;
import org.ortho4j.qmc.points.DigitalNetB2;
import org.ortho4j.qmc.points.Halton;
import org.ortho4j.qmc.points.HaltonRandomization;
import org.ortho4j.qmc.points.Lattice;
import org.ortho4j.qmc.points.LatticeOrder;
import org.ortho4j.qmc.points.LatticeRandomization;
import org.ortho4j.qmc.points.NetOrder;
import org.ortho4j.qmc.points.NetRandomization;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ortho4j qmc ...}: quasi-Monte Carlo from the shell (points now; integration with ortho4j-qmc's cubatures). */
@Command(name = "qmc", mixinStandardHelpOptions = true, description = "Quasi-Monte Carlo: low-discrepancy points and cubature.",
        synopsisSubcommandLabel = "COMMAND", subcommands = {HelpCommand.class, QmcCommand.Points.class, QmcCommand.Integrate.class})
public final class QmcCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** Used by picocli. */
    public QmcCommand() {}

    /** Without a subcommand: usage on stderr, exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USAGE;
    }

    /**
     * {@code ortho4j qmc points --gen lattice|sobol|halton --d 5 --n 1024 --randomize ... --order
     * natural|gray --seed 7 --out points.csv|.npy}: writes n points (n x d, one point per row) of
     * replication 0, or prints them when no {@code --out} is given.
     */
    @Command(name = "points", mixinStandardHelpOptions = true, description = "Generate low-discrepancy points (lattice, Sobol', Halton).")
    public static final class Points implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--gen", required = true, description = "lattice, sobol or halton.")
        String gen;

        @Option(names = "--d", required = true, description = "Dimension d >= 1.")
        int d;

        @Option(names = "--n", required = true, description = "Number of points.")
        long n;

        @Option(names = "--skip", defaultValue = "0", description = "Index of the first point (default 0).")
        long skip;

        @Option(names = "--randomize", description = "lattice: none|shift (default shift); sobol: none|ds|lms|lms-ds|nus (default lms-ds); "
                + "halton: none|lms-perm|lms-ds|lms|perm|ds|nus|qrng (default lms-perm).")
        String randomize;

        @Option(names = "--order", defaultValue = "natural", description = "natural (radical inverse) or gray (default natural).")
        String order;

        @Option(names = "--seed", defaultValue = "0", description = "Seed of the randomization (default 0).")
        long seed;

        @Option(names = "--out", description = "Output .csv or .npy file (written atomically); stdout when absent.")
        Path out;

        /** Used by picocli. */
        public Points() {}

        @Override
        public Integer call() throws Exception {
            PointSet ps = build();
            Matrix x = ps.points(skip, skip + n);
            PrintWriter w = spec.commandLine().getOut();
            if (out == null) {
                for (int i = 0; i < x.rows; i++) {
                    StringBuilder sb = new StringBuilder();
                    for (int j = 0; j < x.cols; j++) sb.append(j == 0 ? "" : ",").append(x.get(i, j));
                    w.println(sb);
                }
            } else {
                String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".npy")) Npy.write(out, x);
                else if (name.endsWith(".csv")) CsvMatrix.write(out, x);
                else throw new IllegalArgumentException("out = " + out + ", expected a .csv or .npy file name");
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("generator", gen);
                m.put("points", x.rows);
                m.put("dimension", x.cols);
                m.put("randomized", ps.isRandomized());
                m.put("out", out.toString());
                TextTable t = new TextTable();
                for (Map.Entry<String, Object> e : m.entrySet()) t.row(e.getKey(), String.valueOf(e.getValue()));
                w.print(t.render());
            }
            w.flush();
            return Main.OK;
        }

        private PointSet build() {
            String r = randomize == null ? null : randomize.toUpperCase(Locale.ROOT).replace('-', '_');
            boolean gray = switch (order.toLowerCase(Locale.ROOT)) {
                case "natural" -> false;
                case "gray" -> true;
                default -> throw new IllegalArgumentException("order = " + order + ", expected natural or gray");
            };
            switch (gen.toLowerCase(Locale.ROOT)) {
                case "lattice":
                    return Lattice.builder(d).randomization(r == null ? LatticeRandomization.SHIFT : parse(LatticeRandomization.class, r))
                            .order(gray ? LatticeOrder.GRAY : LatticeOrder.RADICAL_INVERSE).seed(seed).build();
                case "sobol":
                    return DigitalNetB2.builder(d).randomization(r == null ? NetRandomization.LMS_DS : parse(NetRandomization.class, r))
                            .order(gray ? NetOrder.GRAY : NetOrder.RADICAL_INVERSE).seed(seed).build();
                case "halton":
                    if (gray) throw new IllegalArgumentException("order = gray, expected natural for halton");
                    return Halton.builder(d).randomization(r == null ? HaltonRandomization.LMS_PERM : parse(HaltonRandomization.class, r))
                            .seed(seed).build();
                default:
                    throw new IllegalArgumentException("gen = " + gen + ", expected lattice, sobol or halton");
            }
        }

        private <E extends Enum<E>> E parse(Class<E> type, String value) {
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                StringBuilder ok = new StringBuilder();
                for (E c : type.getEnumConstants()) ok.append(ok.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                throw new IllegalArgumentException("randomize = " + randomize + ", expected one of " + ok + " for " + gen);
            }
        }
    }

    /**
     * {@code ortho4j qmc integrate --integrand keister --d 3 --abs-tol 1e-4 [--method net-g]
     * [--rel-tol 0] [--seed 0] [--json]}: adaptive (Q)MC cubature with an error bound; prints the
     * estimate, the bound, n, the time and why it stopped (and the exact value where known). Exit
     * code 1 when the tolerance was not met within the budget.
     */
    @Command(name = "integrate", mixinStandardHelpOptions = true, description = "Integrate a bundled integrand to a tolerance with an error bound.")
    public static final class Integrate implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--integrand", required = true, description = "keister, asian-call, european-call, genz-oscillatory, genz-corner-peak, ishigami, linear0, box-integral.")
        String integrand;

        @Option(names = "--d", required = true, description = "Dimension d >= 1.")
        int d;

        @Option(names = "--abs-tol", defaultValue = "1e-2", description = "Absolute tolerance (default ${DEFAULT-VALUE}).")
        double absTol;

        @Option(names = "--rel-tol", defaultValue = "0", description = "Relative tolerance (default ${DEFAULT-VALUE}).")
        double relTol;

        @Option(names = "--method", defaultValue = "net-g", description = "net-g, lattice-g, rep-student-t, mc-clt, mc-g, bayes-lattice-g, bayes-net-g (default ${DEFAULT-VALUE}).")
        String method;

        @Option(names = "--n-limit", defaultValue = "0", description = "Sample budget (0: the method's default).")
        long nLimit;

        @Option(names = "--seed", defaultValue = "0", description = "Seed of the randomized points (default 0).")
        long seed;

        @Option(names = "--json", description = "Print the result as JSON (estimate, errorBound, n, seconds, ...).")
        boolean json;

        /** Used by picocli. */
        public Integrate() {}

        @Override
        public Integer call() {
            Integrand f = Qmc.integrand(integrand, d);
            Qmc.Options o = Qmc.Options.defaults().method(Qmc.Method.parse(method)).absTol(absTol).relTol(relTol).nLimit(nLimit).seed(seed);
            IntegrationResult r = Qmc.integrate(f, o);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("integrand", integrand);
            m.put("d", d);
            m.put("method", r.method());
            m.put("estimate", r.value());
            m.put("errorBound", r.errorBound());
            m.put("low", r.boundLow()[0]);
            m.put("high", r.boundHigh()[0]);
            m.put("n", r.nTotal());
            m.put("iterations", r.iterations());
            m.put("seconds", r.seconds());
            m.put("termination", r.termination().toString());
            double exact = f.exactValue().map(v -> v[0]).orElse(Double.NaN);
            if (!Double.isNaN(exact)) m.put("exact", exact);
            if (!r.warnings().isEmpty()) m.put("warnings", r.warnings());
            PrintWriter w = spec.commandLine().getOut();
            if (json) w.println(Json.write(m));
            else {
                TextTable t = new TextTable();
                for (Map.Entry<String, Object> e : m.entrySet()) {
                    Object v = e.getValue();
                    t.row(e.getKey(), v instanceof Double ? String.format(Locale.ROOT, "%.10g", (Double) v) : String.valueOf(v));
                }
                w.print(t.render());
            }
            w.flush();
            return r.isConverged() ? Main.OK : Main.FAILED;
        }
    }
}
