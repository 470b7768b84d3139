package org.ortho4j.qmc.integrand;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.measure.TrueMeasure;
import org.ortho4j.qmc.measure.Uniform;

/**
 * Two of Genz's test integrands on U[0,1]^d with QMCPy's normalisation (QMCPy {@code Genz},
 * spec qmc.md 2.13; A. Genz, "Testing multidimensional integration routines", 1984):
 * <ul>
 *   <li>{@link Kind#OSCILLATORY}: {@code g(t) = cos(Σ c_k t_k)} with {@code Σ c_k = 4.5};</li>
 *   <li>{@link Kind#CORNER_PEAK}: {@code g(t) = (1 + Σ c_k t_k)^{−(d+1)}} with {@code Σ c_k = 0.25}.</li>
 * </ul>
 * Raw coefficients (k = 1..d) by {@code coefficientKind}: 1: {@code (k − ½)/d}; 2: {@code 1/k²};
 * 3: {@code exp(k ln(10⁻⁸)/d)}, then scaled to the sum above. Exact values:
 * oscillatory {@code Re Π_k (e^{i c_k} − 1)/(i c_k) = cos(Σc/2) Π_k sin(c_k/2)/(c_k/2)} (no
 * cancellation); corner-peak {@code (d! Π c_k)^{−1} Σ_{v∈{0,1}^d} (−1)^{|v|} / (1 + c·v)}, an
 * alternating sum that cancels about {@code −log10(d! Π c_k)} digits, so it is summed in
 * {@link BigDecimal} with {@code 40 + d·3} significant digits (2^d terms: available for d ≤ 20).
 * Immutable; g costs O(n d).
 */
public final class Genz implements Integrand {
    /** Which Genz function. */
    public enum Kind {
        /** cos(Σ c_k t_k). */
        OSCILLATORY,
        /** (1 + Σ c_k t_k)^−(d+1). */
        CORNER_PEAK
    }

    /** Largest d for which the corner-peak exact value is computed (2^d terms). */
    public static final int CORNER_PEAK_EXACT_MAX_D = 20;

    private final Kind kind;
    private final int coefficientKind;
    private final double[] c;
    private final Uniform measure;

    /**
     * A Genz integrand.
     *
     * @param d               dimension ≥ 1
     * @param kind            the function
     * @param coefficientKind 1, 2 or 3 (see the class comment)
     * @throws IllegalArgumentException naming the parameter out of range
     */
    public Genz(int d, Kind kind, int coefficientKind) {
        Check.positive("d", d);
        this.kind = Check.notNull("kind", kind);
        this.coefficientKind = Check.inRange("coefficientKind", coefficientKind, 1, 3);
        double[] raw = new double[d];
        double sum = 0;
        for (int k = 1; k <= d; k++) {
            raw[k - 1] = switch (coefficientKind) {
                case 1 -> (k - 0.5) / d;
                case 2 -> 1.0 / ((double) k * k);
                default -> Math.exp(k * Math.log(1e-8) / d);
            };
            sum += raw[k - 1];
        }
        double target = kind == Kind.OSCILLATORY ? 4.5 : 0.25;
        for (int k = 0; k < d; k++) raw[k] *= target / sum;
        this.c = raw;
        this.measure = Uniform.unitCube(d);
    }

    /** The normalised coefficients c_1..c_d (copy). */
    public double[] coefficients() { return c.clone(); }

    /** The function kind. */
    public Kind kind() { return kind; }

    /** The coefficient kind, 1..3. */
    public int coefficientKind() { return coefficientKind; }

    @Override public TrueMeasure measure() { return measure; }

    @Override public int outputs() { return 1; }

    @Override
    public Matrix g(Matrix t) {
        int d = c.length;
        Matrix y = new Matrix(t.rows, 1);
        for (int i = 0; i < t.rows; i++) {
            int o = t.offset + i * t.ld;
            double s = 0;
            for (int j = 0; j < d; j++) s += c[j] * t.data[o + j];
            y.data[i] = kind == Kind.OSCILLATORY ? Math.cos(s) : Math.pow(1 + s, -(d + 1));
        }
        return y;
    }

    /** The exact integral; empty for the corner peak with d &gt; {@link #CORNER_PEAK_EXACT_MAX_D}. */
    @Override
    public Optional<double[]> exactValue() {
        if (kind == Kind.OSCILLATORY) {
            double sum = 0, prod = 1;
            for (double ck : c) {
                sum += ck;
                prod *= Math.sin(ck / 2) / (ck / 2);
            }
            return Optional.of(new double[] {Math.cos(sum / 2) * prod});
        }
        int d = c.length;
        if (d > CORNER_PEAK_EXACT_MAX_D) return Optional.empty();
        MathContext mc = new MathContext(40 + 3 * d);
        BigDecimal[] cb = new BigDecimal[d];
        for (int k = 0; k < d; k++) cb[k] = new BigDecimal(c[k]);
        BigDecimal total = BigDecimal.ZERO, dot = BigDecimal.ZERO;
        long gray = 0;
        for (long v = 0; v < (1L << d); v++) {
            if (v > 0) {                          // Gray-code walk: one coefficient enters or leaves c·v
                long next = v ^ (v >>> 1);
                int k = Long.numberOfTrailingZeros(next ^ gray);
                dot = (next & (1L << k)) != 0 ? dot.add(cb[k]) : dot.subtract(cb[k]);
                gray = next;
            }
            BigDecimal term = BigDecimal.ONE.divide(BigDecimal.ONE.add(dot), mc);
            total = Long.bitCount(gray) % 2 == 0 ? total.add(term) : total.subtract(term);
        }
        BigDecimal denom = BigDecimal.ONE;
        for (int k = 0; k < d; k++) denom = denom.multiply(cb[k].multiply(BigDecimal.valueOf(k + 1)), mc);
        return Optional.of(new double[] {total.divide(denom, mc).doubleValue()});
    }

    @Override public String toString() { return "Genz(d=" + c.length + ", " + kind + ", coefficients " + coefficientKind + ")"; }
}
