/**
 * True measures of ortho4j-qmc (QMCPy's {@code true_measure} layer, spec qmc.md 2.12): the
 * measures integrals are taken against — {@link org.ortho4j.qmc.measure.Uniform},
 * {@link org.ortho4j.qmc.measure.Lebesgue}, {@link org.ortho4j.qmc.measure.Gaussian} (PCA or
 * Cholesky), {@link org.ortho4j.qmc.measure.BrownianMotion},
 * {@link org.ortho4j.qmc.measure.GeometricBrownianMotion} — each with a sampling map from the unit
 * cube, plus {@link org.ortho4j.qmc.measure.ImportanceSampling}, the periodizing transforms of
 * lattice rules ({@link org.ortho4j.qmc.measure.Periodization}) and the standard normal
 * distribution functions ({@link org.ortho4j.qmc.measure.StandardNormal}). Maps through Φ⁻¹ clip
 * coordinates into {@code [2^-53, 1 - 2^-53]} (the 0/1 guard).
 */
package org.ortho4j.qmc.measure;
