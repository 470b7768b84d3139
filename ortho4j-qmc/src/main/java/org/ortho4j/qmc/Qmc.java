package org.ortho4j.qmc;

import java.util.List;
import java.util.Locale;
import org.ortho4j.core.Check;
import org.ortho4j.qmc.cubature.CubMCCLT;
import org.ortho4j.qmc.cubature.CubMCG;
import org.ortho4j.qmc.cubature.CubQMCBayesLatticeG;
import org.ortho4j.qmc.cubature.CubQMCBayesNetG;
import org.ortho4j.qmc.cubature.CubQMCLatticeG;
import org.ortho4j.qmc.cubature.CubQMCNetG;
import org.ortho4j.qmc.cubature.CubQMCRepStudentT;
import org.ortho4j.qmc.cubature.CriterionBuilder;
import org.ortho4j.qmc.cubature.ErrorCriterion;
import org.ortho4j.qmc.cubature.IntegrationResult;
import org.ortho4j.qmc.cubature.StoppingCriterion;
import org.ortho4j.qmc.integrand.BoxIntegral;
import org.ortho4j.qmc.integrand.FinancialOption;
import org.ortho4j.qmc.integrand.Genz;
import org.ortho4j.qmc.integrand.Integrand;
import org.ortho4j.qmc.integrand.Ishigami;
import org.ortho4j.qmc.integrand.Keister;
import org.ortho4j.qmc.integrand.Linear0;
import org.ortho4j.qmc.points.IidUniform;
import org.ortho4j.qmc.points.Lattice;
import org.ortho4j.qmc.points.NetRandomization;
import org.ortho4j.qmc.points.Sobol;

/**
 * One-call adaptive integration (the entry point of {@code ortho4j qmc integrate}): picks the
 * point set a stopping criterion needs, builds the criterion and runs it.
 *
 * <pre>{@code
 * IntegrationResult r = Qmc.integrate(new Keister(3), Qmc.Options.defaults().absTol(1e-4));
 * // r.value() ≈ 2.16831, r.errorBound() <= 1e-4, r.isConverged()
 * }</pre>
 *
 * Point sets by method (seeded with {@link Options#seed()}): NET_G and BAYES_NET_G — Sobol' with
 * LMS + digital shift; LATTICE_G and BAYES_LATTICE_G — Kuo's lattice with a random shift;
 * REP_STUDENT_T — Sobol' LMS + DS with {@link Options#replications()} randomizations; MC_CLT and
 * MC_G — {@link IidUniform}. Stateless and thread-safe.
 */
public final class Qmc {
    private Qmc() {}

    /** The stopping criteria (QMCPy names in the constants' documentation). */
    public enum Method {
        /** {@link CubQMCNetG}: guaranteed, digital nets (the default). */
        NET_G,
        /** {@link CubQMCLatticeG}: guaranteed, rank-1 lattices. */
        LATTICE_G,
        /** {@link CubQMCRepStudentT}: replicated randomized QMC, Student-t interval. */
        REP_STUDENT_T,
        /** {@link CubMCCLT}: two-stage IID Monte Carlo, CLT interval. */
        MC_CLT,
        /** {@link CubMCG}: IID Monte Carlo with a guaranteed interval (bounded kurtosis). */
        MC_G,
        /** {@link CubQMCBayesLatticeG}: Bayesian cubature, lattices. */
        BAYES_LATTICE_G,
        /** {@link CubQMCBayesNetG}: Bayesian cubature, digital nets. */
        BAYES_NET_G;

        /**
         * Parses a method name case-insensitively, accepting '-' for '_' and QMCPy's class names
         * (e.g. {@code net-g}, {@code CubQMCNetG}, {@code mc_clt}).
         *
         * @param name the name
         * @return the method
         * @throws IllegalArgumentException listing the accepted names
         */
        public static Method parse(String name) {
            Check.notNull("method", name);
            String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Method m : values()) if (m.name().equals(key) || m.qmcpyName().toUpperCase(Locale.ROOT).equals(key)) return m;
            throw new IllegalArgumentException("method = " + name + ", expected one of " + List.of(values()));
        }

        /** QMCPy's class name, e.g. {@code CubQMCNetG}. */
        public String qmcpyName() {
            return switch (this) {
                case NET_G -> "CubQMCNetG";
                case LATTICE_G -> "CubQMCLatticeG";
                case REP_STUDENT_T -> "CubQMCRepStudentT";
                case MC_CLT -> "CubMCCLT";
                case MC_G -> "CubMCG";
                case BAYES_LATTICE_G -> "CubQMCBayesLatticeG";
                case BAYES_NET_G -> "CubQMCBayesNetG";
            };
        }
    }

    /**
     * Options of {@link #integrate(Integrand, Options)}; immutable, with copy-on-write setters.
     *
     * @param method       the stopping criterion
     * @param absTol       absolute tolerance ≥ 0
     * @param relTol       relative tolerance in [0, 1)
     * @param criterion    EITHER or BOTH
     * @param nLimit       sample budget; 0 for the method's default
     * @param replications randomizations for REP_STUDENT_T (≥ 2)
     * @param seed         base seed of the point set
     * @param alpha        uncertainty level of probabilistic bounds, in (0, 1)
     */
    public record Options(Method method, double absTol, double relTol, ErrorCriterion criterion, long nLimit,
                          int replications, long seed, double alpha) {
        /** Validates the fields that do not depend on the method. */
        public Options {
            Check.notNull("method", method);
            Check.notNull("criterion", criterion);
            if (nLimit < 0) throw new IllegalArgumentException("nLimit = " + nLimit + ", expected >= 0 (0 = default)");
            if (replications < 2) throw new IllegalArgumentException("replications = " + replications + ", expected >= 2");
        }

        /** NET_G, absTol 1e-2, relTol 0, EITHER, default budget, 16 replications, seed 0, α = 0.01. */
        public static Options defaults() { return new Options(Method.NET_G, 1e-2, 0, ErrorCriterion.EITHER, 0, 16, 0, 0.01); }

        /** A copy with another method. */
        public Options method(Method m) { return new Options(m, absTol, relTol, criterion, nLimit, replications, seed, alpha); }

        /** A copy with another absolute tolerance. */
        public Options absTol(double v) { return new Options(method, v, relTol, criterion, nLimit, replications, seed, alpha); }

        /** A copy with another relative tolerance. */
        public Options relTol(double v) { return new Options(method, absTol, v, criterion, nLimit, replications, seed, alpha); }

        /** A copy with another error criterion. */
        public Options criterion(ErrorCriterion c) { return new Options(method, absTol, relTol, c, nLimit, replications, seed, alpha); }

        /** A copy with another budget (0 = the method's default). */
        public Options nLimit(long n) { return new Options(method, absTol, relTol, criterion, n, replications, seed, alpha); }

        /** A copy with another number of replications. */
        public Options replications(int r) { return new Options(method, absTol, relTol, criterion, nLimit, r, seed, alpha); }

        /** A copy with another seed. */
        public Options seed(long s) { return new Options(method, absTol, relTol, criterion, nLimit, replications, s, alpha); }

        /** A copy with another α. */
        public Options alpha(double a) { return new Options(method, absTol, relTol, criterion, nLimit, replications, seed, a); }
    }

    /**
     * Integrates with {@link Options#defaults()} (CubQMCNetG to absTol 1e-2).
     *
     * @param integrand the integrand
     * @return the result (check {@link IntegrationResult#isConverged()})
     */
    public static IntegrationResult integrate(Integrand integrand) { return integrate(integrand, Options.defaults()); }

    /**
     * Integrates with the given options.
     *
     * @param integrand the integrand
     * @param options   method, tolerances, budget, seed
     * @return the result (check {@link IntegrationResult#isConverged()})
     * @throws IllegalArgumentException for invalid options (naming the option)
     * @throws org.ortho4j.qmc.integrand.NonFiniteValueException if the integrand returns NaN or ±∞
     */
    public static IntegrationResult integrate(Integrand integrand, Options options) {
        return criterion(integrand, options).integrate();
    }

    /**
     * The configured stopping criterion (for repeated runs or inspection).
     *
     * @param integrand the integrand
     * @param options   the options
     * @return the criterion
     */
    public static StoppingCriterion criterion(Integrand integrand, Options options) {
        Check.notNull("integrand", integrand);
        Check.notNull("options", options);
        PointSet p = points(options.method(), integrand.dimension(), options.replications(), options.seed());
        return switch (options.method()) {
            case NET_G -> configure(CubQMCNetG.builder(integrand, p), options).build();
            case LATTICE_G -> configure(CubQMCLatticeG.builder(integrand, p), options).build();
            case REP_STUDENT_T -> configure(CubQMCRepStudentT.builder(integrand, p), options).build();
            case MC_CLT -> configure(CubMCCLT.builder(integrand, p), options).build();
            case MC_G -> configure(CubMCG.builder(integrand, p), options).build();
            case BAYES_LATTICE_G -> configure(CubQMCBayesLatticeG.builder(integrand, p), options).build();
            case BAYES_NET_G -> configure(CubQMCBayesNetG.builder(integrand, p), options).build();
        };
    }

    private static <B extends CriterionBuilder<B>> B configure(B b, Options o) {
        b.absTol(o.absTol()).relTol(o.relTol()).criterion(o.criterion()).alpha(o.alpha());
        if (o.nLimit() > 0) b.nLimit(o.nLimit());
        return b;
    }

    /**
     * The point set {@link #integrate} uses for a method.
     *
     * @param method       the method
     * @param d            dimension ≥ 1
     * @param replications randomizations (REP_STUDENT_T only)
     * @param seed         base seed
     * @return the points
     */
    public static PointSet points(Method method, int d, int replications, long seed) {
        Check.notNull("method", method);
        Check.positive("d", d);
        return switch (method) {
            case NET_G, BAYES_NET_G -> Sobol.builder(d).randomization(NetRandomization.LMS_DS).seed(seed).build();
            case LATTICE_G, BAYES_LATTICE_G -> Lattice.builder(d).seed(seed).build();
            case REP_STUDENT_T -> Sobol.scrambled(d, replications, seed);
            case MC_CLT, MC_G -> IidUniform.builder(d).seed(seed).build();
        };
    }

    /** The integrand names accepted by {@link #integrand(String, int)}. */
    public static List<String> integrandNames() {
        return List.of("keister", "asian-call", "european-call", "genz-oscillatory", "genz-corner-peak", "ishigami", "linear0",
                "box-integral");
    }

    /**
     * A bundled integrand by name (for the command line): {@code keister}, {@code asian-call}
     * (arithmetic trapezoidal Asian call, QMCPy's FinancialOption defaults), {@code european-call},
     * {@code genz-oscillatory} and {@code genz-corner-peak} (coefficients of kind 1),
     * {@code ishigami} (d must be 3), {@code linear0}, {@code box-integral} (s = −1 and 1).
     *
     * @param name the name, case-insensitive
     * @param d    dimension ≥ 1
     * @return the integrand
     * @throws IllegalArgumentException for an unknown name (listing the known ones) or a bad d
     */
    public static Integrand integrand(String name, int d) {
        Check.notNull("integrand", name);
        Check.positive("d", d);
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "keister" -> new Keister(d);
            case "asian-call" -> FinancialOption.builder(d).build();
            case "european-call" -> FinancialOption.builder(d).style(FinancialOption.Style.EUROPEAN).build();
            case "genz-oscillatory" -> new Genz(d, Genz.Kind.OSCILLATORY, 1);
            case "genz-corner-peak" -> new Genz(d, Genz.Kind.CORNER_PEAK, 1);
            case "ishigami" -> {
                if (d != 3) throw new IllegalArgumentException("d = " + d + ", expected 3 for ishigami");
                yield new Ishigami();
            }
            case "linear0" -> new Linear0(d);
            case "box-integral" -> new BoxIntegral(d, -1, 1);
            default -> throw new IllegalArgumentException("integrand = " + name + ", expected one of " + integrandNames());
        };
    }
}
