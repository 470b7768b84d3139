#!/usr/bin/env python3
"""NS5 (Newton-Schulz, MUON coefficients, 5 steps): ortho4j next to numpy, measured in one run.

The numpy peer is the plain NS5 of KellerJordan/Muon (muon.py, zeropower_via_newtonschulz5)
written in numpy, in the dtype of the row (float32 for the targets):
    X = G / (||G||_F + 1e-7);  X = X.T if G is tall
    5 times:  A = X @ X.T;  B = b*A + c*(A @ A);  X = a*X + B @ X       (a, b, c) = (3.4445, -4.7750, 2.0315)
    X.T if G was tall
ortho4j runs NewtonSchulz.muon().form(PLAIN or GRAM).backend(B) with a reused workspace and
output (QuickToolkit ns). Both sides orthogonalize a Gaussian input of the same shape.

Printed per (shape, dtype, threads, form, backend): ours and numpy milliseconds per call, the
speed ratio numpy_time / ours_time (> 1: ours faster), ours GFLOP/s (NewtonSchulz.flops: the
form's own count, SYRK as a full GEMM), the target and OK/LOW. Targets, float32 with the native
backend: plain >= 0.9 on every shape; gram >= 1.3 on the 1:4 shapes (1024x4096, 4096x1024).
Other rows are informative ("-"). See compare_common.py for the environment and timing rules
(one-thread figures by CPU time).

Examples (after mvn -B -q -o -DskipTests package -pl ortho4j-bench -am):
    python3 ortho4j-bench/scripts/ns_compare.py                       # 3 shapes, float, native, 1 thread, 2 rounds
    python3 ortho4j-bench/scripts/ns_compare.py --threads 1,2 --rounds 3 --markdown
    python3 ortho4j-bench/scripts/ns_compare.py --shapes 256x1024 --dtypes float,double --backends native,java
"""
import argparse
import sys

import numpy as np

sys.dont_write_bytecode = True      # keep the scripts folder free of __pycache__
import compare_common as cc  # noqa: E402

COEFFS = (3.4445, -4.7750, 2.0315)
TARGETS = {"plain": 0.9, "gram": 1.3}


def target(shape, form, dtype, backend):
    """Target speed ratio of a row, or None where the issue sets none."""
    r, c = shape
    if dtype != "float" or backend != "native":
        return None
    if form == "plain":
        return TARGETS["plain"]
    return TARGETS["gram"] if max(r, c) == 4 * min(r, c) else None


def parse_shape(text):
    try:
        r, c = (int(x) for x in text.lower().split("x"))
        if r >= 1 and c >= 1:
            return r, c
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"{text!r}: expected ROWSxCOLS")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--shapes", type=lambda s: [parse_shape(x) for x in cc.str_list(s)],
                   default=[(1024, 1024), (1024, 4096), (4096, 1024)], help="ROWSxCOLS list (default the three targets)")
    p.add_argument("--forms", type=cc.str_list, default=["plain", "gram"], help="plain and/or gram")
    p.add_argument("--dtypes", type=cc.str_list, default=["float"], help="float and/or double (default float)")
    p.add_argument("--backends", type=cc.str_list, default=["native"], help="ortho4j backends (default native)")
    cc.add_common_args(p, repeats=5, sample_seconds=0.5, warmup_seconds=2.0, rounds=2, threads="1")
    args = p.parse_args(argv)
    cc.check_common_args(p, args)
    for f in args.forms:
        if f not in TARGETS:
            p.error(f"--forms: {f!r}, expected plain or gram")
    for d in args.dtypes:
        if d not in ("float", "double"):
            p.error(f"--dtypes: {d!r}, expected float or double")
    return args


# ---------------------------------------------------------------------------------------------
# numpy worker

def ns5_numpy(g, eps):
    """KellerJordan/Muon's zeropower_via_newtonschulz5 in numpy, in g's dtype."""
    a, b, c = COEFFS
    x = g / (np.linalg.norm(g) + eps)
    tall = g.shape[0] > g.shape[1]
    if tall:
        x = x.T
    for _ in range(5):
        am = x @ x.T
        bm = b * am + c * (am @ am)
        x = a * x + bm @ x
    return x.T if tall else x


def numpy_worker(args):
    threads = args.threads[0]
    print(cc.json.dumps(cc.worker_info(threads)), flush=True)
    rng = np.random.default_rng(20240601)
    for dtype in args.dtypes:
        npt = np.float32 if dtype == "float" else np.float64
        eps = npt(1e-7)
        for r, c in args.shapes:
            g = rng.standard_normal((r, c)).astype(npt)
            row = {"side": "numpy", "case": "ns", "shape": f"{r}x{c}", "dtype": dtype, "threads": threads}
            row.update(cc.time_call(lambda: ns5_numpy(g, eps), args, cpu=threads == 1))
            print(cc.json.dumps(row), flush=True)


def plain_flops(r, c):
    r, c = min(r, c), max(r, c)
    return 5 * (4.0 * r * r * c + 2.0 * r ** 3)


# ---------------------------------------------------------------------------------------------
# driver

def table(rows, args):
    body = []
    for r, c in args.shapes:
        shape = f"{r}x{c}"
        for dtype in args.dtypes:
            for t in args.threads:
                ref_s, ref_basis = cc.summarize(cc.pick(rows, "numpy", shape=shape, dtype=dtype, threads=t), t)
                for form in args.forms:
                    for backend in args.backends:
                        found = cc.pick(rows, "ours", shape=shape, dtype=dtype, threads=t, form=form, backend=backend)
                        ours_s, basis = cc.summarize(found, t)
                        tgt = target((r, c), form, dtype, backend)
                        tgt_text = f">= {tgt}" if tgt else "-"
                        if ours_s is None or ref_s is None:
                            body.append([shape, dtype, t, form, backend, basis if ours_s is None else cc.fmt(ours_s * 1e3),
                                         cc.fmt(ref_s and ref_s * 1e3), "", "", tgt_text,
                                         "n/a" if basis == "n/a" else "FAIL", ""])
                            continue
                        if basis != ref_basis:
                            basis = "wall"
                            ours_s, _ = cc.summarize(found, 2)
                            ref_s, _ = cc.summarize(cc.pick(rows, "numpy", shape=shape, dtype=dtype, threads=t), 2)
                        ok = next(x for x in found if x.get("status") == "ok")
                        gflops = ok["gflops"] * ok["median_s"] / ours_s      # the case's GFLOP per call / time
                        ratio = ref_s / ours_s
                        verdict = "-" if tgt is None else ("OK" if ratio >= tgt else "LOW")
                        body.append([shape, dtype, t, form, backend, cc.fmt(ours_s * 1e3), cc.fmt(ref_s * 1e3),
                                     f"{ratio:.2f}", cc.fmt(gflops), tgt_text, verdict, basis])
    return body


HEADER = ["shape", "dtype", "threads", "form", "backend", "ours ms", "numpy ms", "speed ratio",
          "ours GFLOP/s", "target", "verdict", "basis"]


def main(argv):
    args = parse_args(argv)
    if args.numpy_worker:
        numpy_worker(args)
        return 0
    shapes = ",".join(f"{r}x{c}" for r, c in args.shapes)
    rows, infos = cc.measure(args, __file__,
                             ["--shapes", shapes, "--dtypes", ",".join(args.dtypes)], "ns",
                             ["--shapes", shapes, "--forms", ",".join(args.forms), "--dtypes", ",".join(args.dtypes),
                              "--backends", ",".join(args.backends)])
    cc.print_header(rows, infos)
    print(f"# {args.rounds} round(s) x {args.repeats} samples; speed ratio = numpy time / ours time; "
          f"numpy peer plain NS5 = {plain_flops(1024, 4096) / 1e9:.1f} GFLOP at 1024x4096")
    cc.print_table(HEADER, table(rows, args), args.markdown,
                   {"threads", "ours ms", "numpy ms", "speed ratio", "ours GFLOP/s"})
    cc.write_json(args.json, rows)
    return cc.exit_code(rows)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
