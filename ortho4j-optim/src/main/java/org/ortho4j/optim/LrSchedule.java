package org.ortho4j.optim;

import java.util.Locale;

/**
 * A learning-rate multiplier as a function of the 0-based optimizer step {@code t}: at step t
 * every rule uses {@code lr·factor(t)}, and since decoupled weight decay is {@code lr·wd}, the
 * decay follows the schedule too (as with PyTorch schedulers). Implementations are immutable and
 * pure, so a resumed run (state file) continues the schedule exactly.
 */
@FunctionalInterface
public interface LrSchedule {

    /**
     * The multiplier at step {@code t}.
     *
     * @param t 0-based step index, ≥ 0
     * @return the factor, ≥ 0
     */
    double factor(long t);

    /** Factor 1 at every step. */
    static LrSchedule constant() {
        return new LrSchedule() {
            @Override public double factor(long t) { return 1; }
            @Override public String toString() { return "constant"; }
        };
    }

    /**
     * Linear warm-up then cosine decay: {@code (t+1)/warmup} for {@code t < warmup}, then
     * {@code min + (1−min)·½(1 + cos(π·p))} with {@code p = (t − warmup)/(total − warmup)}
     * clipped to [0, 1] (so {@code min} from {@code t = total} on).
     *
     * @param warmupSteps ≥ 0 (0: no warm-up)
     * @param totalSteps  &gt; warmupSteps
     * @param minFactor   final factor in [0, 1]
     * @throws IllegalArgumentException naming the bad argument
     */
    static LrSchedule warmupCosine(long warmupSteps, long totalSteps, double minFactor) {
        checkSteps(warmupSteps, totalSteps);
        checkMin(minFactor);
        return new LrSchedule() {
            @Override
            public double factor(long t) {
                if (t < warmupSteps) return (t + 1) / (double) warmupSteps;
                double p = Math.min(1.0, (t - warmupSteps) / (double) (totalSteps - warmupSteps));
                return minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * p));
            }

            @Override
            public String toString() {
                return String.format(Locale.ROOT, "warmup %d + cosine to %d (min %s)", warmupSteps, totalSteps, minFactor);
            }
        };
    }

    /**
     * Warmup–stable–decay: {@code (t+1)/warmup} for {@code t < warmup}; 1 until
     * {@code t/total ≥ 1 − decayFraction}; then linear, {@code min + (1−min)·(1 − t/total)/decayFraction},
     * reaching {@code min} at {@code t = total} and staying there. With warmup 0, decay fraction
     * 0.3 and min 0 this is the reference experiment's schedule (spec §10:
     * {@code (1 − t/T)/0.3} for {@code t/T ≥ 0.7}).
     *
     * @param warmupSteps   ≥ 0
     * @param totalSteps    &gt; warmupSteps
     * @param decayFraction share of the steps spent decaying, in (0, 1]
     * @param minFactor     final factor in [0, 1]
     * @throws IllegalArgumentException naming the bad argument
     */
    static LrSchedule wsd(long warmupSteps, long totalSteps, double decayFraction, double minFactor) {
        checkSteps(warmupSteps, totalSteps);
        Hyper.fraction("decayFraction", decayFraction);
        checkMin(minFactor);
        return new LrSchedule() {
            @Override
            public double factor(long t) {
                if (t < warmupSteps) return (t + 1) / (double) warmupSteps;
                double x = (double) t / totalSteps;
                if (x < 1 - decayFraction) return 1;
                double f = minFactor + (1 - minFactor) * (1 - x) / decayFraction;
                return Math.max(minFactor, Math.min(1, f));
            }

            @Override
            public String toString() {
                return String.format(Locale.ROOT, "warmup %d, stable, linear decay over the last %s of %d (min %s)", warmupSteps,
                        decayFraction, totalSteps, minFactor);
            }
        };
    }

    private static void checkSteps(long warmupSteps, long totalSteps) {
        if (warmupSteps < 0) throw new IllegalArgumentException("warmupSteps = " + warmupSteps + ", expected >= 0");
        if (totalSteps <= warmupSteps)
            throw new IllegalArgumentException("totalSteps = " + totalSteps + ", expected > warmupSteps = " + warmupSteps);
    }

    private static void checkMin(double minFactor) {
        if (!(minFactor >= 0 && minFactor <= 1)) throw new IllegalArgumentException("minFactor = " + minFactor + ", expected in [0, 1]");
    }
}
