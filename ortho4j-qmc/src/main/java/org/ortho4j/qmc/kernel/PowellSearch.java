package org.ortho4j.qmc.kernel;

import java.util.function.DoubleUnaryOperator;

/**
 * A small derivative-free maximizer over a box {@code lo <= theta <= hi} in R^m: Powell's method of
 * conjugate directions with golden-section line searches, used for the marginal likelihood of
 * {@link LdGaussianProcess} (m = 1 .. d + 1). No dependency.
 *
 * <p>Each <i>sweep</i> maximizes along every direction of the current set in turn (initially the
 * coordinate axes), then along the sweep's total displacement {@code theta - theta_start}, and
 * replaces the direction that gained most by that displacement (Powell's rule, which avoids the
 * zig-zag of plain coordinate ascent along a diagonal or curved ridge); the set is reset to the axes
 * every m + 1 sweeps so it cannot collapse. A line search maximizes
 * {@code g(s) = f(clip(theta + s u))} by golden-section on {@code [-h, h]}, {@code h = 1} (widened 4x,
 * at most 6 times, while the maximizer sits at a bracket end), to width {@link #XTOL}; points are
 * clipped into the box. Moves are accepted only if they increase f, so f never decreases, and
 * {@code -infinity} marks infeasible points. The search stops when a sweep improves f by at most
 * {@code tolerance (1 + |f|)} (converged) or after {@code maxSweeps} sweeps. The result is a local
 * maximum. Deterministic. Reference: Press et al., <i>Numerical Recipes</i>, 3rd ed., Sec. 10.7.
 */
final class PowellSearch {
    private PowellSearch() {}

    /** Bracket width at which a line search stops (in the units of theta times |u| = 1). */
    static final double XTOL = 1e-4;
    private static final double INV_PHI = (Math.sqrt(5) - 1) / 2;
    private static final int MAX_WIDENINGS = 6;

    /** The function to maximize. */
    @FunctionalInterface
    interface Function {
        double value(double[] theta);
    }

    /** The maximizer found, its value and the effort. */
    record Result(double[] argmax, double value, int sweeps, int evaluations, boolean converged) {}

    /** Maximizes f from {@code start} (clipped into the box); coordinates with {@code lo == hi} stay fixed. */
    static Result maximize(Function f, double[] lo, double[] hi, double[] start, int maxSweeps, double tolerance) {
        int m = start.length;
        int[] count = {0};
        Function fc = t -> {
            count[0]++;
            return f.value(t);
        };
        double[] theta = clip(start, lo, hi);
        double best = fc.value(theta);
        double[][] dirs = axes(lo, hi);
        int sweep = 0;
        boolean converged = dirs.length == 0;
        while (!converged && sweep < maxSweeps) {
            sweep++;
            if (sweep % (m + 1) == 0) dirs = axes(lo, hi);
            double before = best;
            double[] origin = theta.clone();
            int largest = 0;
            double largestGain = 0;
            for (int i = 0; i < dirs.length; i++) {
                double[] trial = theta.clone();
                double v = line(fc, trial, dirs[i], lo, hi);
                if (v > best) {
                    if (v - best > largestGain) {
                        largestGain = v - best;
                        largest = i;
                    }
                    best = v;
                    theta = trial;
                }
            }
            double[] step = new double[m];
            double norm = 0;
            for (int c = 0; c < m; c++) {
                step[c] = theta[c] - origin[c];
                norm += step[c] * step[c];
            }
            if (norm > 0) {
                norm = Math.sqrt(norm);
                for (int c = 0; c < m; c++) step[c] /= norm;
                double[] trial = theta.clone();
                double v = line(fc, trial, step, lo, hi);
                if (v > best) {
                    best = v;
                    theta = trial;
                }
                dirs[largest] = step;
            }
            converged = best - before <= tolerance * (1 + Math.abs(best));
        }
        return new Result(theta, best, sweep, count[0], converged);
    }

    /** Unit vectors of the coordinates that are free ({@code lo < hi}). */
    private static double[][] axes(double[] lo, double[] hi) {
        int free = 0;
        for (int c = 0; c < lo.length; c++) if (lo[c] < hi[c]) free++;
        double[][] d = new double[free][];
        for (int c = 0, i = 0; c < lo.length; c++) {
            if (lo[c] == hi[c]) continue;
            d[i] = new double[lo.length];
            d[i++][c] = 1;
        }
        return d;
    }

    /** Maximizes along u from theta (updated in place to the argmax); returns the value there. */
    private static double line(Function f, double[] theta, double[] u, double[] lo, double[] hi) {
        double[] base = theta.clone();
        DoubleUnaryOperator g = s -> f.value(clip(along(base, u, s), lo, hi));
        double center = 0, h = 1;
        double[] arg = new double[1];
        double v = 0;
        for (int w = 0; w <= MAX_WIDENINGS; w++) {
            double a = center - h, b = center + h;
            v = golden(g, a, b, arg);
            if (arg[0] - a >= XTOL && b - arg[0] >= XTOL) break;
            center = arg[0];
            h *= 4;
        }
        double[] p = clip(along(base, u, arg[0]), lo, hi);
        System.arraycopy(p, 0, theta, 0, p.length);
        return v;
    }

    /** Golden-section maximization of g on [a, b] to width {@link #XTOL}; the argmax goes to {@code arg[0]}. */
    private static double golden(DoubleUnaryOperator g, double a, double b, double[] arg) {
        return golden(g, a, b, XTOL, arg);
    }

    /** Golden-section maximization of g on [a, b] to width {@code xtol}; the argmax goes to {@code arg[0]}. */
    static double golden(DoubleUnaryOperator g, double a, double b, double xtol, double[] arg) {
        double x1 = b - INV_PHI * (b - a), x2 = a + INV_PHI * (b - a);
        double f1 = g.applyAsDouble(x1), f2 = g.applyAsDouble(x2);
        while (b - a > xtol) {
            if (f1 >= f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - INV_PHI * (b - a);
                f1 = g.applyAsDouble(x1);
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + INV_PHI * (b - a);
                f2 = g.applyAsDouble(x2);
            }
        }
        arg[0] = f1 >= f2 ? x1 : x2;
        return Math.max(f1, f2);
    }

    private static double[] along(double[] base, double[] u, double s) {
        double[] p = base.clone();
        for (int c = 0; c < p.length; c++) p[c] += s * u[c];
        return p;
    }

    private static double[] clip(double[] v, double[] lo, double[] hi) {
        double[] p = new double[v.length];
        for (int c = 0; c < p.length; c++) p[c] = Math.max(lo[c], Math.min(hi[c], v[c]));
        return p;
    }
}
