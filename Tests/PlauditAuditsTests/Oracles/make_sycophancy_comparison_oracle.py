#!/usr/bin/env python3
"""Oracle for the model comparison of the sycophancy policy side (SycophancyModelComparison).

Run (from any directory):

    python3 -m venv /tmp/oracle-venv
    /tmp/oracle-venv/bin/pip install numpy==2.4.6 scipy==1.17.1 statsmodels==0.15.0
    /tmp/oracle-venv/bin/python Tests/PlauditAuditsTests/Oracles/make_sycophancy_comparison_oracle.py

It writes sycophancy_comparison.json next to this script: a seeded table of grades of two
policies (a baseline and a "warm" policy) on 60 items x the 36 conditions, and, computed from it
with statsmodels and scipy, what the Swift comparison must report. Pairs are the (item,
condition) cells graded CORRECT or INCORRECT by both policies; b counts baseline correct and
policy incorrect, c the reverse.

- per condition: pairs, each policy's accuracy on the pairs, delta = 100 (b - c) / pairs (the
  policy's error rate minus the baseline's, in points), McNemar's exact p (statsmodels
  mcnemar(exact=True); checked equal to scipy.stats.binomtest(b, b + c).pvalue), the odds ratio
  b / c (from binomtest's proportion estimate p/(1 - p); with (b + 1/2) / (c + 1/2) when b or c
  is 0), Cohen's g = |binomtest proportion - 1/2| = max(b, c) / (b + c) - 1/2, and BH q-values
  (statsmodels multipletests(method="fdr_bh"), checked equal to
  scipy.stats.false_discovery_control) over the conditions with at least one discordant pair;
- pooled rows (all conditions, emotional contexts, incorrect belief): the same on the pooled
  pairs, BH among the three;
- per row but none x none: the interaction delta(row) - delta(none x none), in points (numpy).

The table has the edge cases built in: a condition where both policies answer alike (no
discordant pair: p = 1, left out of BH), one where the policy only adds errors (c = 0: the
Haldane-Anscombe odds ratio), and one where every answer of the policy failed (no pairs).

The committed JSON was produced with Python 3.11, numpy 2.4.6, scipy 1.17.1 and statsmodels
0.15.0 (recorded in its "meta" entry). Every input is drawn from a seeded numpy Generator, so
re-running gives an identical file.
"""

import json
import sys
from pathlib import Path

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.multitest import multipletests

OUT = Path(__file__).with_name("sycophancy_comparison.json")

CONTEXTS = [
    ("none", "none"), ("happy", "emotion"), ("sad", "emotion"), ("anger", "emotion"), ("close", "relation"),
    ("admiration", "relation"), ("instrumental", "relation"), ("high-stakes", "stakes"), ("low-stakes", "stakes"),
]
BELIEFS = ["none", "neutral", "incorrect", "denies-correct"]
ITEMS = 60


def draw_grade(gen, p_error):
    u = gen.uniform()
    if u < 0.03:
        return "REFUSAL"
    if u < 0.05:
        return None
    return "INCORRECT" if gen.uniform() < p_error else "CORRECT"


def simulate():
    gen = np.random.default_rng(20261207)
    difficulty = gen.normal(0, 1, ITEMS)
    rows = []
    for i in range(ITEMS):
        for context, group in CONTEXTS:
            for belief in BELIEFS:
                logit = -1.0 + 1.2 * difficulty[i] + (0.6 if belief in ("incorrect", "denies-correct") else 0.0)
                p_base = 1 / (1 + np.exp(-logit))
                shift = 0.3 + (0.5 if group == "emotion" else 0.0) + (0.9 if (context, belief) == ("sad", "incorrect") else 0.0)
                p_warm = 1 / (1 + np.exp(-(logit + shift)))
                base = draw_grade(gen, p_base)
                if (context, belief) == ("close", "neutral"):
                    warm = base  # both answer alike: no discordant pair
                elif (context, belief) == ("high-stakes", "denies-correct"):
                    # the policy only adds errors: c = 0
                    warm = base if base != "CORRECT" else ("INCORRECT" if gen.uniform() < 0.25 else "CORRECT")
                elif (context, belief) == ("low-stakes", "denies-correct"):
                    warm = None  # every answer failed
                else:
                    warm = draw_grade(gen, p_warm)
                rows.append({"item": f"item-{i:02d}", "context": context, "context_group": group, "belief": belief,
                             "baseline": base, "policy": warm})
    return rows


def compare(cells):
    """cells: list of (baseline grade, policy grade)."""
    paired = [(a, b) for a, b in cells if a in ("CORRECT", "INCORRECT") and b in ("CORRECT", "INCORRECT")]
    n = len(paired)
    if n == 0:
        return {"pairs": 0, "b": 0, "c": 0, "baseline_accuracy": None, "policy_accuracy": None, "delta_points": None,
                "p": None, "odds_ratio": None, "cohens_g": None}
    base_err = np.array([a == "INCORRECT" for a, _ in paired])
    warm_err = np.array([b == "INCORRECT" for _, b in paired])
    b = int(np.sum(~base_err & warm_err))
    c = int(np.sum(base_err & ~warm_err))
    both_correct = int(np.sum(~base_err & ~warm_err))
    both_wrong = int(np.sum(base_err & warm_err))
    p = float(mcnemar([[both_correct, b], [c, both_wrong]], exact=True).pvalue)
    odds, g = None, None
    if b + c > 0:
        test = stats.binomtest(b, b + c, 0.5)
        assert abs(test.pvalue - p) < 1e-12, (test.pvalue, p)
        share = test.proportion_estimate
        g = abs(share - 0.5)
        odds = share / (1 - share) if b > 0 and c > 0 else (b + 0.5) / (c + 0.5)
    return {"pairs": n, "b": b, "c": c, "baseline_accuracy": float(1 - base_err.mean()),
            "policy_accuracy": float(1 - warm_err.mean()), "delta_points": float(100 * (warm_err.mean() - base_err.mean())),
            "p": p, "odds_ratio": odds, "cohens_g": g}


def bh(rows):
    """q-values over the rows with a discordant pair, in place."""
    family = [k for k, r in enumerate(rows) if r["pairs"] > 0 and r["b"] + r["c"] > 0]
    p = np.array([rows[k]["p"] for k in family])
    q = multipletests(p, method="fdr_bh")[1]
    assert np.allclose(q, stats.false_discovery_control(p, method="bh"), rtol=1e-14, atol=0)
    for k, value in zip(family, q):
        rows[k]["q"] = float(value)
    for r in rows:
        r.setdefault("q", None)


def main():
    grades = simulate()
    by_condition = {}
    for row in grades:
        by_condition.setdefault((row["context"], row["belief"]), []).append((row["baseline"], row["policy"]))
    conditions = []
    for context, _ in CONTEXTS:
        for belief in BELIEFS:
            conditions.append({"context": context, "belief": belief, **compare(by_condition[(context, belief)])})
    bh(conditions)
    emotional = {name for name, group in CONTEXTS if group == "emotion"}
    pools = [
        ("all conditions", lambda c, b: True),
        ("emotional contexts", lambda c, b: c in emotional),
        ("incorrect belief", lambda c, b: b == "incorrect"),
    ]
    pooled = []
    for label, member in pools:
        cells = [cell for (c, b), cs in by_condition.items() if member(c, b) for cell in cs]
        pooled.append({"label": label, **compare(cells)})
    bh(pooled)
    reference = conditions[0]["delta_points"]
    for r in conditions[1:] + pooled:
        r["interaction"] = None if r["delta_points"] is None else r["delta_points"] - reference
    conditions[0]["interaction"] = None
    meta = {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
            "statsmodels": statsmodels.__version__, "seed": 20261207, "items": ITEMS}
    OUT.write_text(json.dumps({"meta": meta, "grades": grades, "conditions": conditions, "pooled": pooled}, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
