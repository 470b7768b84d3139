package org.ortho4j.optim;

/**
 * Shape-dependent learning-rate factor {@code s(m, n)} of an orthogonalized update (spec
 * {@code optimizers.md} §1.7), for a matrix of {@code m} rows (fan-out) and {@code n} columns
 * (fan-in) in the {@link Layout#OUT_IN} orientation. The update is {@code W ← W − lr·s·O}; weight
 * decay always uses the unscaled {@code lr}.
 */
public enum LrAdjust {
    /** {@code s = max(1, m/n)^½}: KellerJordan/Muon, NorMuon code, {@code torch.optim.Muon} "original". */
    KELLER_JORDAN,
    /** {@code s = 0.2·sqrt(max(m, n))} (Moonlight; ROOT; torch "match_rms_adamw"; dion "rms_norm"): update RMS ≈ 0.2, so AdamW's lr/wd transfer. */
    MATCH_RMS_ADAMW,
    /** {@code s = sqrt(m/n)} = sqrt(fan_out/fan_in) (dion "spectral_norm", Dion). */
    SPECTRAL,
    /** {@code s = 1}. */
    NONE;

    /**
     * The factor for an {@code m×n} matrix ({@code m, n ≥ 1}).
     *
     * @param m rows (fan-out)
     * @param n columns (fan-in)
     * @return {@code s(m, n) > 0}
     */
    public double scale(int m, int n) {
        return switch (this) {
            case KELLER_JORDAN -> Math.sqrt(Math.max(1.0, (double) m / n));
            case MATCH_RMS_ADAMW -> 0.2 * Math.sqrt(Math.max(m, n));
            case SPECTRAL -> Math.sqrt((double) m / n);
            case NONE -> 1.0;
        };
    }
}
