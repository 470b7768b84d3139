package org.ortho4j.core.orthogonal;

import java.util.Arrays;
import java.util.Locale;
import org.ortho4j.core.Check;

/**
 * An immutable Newton–Schulz coefficient schedule: one odd quintic {@code p_k(σ) = a_k σ + b_k σ³
 * + c_k σ⁵} per step {@code k = 1..K}, plus the normalization {@code X ← G / (‖G‖_F · normScale +
 * eps)} applied before the first step (spec {@code optimizers.md} §1.2).
 *
 * <p>Each matrix step {@code X ← a X + b (X Xᵀ) X + c (X Xᵀ)² X} applies {@code p_k} to every
 * singular value of {@code X} and leaves the singular vectors unchanged, so the whole
 * orthogonalizer maps a singular value {@code σ} of the input to {@link #scalarMap(double, double)}.
 *
 * <p>Presets (all from the public reference code named in each factory's documentation):
 * <table>
 *   <caption>Named schedules</caption>
 *   <tr><th>factory</th><th>steps</th><th>eps</th><th>normScale</th></tr>
 *   <tr><td>{@link #muon()}</td><td>(3.4445, −4.7750, 2.0315) × 5</td><td>1e-7</td><td>1</td></tr>
 *   <tr><td>{@link #polarExpress()}</td><td>5 distinct tuples</td><td>1e-6</td><td>1.02</td></tr>
 *   <tr><td>{@link #dionNs()}</td><td>5 distinct tuples</td><td>1e-7</td><td>1</td></tr>
 *   <tr><td>{@link #root(int, int)}</td><td>one per-shape tuple × 5 (MUON tuple when the shape is
 *       not in the table)</td><td>1e-7</td><td>1</td></tr>
 * </table>
 * Custom schedules: {@link #of(String, double[][], double, double)} and
 * {@link #repeat(String, double, double, double, int, double, double)}.
 */
public final class NewtonSchulzSchedule {
    /** KellerJordan/Muon's tuple (also {@code torch.optim.Muon}'s default {@code ns_coefficients}). */
    static final double[] MUON_TUPLE = {3.4445, -4.7750, 2.0315};

    private static final double[][] POLAR_EXPRESS = {
        {8.156554524902461, -22.48329292557795, 15.878769915207462},
        {4.042929935166739, -2.808917465908714, 0.5000178451051316},
        {3.8916678022926607, -2.772484153217685, 0.5060648178503393},
        {3.285753657755655, -2.3681294933425376, 0.46449024233003106},
        {2.3465413258596377, -1.7097828382687081, 0.42323551169305323},
    };

    private static final double[][] DION_NS = {
        {4.0848, -6.8946, 2.9270},
        {3.9505, -6.3029, 2.6377},
        {3.7418, -5.5913, 2.3037},
        {2.8769, -3.1427, 1.2046},
        {2.8366, -3.0525, 1.2012},
    };

    /** Default number of steps of the single-tuple presets (MUON, ROOT). */
    public static final int DEFAULT_STEPS = 5;
    /** eps of MUON, DION_NS and ROOT. */
    public static final double MUON_EPS = 1e-7;

    private static final NewtonSchulzSchedule MUON5 = repeat("MUON", MUON_TUPLE[0], MUON_TUPLE[1], MUON_TUPLE[2], DEFAULT_STEPS, MUON_EPS, 1);
    private static final NewtonSchulzSchedule PE = of("POLAR_EXPRESS", POLAR_EXPRESS, 1e-6, 1.02);
    private static final NewtonSchulzSchedule DION = of("DION_NS", DION_NS, MUON_EPS, 1);

    private final String name;
    private final double[] a, b, c;
    private final double eps, normScale;

    private NewtonSchulzSchedule(String name, double[] a, double[] b, double[] c, double eps, double normScale) {
        this.name = name;
        this.a = a;
        this.b = b;
        this.c = c;
        this.eps = eps;
        this.normScale = normScale;
    }

    /**
     * A custom schedule, one {@code {a, b, c}} row per step.
     *
     * @param name label used in {@link #toString()} and diagnostics
     * @param abcPerStep K ≥ 1 rows of three finite coefficients (copied)
     * @param eps finite value ≥ 0 added to the scaled Frobenius norm
     * @param normScale finite value > 0 multiplying the Frobenius norm
     * @throws IllegalArgumentException naming the offending argument
     */
    public static NewtonSchulzSchedule of(String name, double[][] abcPerStep, double eps, double normScale) {
        Check.notNull("name", name);
        Check.notNull("abcPerStep", abcPerStep);
        Check.positive("abcPerStep.length", abcPerStep.length);
        int k = abcPerStep.length;
        double[] a = new double[k], b = new double[k], c = new double[k];
        for (int i = 0; i < k; i++) {
            double[] t = Check.notNull("abcPerStep[" + i + "]", abcPerStep[i]);
            Check.dimension("abcPerStep[" + i + "].length", t.length, 3);
            a[i] = Check.finite("abcPerStep[" + i + "][0]", t[0]);
            b[i] = Check.finite("abcPerStep[" + i + "][1]", t[1]);
            c[i] = Check.finite("abcPerStep[" + i + "][2]", t[2]);
        }
        Check.inRange("eps", eps, 0, Double.MAX_VALUE);
        Check.positive("normScale", normScale);
        return new NewtonSchulzSchedule(name, a, b, c, eps, normScale);
    }

    /** One tuple {@code (a, b, c)} repeated for {@code steps ≥ 1} steps; see {@link #of}. */
    public static NewtonSchulzSchedule repeat(String name, double a, double b, double c, int steps, double eps, double normScale) {
        Check.positive("steps", steps);
        double[][] abc = new double[steps][];
        for (int i = 0; i < steps; i++) abc[i] = new double[] {a, b, c};
        return of(name, abc, eps, normScale);
    }

    /**
     * MUON: {@code (3.4445, −4.7750, 2.0315) × 5}, eps 1e-7, normScale 1 ({@code KellerJordan/Muon:
     * muon.py}, {@code torch.optim.Muon} defaults). Deliberately not converged: the 5-step map sends
     * σ ∈ [0.01, 1] into [0.68, 1.14] (spec §1.3).
     */
    public static NewtonSchulzSchedule muon() { return MUON5; }

    /** MUON's tuple for {@code steps ≥ 1} steps (eps 1e-7, normScale 1). */
    public static NewtonSchulzSchedule muon(int steps) {
        return steps == DEFAULT_STEPS ? MUON5 : repeat("MUON", MUON_TUPLE[0], MUON_TUPLE[1], MUON_TUPLE[2], steps, MUON_EPS, 1);
    }

    /**
     * POLAR_EXPRESS: the 5 tuples of Amsel, Persson, Musco, Gower (arXiv 2505.16932) as shipped in
     * {@code microsoft/dion:dion/polar_express.py} and modded-nanogpt ("computed for num_iters=5,
     * safety_factor=2e-2, cushion=2"; the safety factor is already baked into all but the last
     * polynomial), normalization {@code X / (‖X‖_F · 1.02 + 1e-6)}.
     */
    public static NewtonSchulzSchedule polarExpress() { return PE; }

    /** DION_NS: the 5 tuples of {@code microsoft/dion:dion/muon.py}, eps 1e-7, normScale 1. */
    public static NewtonSchulzSchedule dionNs() { return DION; }

    /**
     * ROOT's shape-keyed schedule from the published table ({@link NewtonSchulzRootTable#published()}):
     * the tuple for key {@code (min(rows, cols), max(rows, cols))} used for all 5 steps, or MUON's
     * tuple when the shape is not in the table (a tuple is never reused for another shape).
     */
    public static NewtonSchulzSchedule root(int rows, int cols) {
        return NewtonSchulzRootTable.published().schedule(rows, cols, DEFAULT_STEPS);
    }

    /** Label of this schedule, e.g. {@code MUON}. */
    public String name() { return name; }

    /** Number of steps K. */
    public int steps() { return a.length; }

    /** Linear coefficient of step {@code k} (0-based). */
    public double a(int k) { return a[k]; }

    /** Cubic coefficient of step {@code k} (0-based). */
    public double b(int k) { return b[k]; }

    /** Quintic coefficient of step {@code k} (0-based). */
    public double c(int k) { return c[k]; }

    /** {@code {a_k, b_k, c_k}} of step {@code k} (0-based), a new array. */
    public double[] tuple(int k) { return new double[] {a[k], b[k], c[k]}; }

    /** Constant added to the scaled Frobenius norm in the normalization. */
    public double eps() { return eps; }

    /** Factor multiplying the Frobenius norm in the normalization. */
    public double normScale() { return normScale; }

    /** The same polynomials with another eps (≥ 0). */
    public NewtonSchulzSchedule withEps(double newEps) {
        Check.inRange("eps", newEps, 0, Double.MAX_VALUE);
        return new NewtonSchulzSchedule(name, a, b, c, newEps, normScale);
    }

    /** The same polynomials with another normScale (> 0). */
    public NewtonSchulzSchedule withNormScale(double newNormScale) {
        Check.positive("normScale", newNormScale);
        return new NewtonSchulzSchedule(name, a, b, c, eps, newNormScale);
    }

    /** {@code p_k(x) = a_k x + b_k x³ + c_k x⁵} of step {@code k} (0-based). */
    public double polynomial(int k, double x) {
        // Math.pow for the odd powers: the same evaluation as the golden generator (numpy `x**3`),
        // so scalar maps agree with shared/data/optim/ns_golden.json to the last bit on HotSpot.
        return a[k] * x + b[k] * Math.pow(x, 3) + c[k] * Math.pow(x, 5);
    }

    /** Composition {@code p_K(...p_1(y))} of all steps applied to an already normalized value. */
    public double compose(double y) {
        for (int k = 0; k < a.length; k++) y = polynomial(k, y);
        return y;
    }

    /**
     * The scalar map as tabulated in {@code ns_golden.json → scalar_map}: {@code x / normScale}
     * followed by all steps (eps ignored). For a singular value of a matrix use
     * {@link #scalarMap(double, double)}.
     */
    public double scalarMap(double x) { return compose(x / normScale); }

    /**
     * What the orthogonalizer does to a singular value {@code sigma} of an input whose Frobenius norm
     * is {@code frobeniusNorm}: {@code compose(sigma / (frobeniusNorm · normScale + eps))}, exact up to
     * rounding.
     */
    public double scalarMap(double sigma, double frobeniusNorm) {
        return compose(sigma / (frobeniusNorm * normScale + eps));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof NewtonSchulzSchedule)) return false;
        NewtonSchulzSchedule s = (NewtonSchulzSchedule) o;
        return name.equals(s.name) && Arrays.equals(a, s.a) && Arrays.equals(b, s.b) && Arrays.equals(c, s.c)
                && Double.compare(eps, s.eps) == 0 && Double.compare(normScale, s.normScale) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * name.hashCode() + Arrays.hashCode(a)) + Arrays.hashCode(b)) + Arrays.hashCode(c)
                + Double.hashCode(eps) + 7 * Double.hashCode(normScale);
    }

    /** E.g. {@code MUON[5 steps, eps 1e-07, normScale 1.0]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s[%d steps, eps %s, normScale %s]", name, a.length, eps, normScale);
    }
}
