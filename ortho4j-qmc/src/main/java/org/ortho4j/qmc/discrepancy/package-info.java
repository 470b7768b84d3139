/**
 * Kernel L2 discrepancies of point sets in {@code [0,1]^d}: centered, wrap-around, mixture and
 * L2-star (equal to {@code scipy.stats.qmc.discrepancy}) and the "star" variant of QMCPy's
 * development code. See {@link org.ortho4j.qmc.discrepancy.Discrepancy}.
 */
package org.ortho4j.qmc.discrepancy;
