package org.ortho4j.qmc.cubature;

/**
 * The wavenumber map κ of the cone-based QMC cubatures (QMCPy {@code _update_kappanumap}, GAIL
 * {@code cubSobol_g} / {@code cubLattice_g}; spec qmc.md 2.14): a permutation of {@code 0..n−1}
 * that pairs each coefficient with its aliases so that {@code |ỹ[κ[p]]|} roughly decreases with
 * p. Package-private.
 */
final class WavenumberMap {
    private WavenumberMap() {}

    /** The identity map of length n. */
    static int[] identity(int n) {
        int[] k = new int[n];
        for (int i = 0; i < n; i++) k[i] = i;
        return k;
    }

    /** {@code [κ, κ + n]} for the doubled sample. */
    static int[] doubled(int[] kappa) {
        int n = kappa.length;
        int[] k = new int[2 * n];
        for (int i = 0; i < n; i++) {
            k[i] = kappa[i];
            k[i + n] = kappa[i] + n;
        }
        return k;
    }

    /**
     * For {@code l = from} down to {@code to + 1} with {@code n_l = 2^l}: for every position
     * {@code p ∈ [1, n_l)} where {@code |ỹ[κ[n_l + p]]| > |ỹ[κ[p]]|} (tested before any swap at
     * this l), swap {@code κ[p + a] ↔ κ[n_l + p + a]} for all {@code a ∈ {0, 2^{l+1}, 2·2^{l+1}, …}}
     * below {@code 2^m − 1}.
     */
    static void update(int[] kappa, Spectrum y, int from, int to, int m) {
        long n = 1L << m;
        boolean[] flip = new boolean[kappa.length];
        for (int l = from; l > to; l--) {
            int nl = 1 << l;
            for (int p = 1; p < nl; p++) flip[p] = y.magnitude(kappa[nl + p]) > y.magnitude(kappa[p]);
            long step = 2L * nl;
            for (int p = 1; p < nl; p++) {
                if (!flip[p]) continue;
                for (long a = 0; a < n - 1; a += step) {
                    int i = (int) (p + a), j = (int) (nl + p + a);
                    int t = kappa[i];
                    kappa[i] = kappa[j];
                    kappa[j] = t;
                }
            }
        }
    }
}
