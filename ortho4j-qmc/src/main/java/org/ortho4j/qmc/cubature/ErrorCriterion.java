package org.ortho4j.qmc.cubature;

/** How absolute and relative tolerances combine (QMCPy {@code error_fun}). */
public enum ErrorCriterion {
    /** {@code tol(s) = max(absTol, relTol |s|)}: either tolerance suffices (QMCPy's default). */
    EITHER,
    /** {@code tol(s) = min(absTol, relTol |s|)}: both tolerances must hold. */
    BOTH
}
