#!/usr/bin/env bash
# The homogeneity benchmark: 25 models x 50 generations of one prompt (1,250 synthetic vectors) at 384 and 1,536
# dimensions. plaudit (release build, Benchmarks/) and a numpy peer do the same computation on the same vectors,
# one after the other in this run: the full cosine matrix and the nearest-neighbour model counts (N = 5 and 50);
# plaudit also times its whole one-prompt analysis. The peer runs in float64 (plaudit's precision) and float32, each
# with its BLAS on 1 thread (plaudit analyses one prompt on one thread) and with its default threads. Results go to
# homogeneity/results.jsonl; a table is printed.
# Needs numpy (default: /tmp/oracle-venv, numpy 2.4.6; override with PYTHON=...).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-/tmp/oracle-venv/bin/python}
repeats=${REPEATS:-5}
swift build -c release --product plaudit-homogeneity-bench >&2
bench=.build/release/plaudit-homogeneity-bench
scratch=$(mktemp -d /tmp/plaudit-homogeneity-bench-XXXXXX)
trap 'rm -rf "$scratch"' EXIT
out=homogeneity/results.jsonl
: > "$out"
for dimension in 384 1536; do
  "$python" homogeneity/bench_numpy.py make --dimension $dimension --out "$scratch/v$dimension.f32"
  "$bench" "$scratch/v$dimension.f32" $dimension "$repeats" | tee -a "$out"
  for precision in float64 float32; do
    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 "$python" homogeneity/bench_numpy.py run "$scratch/v$dimension.f32" \
      --dimension $dimension --repeats "$repeats" --precision $precision | sed 's/"route": "numpy /"route": "1 BLAS thread: numpy /' | tee -a "$out"
    "$python" homogeneity/bench_numpy.py run "$scratch/v$dimension.f32" --dimension $dimension --repeats "$repeats" --precision $precision \
      | sed 's/"route": "numpy /"route": "default BLAS threads: numpy /' | tee -a "$out"
  done
done
python3 - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("\n| route | dimension | full matrix (ms) | nearest neighbours, N = 5 and 50 (ms) | whole analysis (ms) | peak RSS (MB) | mean cosine | models in 5-NN / 50-NN |")
print("|---|---|---|---|---|---|---|---|")
for r in rows:
    analysis = f"{1000 * r['analysis_s']:.0f}" if "analysis_s" in r else ""
    print(f"| {r['route']} | {r['dimension']} | {1000 * r['matrix_s']:.1f} | {1000 * r['neighbours_s']:.1f} | {analysis} | "
          f"{r['peak_rss_mb']:.0f} | {r['mean_cosine']:.6f} | {r['mixing_5']:.4f} / {r['mixing_50']:.4f} |")
PY
