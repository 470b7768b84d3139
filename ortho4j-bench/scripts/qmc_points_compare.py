#!/usr/bin/env python3
"""Peer comparison: ortho4j-qmc point generators vs scipy.stats.qmc (speed only).

Times n = 2^20 points (median of several runs after warm-up, generator construction included):
  * Sobol d = 10 and d = 100, unscrambled and scrambled (scipy: LMS + digital shift, Gray order;
    ortho4j: NONE in natural and Gray order, LMS_DS in natural order);
  * Halton d = 10, unscrambled and scrambled (scipy: one random permutation per digit position,
    ortho4j: PERM, the same kind, and LMS_PERM, QMCPy's default).
scipy runs single-threaded (its default); ortho4j is reported single-threaded
(Parallel.setThreads(1)) and with its pool. Ratio = scipy seconds / ortho4j seconds (> 1: ortho4j
faster). Targets (spec qmc.md section 6): Sobol >= 2x scipy, Halton >= 1x scipy, single-threaded.

Usage (from the repository root):
    mvn -B -o -q -pl ortho4j-qmc -am test-compile
    python3 ortho4j-bench/scripts/qmc_points_compare.py [--log2n 20] [--runs 5] [--java java] [--classpath CP]

The Java side is
    java -Xmx8g -XX:+UseTransparentHugePages \
         -cp ortho4j-qmc/target/test-classes:ortho4j-qmc/target/classes:ortho4j-core/target/classes \
         org.ortho4j.qmc.points.PointsTiming LOG2N RUNS
which prints one JSON object per configuration (see PointsTiming.java).
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np
import scipy
from scipy.stats import qmc

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLASSPATH = os.pathsep.join(os.path.join(ROOT, p) for p in (
    "ortho4j-qmc/target/test-classes", "ortho4j-qmc/target/classes", "ortho4j-core/target/classes"))


def median_seconds(make, runs):
    """Median wall time of make() over `runs` calls after one warm-up call."""
    make()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        x = make()
        times.append(time.perf_counter() - t0)
        del x
    return float(np.median(times))


def scipy_timings(n, runs):
    out = {}
    for d in (10, 100):
        out[("sobol", d, "unscrambled")] = median_seconds(lambda: qmc.Sobol(d, scramble=False).random(n), runs)
        out[("sobol", d, "scrambled")] = median_seconds(lambda: qmc.Sobol(d, scramble=True, rng=7).random(n), runs)
    out[("halton", 10, "unscrambled")] = median_seconds(lambda: qmc.Halton(10, scramble=False).random(n), runs)
    out[("halton", 10, "scrambled")] = median_seconds(lambda: qmc.Halton(10, scramble=True, rng=7).random(n), runs)
    return out


def java_timings(java, classpath, jvm_flags, log2n, runs):
    cmd = [java, "-Xmx8g", *jvm_flags.split(), "-cp", classpath, "org.ortho4j.qmc.points.PointsTiming", str(log2n), str(runs)]
    res = subprocess.run(cmd, check=True, capture_output=True, text=True)
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    return {(r["generator"], r["d"], r["randomization"], r["threads"]): (r["median_s"], r["into_median_s"])
            for r in rows}


# (label, scipy key, ortho4j generator, d, randomization, target ratio)
PAIRS = [
    ("Sobol d=10 unscrambled (natural)", ("sobol", 10, "unscrambled"), "sobol", 10, "NONE", 2.0),
    ("Sobol d=10 unscrambled (Gray)", ("sobol", 10, "unscrambled"), "sobol_gray", 10, "NONE", 2.0),
    ("Sobol d=10 scrambled LMS_DS", ("sobol", 10, "scrambled"), "sobol", 10, "LMS_DS", 2.0),
    ("Sobol d=100 unscrambled (natural)", ("sobol", 100, "unscrambled"), "sobol", 100, "NONE", 2.0),
    ("Sobol d=100 unscrambled (Gray)", ("sobol", 100, "unscrambled"), "sobol_gray", 100, "NONE", 2.0),
    ("Sobol d=100 scrambled LMS_DS", ("sobol", 100, "scrambled"), "sobol", 100, "LMS_DS", 2.0),
    ("Halton d=10 unscrambled", ("halton", 10, "unscrambled"), "halton", 10, "NONE", 1.0),
    ("Halton d=10 scrambled: PERM", ("halton", 10, "scrambled"), "halton", 10, "PERM", 1.0),
    ("Halton d=10 scrambled: LMS_PERM", ("halton", 10, "scrambled"), "halton", 10, "LMS_PERM", 1.0),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--log2n", type=int, default=20)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--java", default="java", help="java executable (default: java on the PATH)")
    ap.add_argument("--classpath", default=CLASSPATH, help="class path of the Java side (default: the module builds)")
    ap.add_argument("--jvm-flags", default="-XX:+UseTransparentHugePages",
                    help="extra JVM flags (default: transparent huge pages for the heap, as numpy madvises "
                         "huge pages for its large arrays; without it each fresh 4 KiB page of the result "
                         "costs a page fault)")
    args = ap.parse_args()
    n = 1 << args.log2n
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, scipy {scipy.__version__}, "
          f"n = 2^{args.log2n}, {os.cpu_count()} CPUs, JVM flags: {args.jvm_flags or '(none)'}")
    sp = scipy_timings(n, args.runs)
    jv = java_timings(args.java, args.classpath, args.jvm_flags, args.log2n, args.runs)
    threads = max(t for (_, _, _, t) in jv)
    print("ratio = scipy s / ortho4j s; 'into': pointsInto a reused array (no allocation, no JVM zeroing)")
    print(f"{'case':34s} {'scipy s':>8s} {'1T s':>8s} {'ratio':>6s} {'1T into':>8s} {'ratio':>6s} "
          f"{str(threads) + 'T s':>8s} {'ratio':>6s}  target (1T, allocating)")
    ok = True
    for label, skey, gen, d, rz, target in PAIRS:
        s = sp[skey]
        (j1, j1i) = jv[(gen, d, rz, 1)]
        jt = jv.get((gen, d, rz, threads), (j1, j1i))[0]
        passed = s / j1 >= target
        ok &= passed
        print(f"{label:34s} {s:8.4f} {j1:8.4f} {s / j1:6.2f} {j1i:8.4f} {s / j1i:6.2f} {jt:8.4f} {s / jt:6.2f}  "
              f">= {target:g}x {'PASS' if passed else 'FAIL'}")
    for (gen, d, rz, t), (v, vi) in sorted(jv.items()):
        if (gen, rz) in (("sobol", "NUS"), ("lattice", "SHIFT"), ("halton", "NUS")):
            print(f"ortho4j only: {gen} d={d} {rz} threads={t}: {v:.4f} s (into: {vi:.4f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
