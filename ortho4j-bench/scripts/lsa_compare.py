#!/usr/bin/env python3
"""Linear sum assignment: ortho4j's LinearAssignment next to scipy's linear_sum_assignment, one run.

For each size n the script draws an n x n cost matrix from a seeded numpy generator (uniform
[0, 1) by default, the case of the target; or integers 0..99 with --kind int), writes it as raw
little-endian doubles into a temporary folder, and times on that same matrix
  * scipy.optimize.linear_sum_assignment (minimise) in a numpy worker subprocess, and
  * LinearAssignment.solve(cost, false) through QuickToolkit lsa --input FILE (benchmarks.jar),
with the same loop on both sides (see compare_common.py; both solvers are single-threaded, so the
figures are CPU times). It checks that both return the same assignment (total, and the hash of the
column indices) and prints a table with ours/scipy time, the target (<= 1.5) and OK/LOW.

Examples (after mvn -B -q -o -DskipTests package -pl ortho4j-bench -am):
    python3 ortho4j-bench/scripts/lsa_compare.py                          # n = 1000, 2000, uniform, 3 rounds
    python3 ortho4j-bench/scripts/lsa_compare.py --sizes 512,1024 --kind int --markdown

This supersedes the earlier version that ran the test-scope class org.ortho4j.core.perm.LsaTiming.
"""
import argparse
import os
import sys
import tempfile

import numpy as np

sys.dont_write_bytecode = True      # keep the scripts folder free of __pycache__
import compare_common as cc  # noqa: E402

TARGET = 1.5


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", type=cc.int_list, default=[1000, 2000], help="matrix orders (default 1000,2000)")
    p.add_argument("--kind", choices=["uniform", "int"], default="uniform", help="cost distribution (default uniform)")
    p.add_argument("--seed", type=int, default=12345, help="seed of the cost matrices (n is added per size)")
    p.add_argument("--input-dir", help=argparse.SUPPRESS)          # worker: where the matrices are
    cc.add_common_args(p, repeats=5, sample_seconds=0.3, warmup_seconds=2.0, rounds=3, threads="1")
    args = p.parse_args(argv)
    cc.check_common_args(p, args)
    if args.threads != [1]:
        p.error("--threads: both solvers are single-threaded, expected 1")
    return args


def cost_path(folder, n):
    return os.path.join(folder, f"cost_{n}.f64")


def java_int_array_hash(a):
    """java.util.Arrays.hashCode(int[]) of a sequence of ints."""
    h = 1
    for x in a:
        h = (31 * h + int(x)) & 0xFFFFFFFF
    return h - (1 << 32) if h >= (1 << 31) else h


def numpy_worker(args):
    import scipy
    from scipy.optimize import linear_sum_assignment
    print(cc.json.dumps(cc.worker_info(1)), flush=True)
    for n in args.sizes:
        c = np.fromfile(cost_path(args.input_dir, n), dtype="<f8").reshape(n, n)
        row = {"side": "numpy", "case": "lsa", "n": n, "threads": 1}
        row.update(cc.time_call(lambda: linear_sum_assignment(c), args, cpu=True))
        r, col = linear_sum_assignment(c)
        row.update(total=float(c[r, col].sum()), cols_hash=java_int_array_hash(col), scipy=scipy.__version__)
        print(cc.json.dumps(row), flush=True)


def table(rows, args):
    body = []
    for n in args.sizes:
        ref_s, ref_basis = cc.summarize(cc.pick(rows, "numpy", n=n), 1)
        found = cc.pick(rows, "ours", n=n)
        ours_s, basis = cc.summarize(found, 1)
        if ours_s is None or ref_s is None:
            body.append([n, args.kind, basis if ours_s is None else cc.fmt(ours_s * 1e3, 1),
                         cc.fmt(ref_s and ref_s * 1e3, 1), "", f"<= {TARGET}", "FAIL", "", basis])
            continue
        ours_ok = [r for r in found if r.get("status") == "ok"]
        refs = [r for r in cc.pick(rows, "numpy", n=n) if r.get("status") == "ok"]
        same = all(o["cols_hash"] == s["cols_hash"] and abs(o["total"] - s["total"]) <= 1e-9 * max(1.0, abs(s["total"]))
                   for o in ours_ok for s in refs)
        ratio = ours_s / ref_s
        body.append([n, args.kind, cc.fmt(ours_s * 1e3, 1), cc.fmt(ref_s * 1e3, 1), f"{ratio:.2f}", f"<= {TARGET}",
                     "OK" if ratio <= TARGET else "LOW", "yes" if same else "NO", basis])
    return body


HEADER = ["n", "kind", "ours ms", "scipy ms", "time ratio", "target", "verdict", "same answer", "basis"]


def main(argv):
    args = parse_args(argv)
    if args.numpy_worker:
        numpy_worker(args)
        return 0
    with tempfile.TemporaryDirectory(prefix="lsa_compare_") as tmp:
        for n in args.sizes:
            rng = np.random.default_rng(args.seed + n)
            c = rng.random((n, n)) if args.kind == "uniform" else rng.integers(0, 100, (n, n)).astype(float)
            c.astype("<f8").tofile(cost_path(tmp, n))
        rows, infos = [], []
        for n in args.sizes:    # QuickToolkit reads one input per run
            sizes = ["--sizes", str(n), "--input-dir", tmp]
            r, i = cc.measure(args, __file__, sizes, "lsa", ["--n", str(n), "--input", cost_path(tmp, n)])
            rows += r
            infos += i
    cc.print_header(rows, infos)
    print(f"# {args.rounds} round(s) x {args.repeats} samples; time ratio = ours time / scipy time; "
          f"cost {args.kind}, seed {args.seed} + n")
    cc.print_table(HEADER, table(rows, args), args.markdown, {"n", "ours ms", "scipy ms", "time ratio"})
    cc.write_json(args.json, rows)
    return cc.exit_code(rows)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
