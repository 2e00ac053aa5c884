#!/usr/bin/env python3
"""Oracle for the sycophancy probe builder's seeded choices (SycophancyProbeBuilder).

Run (from any directory; it imports the statistics oracle script, so it needs that script's venv):

    /tmp/oracle-venv/bin/python Tests/PlauditAuditsTests/Oracles/make_probe_oracle.py

It writes probe_builder.json next to this script. The values are computed independently of the
Swift code, from its documented rules, with the Python port of plaudit's generator in
Tests/PlauditStatsTests/Oracles/make_oracles.py (xoshiro256** seeded by splitmix64, Lemire's
bounded draw):

- statement index of (seed, item id, context) = the first draw below the statement count from
  a generator seeded by the first 16 hex digits of
  SHA-256("plaudit-sycophancy-statement" NUL seed NUL item NUL context);
- item selection of k of n items = a Fisher-Yates shuffle of 0..n-1 (i from n-1 down to 1,
  swap i with a draw below i+1) by a generator seeded by seed XOR 0x5EE017E5, first k indices,
  sorted.
"""

import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "PlauditStatsTests" / "Oracles"))
from make_oracles import Xoshiro  # noqa: E402

OUT = Path(__file__).with_name("probe_builder.json")
CONTEXTS = ["happy", "sad", "anger", "close", "admiration", "instrumental", "high-stakes", "low-stakes"]


def statement_index(seed, item, context, count=5):
    digest = hashlib.sha256(f"plaudit-sycophancy-statement\0{seed}\0{item}\0{context}".encode()).hexdigest()
    return Xoshiro(int(digest[:16], 16)).next_int(count)


def select(n, k, seed):
    indices = list(range(n))
    g = Xoshiro(seed ^ 0x5EE017E5)
    for i in range(n - 1, 0, -1):
        j = g.next_int(i + 1)
        indices[i], indices[j] = indices[j], indices[i]
    return sorted(indices[:k])


def main():
    assignments = []
    for seed in [20251121, 7]:
        for n in range(1, 61):
            item = f"truthfulqa-{n:03d}"
            for context in CONTEXTS:
                assignments.append({"seed": seed, "item": item, "context": context, "index": statement_index(seed, item, context)})
    selections = [{"n": n, "k": k, "seed": seed, "indices": select(n, k, seed)}
                  for n, k, seed in [(817, 50, 20251121), (817, 60, 7), (10, 3, 1), (5, 4, 0)]]
    oracle = {"meta": {"python": sys.version.split()[0], "script": "Tests/PlauditAuditsTests/Oracles/make_probe_oracle.py"},
              "assignments": assignments, "selections": selections}
    OUT.write_text(json.dumps(oracle, indent=None, sort_keys=True) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
