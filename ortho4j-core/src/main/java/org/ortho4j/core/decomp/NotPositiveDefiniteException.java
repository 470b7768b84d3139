package org.ortho4j.core.decomp;

/**
 * The matrix given to a Cholesky factorization is not (numerically) positive definite: LAPACK's
 * {@code dpotrf} found that the leading minor of order {@link #minorOrder()} is not positive.
 * An {@link IllegalArgumentException} because the input violates the routine's precondition.
 */
public class NotPositiveDefiniteException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** @serial order of the failing leading minor */
    private final int minorOrder;

    /**
     * An exception for matrix {@code name} whose leading minor of order {@code minorOrder} is not positive.
     *
     * @param name the parameter name of the matrix
     * @param minorOrder order k (1-based) of the first leading minor that is not positive
     */
    public NotPositiveDefiniteException(String name, int minorOrder) {
        super(name + " is not positive definite: the leading minor of order " + minorOrder
                + " is not positive (dpotrf info = " + minorOrder + ")");
        this.minorOrder = minorOrder;
    }

    /** Order k (1-based) of the first leading minor {@code a[0..k-1][0..k-1]} that is not positive. */
    public int minorOrder() { return minorOrder; }
}
