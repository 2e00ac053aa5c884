#!/usr/bin/env bash
# The scale benchmark: `plaudit audit` (release build) on seeded synthetic data of 10,000 and
# 100,000 prompts x 12 responses with three scorers from a scores file and the lexical
# embedder, wall time and peak RSS from GNU time, phase timings from results.json.
#   bash Benchmarks/scale/run.sh            # SIZES="10000 100000" by default
# Set PLAUDIT=/path/to/plaudit to time a binary already built (otherwise it builds one).
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=${SIZES:-"10000 100000"}
scratch=${SCRATCH:-/tmp/plaudit-scale-bench}
if [ -z "${PLAUDIT:-}" ]; then
  swift build -c release --product plaudit >&2
  PLAUDIT=.build/release/plaudit
fi
mkdir -p "$scratch"
: > Benchmarks/scale/results.jsonl
for n in $sizes; do
  dir="$scratch/$n"
  [ -s "$dir/scores.jsonl" ] || python3 Benchmarks/scale/make_data.py "$n" "$dir"
  rm -rf "$dir/out"
  /usr/bin/time -v -o "$dir/time.txt" "$PLAUDIT" audit "$dir/data.jsonl" --scores "$dir/scores.jsonl" --embedder lexical \
    --no-cache --quiet --out "$dir/out" > "$dir/console.txt" || true
  python3 - "$n" "$dir" >> Benchmarks/scale/results.jsonl <<'PY'
import json, re, sys
n, d = int(sys.argv[1]), sys.argv[2]
t = open(f"{d}/time.txt").read()
wall = t.split("Elapsed (wall clock) time (h:mm:ss or m:ss): ")[1].split("\n")[0].split(":")
seconds = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
exit_status = int(re.search(r"Exit status: (\d+)", t).group(1))
m = json.load(open(f"{d}/out/results.json"))["manifest"] if exit_status in (0, 1) else {"timings": {}, "counts": {}}
print(json.dumps({"prompts": n, "exit": exit_status, "wall_s": round(seconds, 1), "peak_rss_mb": round(rss), "ms_per_prompt": round(1000 * seconds / n, 2),
                  "timings": {k: round(v, 1) for k, v in m["timings"].items()}, "pairs": m["counts"].get("pairs")}))
PY
  tail -1 Benchmarks/scale/results.jsonl
done
