#!/usr/bin/env python3
"""Runs the JMH GEMM benchmarks once per thread count and prints GFLOP/s.

OpenBLAS (the `native` backend) takes its thread count from the environment variable
OPENBLAS_NUM_THREADS when it loads, and JMH cannot set the environment of its forks, so this script
starts `java -jar benchmarks.jar` once per thread count t with OPENBLAS_NUM_THREADS=t and
`-p threads=t`, writes JMH's JSON result to <out>/jmh-threads-<t>.json, and then converts every
score into GFLOP/s: throughput mode (ops/s) x 2n^3 / 1e9, single-shot mode 2n^3 / (s/op) / 1e9.

Examples (from the repository root, after mvn -B -q -DskipTests package -pl ortho4j-bench -am):
    python3 ortho4j-bench/scripts/run_jmh.py                      # everything (about 10 minutes)
    python3 ortho4j-bench/scripts/run_jmh.py --include 'GemmBenchmark.gemm' -- -p n=256 -p backend=java,native

Arguments after `--` go to JMH unchanged. Standard library only.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_JAR = os.path.join(HERE, os.pardir, "target", "benchmarks.jar")


def gflops(entry):
    """GFLOP/s of one JMH JSON result entry (and of its error bar, or None)."""
    n = int(entry["params"]["n"])
    flops = 2.0 * n ** 3
    metric = entry["primaryMetric"]
    score, err, unit = metric["score"], metric.get("scoreError"), metric["scoreUnit"]
    err = err if isinstance(err, (int, float)) and err == err else None   # NaN when too few samples
    if unit == "ops/s":
        return flops * score * 1e-9, err and flops * err * 1e-9
    if unit == "s/op":
        return flops / score * 1e-9, None
    raise ValueError(f"unexpected score unit {unit!r} in {entry['benchmark']}")


def main(argv):
    own, extra = (argv[:argv.index("--")], argv[argv.index("--") + 1:]) if "--" in argv else (argv, [])
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--threads", default="1,2", help="thread counts, comma-separated (default 1,2)")
    p.add_argument("--include", default="GemmBenchmark", help="JMH benchmark regex (default GemmBenchmark)")
    p.add_argument("--jar", default=DEFAULT_JAR, help="path of benchmarks.jar")
    p.add_argument("--java", default="java", help="java executable")
    p.add_argument("--out", default=".", help="folder for the JMH JSON results (default: current folder)")
    args = p.parse_args(own)
    try:
        threads = [int(t) for t in args.threads.split(",")]
    except ValueError:
        p.error(f"--threads = {args.threads!r}, expected comma-separated integers")
    if not os.path.isfile(args.jar):
        sys.exit(f"{args.jar} not found: build it with mvn -B -q -DskipTests package -pl ortho4j-bench -am")
    os.makedirs(args.out, exist_ok=True)

    entries = []
    for t in threads:
        result = os.path.join(args.out, f"jmh-threads-{t}.json")
        cmd = [args.java, "-jar", args.jar, args.include, "-p", f"threads={t}", "-rf", "json", "-rff", result] + extra
        print("#", f"OPENBLAS_NUM_THREADS={t}", " ".join(cmd), flush=True)
        rc = subprocess.call(cmd, env=dict(os.environ, OPENBLAS_NUM_THREADS=str(t)))
        if rc != 0:
            sys.exit(f"JMH exited with {rc}")
        with open(result) as f:
            entries += json.load(f)

    rows = []
    for e in entries:
        prm = e["params"]
        value, err = gflops(e)
        rows.append((int(prm["n"]), prm["dtype"], int(prm["threads"]), prm["backend"], value, err, e["mode"]))
    rows.sort()
    print("\n#   n  dtype  threads  backend   GFLOP/s  (+- 99.9% CI)  mode")
    for n, dtype, t, backend, value, err, mode in rows:
        ci = f"{err:.1f}" if err is not None else ""
        print(f"{n:5d}  {dtype:6s}  {t:6d}  {backend:7s}  {value:8.1f}  {ci:>13s}  {mode}")
    print("# combinations missing above failed in @Setup (backend not loadable here): see the JMH log")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
