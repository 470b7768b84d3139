package org.ortho4j.core.decomp;

/**
 * A linear solve with an exactly singular LU factor: LAPACK's {@code dgetrf} produced a zero
 * pivot {@code U(k, k) = 0} (0-based {@link #pivot()}), so {@code A X = B} has no unique solution.
 * Nearly singular matrices do not raise this; check {@link LuDecomposition#rcond()} for those.
 */
public class SingularMatrixException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    /** @serial 0-based index of the zero pivot */
    private final int pivot;

    /**
     * An exception for matrix {@code name} with zero pivot {@code U(pivot, pivot)}.
     *
     * @param name the parameter name of the matrix
     * @param pivot 0-based index k of the first zero diagonal element of U
     */
    public SingularMatrixException(String name, int pivot) {
        super(name + " is singular: zero pivot U(" + pivot + ", " + pivot + ") = 0 in its LU factorization"
                + " (0-based; dgetrf info = " + (pivot + 1) + ")");
        this.pivot = pivot;
    }

    /** 0-based index k of the first zero pivot {@code U(k, k)}. */
    public int pivot() { return pivot; }
}
