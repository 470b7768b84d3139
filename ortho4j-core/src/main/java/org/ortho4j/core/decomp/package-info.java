/**
 * Dense matrix decompositions and solvers, all computed by LAPACK through dev.ludovic.netlib;
 * nothing numerical is hand-written here.
 *
 * <h2>Contents</h2>
 * <ul>
 *   <li>{@link org.ortho4j.core.decomp.QrDecomposition} (dgelqf + dorglq on {@code A^T}): thin or full Q, R;</li>
 *   <li>{@link org.ortho4j.core.decomp.SvdDecomposition} (dgesdd, falling back to dgesvd): thin, full or values only;</li>
 *   <li>{@link org.ortho4j.core.decomp.SymmetricEigen} (dsyevd): ascending eigenvalues, orthonormal eigenvectors;</li>
 *   <li>{@link org.ortho4j.core.decomp.Eigen} (dgeev): complex eigenvalues and right eigenvectors of a
 *       general real matrix, as a {@link org.ortho4j.core.decomp.ComplexMatrix};</li>
 *   <li>{@link org.ortho4j.core.decomp.CholeskyDecomposition} (dpotrf, dpotrs) and
 *       {@link org.ortho4j.core.decomp.LuDecomposition} (dgetrf, dgetrs, dgecon);</li>
 *   <li>{@link org.ortho4j.core.decomp.Solvers}: {@code solve}, {@code leastSquares} (dgelsd),
 *       {@code pinv}, {@code logDet}.</li>
 * </ul>
 *
 * <h2>Usage</h2>
 * Decompositions are reusable objects (model: EJML's {@code QRDecompositionHouseholderColumn_DDRM}):
 * {@code decompose(A)} factors and returns {@code this}, getters then return new matrices. An
 * object keeps its LAPACK workspace between calls, so reusing it for many matrices avoids
 * reallocating. Every class also has a static one-liner ({@code QrDecomposition.of(a)},
 * {@code SvdDecomposition.singularValues(a)}, ...). Objects are not thread-safe; inputs are
 * never modified and may be views.
 *
 * <h2>Layout</h2>
 * ortho4j matrices are row-major, LAPACK is column-major, and a row-major array holding A is a
 * column-major array holding {@code A^T}. Each class picks the cheapest correct mapping and
 * documents it: QR and SVD factor {@code A^T} directly and read their outputs already in
 * row-major order; Cholesky and the symmetric eigensolver use {@code A = A^T}; LU and the general
 * eigensolver, which must copy their input anyway, copy it transposed at the cost of a plain copy.
 *
 * <h2>Errors</h2>
 * <ul>
 *   <li>null, NaN or infinite inputs, wrong shapes, non-symmetric input to the symmetric routines:
 *       {@link java.lang.IllegalArgumentException} naming the parameter;</li>
 *   <li>not positive definite: {@link org.ortho4j.core.decomp.NotPositiveDefiniteException}
 *       (an IllegalArgumentException) with the order of the failing leading minor;</li>
 *   <li>solve with an exactly singular matrix: {@link org.ortho4j.core.decomp.SingularMatrixException}
 *       naming the zero pivot;</li>
 *   <li>any other nonzero LAPACK {@code info} (non-convergence):
 *       {@link org.ortho4j.core.decomp.LapackException}, naming routine and code.</li>
 * </ul>
 *
 * <h2>Which LAPACK</h2>
 * {@link org.ortho4j.core.decomp.Lapack#get()}: the system LAPACK via JNI when it loads, else
 * netlib's pure-Java F2J build; {@code -Dorg.ortho4j.lapack=java|native} forces one, and every
 * class accepts a {@code dev.ludovic.netlib.lapack.LAPACK} in its constructor.
 */
package org.ortho4j.core.decomp;
