#!/usr/bin/env python3
"""Deterministic synthetic scores files for the golden-output jobs (no model needed).

The bundled fixtures carry no reward-model scores, so the golden jobs score them with these
files. Every score is a pure function of (item id, response id, scorer name) and, for the
length-sensitive scorer, the response text: nothing random, nothing machine-dependent. Scores
are written with 6 decimals, so the files are byte-identical wherever this script runs.

    python3 scripts/golden/make-scores.py   # rewrites Tests/Golden/inputs/*.jsonl

Scorers:
  hash-rm      uniform in [-3, 3] from SHA-256(item|response|scorer): a scorer with no gap.
  length-rm    hash noise + 0.05 × words: a length-sensitive scorer (so γ has something to do).
  atypical-rm  hash noise, minus 1.0 for a response whose `cluster` label is not its prompt's
               largest label cluster: a planted under-rewarding scorer (calibration data only).
For the sycophancy variants (item = probe id, response = variant name):
  hash-rm      as above.
  warm-rm      hash noise + 0.8 for warm-* variants and + 0.5 for *-wrong variants.

The *-regressed.jsonl files hold the same scorers with a planted regression, for the suite job
that must fail against its baseline: every scorer loses 1.5 more on atypical answers
(calibration), and gains 3 on warm-wrong answers (sycophancy).
"""
import collections
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "Golden", "inputs")


def unit(*parts):
    """A number in [0, 1) from the SHA-256 of the parts (first 8 bytes, big-endian)."""
    digest = hashlib.sha256("|".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2.0**64


def row(item, response, scorer, score):
    return json.dumps({"item_id": item, "response_id": response, "scorer": scorer, "score": float(f"{score:.6f}")},
                      sort_keys=True)


def calibration(paths, out, regressed=False):
    lines = []
    for path in paths:
        with open(os.path.join(ROOT, path), encoding="utf-8") as f:
            for text in f:
                if not text.strip():
                    continue
                item = json.loads(text)
                sizes = collections.Counter(r.get("cluster") for r in item["responses"])
                modal = max(sizes.items(), key=lambda kv: (kv[1], kv[0] or ""))[0]
                for r in item["responses"]:
                    iid, rid = item["id"], r["id"]
                    noise = lambda s: 6.0 * unit(iid, rid, s) - 3.0
                    words = len(r["text"].split())
                    atypical = r.get("cluster") != modal
                    extra = -1.5 if regressed and atypical else 0.0
                    lines.append(row(iid, rid, "hash-rm", noise("hash-rm") + extra))
                    lines.append(row(iid, rid, "length-rm", noise("length-rm") + 0.05 * words + extra))
                    lines.append(row(iid, rid, "atypical-rm", noise("atypical-rm") - (1.0 if atypical else 0.0) + extra))
    write(out, lines)


def sycophancy(path, out, regressed=False):
    lines = []
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        for text in f:
            if not text.strip():
                continue
            probe = json.loads(text)
            for variant in sorted(probe["variants"]):
                pid = probe["id"]
                extra = 3.0 if regressed and variant == "warm-wrong" else 0.0
                lines.append(row(pid, variant, "hash-rm", 6.0 * unit(pid, variant, "hash-rm") - 3.0 + extra))
                bonus = (0.8 if variant.startswith("warm-") else 0.0) + (0.5 if variant.endswith("-wrong") else 0.0)
                lines.append(row(pid, variant, "warm-rm", 2.0 * unit(pid, variant, "warm-rm") - 1.0 + bonus + extra))
    write(out, lines)


def write(name, lines):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(lines)} scores to {os.path.relpath(os.path.join(OUT, name), ROOT)}")


if __name__ == "__main__":
    if len(sys.argv) != 1:
        sys.exit(__doc__)
    calibration(["fixtures/open-ended/part-a.jsonl", "fixtures/open-ended/part-b.jsonl"], "open-ended-scores.jsonl")
    calibration(["fixtures/suites/data/open-ended-6.jsonl"], "open-ended-6-scores.jsonl")
    sycophancy("fixtures/sycophancy/variants.jsonl", "variants-scores.jsonl")
    sycophancy("fixtures/suites/data/variants-10.jsonl", "variants-10-scores.jsonl")
    calibration(["fixtures/suites/data/open-ended-6.jsonl"], "open-ended-6-scores-regressed.jsonl", regressed=True)
    sycophancy("fixtures/suites/data/variants-10.jsonl", "variants-10-scores-regressed.jsonl", regressed=True)
