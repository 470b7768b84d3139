package org.ortho4j.qmc.cubature;

/**
 * The credible-interval rule of the Bayesian cubatures (QMCPy {@code errbd_type}; Jagadeeswaran
 * and Hickernell 2019). QMCPy's {@code 'GCV'} option is not offered: its v2 code cannot run (it
 * calls an array, {@code temp(temp != 0)}), so there is no reference behaviour to match.
 */
public enum BayesErrorBound {
    /**
     * Empirical Bayes (maximum likelihood of the kernel's shape and scale, QMCPy's default):
     * half-width {@code z* √(DSC · RKHS / n)}, {@code DSC = |λ̊₀ / (n + λ̊₀)|}, z* = −Φ⁻¹(α/2).
     */
    MLE,
    /**
     * Full Bayes (scale integrated out): half-width {@code t* √(DSC · RKHS / (n − 1))},
     * {@code DSC = |λ̊₀ / n|}, t* the upper α/2 quantile of Student's t with nInit − 1 degrees of
     * freedom.
     */
    FULL
}
