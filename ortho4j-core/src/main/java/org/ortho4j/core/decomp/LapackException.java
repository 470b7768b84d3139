package org.ortho4j.core.decomp;

/**
 * A LAPACK routine reported failure ({@code info != 0}) where that is not an expected outcome
 * of the input (e.g. an iteration that did not converge). The message names the routine, the
 * code and what LAPACK documents it to mean, e.g.
 * {@code "dgeev returned info = 3: the QR algorithm failed to compute all eigenvalues"}.
 */
public class LapackException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    /** @serial the routine that failed */
    private final String routine;
    /** @serial its info code */
    private final int info;

    /**
     * An exception for {@code routine} returning {@code info}.
     *
     * @param routine LAPACK routine name, lower case (e.g. {@code dgesdd})
     * @param info the routine's {@code info} output
     * @param meaning what that code means for this routine
     */
    public LapackException(String routine, int info, String meaning) {
        super(routine + " returned info = " + info + ": " + meaning);
        this.routine = routine;
        this.info = info;
    }

    /** The routine that failed. */
    public String routine() { return routine; }

    /** Its {@code info} code (negative: argument -info was illegal; positive: routine-specific). */
    public int info() { return info; }
}
