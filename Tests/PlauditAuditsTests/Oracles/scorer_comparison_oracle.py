"""Oracle for plaudit's scorer comparison (ScorerComparisons): paired differences of per-prompt
gaps between scorers, the paired cluster bootstrap, the sign-flip test, Benjamini-Hochberg across
pairs, mean within-prompt Kendall tau-b, and the overlap of each scorer's 20 worst pairs.

Independent of plaudit's Swift code: numpy and scipy only.

    python3 scorer_comparison_oracle.py > scorer_comparison_oracle.json
"""
import json

import numpy as np
import scipy
from scipy import stats

SCORERS = ["a", "b", "c"]
PAIRS = [(4, 0), (4, 1), (5, 0), (5, 1)]  # (atypical, modal) response indices in every prompt


def paired_bootstrap(d, resamples, confidence, rng):
    n = len(d)
    idx = rng.integers(0, n, size=(resamples, n))
    means = d[idx].mean(axis=1)
    alpha = (1 - confidence) / 2
    lower, upper = np.quantile(means, [alpha, 1 - alpha])
    return float(lower), float(upper), float(means.std(ddof=1))


def sign_flip_p(d):
    # 2^n <= 9999 for the case sizes used: scipy enumerates every sign pattern (exact).
    res = stats.permutation_test((d,), np.mean, permutation_type="samples", n_resamples=9999, alternative="two-sided")
    return float(res.pvalue)


def case(name, prompts, seed, shift):
    rng = np.random.default_rng(seed)
    # Per-prompt G and U of three scorers; b is shifted down (under-rewards more), c close to a.
    gaps = {s: rng.normal(0, 0.6, prompts) for s in SCORERS}
    gaps["b"] = gaps["b"] - shift
    gaps["c"] = gaps["a"] + rng.normal(0, 0.3, prompts)
    unders = {s: np.clip(0.5 - gaps[s] / 3 + rng.normal(0, 0.05, prompts), 0, 1) for s in SCORERS}
    gaps = {s: np.round(v, 4) for s, v in gaps.items()}
    unders = {s: np.round(v, 4) for s, v in unders.items()}
    # Scores of 6 responses per prompt, rounded to one decimal so ties occur; c leaves some unscored.
    latent = rng.normal(0, 1, (prompts, 6))
    scores = {
        "a": np.round(latent + rng.normal(0, 0.5, latent.shape), 1),
        "b": np.round(latent + rng.normal(0, 1.0, latent.shape), 1),
        "c": np.round(-0.5 * latent + rng.normal(0, 1.0, latent.shape), 1),
    }
    present = {s: np.ones(latent.shape, dtype=bool) for s in SCORERS}
    present["c"][rng.random(latent.shape) < 0.2] = False
    scores["a"][1] = 0.7  # one prompt where a is constant: tau undefined there

    comparisons = []
    for i, first in enumerate(SCORERS):
        for second in SCORERS[i + 1:]:
            dg = gaps[first] - gaps[second]
            du = unders[first] - unders[second]
            g_lower, g_upper, g_sd = paired_bootstrap(dg, 200_000, 0.95, np.random.default_rng(seed + 1))
            taus = []
            for p in range(prompts):
                both = present[first][p] & present[second][p]
                x, y = scores[first][p][both], scores[second][p][both]
                if len(x) < 2:
                    continue
                t = stats.kendalltau(x, y).statistic
                if np.isfinite(t):
                    taus.append(t)
            worst = {}
            for s in (first, second):
                keys, diffs = [], []
                for p in range(prompts):
                    for (at, mo) in PAIRS:
                        if present[s][p][at] and present[s][p][mo]:
                            keys.append((p, at, mo))
                            diffs.append(scores[s][p][at] - scores[s][p][mo])
                order = np.argsort(np.array(diffs), kind="stable")
                worst[s] = [keys[k] for k in order]
            size = min(20, len(worst[first]), len(worst[second]))
            shared = len(set(worst[first][:size]) & set(worst[second][:size]))
            comparisons.append({
                "first": first, "second": second,
                "gap_difference": float(dg.mean()), "gap_lower": g_lower, "gap_upper": g_upper, "gap_sd": g_sd,
                "gap_p": sign_flip_p(dg), "under_difference": float(du.mean()), "under_p": sign_flip_p(du),
                "kendall_mean": float(np.mean(taus)), "kendall_prompts": len(taus),
                "worst_size": size, "worst_shared": shared,
            })
    gap_q = stats.false_discovery_control([c["gap_p"] for c in comparisons])
    under_q = stats.false_discovery_control([c["under_p"] for c in comparisons])
    for c, gq, uq in zip(comparisons, gap_q, under_q):
        c["gap_q"], c["under_q"] = float(gq), float(uq)

    def table(s):
        return [[float(v) if ok else None for v, ok in zip(row, okrow)] for row, okrow in zip(scores[s], present[s])]

    return {
        "name": name,
        "gaps": {s: gaps[s].tolist() for s in SCORERS},
        "unders": {s: unders[s].tolist() for s in SCORERS},
        "scores": {s: table(s) for s in SCORERS},
        "pairs": [list(p) for p in PAIRS],
        "comparisons": comparisons,
    }


def main():
    out = {
        "scipy": scipy.__version__, "numpy": np.__version__,
        "cases": [case("shifted", 12, 11, 0.5), case("close", 13, 29, 0.1)],
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
