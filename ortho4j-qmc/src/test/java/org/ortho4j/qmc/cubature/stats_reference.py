"""Reference values hard-coded in StatsTest (scipy 1.17.1 / mpmath).

Run: python3 stats_reference.py
"""
import mpmath
from scipy import special, stats

mpmath.mp.dps = 40
xs = [0.5, 1.0, 1.5, 2.0, 3.7, 10.0, 12.3, 100.0, 1e4]
print("LGAMMA_X =", xs)
print("LGAMMA =", [float(mpmath.loggamma(x)) for x in xs])
cases = [(0.3, 2.0, 3.0), (0.9, 0.5, 7.5), (0.01, 10.0, 0.5), (0.5, 0.5, 0.5), (0.999, 3.0, 0.5)]
print("BETA_CASES =", cases)
print("BETA =", [float(mpmath.betainc(a, b, 0, x, regularized=True)) for x, a, b in cases])
dfs = [1, 2, 4, 15, 31, 255, 1000]
alphas = [0.01, 0.05, 1e-6]
print("T_DF =", dfs, "T_ALPHA =", alphas)
print("T_UPPER_Q =", [[float(stats.t.isf(a / 2, df)) for a in alphas] for df in dfs])
tt = [(0.0, 3), (1.0, 1), (2.5, 7), (12.0, 4), (40.0, 15)]
print("T_SF_CASES =", tt)
print("T_SF =", [float(stats.t.sf(x, df)) for x, df in tt])
