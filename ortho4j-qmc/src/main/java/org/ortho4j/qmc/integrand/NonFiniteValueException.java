package org.ortho4j.qmc.integrand;

/**
 * An integrand produced NaN or an infinite value: the cubature stops rather than returning a
 * meaningless estimate. The message names the integrand, the output, the point index and the
 * point (in the unit cube and in the measure's space).
 */
public class NonFiniteValueException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was evaluated where
     */
    public NonFiniteValueException(String message) { super(message); }
}
