package org.ortho4j.qmc.integrand;

import java.util.Optional;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.measure.BrownianMotion;
import org.ortho4j.qmc.measure.Gaussian;
import org.ortho4j.qmc.measure.StandardNormal;
import org.ortho4j.qmc.measure.TrueMeasure;

/**
 * Discounted option payoffs under Black–Scholes dynamics (QMCPy {@code FinancialOption}, spec
 * qmc.md 2.13). The measure is a standard {@link BrownianMotion} W monitored at
 * {@code τ_j = T j/d}, j = 1..d (PCA by default), and the stock path is the risk-neutral geometric
 * Brownian motion {@code S_j = S_0 exp((r − σ²/2) τ_j + σ W(τ_j))}; g is the payoff times
 * {@code e^{−rT}}:
 * <ul>
 *   <li>EUROPEAN: {@code (S_d − K)^+} / {@code (K − S_d)^+};</li>
 *   <li>ASIAN: the same on the path average A: arithmetic or geometric, TRAPEZOIDAL
 *       {@code A = (S_0/2 + S_1 + … + S_{d−1} + S_d/2)/d} (QMCPy's default) or RIGHT
 *       {@code A = (S_1 + … + S_d)/d}; the geometric mean uses the same weights on log S;</li>
 *   <li>BARRIER: the European payoff if the monitored path (S_1..S_d) crosses B (IN) or never
 *       crosses it (OUT); up-barrier when S_0 &lt; B, else down;</li>
 *   <li>LOOKBACK: {@code S_d − min_j S_j} (call) / {@code max_j S_j − S_d} (put);</li>
 *   <li>DIGITAL: the payout ρ if {@code S_d ≥ K} (call) / {@code S_d ≤ K} (put).</li>
 * </ul>
 * Defaults (QMCPy): ASIAN arithmetic trapezoidal CALL, σ = 0.5, S_0 = 30, K = 35, r = 0, T = 1,
 * PCA, B = 38, barrier IN, ρ = 10. Exact values: European (Black–Scholes; the default call is
 * 4.21145298) and geometric Asian (log G is Gaussian with mean {@code log S_0 + (r − σ²/2) Σ w_j τ_j}
 * and variance {@code σ² Σ_{j,k} w_j w_k min(τ_j, τ_k)}, w the averaging weights; d = 52 trapezoidal
 * call 1.53700617). <b>QMCPy defect not copied:</b> its arithmetic RIGHT put returns
 * {@code (K − Σ S_j)/d}. QMCPy's multilevel mode is not implemented. Immutable; g costs O(n d).
 */
public final class FinancialOption implements Integrand {
    /** The option style. */
    public enum Style {
        /** Payoff on the final price. */
        EUROPEAN,
        /** Payoff on the average price. */
        ASIAN,
        /** European payoff knocked in or out by a monitored barrier. */
        BARRIER,
        /** Payoff on the path extremum. */
        LOOKBACK,
        /** Fixed payout if in the money at maturity. */
        DIGITAL
    }

    /** Call or put. */
    public enum CallPut {
        /** Right to buy. */
        CALL,
        /** Right to sell. */
        PUT
    }

    /** Average used by Asian options. */
    public enum AsianMean {
        /** Arithmetic mean of prices. */
        ARITHMETIC,
        /** Geometric mean of prices. */
        GEOMETRIC
    }

    /** Quadrature rule of the Asian average over [0, T]. */
    public enum AsianRule {
        /** {@code (S_0/2 + S_1 + … + S_{d−1} + S_d/2)/d}. */
        TRAPEZOIDAL,
        /** {@code (S_1 + … + S_d)/d}. */
        RIGHT
    }

    /** Knock-in or knock-out barrier. */
    public enum BarrierKind {
        /** Pays only if the barrier was crossed. */
        IN,
        /** Pays only if the barrier was never crossed. */
        OUT
    }

    private final Style style;
    private final CallPut callPut;
    private final double volatility, startPrice, strikePrice, interestRate, tFinal, barrierPrice, digitalPayout;
    private final AsianMean asianMean;
    private final AsianRule asianRule;
    private final BarrierKind barrierKind;
    private final BrownianMotion measure;
    private final double[] times, drift, weights;   // weights: averaging weights of S_1..S_d
    private final double weight0;                    // averaging weight of S_0
    private final double discount;

    private FinancialOption(Builder b) {
        this.style = b.style;
        this.callPut = b.callPut;
        this.volatility = b.volatility;
        this.startPrice = b.startPrice;
        this.strikePrice = b.strikePrice;
        this.interestRate = b.interestRate;
        this.tFinal = b.tFinal;
        this.barrierPrice = b.barrierPrice;
        this.digitalPayout = b.digitalPayout;
        this.asianMean = b.asianMean;
        this.asianRule = b.asianRule;
        this.barrierKind = b.barrierKind;
        this.measure = new BrownianMotion(b.d, tFinal, 0, 0, 1, b.decomposition);
        this.times = measure.times();
        int d = b.d;
        this.drift = new double[d];
        for (int j = 0; j < d; j++) drift[j] = (interestRate - 0.5 * volatility * volatility) * times[j];
        this.weights = new double[d];
        boolean trap = asianRule == AsianRule.TRAPEZOIDAL;
        for (int j = 0; j < d; j++) weights[j] = (trap && j == d - 1 ? 0.5 : 1.0) / d;
        this.weight0 = trap ? 0.5 / d : 0;
        this.discount = Math.exp(-interestRate * tFinal);
    }

    /**
     * A builder with QMCPy's defaults for d monitoring times.
     *
     * @param d number of monitoring times (the dimension) ≥ 1
     * @return the builder
     */
    public static Builder builder(int d) { return new Builder(Check.positive("d", d)); }

    /** Options of a {@link FinancialOption}; not thread-safe. */
    public static final class Builder {
        private final int d;
        private Style style = Style.ASIAN;
        private CallPut callPut = CallPut.CALL;
        private double volatility = 0.5, startPrice = 30, strikePrice = 35, interestRate = 0, tFinal = 1;
        private double barrierPrice = 38, digitalPayout = 10;
        private Gaussian.Decomposition decomposition = Gaussian.Decomposition.PCA;
        private AsianMean asianMean = AsianMean.ARITHMETIC;
        private AsianRule asianRule = AsianRule.TRAPEZOIDAL;
        private BarrierKind barrierKind = BarrierKind.IN;

        private Builder(int d) { this.d = d; }

        /** The style (default ASIAN). */
        public Builder style(Style s) { this.style = Check.notNull("style", s); return this; }

        /** Call or put (default CALL). */
        public Builder callPut(CallPut c) { this.callPut = Check.notNull("callPut", c); return this; }

        /** σ &gt; 0 (default 0.5). */
        public Builder volatility(double v) { this.volatility = Check.positive("volatility", v); return this; }

        /** S_0 &gt; 0 (default 30). */
        public Builder startPrice(double v) { this.startPrice = Check.positive("startPrice", v); return this; }

        /** K &gt; 0 (default 35). */
        public Builder strikePrice(double v) { this.strikePrice = Check.positive("strikePrice", v); return this; }

        /** r, finite (default 0). */
        public Builder interestRate(double v) { this.interestRate = Check.finite("interestRate", v); return this; }

        /** T &gt; 0 (default 1). */
        public Builder tFinal(double v) { this.tFinal = Check.positive("tFinal", v); return this; }

        /** B &gt; 0 (default 38). */
        public Builder barrierPrice(double v) { this.barrierPrice = Check.positive("barrierPrice", v); return this; }

        /** ρ &gt; 0 (default 10). */
        public Builder digitalPayout(double v) { this.digitalPayout = Check.positive("digitalPayout", v); return this; }

        /** The Brownian-path decomposition (default PCA). */
        public Builder decomposition(Gaussian.Decomposition v) { this.decomposition = Check.notNull("decomposition", v); return this; }

        /** The Asian mean (default ARITHMETIC). */
        public Builder asianMean(AsianMean v) { this.asianMean = Check.notNull("asianMean", v); return this; }

        /** The Asian quadrature rule (default TRAPEZOIDAL). */
        public Builder asianRule(AsianRule v) { this.asianRule = Check.notNull("asianRule", v); return this; }

        /** Knock-in or knock-out (default IN). */
        public Builder barrierKind(BarrierKind v) { this.barrierKind = Check.notNull("barrierKind", v); return this; }

        /** Builds the integrand (O(d³) for the PCA of the path covariance). */
        public FinancialOption build() { return new FinancialOption(this); }
    }

    @Override public TrueMeasure measure() { return measure; }

    @Override public int outputs() { return 1; }

    /** The style. */
    public Style style() { return style; }

    /** Call or put. */
    public CallPut callPut() { return callPut; }

    @Override
    public Matrix g(Matrix t) {
        int d = times.length;
        Matrix y = new Matrix(t.rows, 1);
        double[] s = new double[d];
        for (int i = 0; i < t.rows; i++) {
            int o = t.offset + i * t.ld;
            for (int j = 0; j < d; j++) s[j] = startPrice * Math.exp(drift[j] + volatility * t.data[o + j]);
            y.data[i] = discount * payoff(s);
        }
        return y;
    }

    private double payoff(double[] s) {
        int d = s.length;
        double last = s[d - 1];
        return switch (style) {
            case EUROPEAN -> vanilla(last);
            case ASIAN -> vanilla(average(s));
            case BARRIER -> crossed(s) == (barrierKind == BarrierKind.IN) ? vanilla(last) : 0;
            case LOOKBACK -> {
                double lo = s[0], hi = s[0];
                for (double v : s) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
                yield callPut == CallPut.CALL ? last - lo : hi - last;
            }
            case DIGITAL -> (callPut == CallPut.CALL ? last >= strikePrice : last <= strikePrice) ? digitalPayout : 0;
        };
    }

    private double vanilla(double price) {
        return Math.max(callPut == CallPut.CALL ? price - strikePrice : strikePrice - price, 0);
    }

    private double average(double[] s) {
        double a = 0;
        if (asianMean == AsianMean.ARITHMETIC) {
            a = weight0 * startPrice;
            for (int j = 0; j < s.length; j++) a += weights[j] * s[j];
            return a;
        }
        a = weight0 * Math.log(startPrice);
        for (int j = 0; j < s.length; j++) a += weights[j] * Math.log(s[j]);
        return Math.exp(a);
    }

    private boolean crossed(double[] s) {
        boolean up = startPrice < barrierPrice;
        for (double v : s) if (up ? v >= barrierPrice : v <= barrierPrice) return true;
        return false;
    }

    /** European and geometric Asian options have closed forms; the others are empty. */
    @Override
    public Optional<double[]> exactValue() {
        if (style == Style.EUROPEAN) {
            double m = Math.log(startPrice) + (interestRate - 0.5 * volatility * volatility) * tFinal;
            return Optional.of(new double[] {discount * lognormalPayoff(m, volatility * volatility * tFinal)});
        }
        if (style == Style.ASIAN && asianMean == AsianMean.GEOMETRIC) {
            int d = times.length;
            double m = Math.log(startPrice), v = 0;
            for (int j = 0; j < d; j++) {
                m += weights[j] * drift[j];
                for (int k = 0; k < d; k++) v += weights[j] * weights[k] * Math.min(times[j], times[k]);
            }
            return Optional.of(new double[] {discount * lognormalPayoff(m, volatility * volatility * v)});
        }
        return Optional.empty();
    }

    /** {@code E[(e^X − K)^+]} (call) or {@code E[(K − e^X)^+]} (put) for X ~ N(m, v). */
    private double lognormalPayoff(double m, double v) {
        double sd = Math.sqrt(v);
        double d1 = (m - Math.log(strikePrice) + v) / sd, d2 = d1 - sd, forward = Math.exp(m + 0.5 * v);
        return callPut == CallPut.CALL
                ? forward * StandardNormal.cdf(d1) - strikePrice * StandardNormal.cdf(d2)
                : strikePrice * StandardNormal.cdf(-d2) - forward * StandardNormal.cdf(-d1);
    }

    @Override
    public String toString() {
        return "FinancialOption(" + style + " " + callPut + (style == Style.ASIAN ? " " + asianMean + " " + asianRule : "")
                + ", d=" + times.length + ", S0=" + startPrice + ", K=" + strikePrice + ", sigma=" + volatility + ", r="
                + interestRate + ", T=" + tFinal + ")";
    }
}
