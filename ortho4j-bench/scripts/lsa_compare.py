#!/usr/bin/env python3
"""Peer comparison: ortho4j LinearAssignment vs scipy.optimize.linear_sum_assignment.

For each size n, draws an n x n cost matrix from a seeded numpy generator (uniform [0, 1) by
default, or integers 0..99 with --kind int), times scipy (median of --reps runs after one warm-up),
writes the matrix as raw little-endian doubles into a temporary folder and runs
org.ortho4j.core.perm.LsaTiming (median of --reps after >= 2 s of warm-up, in a fresh JVM). It checks
that both return the same assignment (column-index hash and total) and prints ours/scipy.

Build the classes first, from the repository root:
    mvn -B -o -q -pl ortho4j-core -am test-compile
then:
    python3 ortho4j-bench/scripts/lsa_compare.py                # n = 1000, 2000, uniform
    python3 ortho4j-bench/scripts/lsa_compare.py --sizes 512 1024 --kind int --reps 7

Both sides are single-threaded. The thread-CPU columns are less disturbed by other load than the
wall-clock ones; on a shared machine prefer them (the two sides run one after the other).
"""
import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
import time

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment

ROOT = pathlib.Path(__file__).resolve().parents[2]


def java_int_array_hash(a):
    """java.util.Arrays.hashCode(int[]) of a sequence of ints."""
    h = 1
    for x in a:
        h = (31 * h + int(x)) & 0xFFFFFFFF
    return h - (1 << 32) if h >= (1 << 31) else h


def time_scipy(c, maximize, reps):
    linear_sum_assignment(c, maximize=maximize)  # warm-up
    times, cpu = [], []
    for _ in range(reps):
        c0, t0 = time.thread_time(), time.perf_counter()
        r, col = linear_sum_assignment(c, maximize=maximize)
        times.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)
    return float(np.median(times)), float(np.median(cpu)), float(c[r, col].sum()), java_int_array_hash(col)


def time_ours(args, path, n, maximize):
    cmd = [args.java, *args.jvm_arg, "-cp", args.classpath, "org.ortho4j.core.perm.LsaTiming",
           str(path), str(n), str(n), "max" if maximize else "min", str(args.reps)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()
    fields = dict(kv.split("=", 1) for kv in out.split())
    return float(fields["median_s"]), float(fields["cpu_median_s"]), float(fields["total"]), int(fields["cols_hash"])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000])
    p.add_argument("--kind", choices=["uniform", "int"], default="uniform")
    p.add_argument("--maximize", action="store_true")
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--seed", type=int, default=12345)
    p.add_argument("--java", default="java")
    p.add_argument("--jvm-arg", action="append", default=[], help="extra JVM option (repeatable)")
    p.add_argument("--classpath", default=os.pathsep.join(
        str(ROOT / "ortho4j-core" / "target" / d) for d in ("classes", "test-classes")))
    args = p.parse_args()
    if not (ROOT / "ortho4j-core/target/test-classes/org/ortho4j/core/perm/LsaTiming.class").exists() \
            and "--classpath" not in sys.argv:
        sys.exit("LsaTiming is not compiled; run: mvn -B -o -q -pl ortho4j-core -am test-compile")

    print(f"scipy {scipy.__version__}, numpy {np.__version__}; kind={args.kind} maximize={args.maximize} "
          f"reps={args.reps}; medians of wall-clock and of thread CPU seconds")
    print(f"{'n':>6} {'scipy_s':>9} {'ours_s':>9} {'ratio':>6} {'scipy_cpu':>9} {'ours_cpu':>9} {'ratio':>6}  same_answer")
    with tempfile.TemporaryDirectory(prefix="lsa_compare_") as tmp:
        for n in args.sizes:
            rng = np.random.default_rng(args.seed + n)
            c = rng.random((n, n)) if args.kind == "uniform" else rng.integers(0, 100, (n, n)).astype(float)
            path = pathlib.Path(tmp) / f"cost_{n}.bin"
            c.astype("<f8").tofile(path)
            s_med, s_cpu, s_total, s_hash = time_scipy(c, args.maximize, args.reps)
            o_med, o_cpu, o_total, o_hash = time_ours(args, path, n, args.maximize)
            same = s_hash == o_hash and abs(s_total - o_total) <= 1e-12 * max(1.0, abs(s_total))
            print(f"{n:>6} {s_med:>9.4f} {o_med:>9.4f} {o_med / s_med:>6.2f} {s_cpu:>9.4f} {o_cpu:>9.4f} "
                  f"{o_cpu / s_cpu:>6.2f}  {same}", flush=True)


if __name__ == "__main__":
    main()
