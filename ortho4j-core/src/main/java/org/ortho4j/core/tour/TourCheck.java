package org.ortho4j.core.tour;

import java.util.Locale;
import java.util.Objects;

/**
 * One row of the tour's summary: a measured number and the criterion it was held to.
 *
 * @param capability the step's capability ({@link TourStep#capability()})
 * @param check      what was measured, e.g. {@code "max scaled error vs naive loop, 300x200x250"}
 * @param value      the measured number (NaN when the step failed before measuring)
 * @param criterion  how {@code value} is judged, against {@code limit}
 * @param limit      the bound of the criterion
 * @param passed     whether {@code value} met the criterion
 * @param detail     extra text (e.g. the exception of a step that threw), or {@code null}
 */
public record TourCheck(String capability, String check, double value, Criterion criterion, double limit,
                        boolean passed, String detail) {

    /** How a value is judged against the limit. */
    public enum Criterion {
        /** {@code value <= limit} (NaN fails). */
        AT_MOST("<="),
        /** {@code value == limit}. */
        EQUALS("=="),
        /** {@code value > limit} (NaN fails). */
        ABOVE(">"),
        /** The step could not produce the value: always failed. */
        ERROR("error");

        private final String symbol;

        Criterion(String symbol) { this.symbol = symbol; }

        /** The operator as shown in the table, e.g. {@code "<="}. */
        public String symbol() { return symbol; }

        boolean test(double value, double limit) {
            return switch (this) {
                case AT_MOST -> value <= limit;
                case EQUALS -> value == limit;
                case ABOVE -> value > limit;
                case ERROR -> false;
            };
        }
    }

    /** Validates the fields; {@code passed} must agree with the criterion. */
    public TourCheck {
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(criterion, "criterion");
        if (passed != criterion.test(value, limit))
            throw new IllegalArgumentException("passed = " + passed + " disagrees with " + value + " "
                    + criterion.symbol() + " " + limit);
    }

    /** A check that passes when {@code value <= limit}. */
    public static TourCheck atMost(String capability, String check, double value, double limit) {
        return judged(capability, check, value, Criterion.AT_MOST, limit);
    }

    /** A check that passes when {@code value == expected}. */
    public static TourCheck equalTo(String capability, String check, double value, double expected) {
        return judged(capability, check, value, Criterion.EQUALS, expected);
    }

    /** A check that passes when {@code value > limit}. */
    public static TourCheck above(String capability, String check, double value, double limit) {
        return judged(capability, check, value, Criterion.ABOVE, limit);
    }

    /** A failed check recording that the step could not measure, with the reason. */
    public static TourCheck error(String capability, String check, String reason) {
        return new TourCheck(capability, check, Double.NaN, Criterion.ERROR, Double.NaN, false, reason);
    }

    private static TourCheck judged(String capability, String check, double value, Criterion c, double limit) {
        return new TourCheck(capability, check, value, c, limit, c.test(value, limit), null);
    }

    /** The criterion as text, e.g. {@code "<= 4.5e-14"}, or {@code "error"}. */
    public String criterionText() {
        return criterion == Criterion.ERROR ? criterion.symbol() : criterion.symbol() + " " + formatNumber(limit);
    }

    /** {@code PASS} or {@code FAIL}. */
    public String verdict() { return passed ? "PASS" : "FAIL"; }

    /**
     * Formats a number for the summary: integers exactly (up to 10^15), moderate magnitudes with
     * four significant digits, tiny or huge ones in scientific notation with three.
     */
    public static String formatNumber(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e6) return String.format(Locale.ROOT, "%.4g", v);
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
