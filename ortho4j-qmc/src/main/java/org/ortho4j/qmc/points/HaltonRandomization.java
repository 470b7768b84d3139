package org.ortho4j.qmc.points;

/**
 * Randomization of the Halton sequence (QMCPy {@code Halton(randomize=...)}, spec qmc.md 2.7).
 * Digits are indexed q = 0, 1, ... from the most significant (the coefficient of b^-(q+1)).
 */
public enum HaltonRandomization {
    /** None: radical inverses in the prime bases; the first point is the origin (QMCPy {@code 'FALSE'}). */
    NONE,
    /**
     * Linear matrix scramble followed by random digit permutations (QMCPy's default
     * {@code 'LMS PERM'}; QMCPy's docstring swaps the descriptions of LMS PERM and LMS DS, its code
     * does what the names say).
     */
    LMS_PERM,
    /** Linear matrix scramble followed by a random digit shift. */
    LMS_DS,
    /** Linear matrix scramble only (lower-triangular, nonzero diagonal); keeps the origin. */
    LMS,
    /** An independent uniform permutation of {0..b-1} per digit position, applied to every point. */
    PERM,
    /** Digit-wise addition mod b of independent uniform digits. */
    DS,
    /** Nested scrambling in base b (Owen): a random permutation per node of the digit tree. */
    NUS,
    /**
     * Hofert–Lemieux generalized Halton ({@code qrng::ghalton}): deterministic Faure–Lemieux
     * multipliers plus a random digit shift, 32 digits; first 360 bases, one replication.
     */
    QRNG
}
