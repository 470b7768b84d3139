package org.ortho4j.core.decomp;

/**
 * A determinant as sign and log of magnitude, {@code det = sign * exp(logAbs)}, which neither
 * overflows nor underflows (numpy's {@code slogdet}). A singular matrix has {@code sign = 0} and
 * {@code logAbs = -Infinity}; the empty 0 x 0 matrix has {@code sign = 1, logAbs = 0}.
 *
 * @param sign -1, 0 or +1
 * @param logAbs natural log of {@code |det|}
 */
public record LogDeterminant(double sign, double logAbs) {
    /** The determinant itself, {@code sign * exp(logAbs)} (may overflow to infinity or underflow to 0). */
    public double value() { return sign == 0 ? 0 : sign * Math.exp(logAbs); }
}
