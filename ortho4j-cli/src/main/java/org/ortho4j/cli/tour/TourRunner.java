package org.ortho4j.cli.tour;

import org.ortho4j.core.tour.TourCheck;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;

import java.util.ArrayList;
import java.util.List;

/** Runs steps one after another, turning a thrown exception or an empty result into a failed check. */
public final class TourRunner {
    private TourRunner() {}

    /** Receives progress events; the default methods do nothing. */
    public interface Listener {
        /** Step {@code index} (0-based) of {@code count} is about to run. */
        default void started(int index, int count, TourStep step) { }

        /** Step {@code index} finished (also after an error). */
        default void finished(int index, int count, TourStep step, TourRun.StepRecord record) { }
    }

    /**
     * Runs {@code steps} in the given order on {@code ctx}. A step that throws (an exception, a
     * linkage error such as a missing optional class, or an assertion error) or returns no check
     * contributes one failed {@link TourCheck} with the reason, and the tour goes on.
     *
     * @return every step's record and the total wall time
     */
    public static TourRun run(List<TourStep> steps, TourContext ctx, Listener listener) {
        long t0 = System.nanoTime();
        List<TourRun.StepRecord> records = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            TourStep step = steps.get(i);
            listener.started(i, steps.size(), step);
            long s0 = System.nanoTime();
            TourResult result;
            try {
                result = step.run(ctx);
                if (result == null || result.checks().isEmpty())
                    result = failure(step, "the step returned no check");
            } catch (Exception | LinkageError | AssertionError e) {
                result = failure(step, e.toString());
            }
            TourRun.StepRecord rec = new TourRun.StepRecord(step.capability(), step.title(),
                    (System.nanoTime() - s0) * 1e-9, result);
            records.add(rec);
            listener.finished(i, steps.size(), step, rec);
        }
        return new TourRun(records, ctx.seed(), ctx.quick(), (System.nanoTime() - t0) * 1e-9);
    }

    private static TourResult failure(TourStep step, String reason) {
        return TourResult.builder(step.capability())
                .add(TourCheck.error(step.capability(), step.title(), reason)).build();
    }
}
