/**
 * Low-discrepancy point generators of ortho4j-qmc, a Java peer of QMCPy v2's discrete
 * distributions (spec {@code qmc.md} sections 2.0–2.8): {@link org.ortho4j.qmc.points.Lattice}
 * (rank-1 lattices, {@link org.ortho4j.qmc.points.GeneratingVector}),
 * {@link org.ortho4j.qmc.points.DigitalNetB2} and {@link org.ortho4j.qmc.points.Sobol} (base-2
 * digital nets, {@link org.ortho4j.qmc.points.GeneratingMatrices}, higher order by interlacing),
 * {@link org.ortho4j.qmc.points.Halton} and {@link org.ortho4j.qmc.points.IidUniform}. All
 * implement {@link org.ortho4j.qmc.PointSet}: extensible sequences with R independent
 * randomizations, generated in parallel over fixed blocks of indices.
 *
 * <h2>Seeding</h2>
 * One base seed (builder {@code seed(long)}, default 0) drives every randomization through
 * SplitMix64 splitting with random access: with {@code child(s, k) = mix(s + (k+1) γ)} (the k-th
 * output of {@code new SplitMix64(s)}, γ = 0x9E3779B97F4A7C15), the randomization of coordinate
 * index c in replication r for a given purpose (matrix scramble, digital shift, permutations, NUS
 * keys, lattice vector, IID stream) is drawn from {@code new SplitMix64(child(child(child(seed,
 * purpose), r), c))}. Points therefore depend only on (seed, r, c, index): the same on every
 * machine and thread count, for any order or split of calls, and coordinate c is the same whatever
 * other coordinates are requested. numpy's SeedSequence/SFC64 streams are not reproduced, so
 * randomized points differ from QMCPy's (unrandomized ones are identical).
 *
 * <h2>Where this differs from QMCPy, and why</h2>
 * <ul>
 *   <li>Index ranges: QMCPy's natural (radical-inverse) order of nets and lattices requires nMin
 *       and nMax in {0} ∪ {2^k}, an artefact of kernels that walk the Gray code and store at
 *       {@code gray(i) - nMin}. Here every index is evaluated directly or walked from a direct
 *       start, so any {@code 0 <= nMin <= nMax <= nLimit} is allowed, with the same points. Only
 *       {@link org.ortho4j.qmc.points.LatticeOrder#LINEAR} needs a power-of-two lattice size.
 *       Balance properties (one point per elementary interval) of course hold for blocks of 2^m
 *       (b^m for Halton) aligned indices only.</li>
 *   <li>Floats: a t-bit integer keeps its leading min(t, 53) digits, truncated, so no coordinate
 *       is ever 1.0 (QMCPy's {@code ldexp} rounds a 63-bit value up to 1.0 with probability about
 *       2^-54). Randomizations whose points are uniform replace a 0 by half the resolution, so
 *       their coordinates lie strictly inside (0, 1) (safe for inverse CDFs);
 *       {@link org.ortho4j.qmc.PointSet#isRandomized()} is false for NONE and for LMS alone,
 *       which keep the origin as point 0.</li>
 *   <li>NUS: stateless nested scrambling, exact for single points and pairs of points (hence
 *       for means and variances), O(1) memory; QMCPy grows random trees lazily, using O(n d)
 *       memory and giving points that depend on the order of calls. See
 *       {@link org.ortho4j.qmc.points.DigitalNetB2} and {@link org.ortho4j.qmc.points.Halton}.</li>
 *   <li>Halton: digits of randomized coordinates stop where they no longer change a double
 *       (instead of t = 63); scramble matrices are sized by the coordinate's own base.</li>
 *   <li>QMCPy defects noted (spec section 8) and avoided: {@code gdn_linear_matrix_scramble}
 *       lacks a final {@code mod b} (we reduce); the {@code msb} flag for custom matrices is
 *       applied inverted with respect to its docstring ({@link
 *       org.ortho4j.qmc.points.GeneratingMatrices#fromLsbColumns} follows the docstring); the
 *       Halton docstring swaps LMS PERM and LMS DS (we follow the code).</li>
 * </ul>
 */
package org.ortho4j.qmc.points;
