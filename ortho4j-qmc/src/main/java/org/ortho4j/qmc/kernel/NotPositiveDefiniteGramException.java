package org.ortho4j.qmc.kernel;

/**
 * A structured Gram matrix ({@link FastGram}) is not numerically positive definite: one of its
 * eigenvalues is not above the round-off threshold, so a solve or log-determinant would be
 * meaningless. Thrown instead of returning NaN or infinities. Adding a nugget
 * ({@link FastGram#withNugget}), lowering the weights {@code gamma} or the smoothness, or using
 * fewer points makes the matrix better conditioned.
 *
 * <p>An {@link IllegalArgumentException} because the kernel and points given to the factory violate
 * the precondition of the operation (as core's Cholesky does).
 */
public class NotPositiveDefiniteGramException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** @serial position of the offending eigenvalue in transform order */
    private final int index;
    /** @serial the offending eigenvalue */
    private final double eigenvalue;
    /** @serial the threshold it had to exceed */
    private final double threshold;

    /**
     * @param index      position of the eigenvalue in transform order
     * @param eigenvalue its value
     * @param threshold  the value it had to exceed
     */
    public NotPositiveDefiniteGramException(int index, double eigenvalue, double threshold) {
        super("Gram matrix is not numerically positive definite: eigenvalue[" + index + "] = " + eigenvalue
                + ", expected > " + threshold + " (n eps max|lambda|); add a nugget (FastGram.withNugget) or "
                + "reduce gamma or the smoothness");
        this.index = index;
        this.eigenvalue = eigenvalue;
        this.threshold = threshold;
    }

    /** Position of the offending eigenvalue in transform order. */
    public int index() { return index; }

    /** The offending eigenvalue. */
    public double eigenvalue() { return eigenvalue; }

    /** The threshold it had to exceed. */
    public double threshold() { return threshold; }
}
