package org.ortho4j.core.tour;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link TourStep} found: its checks (rows of the summary table) and optional plots.
 *
 * @param checks the checks, in the order they are shown (copied)
 * @param plots  the charts for the HTML report (copied; may be empty)
 */
public record TourResult(List<TourCheck> checks, List<Plot> plots) {

    /** Copies the lists. */
    public TourResult {
        checks = List.copyOf(checks);
        plots = List.copyOf(plots);
    }

    /** A builder whose checks all carry {@code capability}. */
    public static Builder builder(String capability) { return new Builder(capability); }

    /** Collects the checks of one capability; not thread-safe. */
    public static final class Builder {
        private final String capability;
        private final List<TourCheck> checks = new ArrayList<>();
        private final List<Plot> plots = new ArrayList<>();

        private Builder(String capability) { this.capability = Objects.requireNonNull(capability, "capability"); }

        /** Adds a check passing when {@code value <= limit}. */
        public Builder atMost(String check, double value, double limit) {
            return add(TourCheck.atMost(capability, check, value, limit));
        }

        /** Adds a check passing when {@code value == expected}. */
        public Builder equalTo(String check, double value, double expected) {
            return add(TourCheck.equalTo(capability, check, value, expected));
        }

        /** Adds a check passing when {@code value > limit}. */
        public Builder above(String check, double value, double limit) {
            return add(TourCheck.above(capability, check, value, limit));
        }

        /** Adds a prepared check. */
        public Builder add(TourCheck check) {
            checks.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /** Adds a chart for the report. */
        public Builder plot(Plot plot) {
            plots.add(Objects.requireNonNull(plot, "plot"));
            return this;
        }

        /** The result so far. */
        public TourResult build() { return new TourResult(checks, plots); }
    }
}
