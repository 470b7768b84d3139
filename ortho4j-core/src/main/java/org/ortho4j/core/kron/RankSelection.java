package org.ortho4j.core.kron;

import org.ortho4j.core.Check;

/**
 * Rank rules for a descending spectrum {@code s} (KPSVD singular values; spec lowrank.md §4.2,
 * SoKA). Ranks are 1-based counts of kept terms.
 */
public final class RankSelection {
    private RankSelection() {}

    /** Smallest r with {@code Σ_{k≤r} s_k² ≥ tau · Σ_k s_k²}; tau in (0, 1]. Returns 0 for an all-zero spectrum. */
    public static int energy(double[] s, double tau) {
        check(s);
        if (!(tau > 0 && tau <= 1)) throw new IllegalArgumentException("tau = " + tau + ", expected in (0, 1]");
        double total = 0;
        for (double v : s) total += v * v;
        if (total == 0) return 0;
        double acc = 0;
        for (int r = 0; r < s.length; r++) {
            acc += s[r] * s[r];
            if (acc >= tau * total) return r + 1;
        }
        return s.length;
    }

    /**
     * Largest spectral gap: {@code argmax_{1≤k<K} (s_k − s_{k+1})}, the smallest k on ties (a
     * second-difference "knee" would land one index later). Returns K for K ≤ 1.
     */
    public static int elbow(double[] s) {
        check(s);
        if (s.length <= 1) return s.length;
        int best = 1;
        double gap = s[0] - s[1];
        for (int k = 2; k < s.length; k++) {
            double g = s[k - 1] - s[k];
            if (g > gap) { gap = g; best = k; }
        }
        return best;
    }

    /** SoKA's rule: {@code clamp(min(energy(s, tau), elbow(s)), 1, rMax)}. */
    public static int soka(double[] s, double tau, int rMax) {
        Check.positive("rMax", rMax);
        int r = Math.min(energy(s, tau), elbow(s));
        return Math.max(1, Math.min(rMax, r));
    }

    private static void check(double[] s) {
        Check.notNull("s", s);
        for (int i = 0; i < s.length; i++) {
            if (!(s[i] >= 0) || Double.isInfinite(s[i]))
                throw new IllegalArgumentException("s[" + i + "] = " + s[i] + ", expected a finite value >= 0");
            if (i > 0 && s[i] > s[i - 1])
                throw new IllegalArgumentException("s[" + i + "] = " + s[i] + " > s[" + (i - 1) + "] = " + s[i - 1] + ", expected a descending spectrum");
        }
    }
}
