/**
 * Orthogonalized optimizers for float32 parameters, framework-agnostic: Muon, NorMuon, AuON,
 * ROOT, DCT-AdamW (SVD-free low-rank), Dion, with AdamW and SGD-momentum baselines (spec
 * optimizers.md). Orthogonalization runs on ortho4j-core's Newton–Schulz kernels.
 */
package org.ortho4j.optim;
