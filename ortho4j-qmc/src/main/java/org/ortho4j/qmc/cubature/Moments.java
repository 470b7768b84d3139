package org.ortho4j.qmc.cubature;

import java.util.List;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.PointSet;
import org.ortho4j.qmc.integrand.Integrand;

/**
 * Streaming sample mean and variance of a scalar integrand, optionally corrected by control
 * variates {@code y − Σ_c β_c (h_c − μ_c)}, over index ranges of a point set evaluated in blocks of
 * {@link #BLOCK} points (so the MC methods never hold more than one block in memory). Blocks are
 * merged with Chan, Golub and LeVeque's pairwise update of (count, mean, M2), which is stable.
 * Package-private.
 */
final class Moments {
    /** Points per evaluated block. */
    static final int BLOCK = 1 << 16;

    long count;
    double mean, m2;

    /** The sample variance (ddof = 1); NaN for fewer than two values. */
    double variance() { return count > 1 ? m2 / (count - 1) : Double.NaN; }

    /** Merges one block's values. */
    void add(double[] y, int len) {
        if (len == 0) return;
        double bm = 0;
        for (int i = 0; i < len; i++) bm += y[i];
        bm /= len;
        double bm2 = 0;
        for (int i = 0; i < len; i++) bm2 += (y[i] - bm) * (y[i] - bm);
        long total = count + len;
        double delta = bm - mean;
        mean += delta * len / total;
        m2 += bm2 + delta * delta * ((double) count * len / total);
        count = total;
    }

    /**
     * The moments of {@code f − Σ β_c (h_c − μ_c)} at points {@code [from, to)} of replication 0.
     *
     * @param beta one coefficient per control variate (may be empty)
     */
    static Moments of(Integrand f, List<ControlVariate> cvs, double[] beta, PointSet points, long from, long to) {
        Moments m = new Moments();
        for (long a = from; a < to; a += BLOCK) {
            long b = Math.min(to, a + BLOCK);
            Matrix x = points.points(a, b);
            double[] y = f.f(x).data;
            for (int c = 0; c < cvs.size(); c++) {
                double[] h = cvs.get(c).integrand().f(x).data;
                double mu = cvs.get(c).mean()[0];
                for (int i = 0; i < y.length; i++) y[i] -= beta[c] * (h[i] - mu);
            }
            m.add(y, y.length);
        }
        return m;
    }
}
