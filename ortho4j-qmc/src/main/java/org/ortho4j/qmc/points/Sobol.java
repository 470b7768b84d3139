package org.ortho4j.qmc.points;

/**
 * Sobol' sequences: {@link DigitalNetB2} with the Joe–Kuo {@code new-joe-kuo-6.21201} matrices
 * (QMCPy's alias {@code Sobol}). Static factories only.
 */
public final class Sobol {
    private Sobol() {}

    /**
     * A builder with QMCPy's defaults (Joe–Kuo matrices, LMS_DS, natural order, t = 63).
     *
     * @param d number of coordinates, 1..21201
     * @return the builder
     */
    public static DigitalNetB2.Builder builder(int d) {
        return DigitalNetB2.builder(d).matrices(GeneratingMatrices.joeKuo21201());
    }

    /**
     * The unscrambled sequence in Gray-code order, bit-for-bit equal to
     * {@code scipy.stats.qmc.Sobol(d, scramble=False)} (t = 32).
     *
     * @param d number of coordinates, 1..21201
     * @return the sequence
     */
    public static DigitalNetB2 unscrambledGray(int d) {
        return builder(d).randomization(NetRandomization.NONE).order(NetOrder.GRAY).build();
    }

    /**
     * The unscrambled sequence in natural order (QMCPy {@code DigitalNetB2(d, randomize=False)}).
     *
     * @param d number of coordinates, 1..21201
     * @return the sequence
     */
    public static DigitalNetB2 unscrambled(int d) {
        return builder(d).randomization(NetRandomization.NONE).build();
    }

    /**
     * The default randomized sequence: linear matrix scramble plus digital shift, natural order,
     * t = 63, R replications from one seed.
     *
     * @param d            number of coordinates, 1..21201
     * @param replications independent randomizations, {@code >= 1}
     * @param seed         base seed
     * @return the sequence
     */
    public static DigitalNetB2 scrambled(int d, int replications, long seed) {
        return builder(d).replications(replications).seed(seed).build();
    }
}
