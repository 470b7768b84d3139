package org.ortho4j.bench;

import java.util.Map;

/**
 * One prepared benchmark problem of the toolkit benchmarks: inputs allocated and filled once,
 * {@link #run()} the only thing timed. Implemented by {@link NsCase}, {@link LsaCase} and
 * {@link TransformCase}, and shared by the JMH benchmarks and {@link QuickToolkit}, so both time
 * exactly the same call.
 */
interface TimedCase {

    /** One timed call; returns its result so that callers can sink it. */
    Object run();

    /**
     * Checks the result of a call (after at least one {@link #run()}) against an independent,
     * cheap reference, so that a fast but wrong kernel fails instead of posting a number.
     *
     * @throws IllegalStateException describing the first check that failed
     */
    void verify();

    /** Floating-point operations of one call for reporting GFLOP/s, or NaN where no count is meaningful. */
    double flops();

    /** Threads the case may use (1: the whole call runs on the calling thread). */
    int threads();

    /** Extra fields for {@link QuickToolkit}'s output line (e.g. the backend's description); may be empty. */
    Map<String, Object> details();
}
