#!/usr/bin/env bash
# The MiniLM encoder at realistic response lengths, side by side in one run: plaudit's native
# encoder (OpenBLAS kernel) vs sentence-transformers fp32 (torch) and the ONNX int8 export, at 1
# and 2 threads, on 256 texts of ~128 WordPiece tokens and 128 texts of ~256
# (minilm/responses_128.txt, responses_256.txt; made by minilm/make_long_inputs.py).
# Each route runs in a process of its own (peak RSS includes loading the model); every route
# warms up on the same 16 texts first. Prints JSON lines to minilm/results_lengths.jsonl and a
# Markdown table on stdout. Routes: ROUTES="openblas torch onnx-int8" (add swift-simd for the
# portable kernel; add "before" with BEFORE_BENCH=path/to/an/older/plaudit-bench for a before/after
# comparison in the same run). Called by ../run.sh after its build; alone: BENCH=path/to/plaudit-bench.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${VENV:-/tmp/plaudit-bench-venv}
bench=${BENCH:-.build/release/plaudit-bench}
routes=${ROUTES:-openblas torch onnx-int8}
out=minilm/results_lengths.jsonl
export PLAUDIT_ASSETS=${PLAUDIT_ASSETS:-$(cd .. && pwd)/.plaudit/assets}

: > "$out"
for tokens in 128 256; do
  file=minilm/responses_$tokens.txt
  for threads in 1 2; do
    for route in $routes; do
      case $route in
        openblas|swift-simd) line=$("$bench" minilm "$file" "$threads" "$route") ;;
        before) line=$("$BEFORE_BENCH" minilm "$file" "$threads" openblas | sed 's/"plaudit-minilm-openblas"/"plaudit-minilm-openblas-before"/') ;;
        *) line=$("$venv/bin/python" minilm/bench_python.py --route "$route" --threads "$threads" --sentences "$file" --warmup 16) ;;
      esac
      echo "{\"tokens\": $tokens, ${line#\{}" | tee -a "$out"
    done
  done
done

python3 - "$out" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
print("\n| tokens | route | threads | sentences/s | peak RSS (MB) |\n|---|---|---|---|---|")
for r in rows:
    print(f"| {r['tokens']} | {r['route']} | {r['threads']} | {r['sentences_per_second']:.1f} | {r['peak_rss_mb']:.0f} |")
print("\n| tokens | threads | native / torch sentences/s | native / torch peak RSS |\n|---|---|---|---|")
for t in (128, 256):
    for n in (1, 2):
        pick = {r["route"]: r for r in rows if r["tokens"] == t and r["threads"] == n}
        mine, torch = pick.get("plaudit-minilm-openblas"), pick.get("torch")
        if mine and torch:
            print(f"| {t} | {n} | {mine['sentences_per_second'] / torch['sentences_per_second']:.2f}x | "
                  f"{mine['peak_rss_mb'] / torch['peak_rss_mb']:.2f}x |")
PY
