package org.ortho4j.core.kron;

import java.util.List;
import org.ortho4j.core.Check;
import org.ortho4j.core.decomp.SymmetricEigen;
import org.ortho4j.core.linalg.Matrix;

/**
 * Eigen-structure of a Kronecker product {@code K = K1 ⊗ ... ⊗ Kd} or Kronecker sum
 * {@code K = K1 ⊕ ... ⊕ Kd = Σ_k I ⊗ .. ⊗ K_k ⊗ .. ⊗ I} of symmetric factors, from the factors'
 * eigen-decompositions {@code K_k = Q_k Λ_k Q_k^T} (spec scientific.md §0.4). With
 * {@code Q = ⊗ Q_k} the matrix is {@code Q diag(λ) Q^T} where λ is the outer product (PRODUCT) or
 * the outer sum (SUM) of the factor eigenvalues, first factor slowest. Hence
 * <pre>
 *   (K + s I)^{-1} y = Q [ (Q^T y) ./ (λ + s) ],     log det (K + s I) = Σ log(λ + s)
 * </pre>
 * in {@code O(Σ n_k³ + N Σ n_k)} instead of {@code O(N³)}. Factor eigenvalues below zero from
 * round-off are clipped to 0 in PRODUCT mode (the factors are meant to be PSD kernel matrices);
 * {@link #clippedEigenvalues()} says how many were.
 */
public final class KroneckerEigen {
    /** How the factors combine. */
    public enum Structure {
        /** {@code K1 ⊗ ... ⊗ Kd}. */
        PRODUCT,
        /** {@code K1 ⊕ ... ⊕ Kd}. */
        SUM
    }

    private final Structure structure;
    private final Matrix[] q;
    private final double[][] lambda;
    private final double[] combined;
    private final int clipped;

    private KroneckerEigen(Structure structure, List<Matrix> factors) {
        this.structure = Check.notNull("structure", structure);
        if (factors == null || factors.isEmpty()) throw new IllegalArgumentException("factors is empty, expected at least one symmetric matrix");
        int d = factors.size(), clip = 0;
        q = new Matrix[d];
        lambda = new double[d][];
        for (int k = 0; k < d; k++) {
            Matrix f = Check.notNull("factors[" + k + "]", factors.get(k));
            if (!f.isSquare()) throw new IllegalArgumentException("factors[" + k + "] is " + f.rows + "x" + f.cols + ", expected square");
            SymmetricEigen e = SymmetricEigen.of(f);
            q[k] = e.getEigenvectors();
            lambda[k] = e.getEigenvalues();
            if (structure == Structure.PRODUCT)
                for (int i = 0; i < lambda[k].length; i++)
                    if (lambda[k][i] < 0) { lambda[k][i] = 0; clip++; }
        }
        clipped = clip;
        combined = structure == Structure.PRODUCT ? Kronecker.kronDiagonal(lambda) : outerSum(lambda);
    }

    /** Decomposes the factors of a Kronecker product. */
    public static KroneckerEigen product(List<Matrix> symmetricFactors) { return new KroneckerEigen(Structure.PRODUCT, symmetricFactors); }

    /** Decomposes the factors of a Kronecker sum. */
    public static KroneckerEigen sum(List<Matrix> symmetricFactors) { return new KroneckerEigen(Structure.SUM, symmetricFactors); }

    private static double[] outerSum(double[][] ls) {
        double[] out = {0.0};
        for (double[] l : ls) {
            double[] next = new double[out.length * l.length];
            for (int i = 0; i < out.length; i++)
                for (int j = 0; j < l.length; j++) next[i * l.length + j] = out[i] + l[j];
            out = next;
        }
        return out;
    }

    /** The structure. */
    public Structure structure() { return structure; }

    /** Order N of the full matrix. */
    public int size() { return combined.length; }

    /** All N eigenvalues, in Kronecker order (not sorted); a copy. */
    public double[] eigenvalues() { return combined.clone(); }

    /** Number of negative factor eigenvalues clipped to 0 (PRODUCT only). */
    public int clippedEigenvalues() { return clipped; }

    /** {@code (K + shift I) x}, through the eigen-decomposition. */
    public double[] multiply(double[] x, double shift) {
        return apply(x, shift, false);
    }

    /**
     * {@code (K + shift I)^{-1} y}.
     *
     * @throws ArithmeticException if some {@code λ + shift} is zero (K + shift I singular)
     */
    public double[] solve(double[] y, double shift) {
        return apply(y, shift, true);
    }

    /** {@code log det (K + shift I) = Σ log(λ + shift)}; requires every {@code λ + shift > 0}. */
    public double logDet(double shift) {
        Check.finite("shift", shift);
        double s = 0;
        for (double l : combined) {
            double v = l + shift;
            if (!(v > 0)) throw new ArithmeticException("eigenvalue + shift = " + v + " <= 0: K + shift I is not positive definite");
            s += Math.log(v);
        }
        return s;
    }

    private double[] apply(double[] x, double shift, boolean inverse) {
        Check.notNull("x", x);
        Check.dimension("x.length", x.length, combined.length);
        Check.finite("shift", shift);
        double[] t = Kronecker.matvec(q, x, true);
        for (int i = 0; i < t.length; i++) {
            double v = combined[i] + shift;
            if (inverse) {
                if (v == 0) throw new ArithmeticException("eigenvalue + shift = 0 at index " + i + ": K + shift I is singular");
                t[i] /= v;
            } else t[i] *= v;
        }
        return Kronecker.matvec(q, t, false);
    }
}
