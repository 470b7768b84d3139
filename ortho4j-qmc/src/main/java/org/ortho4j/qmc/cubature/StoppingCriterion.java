package org.ortho4j.qmc.cubature;

/**
 * An adaptive cubature: draws points until the integral's estimate meets a tolerance or the
 * sample budget runs out (QMCPy {@code AbstractStoppingCriterion}, spec qmc.md 2.14).
 * Implementations are immutable configurations; every {@link #integrate()} call starts afresh
 * from the beginning of the point sequence, so calls are repeatable.
 */
public interface StoppingCriterion {
    /**
     * Runs the cubature.
     *
     * @return the estimate, bounds and diagnostics
     * @throws org.ortho4j.qmc.integrand.NonFiniteValueException if the integrand produced NaN or an
     *     infinite value
     */
    IntegrationResult integrate();
}
