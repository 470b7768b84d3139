"""Reference values hard-coded in StandardNormalTest (mpmath, 40 digits, rounded to double).

Run: python3 normal_reference.py
"""
import mpmath

mpmath.mp.dps = 40


def cdf(x):
    return mpmath.ncdf(mpmath.mpf(x))


def upper(x):
    return mpmath.erfc(mpmath.mpf(x) / mpmath.sqrt(2)) / 2


def quantile(p):
    p = mpmath.mpf(p)
    if p == 0.5:
        return mpmath.mpf(0)
    lower = min(p, 1 - p)
    x = mpmath.findroot(lambda t: mpmath.log(mpmath.ncdf(t)) - mpmath.log(lower), -mpmath.sqrt(-2 * mpmath.log(lower)))
    return x if p < 0.5 else -x


xs = [-38.0, -30.0, -20.0, -10.0, -8.0, -5.0, -3.0, -1.5, -0.5, 0.0, 0.3, 1.0, 2.5, 5.0, 8.0]
print("CDF_X =", ", ".join(repr(x) for x in xs))
print("CDF =", ", ".join(repr(float(cdf(x))) for x in xs))
us = [0.5, 3.0, 6.5, 10.0, 20.0, 37.0]
print("UPPER_X =", ", ".join(repr(x) for x in us))
print("UPPER =", ", ".join(repr(float(upper(x))) for x in us))
ps = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.02, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999999]
print("Q_P =", ", ".join(repr(p) for p in ps))
print("Q =", ", ".join(repr(float(quantile(mpmath.mpf(p)))) for p in ps))
