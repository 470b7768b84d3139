package org.ortho4j.optim;

/**
 * State of the momentum-based matrix rules (Muon, NorMuon, ROOT, AuON): one persistent
 * momentum buffer {@code m} in the OUT_IN orientation.
 */
abstract class MomentumState extends RuleState {
    final Dense momentumBuffer;

    MomentumState(UpdateRule rule, Parameter p) {
        super(rule, p);
        momentumBuffer = persistent("m", rows, cols);
    }

    /**
     * Updates the momentum with gradient {@code g} and returns the update input {@code U}: the
     * Nesterov look-ahead written over {@code g} (a scratch buffer), or the momentum buffer itself
     * (which callers must then not modify). Traces {@code state_m}.
     */
    final Dense advance(Workspace ws, Parameter p, MomentumMode mode, double beta, boolean nesterov, Dense g) {
        Dense u = nesterov ? g : momentumBuffer;
        mode.apply(beta, nesterov, momentumBuffer, g, u);
        ws.trace(p, "state_m", momentumBuffer);
        return u;
    }
}
