package org.ortho4j.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.ortho4j.cli.tour.TourRun;
import org.ortho4j.cli.tour.TourRunner;
import org.ortho4j.core.tour.TourStep;

/**
 * Tour progress on stderr: a progress bar on an interactive console, plain log lines otherwise,
 * or nothing ({@code --no-progress}).
 */
final class Progress implements TourRunner.Listener, AutoCloseable {
    private final PrintWriter err;
    private final ProgressBar bar;
    private final boolean lines;

    private Progress(PrintWriter err, ProgressBar bar, boolean lines) {
        this.err = err;
        this.bar = bar;
        this.lines = lines;
    }

    /**
     * A bar when {@code System.console() != null} and progress is wanted; log lines to {@code err}
     * when progress is wanted without a console; silent otherwise.
     */
    static Progress create(PrintWriter err, boolean wanted, int steps) {
        if (!wanted) return new Progress(err, null, false);
        if (System.console() == null) return new Progress(err, null, true);
        ProgressBar bar = new ProgressBarBuilder().setTaskName("tour").setInitialMax(steps)
                .setUpdateIntervalMillis(200).continuousUpdate().hideEta().build();
        return new Progress(err, bar, false);
    }

    /** A progress message from a step. */
    void log(String message) {
        if (bar != null) bar.setExtraMessage(message);
        else if (lines) {
            err.println("  " + message);
            err.flush();
        }
    }

    @Override
    public void started(int index, int count, TourStep step) {
        if (bar != null) bar.setExtraMessage(step.capability());
        else if (lines) {
            err.println("[" + (index + 1) + "/" + count + "] " + step.capability() + ": " + step.title());
            err.flush();
        }
    }

    @Override
    public void finished(int index, int count, TourStep step, TourRun.StepRecord record) {
        if (bar != null) bar.step();
        else if (lines) {
            long failed = record.result().checks().stream().filter(c -> !c.passed()).count();
            err.println(String.format(Locale.ROOT, "  %s: %.1f s%s", step.capability(), record.seconds(),
                    failed == 0 ? "" : ", " + failed + " failed"));
            err.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
