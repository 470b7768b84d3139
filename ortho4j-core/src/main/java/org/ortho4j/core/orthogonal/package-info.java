/**
 * The orthogonal toolkit: constructions of orthogonal (and norm-bounded) matrices, applied
 * without forming them where possible, with the gradients needed to train them.
 *
 * <h2>Reflections and rotations</h2>
 * <ul>
 *   <li>{@link org.ortho4j.core.orthogonal.Householder}: elementary reflectors in LAPACK form
 *       ({@code dlarfg}-style generation with safe scaling; left/right application in
 *       {@code O(mn)}), the generalized reflector {@code H(v, β) = I − β v vᵀ/(vᵀv)},
 *       {@code β ∈ [0, 2]} of DeltaProduct, and the static facade of the Householder-product
 *       API of {@code structures.md} §1.3.</li>
 *   <li>{@link org.ortho4j.core.orthogonal.HouseholderProduct}: a chain {@code H₁ ⋯ H_k} as a
 *       plan object, applied from either side (transposed or not) by blocked compact WY on GEMM,
 *       formed explicitly on request, with reverse-mode gradients with respect to the vectors and
 *       the β's (Song et al., "Householder Projector for Unsupervised Latent Semantics
 *       Discovery", ICCV 2023).</li>
 *   <li>{@link org.ortho4j.core.orthogonal.CompactWY}: {@code Q = I − V T Vᵀ} (Schreiber and
 *       Van Loan 1989), one block of such a chain.</li>
 *   <li>{@link org.ortho4j.core.orthogonal.Givens}: plane rotations computed as LAPACK
 *       {@code dlartg} and applied to row or column pairs.</li>
 * </ul>
 *
 * <h2>Maps onto the orthogonal group</h2>
 * <ul>
 *   <li>{@link org.ortho4j.core.orthogonal.SkewSymmetric}: Cayley transform and matrix exponential
 *       of a skew-symmetric matrix (scaling and squaring with a [13/13] Padé approximant).</li>
 *   <li>{@link org.ortho4j.core.orthogonal.Haar}: seeded Haar-random orthogonal matrices and
 *       uniform orthonormal frames (Mezzadri 2007), reproducible across languages.</li>
 *   <li>Orthogonalization of a given matrix, i.e. its orthogonal polar factor {@code U Vᵀ} (the
 *       nearest orthogonal matrix in any unitarily invariant norm): the Newton–Schulz iterations
 *       (classes named {@code NewtonSchulz*}, including the tuned quintic iteration of the Muon
 *       optimizer, with float variants for the hot path), the SVD/polar reference (classes named
 *       {@code Polar*}) and the common interface they implement ({@code Orthogonalizer*}).</li>
 * </ul>
 *
 * <h2>Conventions</h2>
 * Matrices are row-major {@link org.ortho4j.core.linalg.Matrix} views; vectors are columns.
 * "Apply" methods work in place on their matrix argument and never form the orthogonal factor;
 * {@code toMatrix()} forms it when asked. Bad input (shape mismatch, NaN, a zero reflector
 * vector, β outside [0, 2], a non-skew matrix) throws {@link java.lang.IllegalArgumentException}
 * naming the parameter. Products built from parameters of a training loss accept any scale of
 * the vectors (a reflector depends only on the direction), and their gradients are with respect
 * to the raw vectors. Orthogonality guarantees are of the form {@code ‖QᵀQ − I‖_F ≤ c n ε}.
 */
package org.ortho4j.core.orthogonal;
