package org.ortho4j.core.tour;

/**
 * One demonstration of the {@code ortho4j tour}: it exercises one capability of the library on
 * seeded random inputs and reports measured numbers, each with a pass/fail criterion.
 *
 * <p><b>Extension point.</b> Steps are discovered with {@link java.util.ServiceLoader}: a module
 * contributes steps by implementing this interface (public class, public no-argument constructor)
 * and listing the class names in {@code META-INF/services/org.ortho4j.core.tour.TourStep}. The
 * shaded {@code ortho4j-cli-*-all.jar} merges every module's service file, so a new module's steps
 * appear in the tour without any change to the CLI. See {@link TourSteps#discover()} for the order.
 *
 * <p>Contract: a step is deterministic for a given {@link TourContext#seed()}, keeps its inputs
 * small enough that the whole tour runs in about a minute on two cores (less under
 * {@link TourContext#quick()}), never prints (report progress with {@link TourContext#log}), and
 * reports failures as failed {@link TourCheck}s. An exception thrown by {@link #run} is recorded by
 * the runner as one failed check, so one broken step cannot hide the others.
 */
public interface TourStep {

    /**
     * The capability demonstrated, a short lower-case name shown in the first column of the
     * summary table and matched by {@code ortho4j tour --only} (e.g. {@code gemm}, {@code qr}).
     *
     * @return the capability name
     */
    String capability();

    /**
     * One line saying what the step shows, for {@code ortho4j tour --list} and progress output.
     *
     * @return the title
     */
    String title();

    /**
     * Position in the tour: steps run by increasing order, ties broken by {@link #capability()}.
     * The core steps use 100 to 400; later modules should use 1000 and above (the default).
     *
     * @return the sort key
     */
    default int order() { return 1000; }

    /**
     * Runs the demonstration.
     *
     * @param ctx seed, quick mode, backends and the progress log
     * @return the checks made and any plots; at least one check
     * @throws Exception on an unexpected error (recorded by the runner as a failed check)
     */
    TourResult run(TourContext ctx) throws Exception;
}
