/**
 * Adaptive cubature with error bounds (QMCPy's {@code stopping_criterion} layer, spec qmc.md
 * 2.14): guaranteed cone-based QMC ({@link org.ortho4j.qmc.cubature.CubQMCNetG},
 * {@link org.ortho4j.qmc.cubature.CubQMCLatticeG}), replicated randomized QMC
 * ({@link org.ortho4j.qmc.cubature.CubQMCRepStudentT}), IID Monte Carlo
 * ({@link org.ortho4j.qmc.cubature.CubMCCLT}, {@link org.ortho4j.qmc.cubature.CubMCG}) and fast
 * Bayesian cubature ({@link org.ortho4j.qmc.cubature.CubQMCBayesLatticeG},
 * {@link org.ortho4j.qmc.cubature.CubQMCBayesNetG}), all with QMCPy's defaults, the common
 * absolute/relative {@link org.ortho4j.qmc.cubature.Tolerance} rule and an
 * {@link org.ortho4j.qmc.cubature.IntegrationResult} that always says whether the tolerance was
 * met. Deviations from QMCPy where its code is wrong are listed in each class.
 */
package org.ortho4j.qmc.cubature;
