/**
 * Integrands of ortho4j-qmc (QMCPy's {@code integrand} layer, spec qmc.md 2.13): the
 * {@link org.ortho4j.qmc.integrand.Integrand} contract (a function g against a true measure,
 * evaluated in batches, vector outputs allowed, non-finite values rejected with
 * {@link org.ortho4j.qmc.integrand.NonFiniteValueException}) and the standard test problems —
 * Keister, financial options, Genz, Ishigami, Linear0, box integrals — with their closed-form
 * values where known, plus {@link org.ortho4j.qmc.integrand.CustomIntegrand} for user functions.
 */
package org.ortho4j.qmc.integrand;
