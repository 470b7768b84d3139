#!/usr/bin/env python3
"""Fast transforms (FWHT, FFT, FFTBR): ortho4j next to numpy, measured in one run.

Cases (n = 2^20 by default; inputs uniform in [-1, 1)):
  * fwht double/float: ortho4j Fwht.orthonormal(n).transform(x) in place, vs a numpy-vectorized
    orthonormal FWHT: log2(n) butterfly stages, each one np.add and one np.subtract over the
    (n/2h, 2, h) view of the data into a preallocated ping-pong buffer, then one scaling by
    1/sqrt(n). Target: ours time <= numpy time (ratio <= 1.0).
  * fft double/float: ortho4j Fft.forward on interleaved complex data (each call first copies the
    input into the work array) vs np.fft.fft on complex128/complex64 (allocates its output).
    Target for double: ours time <= 1.5 x numpy's; float is informative.
  * fftbr double: ortho4j FftBr.forward (bit-reversed input, orthonormal, split complex, in place)
    vs np.fft.fft(x[bitrev]) * (1/sqrt(n)) on complex128. Informative.
numpy's FFT and elementwise operations are single-threaded, so rows with threads > 1 set ortho4j's
threads against one-threaded numpy (wall time). See compare_common.py for the environment and
timing rules (one-thread figures by CPU time).

Examples (after mvn -B -q -o -DskipTests package -pl ortho4j-bench -am):
    python3 ortho4j-bench/scripts/transforms_compare.py                  # n = 2^20, 1 thread, 3 rounds
    python3 ortho4j-bench/scripts/transforms_compare.py --n 65536,1048576 --threads 1,2 --markdown
"""
import argparse
import sys

import numpy as np

sys.dont_write_bytecode = True      # keep the scripts folder free of __pycache__
import compare_common as cc  # noqa: E402

# (kind, dtype) -> target time ratio ours/numpy, None for informative rows
CASES = {("fwht", "double"): 1.0, ("fwht", "float"): 1.0, ("fft", "double"): 1.5, ("fft", "float"): None,
         ("fftbr", "double"): None}


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--n", type=cc.int_list, default=[1 << 20], help="transform lengths, powers of two (default 1048576)")
    p.add_argument("--kinds", type=cc.str_list, default=["fwht", "fft", "fftbr"], help="fwht, fft and/or fftbr")
    cc.add_common_args(p, repeats=7, sample_seconds=0.3, warmup_seconds=1.5, rounds=3, threads="1")
    args = p.parse_args(argv)
    cc.check_common_args(p, args)
    for n in args.n:
        if n & (n - 1):
            p.error(f"--n: {n} is not a power of two")
    for k in args.kinds:
        if k not in ("fwht", "fft", "fftbr"):
            p.error(f"--kinds: {k!r}, expected fwht, fft or fftbr")
    return args


def cases(args):
    return [(k, d) for (k, d) in CASES if k in args.kinds]


# ---------------------------------------------------------------------------------------------
# numpy worker

def fwht_numpy(x, bufs, scale):
    """Orthonormal FWHT of x (left unchanged for n > 1), one vectorized butterfly stage at a time,
    alternating between the two preallocated buffers; returns the buffer holding the result."""
    n = x.shape[0]
    src, out, h = x, bufs[0], 1
    while h < n:
        v, w = src.reshape(-1, 2, h), out.reshape(-1, 2, h)
        np.add(v[:, 0], v[:, 1], out=w[:, 0])
        np.subtract(v[:, 0], v[:, 1], out=w[:, 1])
        src, out = out, (bufs[1] if out is bufs[0] else bufs[0])
        h *= 2
    src *= scale
    return src


def bit_reversal(n):
    m = n.bit_length() - 1
    i = np.arange(n, dtype=np.int64)
    r = np.zeros(n, dtype=np.int64)
    for b in range(m):
        r |= ((i >> b) & 1) << (m - 1 - b)
    return r


def numpy_worker(args):
    threads = args.threads[0]
    print(cc.json.dumps(cc.worker_info(threads)), flush=True)
    for kind, dtype in cases(args):
        real = np.float64 if dtype == "double" else np.float32
        cplx = np.complex128 if dtype == "double" else np.complex64
        for n in args.n:
            rng = np.random.default_rng(20240601 + n)
            if kind == "fwht":
                x = rng.uniform(-1, 1, n).astype(real)
                bufs = (np.empty_like(x), np.empty_like(x))
                scale = real(1 / np.sqrt(n))
                y = fwht_numpy(x, bufs, scale)
                k = int(rng.integers(n))        # check one output against its definition
                signs = 1.0 - 2.0 * (np.bitwise_count(np.arange(n) & k) & 1)
                if not abs(y[k] - (signs * x.astype(np.float64)).sum() * float(scale)) < 1e-2:
                    sys.exit(f"numpy FWHT peer is wrong at output {k}")
                run = lambda: fwht_numpy(x, bufs, scale)
            else:
                z = (rng.uniform(-1, 1, n) + 1j * rng.uniform(-1, 1, n)).astype(cplx)
                if kind == "fft":
                    run = lambda: np.fft.fft(z)
                else:
                    rev, scale = bit_reversal(n), real(1 / np.sqrt(n))

                    def run():
                        y = np.fft.fft(z[rev])
                        y *= scale
                        return y
                if run().dtype != cplx:
                    sys.exit(f"numpy's FFT of {cplx.__name__} returned another type")
            row = {"side": "numpy", "case": kind, "dtype": dtype, "n": n, "threads": threads}
            row.update(cc.time_call(run, args, cpu=threads == 1))
            print(cc.json.dumps(row), flush=True)


# ---------------------------------------------------------------------------------------------
# driver

def table(rows, args):
    body = []
    for kind, dtype in cases(args):
        tgt = CASES[(kind, dtype)]
        tgt_text = f"<= {tgt}" if tgt else "-"
        for n in args.n:
            for t in args.threads:
                key = dict(case=kind, dtype=dtype, n=n, threads=t)
                ref_s, ref_basis = cc.summarize(cc.pick(rows, "numpy", **key), t)
                ours_s, basis = cc.summarize(cc.pick(rows, "ours", **key), t)
                if ours_s is None or ref_s is None:
                    body.append([kind, dtype, n, t, basis if ours_s is None else cc.fmt(ours_s * 1e3, 2),
                                 cc.fmt(ref_s and ref_s * 1e3, 2), "", tgt_text, "FAIL", basis])
                    continue
                ratio = ours_s / ref_s
                verdict = "-" if tgt is None else ("OK" if ratio <= tgt else "LOW")
                body.append([kind, dtype, n, t, cc.fmt(ours_s * 1e3, 2), cc.fmt(ref_s * 1e3, 2), f"{ratio:.2f}",
                             tgt_text, verdict, basis])
    return body


HEADER = ["transform", "dtype", "n", "threads", "ours ms", "numpy ms", "time ratio", "target", "verdict", "basis"]


def main(argv):
    args = parse_args(argv)
    if args.numpy_worker:
        numpy_worker(args)
        return 0
    sizes = ",".join(map(str, args.n))
    rows, infos = [], []
    for kind in args.kinds:
        dtypes = ",".join(d for k, d in cases(args) if k == kind)
        quick = ["--n", sizes] + (["--dtypes", dtypes] if kind != "fftbr" else [])
        r, i = cc.measure(args, __file__, ["--n", sizes, "--kinds", kind], kind, quick)
        rows += r
        infos += i
    cc.print_header(rows, infos)
    print(f"# {args.rounds} round(s) x {args.repeats} samples; time ratio = ours time / numpy time")
    cc.print_table(HEADER, table(rows, args), args.markdown, {"n", "threads", "ours ms", "numpy ms", "time ratio"})
    cc.write_json(args.json, rows)
    return cc.exit_code(rows)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
