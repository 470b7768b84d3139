package org.ortho4j.qmc.cubature;

import java.util.function.DoubleUnaryOperator;

/**
 * Small numerical helpers of the stopping criteria (package-private): log-gamma, the regularized
 * incomplete beta function, Student-t tail and quantile, Brent's root finder and Brent's bounded
 * scalar minimizer. Each is written from the textbook algorithm (references inline) and tested
 * against scipy values.
 */
final class Stats {
    private Stats() {}

    private static final double HALF_LOG_2PI = 0.9189385332046728;
    private static final double EPS = 0x1.0p-52;

    /**
     * {@code ln Γ(x)} for {@code x > 0}: Stirling's series with 7 Bernoulli terms for x ≥ 10
     * (truncation error below 3e-17 there), after the upward shift
     * {@code ln Γ(x) = ln Γ(x + n) − ln(x (x+1) ⋯ (x+n−1))} for smaller x. Relative error about
     * 1e-15 away from the zeros of ln Γ at 1 and 2 (absolute ~1e-15 near them).
     */
    static double logGamma(double x) {
        if (!(x > 0)) throw new IllegalArgumentException("x = " + x + ", expected > 0");
        double shift = 0;
        while (x < 10) {
            shift += Math.log(x);
            x += 1;
        }
        double r = 1 / x, r2 = r * r;
        double series = r * (1.0 / 12 + r2 * (-1.0 / 360 + r2 * (1.0 / 1260 + r2 * (-1.0 / 1680 + r2 * (1.0 / 1188
                + r2 * (-691.0 / 360360 + r2 * (1.0 / 156)))))));
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series - shift;
    }

    /**
     * The regularized incomplete beta function {@code I_x(a, b)} given both {@code x} and
     * {@code y = 1 − x} (so callers can pass an accurately computed complement). Continued fraction
     * (DLMF 8.17.22) evaluated by the modified Lentz method, applied to whichever of
     * {@code I_x(a,b)} and {@code 1 − I_y(b,a)} lies in its fast-converging region
     * {@code x < (a+1)/(a+b+2)}.
     */
    static double incompleteBeta(double x, double y, double a, double b) {
        if (!(a > 0 && b > 0)) throw new IllegalArgumentException("a = " + a + ", b = " + b + ", expected both > 0");
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1))
            throw new IllegalArgumentException("x = " + x + ", y = " + y + ", expected in [0, 1] with x + y = 1");
        if (x == 0) return 0;
        if (y == 0) return 1;
        if (x < (a + 1) / (a + b + 2)) return betaContinuedFraction(x, y, a, b);
        return 1 - betaContinuedFraction(y, x, b, a);
    }

    /** {@code x^a y^b / (a B(a,b))} times the continued fraction; for x in the convergent region. */
    private static double betaContinuedFraction(double x, double y, double a, double b) {
        double logFront = a * Math.log(x) + b * Math.log(y) - Math.log(a)
                - (logGamma(a) + logGamma(b) - logGamma(a + b));
        final double tiny = 1e-300;
        double f = 1, cc = 1, dd = 0;   // Lentz: f = 1 + d_1/(1 + d_2/(1 + ...)), evaluated as b_0 = 1, a_k = d_k, b_k = 1
        for (int k = 1; k < 10_000; k++) {
            int m = k / 2;
            double dk = (k % 2 == 1)
                    ? -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
                    : m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            dd = 1 + dk * dd;
            if (Math.abs(dd) < tiny) dd = tiny;
            cc = 1 + dk / cc;
            if (Math.abs(cc) < tiny) cc = tiny;
            dd = 1 / dd;
            double delta = cc * dd;
            f *= delta;
            if (Math.abs(delta - 1) < 2 * EPS) break;
        }
        return Math.exp(logFront) / f;
    }

    /**
     * The upper tail {@code P(T > t)} of Student's t with {@code nu} degrees of freedom:
     * {@code ½ I_{ν/(ν+t²)}(ν/2, ½)} for t ≥ 0 (complement by symmetry), accurate in relative
     * terms deep in the tail.
     */
    static double studentUpperTail(double t, double nu) {
        if (!(nu > 0)) throw new IllegalArgumentException("nu = " + nu + ", expected > 0");
        if (Double.isNaN(t)) return Double.NaN;
        if (t < 0) return 1 - studentUpperTail(-t, nu);
        if (t == Double.POSITIVE_INFINITY) return 0;
        double t2 = t * t, x = nu / (nu + t2), y = t2 / (nu + t2);
        return 0.5 * incompleteBeta(x, y, nu / 2, 0.5);
    }

    /**
     * The upper quantile {@code t*} with {@code P(T > t*) = p} (i.e. {@code −t⁻¹_ν(p)}), for
     * {@code 0 < p <= 1/2}, by Brent's method on {@code [0, hi]}, hi doubled until it brackets.
     */
    static double studentUpperQuantile(double p, double nu) {
        if (!(p > 0 && p <= 0.5)) throw new IllegalArgumentException("p = " + p + ", expected in (0, 0.5]");
        if (p == 0.5) return 0;
        double hi = 1;
        while (studentUpperTail(hi, nu) > p) hi *= 2;
        // work with log tails so that the relative accuracy of tiny p is kept
        double logP = Math.log(p);
        return root(t -> Math.log(studentUpperTail(t, nu)) - logP, 0, hi, 0);
    }

    /**
     * A zero of f in {@code [a, b]} by Brent's method (R. P. Brent, <i>Algorithms for Minimization
     * without Derivatives</i>, 1973, ch. 4): inverse quadratic interpolation or secant steps,
     * falling back to bisection whenever they would not shrink the bracket fast enough; converges
     * to within {@code 2 eps |x| + xtol}.
     *
     * @throws IllegalArgumentException if f(a), f(b) do not bracket a zero
     */
    static double root(DoubleUnaryOperator f, double a, double b, double xtol) {
        double fa = f.applyAsDouble(a), fb = f.applyAsDouble(b);
        if (fa == 0) return a;
        if (fb == 0) return b;
        if (!(fa * fb < 0))
            throw new IllegalArgumentException("f(" + a + ") = " + fa + " and f(" + b + ") = " + fb + ", expected opposite signs");
        double c = a, fc = fa, d = b - a, e = d;
        for (int it = 0; it < 500; it++) {
            if (Math.abs(fc) < Math.abs(fb)) {     // b is the best estimate, c the contrapoint
                a = b; b = c; c = a;
                fa = fb; fb = fc; fc = fa;
            }
            double tol = 2 * EPS * Math.abs(b) + 0.5 * xtol, m = 0.5 * (c - b);
            if (Math.abs(m) <= tol || fb == 0) return b;
            if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
                double s = fb / fa, p, q;
                if (a == c) {                       // secant
                    p = 2 * m * s;
                    q = 1 - s;
                } else {                            // inverse quadratic interpolation
                    double qq = fa / fc, r = fb / fc;
                    p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) q = -q; else p = -p;
                if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
                    e = d;
                    d = p / q;
                } else {
                    d = m;
                    e = m;
                }
            } else {
                d = m;
                e = m;
            }
            a = b;
            fa = fb;
            b += Math.abs(d) > tol ? d : (m > 0 ? tol : -tol);
            fb = f.applyAsDouble(b);
            if ((fb > 0) == (fc > 0)) {             // keep the zero between b and c
                c = a;
                fc = fa;
                d = b - a;
                e = d;
            }
        }
        return b;
    }

    /**
     * A local minimizer of f on {@code [a, b]} by Brent's method (golden-section search with
     * parabolic interpolation; Brent 1973, ch. 5 — the algorithm of scipy's {@code fminbound}),
     * stopping when the bracket around the best point is below about {@code 2 (xtol/3 + √eps |x|)}.
     *
     * @return the abscissa of the minimum found
     */
    static double minimize(DoubleUnaryOperator f, double a, double b, double xtol) {
        final double golden = 0.5 * (3 - Math.sqrt(5)), sqrtEps = Math.sqrt(EPS);
        double x = a + golden * (b - a), w = x, v = x;
        double fx = f.applyAsDouble(x), fw = fx, fv = fx;
        double d = 0, e = 0;
        for (int it = 0; it < 500; it++) {
            double m = 0.5 * (a + b), tol1 = sqrtEps * Math.abs(x) + xtol / 3, tol2 = 2 * tol1;
            if (Math.abs(x - m) <= tol2 - 0.5 * (b - a)) break;
            boolean golden_step = true;
            if (Math.abs(e) > tol1) {               // try a parabola through x, w, v
                double r = (x - w) * (fx - fv), q = (x - v) * (fx - fw), p = (x - v) * q - (x - w) * r;
                q = 2 * (q - r);
                if (q > 0) p = -p; else q = -q;
                if (Math.abs(p) < Math.abs(0.5 * q * e) && p > q * (a - x) && p < q * (b - x)) {
                    e = d;
                    d = p / q;
                    double u = x + d;
                    if (u - a < tol2 || b - u < tol2) d = m >= x ? tol1 : -tol1;
                    golden_step = false;
                }
            }
            if (golden_step) {
                e = (x >= m ? a : b) - x;
                d = golden * e;
            }
            double u = x + (Math.abs(d) >= tol1 ? d : (d > 0 ? tol1 : -tol1));
            double fu = f.applyAsDouble(u);
            if (fu <= fx) {
                if (u >= x) a = x; else b = x;
                v = w; fv = fw;
                w = x; fw = fx;
                x = u; fx = fu;
            } else {
                if (u < x) a = u; else b = u;
                if (fu <= fw || w == x) {
                    v = w; fv = fw;
                    w = u; fw = fu;
                } else if (fu <= fv || v == x || v == w) {
                    v = u; fv = fu;
                }
            }
        }
        return x;
    }
}
