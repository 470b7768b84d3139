#!/usr/bin/env python3
"""Square GEMM C = A B: ortho4j's backends next to numpy, measured in one run.

For every thread count t this script runs
  * numpy's matmul in a subprocess started with OPENBLAS_NUM_THREADS=t (and OMP/MKL likewise),
    with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed (they may be set on this machine for an
    older system OpenBLAS, and slow numpy's bundled one); and
  * ortho4j's QuickGemm (in ortho4j-bench/target/benchmarks.jar) with OPENBLAS_NUM_THREADS=t and
    --threads t, the environment otherwise left as it is,
then prints one table row per (n, dtype, threads, backend): ours GFLOP/s, numpy GFLOP/s, their
ratio, the target ratio (native >= 0.9, vector >= 0.4, java >= 0.1) and OK/LOW.

Both sides warm up, then time `repeats` samples (each long enough to time reliably) and take the
median. One-thread figures are judged by CPU time (thread CPU time in Java, process CPU time in
numpy), which other processes on a shared machine disturb far less than wall time; figures for
more threads use wall time. The `basis` column says which.

Needs python3 and numpy only (threadpoolctl is used to report numpy's BLAS if installed; without it
the kernel is read from the OpenBLAS library itself through ctypes). Build the jar first:
    mvn -B -q -DskipTests package -pl ortho4j-bench -am
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_JAR = os.path.join(HERE, os.pardir, "target", "benchmarks.jar")
TARGETS = {"native": 0.9, "vector": 0.4, "java": 0.1}
NUMPY_DROPPED_ENV = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
from compare_common import MIN_SAMPLES, THREAD_ENV, blas_info, int_list, str_list, time_call  # noqa: E402


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", type=int_list, default=[256, 1024, 2048], help="matrix orders (default 256,1024,2048)")
    p.add_argument("--threads", type=int_list, default=[1, 2], help="thread counts (default 1,2)")
    p.add_argument("--backends", type=str_list, default=["java", "vector", "native"], help="ortho4j backends")
    p.add_argument("--dtypes", type=str_list, default=["double", "float"], help="double and/or float")
    p.add_argument("--repeats", type=int, default=5, help="timed samples per case; the median is reported")
    p.add_argument("--sample-seconds", type=float, default=0.2, help="minimum length of one timed sample")
    p.add_argument("--warmup-seconds", type=float, default=1.0, help="warm-up time per case")
    p.add_argument("--budget-seconds", type=float, default=60.0,
                   help=f"stop sampling a case after this long once {MIN_SAMPLES} samples are in")
    p.add_argument("--quick", action="store_true",
                   help="fast smoke run: sizes 256,1024 (unless --sizes is given), 3 repeats, short samples")
    p.add_argument("--jar", default=DEFAULT_JAR, help="path of benchmarks.jar")
    p.add_argument("--java", default="java", help="java executable")
    p.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    p.add_argument("--json", metavar="FILE", help="also write all raw result lines to FILE")
    p.add_argument("--numpy-worker", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.quick:
        if "--sizes" not in " ".join(argv):
            args.sizes = [256, 1024]
        args.repeats, args.sample_seconds, args.warmup_seconds = 3, 0.1, 0.3
    for d in args.dtypes:
        if d not in ("double", "float"):
            p.error(f"--dtypes: {d!r}, expected double or float")
    for b in args.backends:
        if b not in TARGETS:
            p.error(f"--backends: {b!r}, expected one of {', '.join(TARGETS)}")
    if args.repeats < 1:
        p.error(f"--repeats = {args.repeats}, expected >= 1")
    return args


# ---------------------------------------------------------------------------------------------
# numpy side (runs in a subprocess whose environment fixes the BLAS thread count before import)

def time_case(run, flops, args, cpu):
    """compare_common.time_call, with QuickGemm's GFLOP/s fields added."""
    out = time_call(run, args, cpu)
    out["gflops"] = flops / out["median_s"] * 1e-9
    if cpu:
        out["cpu_gflops"] = flops / out["median_cpu_s"] * 1e-9
    return out


def numpy_worker(args):
    import numpy as np
    threads = args.threads[0]
    print(json.dumps({"info": {"numpy": np.__version__, "threads": threads, "blas": blas_info()}}), flush=True)
    rng = np.random.default_rng(20240601)
    for dtype in args.dtypes:
        npt = np.float64 if dtype == "double" else np.float32
        for n in args.sizes:
            a = rng.uniform(-1, 1, (n, n)).astype(npt)
            b = rng.uniform(-1, 1, (n, n)).astype(npt)
            c = np.empty((n, n), npt)
            row = {"backend": "numpy", "dtype": dtype, "n": n, "threads": threads}
            row.update(time_case(lambda: np.matmul(a, b, out=c), 2.0 * n ** 3, args, cpu=threads == 1))
            print(json.dumps(row), flush=True)


# ---------------------------------------------------------------------------------------------
# driver

def run_lines(cmd, env, what):
    """Runs a command, echoes nothing, returns its stdout JSON lines; exits on failure."""
    proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"{what} failed (exit {proc.returncode}): {' '.join(cmd)}\n{proc.stderr}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]


def common_args(args, threads):
    return ["--threads", str(threads), "--dtypes", ",".join(args.dtypes), "--repeats", str(args.repeats),
            "--sample-seconds", str(args.sample_seconds), "--warmup-seconds", str(args.warmup_seconds),
            "--budget-seconds", str(args.budget_seconds)]


def measure_all(args):
    if not os.path.isfile(args.jar):
        sys.exit(f"{args.jar} not found: build it with mvn -B -q -DskipTests package -pl ortho4j-bench -am")
    rows, infos = [], []
    sizes = ",".join(map(str, args.sizes))
    for t in args.threads:
        np_env = {k: v for k, v in os.environ.items() if k not in NUMPY_DROPPED_ENV}
        np_env.update({k: str(t) for k in THREAD_ENV})
        lines = run_lines([sys.executable, os.path.abspath(__file__), "--numpy-worker", "--sizes", sizes]
                          + common_args(args, t), np_env, "numpy worker")
        infos += [x["info"] for x in lines if "info" in x]
        rows += [x for x in lines if "info" not in x]
        java_env = dict(os.environ, OPENBLAS_NUM_THREADS=str(t))
        rows += run_lines([args.java, "--add-modules", "jdk.incubator.vector", "-cp", args.jar,
                           "org.ortho4j.bench.QuickGemm", "--n", sizes, "--backends", ",".join(args.backends)]
                          + common_args(args, t), java_env, "QuickGemm")
    return rows, infos


def table(rows, args):
    """One row per (n, dtype, threads, backend) with ours, numpy, ratio, target, verdict."""
    numpy = {(r["n"], r["dtype"], r["threads"]): r for r in rows if r["backend"] == "numpy"}
    out = []
    for n in args.sizes:
        for dtype in args.dtypes:
            for t in args.threads:
                ref = numpy.get((n, dtype, t))
                for backend in args.backends:
                    ours = next((r for r in rows if (r["backend"], r["n"], r["dtype"], r["threads"])
                                 == (backend, n, dtype, t)), None)
                    target = TARGETS[backend]
                    ok = ours is not None and ours.get("status") == "ok"
                    basis = "cpu" if ref is not None and "cpu_gflops" in ref and (not ok or "cpu_gflops" in ours) \
                        else "wall"
                    key = "cpu_gflops" if basis == "cpu" else "gflops"
                    if not ok or ref is None:
                        status = "missing" if ours is None else ours.get("status")
                        out.append([n, dtype, t, backend, status if status != "ok" else fmt(ours[key]),
                                    fmt(ref and ref[key]), "", f">= {target}",
                                    "n/a" if status == "n/a" else "FAIL", basis])
                        continue
                    ratio = ours[key] / ref[key]
                    out.append([n, dtype, t, backend, fmt(ours[key]), fmt(ref[key]), f"{ratio:.2f}",
                                f">= {target}", "OK" if ratio >= target else "LOW", basis])
    return out


def fmt(x):
    return "" if x is None else f"{x:.1f}"


HEADER = ["n", "dtype", "threads", "backend", "ours GFLOP/s", "numpy GFLOP/s", "ratio", "target", "verdict", "basis"]


def print_table(body, markdown):
    if markdown:
        print("| " + " | ".join(HEADER) + " |")
        print("|" + "|".join("---:" if h in ("n", "threads", "ours GFLOP/s", "numpy GFLOP/s", "ratio") else "---"
                             for h in HEADER) + "|")
        for r in body:
            print("| " + " | ".join(map(str, r)) + " |")
        return
    widths = [max(len(str(x)) for x in col) for col in zip(HEADER, *body)]
    for r in [HEADER] + body:
        print("  ".join(str(x).rjust(w) for x, w in zip(r, widths)))


def main(argv):
    args = parse_args(argv)
    if args.numpy_worker:
        numpy_worker(args)
        return 0
    rows, infos = measure_all(args)
    print(f"# machine: {platform.machine()} {platform.processor() or ''} {os.cpu_count()} CPUs; "
          f"python {platform.python_version()}")
    print("# for ortho4j (unchanged): " + ", ".join(f"{k}={os.environ.get(k, '(unset)')}" for k in NUMPY_DROPPED_ENV)
          + "; numpy runs with both unset")
    for info in infos:
        pools = "; ".join(", ".join(f"{k}={v}" for k, v in pool.items() if k in
                                    ("internal_api", "version", "architecture", "num_threads", "filepath"))
                          for pool in info["blas"]["pools"]) or "no BLAS pool found"
        print(f"# numpy {info['numpy']}, threads={info['threads']}: {pools} [{info['blas']['source']}]")
    for desc in sorted({r["backend"] + ": " + r["describe"] for r in rows if "describe" in r}):
        print("# ortho4j " + desc)
    for line in dict.fromkeys(f"# {r['backend']}: {r['status']}: {r.get('reason', '')}"
                              for r in rows if r.get("status") not in (None, "ok")):
        print(line)
    print_table(table(rows, args), args.markdown)
    if args.json:
        tmp = args.json + ".tmp"
        with open(tmp, "w") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
        os.replace(tmp, args.json)
    return 1 if any(r.get("status") == "wrong" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
