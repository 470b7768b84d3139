"""Shared driver code of the toolkit comparison scripts (ns_compare.py, lsa_compare.py,
transforms_compare.py); not a script itself.

Each script measures numpy/scipy in a worker subprocess (this same script, run with
--numpy-worker) and ortho4j with org.ortho4j.bench.QuickToolkit from benchmarks.jar, per thread
count t, in the same run:
  * numpy's environment has OPENBLAS_NUM_THREADS=t (and OMP_/MKL_NUM_THREADS) set before numpy is
    imported, and OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE removed (they may be set on this machine for
    the older system OpenBLAS, and slow numpy's bundled one);
  * ortho4j's JVM has OPENBLAS_NUM_THREADS=t and the environment otherwise unchanged.
Both sides use the same loop (time_call here, Sampler in Java): warm up, then `repeats` samples,
each long enough to time reliably, and take medians of wall time and of CPU time. With --rounds R
the numpy/ortho4j pair is run R times, alternating, and each figure is the median over rounds, so
slow drifts of a shared machine's load hit both sides alike. One-thread figures are judged by CPU
time (process CPU time in numpy, thread CPU time in Java), which other processes disturb far less
than wall time; figures for more threads use wall time. The `basis` column says which.

Standard library only at import time; the workers import numpy/scipy.
"""
import argparse
import ctypes
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_JAR = os.path.join(HERE, os.pardir, "target", "benchmarks.jar")
NUMPY_DROPPED_ENV = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
THREAD_ENV = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
MIN_SAMPLES = 3
QUICK_TOOLKIT = "org.ortho4j.bench.QuickToolkit"


def int_list(text):
    """argparse type: comma-separated integers >= 1."""
    try:
        values = [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected comma-separated integers")
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: expected integers >= 1")
    return values


def str_list(text):
    """argparse type: comma-separated words."""
    values = [x.strip() for x in text.split(",") if x.strip()]
    if not values:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a comma-separated list")
    return values


def add_common_args(p, repeats=5, sample_seconds=0.2, warmup_seconds=1.0, rounds=1, threads="1,2"):
    """Options shared by every comparison script."""
    p.add_argument("--threads", type=int_list, default=int_list(threads), help=f"thread counts (default {threads})")
    p.add_argument("--repeats", type=int, default=repeats, help=f"timed samples per case (default {repeats})")
    p.add_argument("--rounds", type=int, default=rounds,
                   help=f"run numpy and ortho4j this many times, alternating; medians over rounds (default {rounds})")
    p.add_argument("--sample-seconds", type=float, default=sample_seconds, help="minimum length of one timed sample")
    p.add_argument("--warmup-seconds", type=float, default=warmup_seconds, help="warm-up time per case")
    p.add_argument("--budget-seconds", type=float, default=60.0,
                   help=f"stop sampling a case after this long once {MIN_SAMPLES} samples are in")
    p.add_argument("--jar", default=DEFAULT_JAR, help="path of benchmarks.jar")
    p.add_argument("--java", default="java", help="java executable")
    p.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    p.add_argument("--json", metavar="FILE", help="also write all raw result lines to FILE")
    p.add_argument("--numpy-worker", action="store_true", help=argparse.SUPPRESS)


def check_common_args(p, args):
    for name in ("repeats", "rounds"):
        if getattr(args, name) < 1:
            p.error(f"--{name} = {getattr(args, name)}, expected >= 1")
    for name in ("sample_seconds", "warmup_seconds", "budget_seconds"):
        if not getattr(args, name) > 0:
            p.error(f"--{name.replace('_', '-')} = {getattr(args, name)}, expected > 0")


def timing_args(args):
    """The Sampler options, for QuickToolkit and for the numpy worker alike."""
    return ["--repeats", str(args.repeats), "--sample-seconds", str(args.sample_seconds),
            "--warmup-seconds", str(args.warmup_seconds), "--budget-seconds", str(args.budget_seconds)]


# ---------------------------------------------------------------------------------------------
# numpy side

def time_call(run, args, cpu):
    """Warm up, then `repeats` samples; returns QuickToolkit's timing fields (seconds per call)."""
    start = time.perf_counter()
    while True:
        t0 = time.perf_counter()
        run()
        last = time.perf_counter() - t0
        if time.perf_counter() - start >= args.warmup_seconds:
            break
    calls = max(1, int(-(-args.sample_seconds // max(last, 1e-9))))
    wall, cpus = [], []
    case_start = time.perf_counter()
    while len(wall) < args.repeats and (len(wall) < MIN_SAMPLES
                                        or time.perf_counter() - case_start < args.budget_seconds):
        c0, t0 = time.process_time(), time.perf_counter()
        for _ in range(calls):
            run()
        wall.append((time.perf_counter() - t0) / calls)
        cpus.append((time.process_time() - c0) / calls)
    out = {"status": "ok", "median_s": statistics.median(wall)}
    if cpu:
        out["median_cpu_s"] = statistics.median(cpus)
    out.update(samples=len(wall), calls_per_sample=calls)
    return out


def blas_info():
    """Which BLAS numpy loaded, its kernel (core type) and thread count, as a dict."""
    try:
        from threadpoolctl import threadpool_info
        return {"source": "threadpoolctl", "pools": threadpool_info()}
    except ImportError:
        pass
    pools = []
    try:
        with open("/proc/self/maps") as f:
            libs = sorted({line.split()[-1] for line in f if "openblas" in line.lower() and ".so" in line})
    except OSError:
        libs = []
    for path in libs:
        lib = ctypes.CDLL(path)
        info = {"filepath": path}
        for field, name, restype in (("architecture", "openblas_get_corename", ctypes.c_char_p),
                                     ("config", "openblas_get_config", ctypes.c_char_p),
                                     ("num_threads", "openblas_get_num_threads", ctypes.c_int)):
            for prefix in ("", "scipy_"):
                for suffix in ("", "64_"):
                    fn = getattr(lib, prefix + name + suffix, None)
                    if fn is not None and field not in info:
                        fn.restype = restype
                        value = fn()
                        info[field] = value.decode() if isinstance(value, bytes) else value
        pools.append(info)
    return {"source": "ctypes (threadpoolctl not installed)", "pools": pools}


def worker_info(threads):
    """First line of a numpy worker: versions and numpy's BLAS (kernel, threads)."""
    import numpy as np
    info = {"numpy": np.__version__, "threads": threads, "blas": blas_info()}
    try:
        import scipy
        info["scipy"] = scipy.__version__
    except ImportError:
        pass
    return {"info": info}


# ---------------------------------------------------------------------------------------------
# driver

def run_lines(cmd, env, what, ok_codes=(0,)):
    """Runs a command, returns its stdout JSON lines; exits unless its exit status is in ok_codes."""
    proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode not in ok_codes:
        sys.exit(f"{what} failed (exit {proc.returncode}): {' '.join(cmd)}\n{proc.stderr}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]


def numpy_env(threads):
    env = {k: v for k, v in os.environ.items() if k not in NUMPY_DROPPED_ENV}
    env.update({k: str(threads) for k in THREAD_ENV})
    return env


def measure(args, script, worker_args, kernel, quick_args):
    """For each round and thread count: the numpy worker, then QuickToolkit. Returns (rows, infos)."""
    if not os.path.isfile(args.jar):
        sys.exit(f"{args.jar} not found: build it with mvn -B -q -o -DskipTests package -pl ortho4j-bench -am")
    rows, infos = [], []
    for rnd in range(args.rounds):
        for t in args.threads:
            lines = run_lines([sys.executable, os.path.abspath(script), "--numpy-worker", "--threads", str(t)]
                              + worker_args + timing_args(args), numpy_env(t), "numpy worker")
            infos += [x["info"] for x in lines if "info" in x]
            rows += [dict(x, round=rnd) for x in lines if "info" not in x]
            java_env = dict(os.environ, OPENBLAS_NUM_THREADS=str(t))
            lines = run_lines([args.java, "--add-modules", "jdk.incubator.vector", "-cp", args.jar, QUICK_TOOLKIT,
                               kernel, "--threads", str(t)] + quick_args + timing_args(args),
                              java_env, "QuickToolkit", ok_codes=(0, 1))   # 1: a result was wrong; keep the lines
            rows += [dict(x, round=rnd) for x in lines]
    return rows, infos


def pick(rows, side, **key):
    """Rows of one side ('numpy' or 'ours') matching key, over all rounds."""
    return [r for r in rows if (r.get("side", "ours") == side) and all(r.get(k) == v for k, v in key.items())]


def summarize(found, threads):
    """Median over rounds of (seconds, basis) for the matching rows, or (None, status) if none ok."""
    ok = [r for r in found if r.get("status") == "ok"]
    if not ok:
        return None, (found[0].get("status") if found else "missing")
    if threads == 1 and all("median_cpu_s" in r for r in ok):
        return statistics.median(r["median_cpu_s"] for r in ok), "cpu"
    return statistics.median(r["median_s"] for r in ok), "wall"


def print_header(rows, infos):
    print(f"# machine: {platform.machine()} {platform.processor() or ''} {os.cpu_count()} CPUs; "
          f"python {platform.python_version()}; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} (at end)")
    print("# for ortho4j (unchanged): " + ", ".join(f"{k}={os.environ.get(k, '(unset)')}" for k in NUMPY_DROPPED_ENV)
          + "; numpy runs with both unset")
    for line in dict.fromkeys(_info_line(i) for i in infos):
        print(line)
    for desc in sorted({r["backend"] + ": " + r["describe"] for r in rows if "describe" in r}):
        print("# ortho4j " + desc)
    for line in dict.fromkeys(f"# {r.get('backend', r.get('case'))}: {r['status']}: {r.get('reason', '')}"
                              for r in rows if r.get("status") not in (None, "ok")):
        print(line)


def _info_line(info):
    pools = "; ".join(", ".join(f"{k}={v}" for k, v in pool.items() if k in
                                ("internal_api", "version", "architecture", "num_threads"))
                      for pool in info["blas"]["pools"]) or "no BLAS pool found"
    scipy = f", scipy {info['scipy']}" if "scipy" in info else ""
    return f"# numpy {info['numpy']}{scipy}, threads={info['threads']}: {pools}"


def print_table(header, body, markdown, numeric):
    """Prints rows (lists of cells) under header; `numeric` names the right-aligned columns."""
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---:" if h in numeric else "---" for h in header) + "|")
        for r in body:
            print("| " + " | ".join(map(str, r)) + " |")
        return
    widths = [max(len(str(x)) for x in col) for col in zip(header, *body)]
    for r in [header] + body:
        print("  ".join(str(x).rjust(w) for x, w in zip(r, widths)))


def write_json(path, rows):
    if not path:
        return
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    os.replace(tmp, path)


def exit_code(rows):
    return 1 if any(r.get("status") == "wrong" for r in rows) else 0


def fmt(x, digits=1):
    return "" if x is None else f"{x:.{digits}f}"
