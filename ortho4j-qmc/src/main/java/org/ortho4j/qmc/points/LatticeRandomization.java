package org.ortho4j.qmc.points;

/** Randomization of a rank-1 lattice (QMCPy {@code randomize}). */
public enum LatticeRandomization {
    /** None: the first point is the origin (QMCPy {@code 'FALSE'}). */
    NONE,
    /** Random shift modulo 1: x ← frac(x + Δ), Δ uniform on [0,1)^d, one Δ per replication (QMCPy default). */
    SHIFT
}
