package org.ortho4j.qmc.integrand;

import java.util.Optional;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.measure.TrueMeasure;

/**
 * A user-defined integrand (QMCPy {@code CustomFun}): a {@link BatchFunction} from {@code n x d}
 * points of the measure's space to {@code n x k} values, with an optional known exact value (for
 * tests) and a name. Vector outputs (k &gt; 1) are integrated component-wise. Immutable if the
 * function is.
 */
public final class CustomIntegrand implements Integrand {
    private final TrueMeasure measure;
    private final int outputs;
    private final BatchFunction function;
    private final double[] exact;
    private final String name;

    /**
     * A user integrand.
     *
     * @param measure  μ
     * @param outputs  k ≥ 1, the number of columns the function returns
     * @param function the batch function
     */
    public CustomIntegrand(TrueMeasure measure, int outputs, BatchFunction function) {
        this(Check.notNull("measure", measure), Check.positive("outputs", outputs), Check.notNull("function", function),
                null, "CustomIntegrand");
    }

    private CustomIntegrand(TrueMeasure measure, int outputs, BatchFunction function, double[] exact, String name) {
        this.measure = measure;
        this.outputs = outputs;
        this.function = function;
        this.exact = exact;
        this.name = name;
    }

    /**
     * A scalar user integrand (k = 1).
     *
     * @param measure  μ
     * @param function the batch function returning {@code n x 1}
     * @return the integrand
     */
    public static CustomIntegrand scalar(TrueMeasure measure, BatchFunction function) { return new CustomIntegrand(measure, 1, function); }

    /**
     * The same integrand with a known exact value.
     *
     * @param values k finite values (copied)
     * @return a new integrand
     */
    public CustomIntegrand withExactValue(double... values) {
        Check.notNull("values", values);
        Check.dimension("values.length", values.length, outputs);
        for (int k = 0; k < values.length; k++) Check.finite("values[" + k + "]", values[k]);
        return new CustomIntegrand(measure, outputs, function, values.clone(), name);
    }

    /**
     * The same integrand with a display name.
     *
     * @param name non-empty
     * @return a new integrand
     */
    public CustomIntegrand withName(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name = " + name + ", expected a non-blank name");
        return new CustomIntegrand(measure, outputs, function, exact, name);
    }

    @Override public TrueMeasure measure() { return measure; }

    @Override public int outputs() { return outputs; }

    @Override public Matrix g(Matrix t) { return function.apply(t); }

    @Override public Optional<double[]> exactValue() { return Optional.ofNullable(exact).map(double[]::clone); }

    @Override public String name() { return name; }

    @Override public String toString() { return name + "(d=" + measure.dimension() + ", k=" + outputs + ", " + measure + ")"; }
}
