package org.ortho4j.cli.tour;

import org.ortho4j.core.tour.Plot;
import org.ortho4j.core.tour.TourCheck;
import org.ortho4j.core.tour.TourResult;

import java.util.List;

/**
 * The outcome of a whole tour.
 *
 * @param steps   one record per step, in the order run
 * @param seed    the base seed used
 * @param quick   whether {@code --quick} was on
 * @param seconds wall time of the whole run
 */
public record TourRun(List<StepRecord> steps, long seed, boolean quick, double seconds) {

    /**
     * One step's outcome.
     *
     * @param capability the step's capability
     * @param title      the step's title
     * @param seconds    wall time of the step
     * @param result     its checks and plots
     */
    public record StepRecord(String capability, String title, double seconds, TourResult result) {}

    /** Copies the list. */
    public TourRun {
        steps = List.copyOf(steps);
    }

    /** Every check of every step, in order. */
    public List<TourCheck> checks() {
        return steps.stream().flatMap(s -> s.result().checks().stream()).toList();
    }

    /** Every plot of every step, in order. */
    public List<Plot> plots() {
        return steps.stream().flatMap(s -> s.result().plots().stream()).toList();
    }

    /** Number of checks that passed. */
    public long passed() { return checks().stream().filter(TourCheck::passed).count(); }

    /** Number of checks that failed. */
    public long failed() { return checks().size() - passed(); }

    /** The summary line {@code "N passed, M failed"}. */
    public String summary() { return passed() + " passed, " + failed() + " failed"; }
}
