#!/usr/bin/env bash
# The HTTP scoring benchmark: plaudit's scoring pipeline against a loopback stub, side by side
# in one run with a Python asyncio peer (aiohttp, and httpx) sending the same requests.
#   1. throughput: an unlimited stub (1 event-loop thread), 64 and 256 in flight, 3 runs each;
#   2. saturation: a stub of fixed capacity, 128 slots x 20 ms = 6,400 requests/s, 256 in flight;
#   3. cache: a cold run that stores every answer, then a fully cached rerun (lookups/s).
# Results go to http/results.jsonl; a Markdown table is printed. Loopback only; the stub is
# stopped by PID on exit. Needs PyPI for the peer's venv (default /tmp/plaudit-http-venv).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${VENV:-/tmp/plaudit-http-venv}
responses=${RESPONSES:-40000}
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check "aiohttp==3.14.5" "httpx==0.28.1" >&2
# BIN=folder runs plaudit-http-bench and plaudit-stub already built there (say, a copy of an
# earlier build, to compare two versions in one sitting) instead of building them.
bin=${BIN:-.build/release}
if [ -z "${BIN:-}" ]; then
  swift build -c release --product plaudit-http-bench >&2
  swift build -c release --product plaudit-stub >&2
fi
bench=$bin/plaudit-http-bench
py="$venv/bin/python http/bench_python.py"
out=http/results.jsonl
: > "$out"
stub_pid=""
trap '[ -n "$stub_pid" ] && kill "$stub_pid" 2>/dev/null || true; rm -rf "$scratch"' EXIT
scratch=$(mktemp -d /tmp/plaudit-http-bench-XXXXXX)

start_stub() {
  "$bin/plaudit-stub" "$@" > "$scratch/port" &
  stub_pid=$!
  for _ in $(seq 50); do [ -s "$scratch/port" ] && break; sleep 0.1; done
  url="http://127.0.0.1:$(head -1 "$scratch/port")"
}
stop_stub() { kill "$stub_pid"; wait "$stub_pid" 2>/dev/null || true; stub_pid=""; }

start_stub
for run in 1 2 3; do
  for inflight in 64 256; do
    "$bench" --url "$url" --inflight $inflight --responses "$responses" --label "throughput run $run" | tee -a "$out"
    $py --url "$url" --inflight $inflight --responses "$responses" --client aiohttp --label "throughput run $run" | tee -a "$out"
  done
done
$py --url "$url" --inflight 64 --responses 5000 --client httpx --label "throughput run 1" | tee -a "$out"
stop_stub

start_stub --slots 128 --latency-ms 20
"$bench" --url "$url" --inflight 256 --responses "$responses" --label "saturation 6400/s" | tee -a "$out"
$py --url "$url" --inflight 256 --responses "$responses" --client aiohttp --label "saturation 6400/s" | tee -a "$out"
"$bench" --url "$url" --inflight 256 --responses "$responses" --cache "$scratch/cache.sqlite" --label "saturation 6400/s, cache cold" | tee -a "$out"
"$bench" --url "$url" --inflight 256 --responses "$responses" --cache "$scratch/cache.sqlite" --label "fully cached rerun" | tee -a "$out"
stop_stub

python3 - "$out" <<'PY'
import json, sys, statistics
rows = [json.loads(l) for l in open(sys.argv[1])]
print("\n| label | route | in flight | responses/s | peak RSS (MB) |\n|---|---|---|---|---|")
for r in rows:
    print(f"| {r['label']} | {r['route']} | {r['inflight']} | {r['responses_per_second']:,.0f} | {r['peak_rss_mb']:.0f} |")
def med(route, inflight):
    v = [r["responses_per_second"] for r in rows if r["label"].startswith("throughput") and r["route"].startswith(route) and r["inflight"] == inflight]
    return statistics.median(v) if v else float("nan")
print()
for n in (64, 256):
    p, a = med("plaudit", n), med("python aiohttp", n)
    print(f"median at {n} in flight: plaudit {p:,.0f}/s, aiohttp {a:,.0f}/s, ratio {p / a:.2f}x")
sat = [r for r in rows if r["label"] == "saturation 6400/s"]
for r in sat:
    print(f"saturation: {r['route']} {r['responses_per_second']:,.0f}/s = {100 * r['responses_per_second'] / 6400:.1f}% of 6,400/s")
for r in (r for r in rows if r["label"] == "saturation 6400/s, cache cold"):
    print(f"saturation, every answer stored: {r['route']} {r['responses_per_second']:,.0f}/s = {100 * r['responses_per_second'] / 6400:.1f}% of 6,400/s")
cached = [r for r in rows if r["label"] == "fully cached rerun"]
for r in cached:
    print(f"fully cached rerun: {r['responses_per_second']:,.0f} lookups/s, {r['cache_hits']} hits, {r['requests']} requests")
PY
