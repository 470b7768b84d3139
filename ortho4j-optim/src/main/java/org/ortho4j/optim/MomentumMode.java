package org.ortho4j.optim;

/**
 * The two momentum conventions of the Muon family (spec {@code optimizers.md} §1.6). With
 * gradient {@code G}, buffer {@code M} and coefficient {@code β}:
 * <ul>
 *   <li>{@link #EMA} (KellerJordan/Muon, NorMuon, AuON): {@code M ← β·M + (1−β)·G}; Nesterov
 *       input {@code U = (1−β)·G + β·M}; plain {@code U = M}.</li>
 *   <li>{@link #SUM} ({@code torch.optim.Muon}, Dion, ROOT, SGD): {@code M ← β·M + G}; Nesterov
 *       input {@code U = G + β·M}; plain {@code U = M}.</li>
 * </ul>
 * EMA-Nesterov is exactly {@code (1−β)} times SUM-Nesterov, so after the Frobenius normalization
 * inside Newton–Schulz both give the same orthogonalized update up to the {@code eps} term; they
 * differ for unnormalized updates (AuON {@code PACKAGE}, SGD).
 */
public enum MomentumMode {
    /** Exponential moving average, {@code M ← lerp(M, G, 1−β)}. */
    EMA,
    /** Heavy-ball sum without dampening, {@code M ← β·M + G}. */
    SUM;

    /**
     * Updates {@code m} in place and writes the update input to {@code u}: the Nesterov look-ahead
     * when {@code nesterov}, else {@code M} itself ({@code u} may then be {@code m}, and nothing
     * is written). One pass over the {@code size} elements; no allocation.
     */
    void apply(double beta, boolean nesterov, Dense m, Dense g, Dense u) {
        int n = m.size;
        boolean copyM = !nesterov && u != m;
        if (this == EMA) {
            double w = 1 - beta;
            for (int i = 0; i < n; i++) {
                double gi = g.get(i), mi = m.get(i);
                m.set(i, mi + w * (gi - mi));
                mi = m.get(i);
                if (nesterov) u.set(i, gi + beta * (mi - gi));
                else if (copyM) u.set(i, mi);
            }
        } else {
            for (int i = 0; i < n; i++) {
                double gi = g.get(i);
                m.set(i, beta * m.get(i) + gi);
                double mi = m.get(i);
                if (nesterov) u.set(i, gi + beta * mi);
                else if (copyM) u.set(i, mi);
            }
        }
    }
}
