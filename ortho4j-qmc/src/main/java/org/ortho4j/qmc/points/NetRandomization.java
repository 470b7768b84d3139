package org.ortho4j.qmc.points;

/** Randomization of a base-2 digital net (QMCPy {@code randomize}, spec qmc.md 2.5). */
public enum NetRandomization {
    /** None: the first point is the origin; t = the matrices' bits (QMCPy {@code 'FALSE'}). */
    NONE,
    /** Digital shift: the t-bit point (left-shifted from the matrices' bits) XOR a uniform t-bit shift. */
    DS,
    /**
     * Linear matrix scramble (Matousek) to t bits with unit lower-triangular random matrices;
     * keeps the origin as the first point, so the points are not uniformly distributed on their own.
     */
    LMS,
    /** Linear matrix scramble followed by a digital shift (QMCPy's and scipy's default). */
    LMS_DS,
    /** Nested uniform (Owen) scrambling to t bits (QMCPy {@code 'NUS'}, alias {@code 'OWEN'}). */
    NUS
}
