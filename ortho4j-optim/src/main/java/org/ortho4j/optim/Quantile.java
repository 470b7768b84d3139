package org.ortho4j.optim;

/**
 * Order statistics by selection (no full sort): expected O(N), in place on the given array range.
 * Used for ROOT's outlier threshold ({@code quantile_linear(|U|, 0.9)} over all entries of a
 * matrix, spec §5).
 */
final class Quantile {
    private Quantile() {}

    /**
     * The {@code q}-quantile of {@code a[0..n)} with linear interpolation, numpy's default
     * ({@code torch.quantile} "linear"): with the values sorted ascending {@code v_0..v_{n−1}},
     * {@code h = q·(n−1)}, result {@code v_⌊h⌋ + (h − ⌊h⌋)·(v_⌈h⌉ − v_⌊h⌋)}. Reorders
     * {@code a[0..n)}. Expected O(n) (quickselect with median-of-three pivots; a range that
     * partitions badly for too long is finished by sorting, so the worst case is O(n log n)).
     *
     * @throws IllegalArgumentException if {@code n < 1} or {@code q} is outside [0, 1]
     */
    static double linear(double[] a, int n, double q) {
        if (n < 1) throw new IllegalArgumentException("n = " + n + ", expected >= 1 values");
        if (!(q >= 0 && q <= 1)) throw new IllegalArgumentException("q = " + q + ", expected in [0, 1]");
        double h = q * (n - 1);
        int lo = (int) Math.floor(h);
        double vlo = select(a, n, lo);
        if (h == lo) return vlo;
        // After select, a[lo+1..n) holds exactly the values >= v_lo that rank above lo: v_hi is their minimum.
        double vhi = Double.POSITIVE_INFINITY;
        for (int i = lo + 1; i < n; i++) vhi = Math.min(vhi, a[i]);
        return vlo + (h - lo) * (vhi - vlo);
    }

    /**
     * Rearranges {@code a[0..n)} so that {@code a[k]} is the k-th smallest (0-based), everything
     * before it {@code ≤ a[k]} and everything after {@code ≥ a[k]}; returns {@code a[k]}.
     */
    static double select(double[] a, int n, int k) {
        int left = 0, right = n - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(n)) + 8;
        while (right > left) {
            if (budget-- == 0) {
                java.util.Arrays.sort(a, left, right + 1);
                return a[k];
            }
            int mid = (left + right) >>> 1;
            // median of three into a[mid]
            if (a[mid] < a[left]) swap(a, mid, left);
            if (a[right] < a[left]) swap(a, right, left);
            if (a[right] < a[mid]) swap(a, right, mid);
            double pivot = a[mid];
            int i = left, j = right;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) swap(a, i++, j--);
            }
            // now a[left..j] <= pivot <= a[i..right], and a[j+1..i-1] == pivot
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return a[k];
        }
        return a[k];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
