#!/usr/bin/env python3
"""Peer timing for ortho4j-qmc's FastGram (spec qmc.md E3 and section 6).

For n = 2^10 .. 2^max_log, a rank-1 lattice (Kuo vector, radical-inverse order) with the
shift-invariant kernel and a digital net (random unit-triangular generating matrices, natural
order) with the digitally-shift-invariant kernel, d = 10, alpha = 2, gamma_j = 1/j^2, scale 1:

  * numpy/scipy fast solve  K^{-1} y = T^{-1}(T y / lambda),  lambda = sqrt(n) T(k0)
    (T = FFTBR through scipy.fft with the bit-reversal gather, or an orthonormal FWHT by
    reshaping), best of several runs, and the least-squares exponents of the solve time against
    n and against n log2 n (an O(n log n) solve gives about 1 for the latter);
  * for n <= 2^12 the dense route: the explicit n x n Gram matrix, scipy.linalg.cho_factor +
    cho_solve (time of factor + solve), and the relative difference to the fast solution.

With --java, also runs the Java side (org.ortho4j.qmc.kernel.FastGramTiming in the test sources
of ortho4j-qmc) after `mvn -q -o -pl ortho4j-qmc -am test-compile dependency:build-classpath`.

Usage:  python3 ortho4j-bench/scripts/qmc_kernel_scaling.py [--max-log 18] [--d 10] [--java]
Prints whitespace-separated tables; nothing is written to disk except Maven's classpath file
(a temporary file) with --java.
"""
import argparse
import math
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import scipy.fft
import scipy.linalg

KUO = [1, 182667, 213731, 255351, 96013, 116671, 479315, 424089, 341447, 157393]
C2 = (2 * math.pi) ** 4 / 24  # (2 pi)^4 / 4!


def bitrev(n):
    m = n.bit_length() - 1
    i = np.arange(n)
    r = np.zeros(n, dtype=np.int64)
    for b in range(m):
        r |= ((i >> b) & 1) << (m - 1 - b)
    return r


def lattice_points(n, d):
    g = np.array(KUO[:d], dtype=np.int64)
    return ((bitrev(n)[:, None] * g[None, :]) % n) / n


def si_tilde2(delta):
    """Ktilde_2(delta) = -(2 pi)^4/4! B_4(delta), B_4 = w^2 - 1/30 with w = delta (1 - delta)."""
    w = delta * (1 - delta)
    return -C2 * (w * w - 1 / 30)


def net_points(n, d, t=32, seed=7):
    rng = np.random.default_rng(seed)
    m = n.bit_length() - 1
    cols = np.zeros((d, max(m, 1)), dtype=np.uint64)
    for j in range(d):
        for k in range(m):
            lead = np.uint64(1) << np.uint64(t - 1 - k)
            below = int(lead) - 1
            cols[j, k] = lead | np.uint64(int(rng.integers(0, 2**62)) & below)
    i = np.arange(n, dtype=np.uint64)
    xb = np.zeros((n, d), dtype=np.uint64)
    for k in range(m):
        bit = ((i >> np.uint64(k)) & np.uint64(1)).astype(bool)
        xb[bit] ^= cols[:, k][None, :]
    return xb


def dsi_tilde2(v, t=32):
    """Ktilde_2 of QMCPy: -beta y + 5/2 (1 - 2^-beta) - 1 for v > 0, 3/2 at 0."""
    out = np.full(v.shape, 1.5)
    pos = v > 0
    y = v[pos].astype(np.float64) * 2.0 ** -t
    beta = -np.floor(np.log2(y))
    out[pos] = -beta * y + 2.5 * (1 - 2.0 ** -beta) - 1
    return out


def fwht(x):
    n = x.shape[0]
    h = 1
    y = x.copy()
    while h < n:
        y = y.reshape(-1, 2, h)
        a, b = y[:, 0, :].copy(), y[:, 1, :].copy()
        y[:, 0, :], y[:, 1, :] = a + b, a - b
        y = y.reshape(n)
        h *= 2
    return y / math.sqrt(n)


class Lattice:
    def __init__(self, n, d):
        self.n, self.rev = n, bitrev(n)
        self.x = lattice_points(n, d)
        self.gamma = 1.0 / np.arange(1, d + 1) ** 2

    def kernel(self, delta):
        return np.prod(1 + self.gamma * si_tilde2(delta % 1.0), axis=-1)

    def first_column(self):
        return self.kernel(self.x - self.x[0])

    def fwd(self, v):
        return scipy.fft.fft(v[self.rev]) / math.sqrt(self.n)

    def inv(self, v):
        return (scipy.fft.ifft(v) * math.sqrt(self.n))[self.rev].real

    def dense(self):
        return self.kernel(self.x[:, None, :] - self.x[None, :, :])


class Net:
    def __init__(self, n, d):
        self.n = n
        self.x = net_points(n, d)
        self.gamma = 1.0 / np.arange(1, d + 1) ** 2

    def kernel(self, v):
        return np.prod(1 + self.gamma * dsi_tilde2(v), axis=-1)

    def first_column(self):
        return self.kernel(self.x ^ self.x[0])

    def fwd(self, v):
        return fwht(v)

    def inv(self, v):
        return fwht(v)

    def dense(self):
        return self.kernel(self.x[:, None, :] ^ self.x[None, :, :])


def best_time(f, min_seconds=0.05, min_reps=3):
    f()
    best, start, reps = math.inf, time.perf_counter(), 0
    while reps < min_reps or time.perf_counter() - start < min_seconds:
        t0 = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t0)
        reps += 1
    return best


def slope(x, y):
    lx, ly = np.log(x), np.log(y)
    return float(np.polyfit(lx, ly, 1)[0])


def python_side(max_log, d):
    print("# numpy/scipy peer (seconds in ms)")
    print("structure n build_ms solve_ms dense_ms dense_vs_fast")
    for name, cls in (("lattice", Lattice), ("net", Net)):
        ns, times = [], []
        for m in range(10, max_log + 1):
            n = 1 << m
            s = cls(n, d)
            t0 = time.perf_counter()
            lam = np.sqrt(n) * s.fwd(s.first_column())
            lam = lam.real
            build = time.perf_counter() - t0
            y = np.random.default_rng(m).standard_normal(n)
            solve = lambda: s.inv(s.fwd(y) / lam)
            tsolve = best_time(solve)
            dense_ms, diff = float("nan"), float("nan")
            if m <= 12:
                k = s.dense()
                t0 = time.perf_counter()
                x_dense = scipy.linalg.cho_solve(scipy.linalg.cho_factor(k), y)
                dense_ms = (time.perf_counter() - t0) * 1e3
                x_fast = solve()
                diff = np.linalg.norm(x_fast - x_dense) / np.linalg.norm(x_dense)
            ns.append(n)
            times.append(tsolve)
            print(f"{name} {n} {build * 1e3:.3f} {tsolve * 1e3:.4f} {dense_ms:.1f} {diff:.2e}")
        nlogn = [n * math.log2(n) for n in ns]
        print(f"exponent {name} vs_n {slope(ns, times):.3f} vs_nlogn {slope(nlogn, times):.3f}")


def java_side(max_log, d, root):
    cp_file = tempfile.NamedTemporaryFile(suffix=".cp", delete=False).name
    try:
        subprocess.run(["mvn", "-B", "-q", "-o", "-pl", "ortho4j-qmc", "-am", "test-compile",
                        "dependency:build-classpath", f"-Dmdep.outputFile={cp_file}",
                        "-Dmdep.includeScope=test"], cwd=root, check=True)
        with open(cp_file) as f:
            deps = f.read().strip()
    finally:
        os.unlink(cp_file)
    cp = os.pathsep.join([os.path.join(root, "ortho4j-qmc/target/test-classes"),
                          os.path.join(root, "ortho4j-qmc/target/classes"), deps])
    print("# Java (org.ortho4j.qmc.kernel.FastGramTiming)")
    sys.stdout.flush()
    subprocess.run(["java", "-cp", cp, "org.ortho4j.qmc.kernel.FastGramTiming", str(max_log), str(d)], check=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--max-log", type=int, default=18)
    p.add_argument("--d", type=int, default=10)
    p.add_argument("--java", action="store_true", help="also run the Java timing class")
    a = p.parse_args()
    python_side(a.max_log, a.d)
    if a.java:
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        java_side(a.max_log, a.d, root)


if __name__ == "__main__":
    main()
