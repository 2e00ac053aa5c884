#!/usr/bin/env python3
"""The homogeneity benchmark's input and its numpy peer.

    bench_numpy.py make --dimension D --out FILE     # 25 models x 50 generations of one prompt, float32, seeded
    bench_numpy.py run FILE --dimension D [--precision float64|float32]   # the peer's computation, one JSON line

The vectors: per model a direction (prompt centre + model offset), per generation that direction plus noise, so
models overlap partly; stored as raw little-endian float32, row after row (row i belongs to model i // 50).

The computation, as plaudit does it: rows scaled to unit length in float64, the full cosine matrix as one product
U Uᵀ (numpy's BLAS: dgemm in float64, plaudit's precision, or sgemm with --precision float32, which is faster
but reorders near-tied neighbours), clipped to [-1, 1]; then for every row its 50
most similar other rows (ties to the lower index: a stable sort of −cos with the row itself excluded) and the
number of distinct models among the first 5 and the first 50, averaged over rows. Timings are the median of
--repeats runs after one warm-up; peak RSS is the process's (ru_maxrss), numpy's import included.
"""

import argparse
import json
import resource
import statistics
import time

import numpy as np

MODELS, SAMPLES = 25, 50


def make(dimension, out):
    r = np.random.default_rng(20251022 + dimension)
    centre = r.normal(0, 1, dimension)
    offsets = r.normal(0, 0.4, (MODELS, dimension))
    rows = []
    for m in range(MODELS):
        spread = 0.6 + 0.05 * m
        rows.append(centre + offsets[m] + r.normal(0, spread, (SAMPLES, dimension)))
    np.concatenate(rows).astype("<f4").tofile(out)


def matrix(x, precision):
    x64 = x.astype(np.float64)
    norms = np.sqrt((x64 * x64).sum(axis=1))
    units = np.divide(x64, norms[:, None], out=np.zeros_like(x64), where=norms[:, None] > 0).astype(precision)
    return np.clip(units @ units.T, -1, 1)


def neighbours(c, labels, counts=(5, 50)):
    scores = -c.astype(np.float64)
    np.fill_diagonal(scores, np.inf)  # the row itself sorts last
    order = np.argsort(scores, axis=1, kind="stable")[:, : max(counts)]
    out = {}
    for k in counts:
        chosen = np.sort(labels[order[:, :k]], axis=1)
        distinct = 1 + (np.diff(chosen, axis=1) != 0).sum(axis=1)
        out[k] = float(distinct.mean())
    return out


def run(path, dimension, repeats, precision):
    x = np.fromfile(path, dtype="<f4").reshape(-1, dimension)
    labels = np.arange(len(x)) // SAMPLES
    matrix(x, precision)
    times_matrix, times_neighbours = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        c = matrix(x, precision)
        times_matrix.append(time.perf_counter() - start)
        start = time.perf_counter()
        mixing = neighbours(c, labels)
        times_neighbours.append(time.perf_counter() - start)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "route": f"numpy {np.__version__} {precision}", "vectors": len(x), "dimension": dimension,
        "matrix_s": round(statistics.median(times_matrix), 4), "neighbours_s": round(statistics.median(times_neighbours), 4),
        "peak_rss_mb": round(rss, 1), "mean_cosine": round(float(c[np.triu_indices(len(x), 1)].mean()), 6),
        "mixing_5": round(mixing[5], 4), "mixing_50": round(mixing[50], 4),
    }))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["make", "run"])
    parser.add_argument("path", nargs="?")
    parser.add_argument("--dimension", type=int, required=True)
    parser.add_argument("--out")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--precision", choices=["float64", "float32"], default="float64")
    args = parser.parse_args()
    if args.command == "make":
        make(args.dimension, args.out)
    else:
        run(args.path, args.dimension, args.repeats, args.precision)


if __name__ == "__main__":
    main()
