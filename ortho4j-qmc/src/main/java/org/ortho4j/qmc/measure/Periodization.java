package org.ortho4j.qmc.measure;

import org.ortho4j.core.linalg.Matrix;

/**
 * Periodizing variable transforms of the unit cube (QMCPy's {@code periodization_transform},
 * spec qmc.md 2.12), applied coordinate-wise before the measure's map:
 * {@code ∫ f(x) dx = ∫ f(ψ(x)) Π_j ψ'(x_j) dx}. Lattice rules converge faster on periodic
 * integrands; the smooth transforms make {@code f∘ψ · Πψ'} periodic with matching derivatives.
 *
 * <table>
 *   <caption>transforms</caption>
 *   <tr><th>name</th><th>ψ(x)</th><th>ψ'(x)</th></tr>
 *   <tr><td>NONE</td><td>x</td><td>1</td></tr>
 *   <tr><td>BAKER</td><td>1 − 2|x − ½|</td><td>1 (measure preserving, not a bijection)</td></tr>
 *   <tr><td>C0</td><td>3x² − 2x³</td><td>6x(1 − x)</td></tr>
 *   <tr><td>C1</td><td>x³(10 − 15x + 6x²)</td><td>30x²(1 − x)²</td></tr>
 *   <tr><td>C1SIN</td><td>x − sin(2πx)/(2π)</td><td>2 sin²(πx)</td></tr>
 *   <tr><td>C2SIN</td><td>(8 − 9 cos πx + cos 3πx)/16</td><td>(9π sin πx − 3π sin 3πx)/16</td></tr>
 *   <tr><td>C3SIN</td><td>(12πx − 8 sin 2πx + sin 4πx)/(12π)</td><td>(12π − 16π cos 2πx + 4π cos 4πx)/(12π)</td></tr>
 * </table>
 * As in QMCPy, ψ of C1, C1SIN, C2SIN and C3SIN is clamped into {@code [ε, 1 − ε]} (ε = 2^-52).
 * <b>QMCPy defect not copied:</b> its C3SIN weight uses {@code sin 4πx} where the derivative has
 * {@code cos 4πx} (with its weight ∫ψψ' = 0.47790 instead of ½); this is the correct derivative.
 */
public enum Periodization {
    /** The identity. */
    NONE,
    /** Baker's (tent) transform. */
    BAKER,
    /** C^0 polynomial transform. */
    C0,
    /** C^1 polynomial transform. */
    C1,
    /** C^1 sine transform (QMCPy's default for Bayesian lattice cubature). */
    C1SIN,
    /** C^2 sine transform. */
    C2SIN,
    /** C^3 sine transform. */
    C3SIN;

    private static final double EPS = 0x1.0p-52;

    /**
     * ψ(x).
     *
     * @param x a coordinate in [0, 1]
     * @return the transformed coordinate in [0, 1]
     */
    public double psi(double x) {
        return switch (this) {
            case NONE -> x;
            case BAKER -> 1 - 2 * Math.abs(x - 0.5);
            case C0 -> x * x * (3 - 2 * x);
            case C1 -> clamp(x * x * x * (10 - 15 * x + 6 * x * x));
            case C1SIN -> clamp(x - Math.sin(2 * Math.PI * x) / (2 * Math.PI));
            case C2SIN -> clamp((8 - 9 * Math.cos(Math.PI * x) + Math.cos(3 * Math.PI * x)) / 16);
            case C3SIN -> clamp((12 * Math.PI * x - 8 * Math.sin(2 * Math.PI * x) + Math.sin(4 * Math.PI * x)) / (12 * Math.PI));
        };
    }

    /**
     * ψ'(x), the weight factor of one coordinate.
     *
     * @param x a coordinate in [0, 1]
     * @return ψ'(x) ≥ 0
     */
    public double derivative(double x) {
        return switch (this) {
            case NONE, BAKER -> 1;
            case C0 -> 6 * x * (1 - x);
            case C1 -> 30 * x * x * (1 - x) * (1 - x);
            case C1SIN -> {
                double s = Math.sin(Math.PI * x);
                yield 2 * s * s;
            }
            case C2SIN -> (9 * Math.PI * Math.sin(Math.PI * x) - 3 * Math.PI * Math.sin(3 * Math.PI * x)) / 16;
            case C3SIN -> (12 * Math.PI - 16 * Math.PI * Math.cos(2 * Math.PI * x) + 4 * Math.PI * Math.cos(4 * Math.PI * x))
                    / (12 * Math.PI);
        };
    }

    private static double clamp(double v) { return Math.min(Math.max(v, EPS), 1 - EPS); }

    /**
     * Applies ψ to every entry and multiplies {@code weights[i]} by {@code Π_j ψ'(x_ij)}.
     *
     * @param x       an {@code n x d} matrix of points in [0, 1]^d (not modified)
     * @param weights length n, updated in place
     * @return a new {@code n x d} matrix ψ(x) ({@code x} itself, not copied, for NONE)
     * @throws IllegalArgumentException if {@code weights.length != x.rows}
     */
    public Matrix apply(Matrix x, double[] weights) {
        if (weights == null || weights.length != x.rows)
            throw new IllegalArgumentException("weights.length = " + (weights == null ? "null" : weights.length)
                    + ", expected x.rows = " + x.rows);
        if (this == NONE) return x;
        Matrix out = new Matrix(x.rows, x.cols);
        for (int i = 0; i < x.rows; i++) {
            double w = 1;
            for (int j = 0; j < x.cols; j++) {
                double v = x.data[x.offset + i * x.ld + j];
                out.data[i * x.cols + j] = psi(v);
                w *= derivative(v);
            }
            weights[i] *= w;
        }
        return out;
    }
}
