package org.ortho4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ortho4j.core.decomp.SvdDecomposition;
import org.ortho4j.core.io.ElementType;
import org.ortho4j.core.io.NdArray;
import org.ortho4j.core.io.Npy;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.orthogonal.NewtonSchulz;
import org.ortho4j.core.orthogonal.Orthogonalizer;
import org.ortho4j.core.orthogonal.Polar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ortho4j orthogonalize in.npy --method polar-express --out out.npy}: reads a 2-D
 * {@code .npy} matrix, replaces it by its (approximate) orthogonal polar factor and writes the
 * result with the input's precision (float32 input runs the float32 Newton–Schulz path), then
 * prints what was done: shape, method, time, {@code ||Q Q^T - I||} (wide) or
 * {@code ||Q^T Q - I||} (tall) and the output's singular-value range.
 */
@Command(name = "orthogonalize", mixinStandardHelpOptions = true,
        description = "Orthogonalize a matrix from a .npy file (Newton-Schulz family or exact polar factor).")
public final class OrthogonalizeCommand implements Callable<Integer> {
    /** The methods offered. */
    public enum Method {
        /** Exact polar factor U V^T through LAPACK's SVD. */
        POLAR("polar"),
        /** MUON quintic Newton–Schulz, 5 steps (KellerJordan coefficients). */
        MUON("muon"),
        /** Polar Express schedule (5 tuned steps). */
        POLAR_EXPRESS("polar-express"),
        /** Dion's Newton–Schulz schedule. */
        DION("dion"),
        /** ROOT's shape-keyed coefficients. */
        ROOT("root");

        private final String label;

        Method(String label) { this.label = label; }

        @Override public String toString() { return label; }

        static Method parse(String s) {
            for (Method m : values()) if (m.label.equals(s.toLowerCase(Locale.ROOT))) return m;
            throw new IllegalArgumentException("method = " + s + ", expected one of polar, muon, polar-express, dion, root");
        }
    }

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Input .npy file: a 2-D float32 or float64 array.")
    Path input;

    @Option(names = "--method", paramLabel = "METHOD", converter = MethodConverter.class, defaultValue = "polar-express",
            description = "polar, muon, polar-express, dion or root (default: ${DEFAULT-VALUE}).")
    Method method;

    @Option(names = "--out", paramLabel = "OUT", required = true, description = "Output .npy file (written atomically).")
    Path output;

    @Option(names = "--gram", description = "Use the Gram-side Newton-Schulz form (rectangular inputs).")
    boolean gram;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    /** Used by picocli. */
    public OrthogonalizeCommand() {}

    /** picocli converter for {@link Method}. */
    static final class MethodConverter implements picocli.CommandLine.ITypeConverter<Method> {
        @Override public Method convert(String value) { return Method.parse(value); }
    }

    @Override
    public Integer call() throws Exception {
        NdArray in = Npy.read(input);
        if (in.ndim() != 2)
            throw new IllegalArgumentException(input + " holds a " + in.ndim() + "-D array, expected a 2-D matrix");
        boolean single = in.type() == ElementType.FLOAT32;
        Orthogonalizer o = orthogonalizer();
        long t0 = System.nanoTime();
        Matrix q;
        if (single) {
            FloatMatrix r = o.orthogonalize(in.toFloatMatrix(), null);
            double secs = (System.nanoTime() - t0) / 1e9;
            Npy.write(output, r);
            q = r.toDouble();
            return report(in, q, secs);
        }
        Matrix r = o.orthogonalize(in.toMatrix(), null);
        double secs = (System.nanoTime() - t0) / 1e9;
        Npy.write(output, r);
        return report(in, r, secs);
    }

    private Orthogonalizer orthogonalizer() {
        NewtonSchulz ns;
        switch (method) {
            case POLAR: return Polar.exact();
            case MUON: ns = NewtonSchulz.muon(); break;
            case POLAR_EXPRESS: ns = NewtonSchulz.polarExpress(); break;
            case DION: ns = NewtonSchulz.dion(); break;
            default: ns = NewtonSchulz.root(); break;
        }
        return gram ? ns.form(NewtonSchulz.Form.GRAM) : ns.form(NewtonSchulz.Form.PLAIN);
    }

    private int report(NdArray in, Matrix q, double secs) {
        boolean tall = q.rows >= q.cols;
        Matrix g = tall ? q.gram() : q.outerGram();
        double err = g.minus(Matrix.eye(g.rows)).normF();
        double[] s = SvdDecomposition.singularValues(q);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input.toString());
        m.put("output", output.toString());
        m.put("shape", new int[] {q.rows, q.cols});
        m.put("dtype", in.type() == ElementType.FLOAT32 ? "float32" : "float64");
        m.put("method", method.toString());
        m.put("form", method == Method.POLAR ? "svd" : gram ? "gram" : "plain");
        m.put("seconds", secs);
        m.put("orthogonalityError", err);
        m.put("sigmaMin", s.length == 0 ? 0 : s[s.length - 1]);
        m.put("sigmaMax", s.length == 0 ? 0 : s[0]);
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(Json.write(m));
        else {
            TextTable t = new TextTable();
            for (Map.Entry<String, Object> e : m.entrySet()) {
                Object v = e.getValue();
                String text = v instanceof int[] ? ((int[]) v)[0] + "x" + ((int[]) v)[1]
                        : v instanceof Double ? String.format(Locale.ROOT, "%.4g", (Double) v) : String.valueOf(v);
                t.row(e.getKey(), text);
            }
            out.print(t.render());
        }
        out.flush();
        return Main.OK;
    }
}
