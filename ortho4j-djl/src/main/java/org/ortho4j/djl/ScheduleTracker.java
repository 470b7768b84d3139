package org.ortho4j.djl;

import ai.djl.training.tracker.Tracker;
import org.ortho4j.core.Check;
import org.ortho4j.optim.LrSchedule;

/**
 * A DJL learning-rate {@link Tracker} from a base rate and an ortho4j-optim {@link LrSchedule}:
 * at DJL update count {@code t} (1-based, as {@link ai.djl.training.optimizer.Optimizer} counts)
 * the rate is {@code baseRate · schedule.factor(t − 1)}, so DJL's first update uses the schedule's
 * step 0 — the same rates as ortho4j-optim's {@link org.ortho4j.optim.HybridOptimizer} with that
 * schedule. Immutable.
 *
 * <pre>{@code
 * Tracker lr = new ScheduleTracker(0.02, LrSchedule.wsd(20, 400, 0.3, 0));
 * }</pre>
 */
public final class ScheduleTracker implements Tracker {
    private final double baseRate;
    private final LrSchedule schedule;

    /**
     * @param baseRate the rate at factor 1, finite and ≥ 0
     * @param schedule the multiplier per step
     * @throws IllegalArgumentException for a bad rate or a null schedule
     */
    public ScheduleTracker(double baseRate, LrSchedule schedule) {
        this.baseRate = Args.nonNegative("baseRate", baseRate);
        this.schedule = Check.notNull("schedule", schedule);
    }

    /**
     * The rate at update {@code numUpdate}.
     *
     * @param numUpdate the DJL update count, ≥ 1 (0 is treated as 1)
     * @return {@code baseRate · schedule.factor(max(numUpdate, 1) − 1)} as a float
     */
    @Override
    public float getNewValue(int numUpdate) {
        return (float) (baseRate * schedule.factor(Math.max(numUpdate, 1) - 1L));
    }

    /** The base rate. */
    public double baseRate() { return baseRate; }

    @Override
    public String toString() { return baseRate + " x " + schedule; }
}
