package org.ortho4j.qmc.cubature;

/** Why a stopping criterion stopped. */
public enum Termination {
    /** Every output met its tolerance. */
    CONVERGED,
    /**
     * The sample budget ({@code nLimit}) would have been exceeded by the next step: the estimate
     * and its bounds are reported, but the tolerance was not met for at least one output.
     */
    BUDGET_EXHAUSTED,
    /**
     * A two-stage method (CubMCCLT) spent its planned sample, but the final error bound, computed
     * from the second-stage variance, came out above the tolerance.
     */
    TOLERANCE_NOT_MET
}
