package org.ortho4j.optim;

/**
 * An optimizer algorithm with its hyper-parameters — AdamW, SGD, Muon, NorMuon, AuON, ROOT,
 * low-rank (DCT/SVD) AdamW, Dion — independent of any parameter. Immutable and thread-safe; build
 * one with the subclass's builder and hand it to a {@link HybridOptimizer}, which creates one
 * state per parameter and runs the steps.
 *
 * <p>Common conventions (spec {@code optimizers.md} §0): the update of a 2-D parameter is computed
 * in the {@link Layout#OUT_IN} orientation ({@code m = fan_out} rows, {@code n = fan_in}
 * columns); weight decay is decoupled, {@code W ← W·(1 − lr·wd)} with the scheduled but
 * <i>unadjusted</i> learning rate, applied together with the update; the learning rate given to a
 * rule is multiplied by the optimizer's {@link LrSchedule} at every step.
 *
 * <p>The set of rules is closed (package-private constructor): every rule's state must be
 * serializable by the state file and obey the no-allocation contract of the step.
 */
public abstract class UpdateRule {
    UpdateRule() {}

    /**
     * Stable identifier of the algorithm, written to state files and checked on load, e.g.
     * {@code "Muon"}, {@code "AdamW"}. Hyper-parameters are not part of it, so a run can be
     * resumed with a changed learning rate.
     */
    public abstract String id();

    /** The base learning rate (before the schedule). */
    public abstract double lr();

    /** The decoupled weight-decay coefficient. */
    public abstract double weightDecay();

    /** True when the rule only accepts parameters with {@code ndim ≥ 2} (the matrix optimizers). */
    public boolean matrixOnly() { return true; }

    /** All hyper-parameters on one line, for logs. */
    public abstract String describe();

    /** Creates the zero state for {@code p} (allocates its persistent buffers). */
    abstract RuleState newState(Parameter p);

    /** {@link #describe()}. */
    @Override
    public String toString() { return describe(); }
}
