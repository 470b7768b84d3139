package org.ortho4j.core.random;

import java.util.random.RandomGenerator;

/**
 * SplitMix64 (Steele, Lea and Flood 2014), the generator behind every seeded ortho4j API and the
 * golden inputs of {@code shared/data} (see {@code data/optim/README.md}):
 * <pre>
 * next():   s += 0x9E3779B97F4A7C15; z = s; z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9;
 *           z = (z ^ (z >>> 27)) * 0x94D049BB133111EB; return z ^ (z >>> 31)
 * uniform() = (next() >>> 11) * 2^-53          (equal to SplittableRandom.nextDouble())
 * normal()  = sqrt(-2 ln(1 - uniform())) * cos(2 pi uniform())   (Box-Muller, one value per call)
 * </pre>
 * {@link #nextLong()} equals {@code new java.util.SplittableRandom(seed).nextLong()}; seed 0 gives
 * {@code 0xE220A8397B1DCDAF} first. Not thread-safe: give each thread its own instance (e.g. via
 * {@link #split()}).
 */
public final class SplitMix64 implements RandomGenerator {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    /** A generator whose first output is {@code mix(seed + GOLDEN_GAMMA)}. */
    public SplitMix64(long seed) { this.state = seed; }

    /** The SplitMix64 finalizer (a bijection on 64-bit values). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform on [0, 1) with 53 random bits: {@code (next() >>> 11) * 2^-53}. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal by Box-Muller, one value per call (two uniforms), as the golden data. */
    @Override
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** A new independent generator seeded from this one's next output. */
    public SplitMix64 split() { return new SplitMix64(nextLong()); }
}
