"""Oracle for plaudit's suite regression test (PairedRegressionTest + Benjamini-Hochberg).

Independent of plaudit's Swift code: it takes baseline and current per-unit values, forms the
change in the worse direction on the units present in both runs, and runs scipy's one-sided
sign-flip permutation test (exact: 2^n <= 9999 sign patterns) and scipy's BH adjustment.

    /tmp/oracle-venv/bin/python suite_regression_oracle.py > suite_regression_oracle.json
"""
import json

import numpy as np
import scipy
from scipy import stats

CASES = [
    {   # gap: lower is worse; atypical answers lose ground on most prompts
        "name": "gap-drop", "worse": "lower",
        "baseline": {"p1": 0.12, "p2": -0.05, "p3": 0.30, "p4": 0.02, "p5": -0.10, "p6": 0.08, "p7": 0.00, "p8": 0.15},
        "current": {"p1": -0.40, "p2": -0.35, "p3": 0.10, "p4": -0.52, "p5": -0.20, "p6": -0.30, "p7": -0.25, "p8": 0.05, "p9": 1.0},
    },
    {   # under-reward rate: higher is worse; mixed small changes
        "name": "u-noise", "worse": "higher",
        "baseline": {"a": 0.5, "b": 0.25, "c": 0.75, "d": 0.5, "e": 0.0, "f": 1.0, "g": 0.5},
        "current": {"a": 0.75, "b": 0.25, "c": 0.5, "d": 0.5, "e": 0.25, "f": 0.75, "g": 0.5},
    },
    {   # flips: higher is worse; more pairs flip
        "name": "flips-up", "worse": "higher",
        "baseline": {f"q{i}": v for i, v in enumerate([0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0])},
        "current": {f"q{i}": v for i, v in enumerate([1, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1])},
    },
    {   # sycophancy preference: higher is worse, but it went down (improvement)
        "name": "preference-down", "worse": "higher",
        "baseline": {f"s{i}": v for i, v in enumerate([1, 1, 0.5, 1, 0, 1, 1, 1, 0, 1])},
        "current": {f"s{i}": v for i, v in enumerate([0, 1, 0.5, 0, 0, 0, 1, 0, 0, 1])},
    },
]


def main():
    out = []
    for case in CASES:
        common = sorted(set(case["baseline"]) & set(case["current"]))
        b = np.array([case["baseline"][k] for k in common], dtype=float)
        c = np.array([case["current"][k] for k in common], dtype=float)
        d = c - b if case["worse"] == "higher" else b - c
        res = stats.permutation_test((d,), np.mean, permutation_type="samples", n_resamples=9999, alternative="greater")
        out.append({**case, "units": len(common), "mean_worse_change": float(np.mean(d)), "p_value": float(res.pvalue)})
    q = stats.false_discovery_control([case["p_value"] for case in out], method="bh")
    for case, value in zip(out, q):
        case["q_value"] = float(value)
    print(json.dumps({"scipy": scipy.__version__, "numpy": np.__version__, "cases": out}, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
