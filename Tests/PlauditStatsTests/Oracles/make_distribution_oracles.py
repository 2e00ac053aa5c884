#!/usr/bin/env python3
"""Oracle values for PlauditStats' Wasserstein-1 distance and histogram counts.

Run (from any directory), with the pinned versions of make_oracles.py:

    /tmp/oracle-venv/bin/python Tests/PlauditStatsTests/Oracles/make_distribution_oracles.py

It writes distribution_oracles.json next to this script: `scipy.stats.wasserstein_distance(u, v)` for
pairs of samples (sizes that differ, ties, repeated values, single points, shifted copies) and
`numpy.histogram(values, bins=edges)` counts for uneven edges, values exactly on edges and values
outside the range (which numpy leaves out). Inputs are fixed or drawn from a seeded numpy Generator,
so re-running gives an identical file.
"""

import json
from pathlib import Path

import numpy as np
import scipy
from scipy import stats

OUT = Path(__file__).resolve().parent / "distribution_oracles.json"
GEMO_BINS = [-0.05, 0.35, 0.55, 0.75, 0.85, 0.95, 1.05]


def floats(values):
    return [float(v) for v in values]


def main():
    rng = np.random.default_rng(20251121)
    pairs = [
        ("single points", [0.0], [1.0]),
        ("identical samples", [0.1, 0.5, 0.5, 0.9], [0.9, 0.5, 0.1, 0.5]),
        ("shifted copy", [0.0, 1.0, 2.0, 3.0], [0.5, 1.5, 2.5, 3.5]),
        ("unequal sizes with ties", [0.2, 0.2, 0.4, 1.0], [0.0, 0.2, 0.6]),
        ("shares of ten", [k / 10 for k in rng.integers(0, 11, 40)], [k / 10 for k in rng.integers(6, 11, 55)]),
        ("normal vs normal", floats(rng.normal(0, 1, 200)), floats(rng.normal(0.3, 1.5, 150))),
        ("skewed", floats(rng.exponential(1.0, 31)), floats(rng.uniform(-1, 3, 17))),
        ("negative values", [-3.0, -1.0, -1.0, 2.0], [-2.5, 0.0]),
    ]
    wasserstein = [
        {"name": name, "u": floats(u), "v": floats(v), "distance": float(stats.wasserstein_distance(u, v))}
        for name, u, v in pairs
    ]
    histogram_inputs = [
        ("GeMO bins, shares of ten", [k / 10 for k in rng.integers(0, 11, 60)], GEMO_BINS),
        ("GeMO bins, values on every edge and outside", GEMO_BINS + [-0.2, 1.2, 0.0, 1.0, 0.5, 0.9], GEMO_BINS),
        ("GeMO bins, shares of twenty", [k / 20 for k in range(21)], GEMO_BINS),
        ("uneven edges", floats(rng.normal(0, 2, 100)), [-3.0, -1.0, 0.0, 0.5, 4.0]),
        ("empty", [], [0.0, 1.0, 2.0]),
    ]
    histograms = [
        {"name": name, "values": floats(values), "edges": floats(edges),
         "counts": [int(c) for c in np.histogram(values, bins=edges)[0]]}
        for name, values, edges in histogram_inputs
    ]
    result = {
        "meta": {"numpy": np.__version__, "scipy": scipy.__version__},
        "wasserstein": wasserstein,
        "histogram": histograms,
    }
    OUT.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
