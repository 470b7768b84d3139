/**
 * Orthogonalized optimizers for float32 parameters (float64 for reference runs), framework-agnostic
 * (spec {@code optimizers.md}): Muon and its variants, NorMuon, ROOT, AuON (paper, package,
 * hybrid), DCT-AdamW and its SVD (GaLore-like) baseline, Dion, with AdamW and SGD baselines.
 * Orthogonalization runs on ortho4j-core's Newton–Schulz kernels
 * ({@link org.ortho4j.core.orthogonal.NewtonSchulz}).
 *
 * <h2>Model</h2>
 * <ul>
 *   <li>{@link org.ortho4j.optim.Parameter}: a named tensor whose values (a
 *       {@link org.ortho4j.core.linalg.FloatMatrix}) are updated in place; declared
 *       {@link org.ortho4j.optim.Layout} ({@code OUT_IN} = fan-out rows, the default, or
 *       {@code IN_OUT}); conv filters flattened to {@code [C_out, prod(rest)]}; vectors as one row.</li>
 *   <li>{@link org.ortho4j.optim.UpdateRule}: an algorithm with its hyper-parameters, immutable
 *       ({@link org.ortho4j.optim.AdamW}, {@link org.ortho4j.optim.Sgd}, {@link org.ortho4j.optim.Muon},
 *       {@link org.ortho4j.optim.NorMuon}, {@link org.ortho4j.optim.Root}, {@link org.ortho4j.optim.AuOn},
 *       {@link org.ortho4j.optim.LowRankAdamW}, {@link org.ortho4j.optim.Dion}). Builders validate
 *       every value ({@link java.lang.IllegalArgumentException} naming it).</li>
 *   <li>{@link org.ortho4j.optim.Optimizer} / {@link org.ortho4j.optim.HybridOptimizer}: routes each
 *       parameter by {@link org.ortho4j.optim.ParamRole} (hidden matrices to the matrix rule, the
 *       rest to AdamW), keeps one state per parameter, applies an
 *       {@link org.ortho4j.optim.LrSchedule}, reports {@link org.ortho4j.optim.OptimizerStats},
 *       optionally traces intermediates ({@link org.ortho4j.optim.StepTrace}) and saves/loads its
 *       state bit-exactly.</li>
 * </ul>
 *
 * <h2>Conventions</h2>
 * Decoupled weight decay {@code W ← W·(1 − lr·wd)} with the scheduled, unadjusted lr; shape
 * factors by {@link org.ortho4j.optim.LrAdjust}; momentum conventions by
 * {@link org.ortho4j.optim.MomentumMode}. Element-wise arithmetic is evaluated in double and
 * rounded once per stored value; products and Newton–Schulz run in the parameter's precision.
 * Where a paper and its official code disagree, the code is the default and the class
 * documentation marks the difference [DIFF].
 *
 * <h2>Reference experiment</h2>
 * {@link org.ortho4j.optim.ReferenceExperiment} reproduces the spec's teacher–student MLP
 * experiment in float64 (data and init bit-identical to the numpy reference);
 * {@link org.ortho4j.optim.OptimTourStep} is the module's tour step.
 */
package org.ortho4j.optim;
