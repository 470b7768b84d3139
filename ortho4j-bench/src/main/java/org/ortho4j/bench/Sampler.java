package org.ortho4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The measurement loop of {@link QuickToolkit}: warm up, then take timed samples and report
 * medians of wall time and (when asked) of the calling thread's CPU time, per call.
 *
 * <p>Warm-up calls the kernel until {@code warmupSeconds} have passed (at least once). The last
 * warm-up call sets {@code callsPerSample = ceil(sampleSeconds / lastCall)}, so each sample lasts
 * at least about {@code sampleSeconds} and short kernels are timed over many calls. Samples are
 * taken until {@code repeats} are done, or at least {@value #MIN_SAMPLES} are done and sampling
 * has used {@code budgetSeconds}. The median resists the outliers a shared machine produces; the
 * thread CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()}) counts only the time the
 * calling thread was actually on a core, so it is nearly unaffected by other processes, but it
 * is only meaningful when the whole kernel runs on the calling thread (one thread; see
 * {@link ThreadLimits}).
 *
 * <p>Same method as {@code QuickGemm}'s loop and as the numpy side of the comparison scripts.
 */
final class Sampler {
    private Sampler() {}

    /** Minimum samples before the time budget can cut a case short. */
    static final int MIN_SAMPLES = 3;

    /**
     * Medians of one measured case.
     *
     * @param wallSeconds median wall time of one call
     * @param cpuSeconds median thread CPU time of one call, NaN when not measured
     * @param samples number of samples taken
     * @param callsPerSample calls timed together in each sample
     */
    record Timing(double wallSeconds, double cpuSeconds, int samples, int callsPerSample) {}

    /** Timing options: see the class documentation. */
    record Settings(int repeats, double sampleSeconds, double warmupSeconds, double budgetSeconds) {}

    /**
     * Measures {@code call}.
     *
     * @param call one call of the kernel
     * @param cpu also measure the calling thread's CPU time (ignored when the JVM cannot)
     */
    static Timing time(Runnable call, boolean cpu, Settings s) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        cpu = cpu && mx.isCurrentThreadCpuTimeSupported();
        if (cpu && !mx.isThreadCpuTimeEnabled()) mx.setThreadCpuTimeEnabled(true);

        long start = System.nanoTime();
        double lastCall;
        do {
            long t0 = System.nanoTime();
            call.run();
            lastCall = (System.nanoTime() - t0) * 1e-9;
        } while ((System.nanoTime() - start) * 1e-9 < s.warmupSeconds());
        int calls = (int) Math.max(1, Math.ceil(s.sampleSeconds() / Math.max(lastCall, 1e-9)));

        List<Double> wall = new ArrayList<>(), cpuTimes = new ArrayList<>();
        long sampling = System.nanoTime();
        while (wall.size() < s.repeats()
                && (wall.size() < MIN_SAMPLES || (System.nanoTime() - sampling) * 1e-9 < s.budgetSeconds())) {
            long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            for (int c = 0; c < calls; c++) call.run();
            wall.add((System.nanoTime() - t0) * 1e-9 / calls);
            if (cpu) cpuTimes.add((mx.getCurrentThreadCpuTime() - c0) * 1e-9 / calls);
        }
        return new Timing(QuickGemm.median(wall), cpu ? QuickGemm.median(cpuTimes) : Double.NaN,
                wall.size(), calls);
    }
}
