#!/usr/bin/env python3
"""Python peer for the Swift VADER benchmark: vaderSentiment 3.3.2 polarity_scores over a sentence file.

Venv (PyPI only):

    bash Benchmarks/setup_python_peers.sh            # -> /tmp/plaudit-bench-venv (includes vaderSentiment)
    # or just:
    python3 -m venv /tmp/plaudit-vader-venv && /tmp/plaudit-vader-venv/bin/pip install vaderSentiment==3.3.2

Run (from the repository root):

    /tmp/plaudit-bench-venv/bin/python Benchmarks/vader/bench_vader_python.py --threads 1
    /tmp/plaudit-bench-venv/bin/python Benchmarks/vader/bench_vader_python.py --threads 2 \
        --sentences Benchmarks/minilm/sentences.txt --repeat 5

It prints one JSON line {"route": "vaderSentiment", "threads", "sentences", "seconds",
"sentences_per_second", "peak_rss_mb"}.

* "sentences" is the number of polarity_scores calls timed: lines of the file x --repeat (default 5, so that
  the timed span is long enough to read on a noisy machine).
* "seconds" excludes building SentimentIntensityAnalyzer (lexicon load) and a warm-up over the first 100
  lines.
* vaderSentiment is pure Python, so threads cannot run it in parallel (GIL). --threads 1 scores in this
  process; --threads N > 1 uses N worker processes (multiprocessing, fork), each with its own analyzer,
  built and warmed before the clock starts, the lines split into N contiguous chunks per repeat.
  "peak_rss_mb" is ru_maxrss in MB (Linux gives KB): for N = 1 this process (analyzer load included); for
  N > 1 this process plus N times the largest worker (RUSAGE_CHILDREN, read after the workers exit), an
  upper bound since forked pages are shared.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

DEFAULT_SENTENCES = Path(__file__).resolve().parent.parent / "minilm" / "sentences.txt"

_analyzer = None


def _init_worker(warm: list[str]) -> None:
    global _analyzer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    _analyzer = SentimentIntensityAnalyzer()
    for s in warm:
        _analyzer.polarity_scores(s)


def _score_chunk(chunk: list[str]) -> int:
    assert _analyzer is not None
    n = 0
    for s in chunk:
        _analyzer.polarity_scores(s)
        n += 1
    return n


def _ping(_: int) -> int:
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description="vaderSentiment throughput peer (one JSON line).")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--sentences", type=Path, default=DEFAULT_SENTENCES)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    lines = [l for l in args.sentences.read_text(encoding="utf-8").split("\n") if l]
    warm = lines[:100]
    n = max(1, args.threads)

    if n == 1:
        _init_worker(warm)
        t0 = time.perf_counter()
        done = 0
        for _ in range(args.repeat):
            done += _score_chunk(lines)
        seconds = time.perf_counter() - t0
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    else:
        ctx = mp.get_context("fork")
        size = -(-len(lines) // n)
        chunks = [lines[i:i + size] for i in range(0, len(lines), size)]
        with ctx.Pool(n, initializer=_init_worker, initargs=(warm,)) as pool:
            pool.map(_ping, range(n * 4), chunksize=1)  # make sure every worker has initialised
            t0 = time.perf_counter()
            done = 0
            for _ in range(args.repeat):
                done += sum(pool.map(_score_chunk, chunks, chunksize=1))
            seconds = time.perf_counter() - t0
            pool.close()
            pool.join()
        peak_kb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                   + n * resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)

    print(
        json.dumps(
            {
                "route": "vaderSentiment",
                "threads": n,
                "sentences": done,
                "seconds": round(seconds, 4),
                "sentences_per_second": round(done / seconds, 2),
                "peak_rss_mb": round(peak_kb / 1024, 1),
            }
        ),
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
