package org.ortho4j.core.random;

import java.util.random.RandomGenerator;

/** Factories for ortho4j's seeded randomness; every random API takes a seed or a generator. */
public final class Rng {
    private Rng() {}

    /** The default generator for a seed: {@link SplitMix64}. */
    public static RandomGenerator of(long seed) { return new SplitMix64(seed); }

    /** FNV-1a 64-bit hash of a string's UTF-8 bytes, for string seeds. */
    public static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
