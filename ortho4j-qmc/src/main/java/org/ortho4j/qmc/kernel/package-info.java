/**
 * Fast kernel methods on low-discrepancy points (QMCPy v2 {@code qmcpy/kernel/si_dsi_kernels.py},
 * spec qmc.md §2.10): shift-invariant kernels ({@link org.ortho4j.qmc.kernel.ShiftInvariantKernel})
 * paired with rank-1 lattices and digitally-shift-invariant kernels
 * ({@link org.ortho4j.qmc.kernel.DigitallyShiftInvariantKernel}, including the higher-order
 * smoothness kernels) paired with base-2 digital nets; their Gram matrices diagonalized by FFTBR or
 * the Walsh–Hadamard transform ({@link org.ortho4j.qmc.kernel.FastGram}: O(n log n) multiply, solve,
 * log-determinant), the dense reference ({@link org.ortho4j.qmc.kernel.DenseGram}) and Gaussian-process
 * regression with marginal-likelihood fitting ({@link org.ortho4j.qmc.kernel.LdGaussianProcess}).
 */
package org.ortho4j.qmc.kernel;
