package org.ortho4j.qmc.points;

/** Order of the points of a rank-1 lattice (QMCPy {@code order}, spec qmc.md 2.1). */
public enum LatticeOrder {
    /**
     * Natural order (QMCPy's default {@code 'RADICAL INVERSE'}): x_i = frac(phi_2(i) g), phi_2 the
     * base-2 radical inverse; the first 2^m points are the lattice {frac(k g / 2^m)} in bit-reversed
     * order, and each prefix of length 2^m is a lattice (extensible).
     */
    RADICAL_INVERSE,
    /** Gray-code order: x_i = frac(phi_2(i ^ (i >> 1)) g); same sets of 2^m points. */
    GRAY,
    /**
     * Linear order of one fixed lattice of N = 2^m points: x_i = frac(i g / N), i &lt; N (not
     * extensible; N is set with {@link Lattice.Builder#linearSize(long)}).
     */
    LINEAR
}
