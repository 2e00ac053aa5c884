#!/usr/bin/env python3
"""Oracle values for the PlauditStats tests, computed with scipy / scikit-learn / numpy.

Run (from any directory):

    python3 -m venv /tmp/oracle-venv
    /tmp/oracle-venv/bin/pip install scipy==1.17.1 scikit-learn==1.9.1 numpy==2.4.6 statsmodels==0.15.0
    /tmp/oracle-venv/bin/python Tests/PlauditStatsTests/Oracles/make_oracles.py

It writes oracles.json next to this script. The committed oracles.json was produced by Python 3.11 with
scipy 1.17.1, scikit-learn 1.9.1, numpy 2.4.6 and statsmodels 0.15.0 (the versions are also recorded in the file's "meta" entry).
Every input is fixed or drawn from a seeded numpy Generator, so re-running gives an identical file.

Non-finite floats are written as the strings "nan", "inf" and "-inf" (JSON has no literals for them). Where
scipy raises for an input that PlauditStats answers with NaN (documented in the Swift API), the expected value
is written as "nan" and the case is marked "scipy_raises": true.
"""

import itertools
import json
import math
import sys
import warnings
from pathlib import Path

import numpy as np
import scipy
import sklearn
from scipy import stats
from scipy.cluster import hierarchy
from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.metrics import adjusted_rand_score

warnings.filterwarnings("ignore")

OUT = Path(__file__).resolve().parent / "oracles.json"
MASK64 = (1 << 64) - 1


def clean(value):
    """Recursively converts numpy types to JSON-friendly Python values; non-finite floats become strings."""
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, np.ndarray):
        return [clean(v) for v in value.tolist()]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        v = float(value)
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return v
    return value


def f(value):
    return float(value)


# --------------------------------------------------------------------------------------------------------------
# Reference generator (an independent Python port of xoshiro256** seeded by splitmix64, and Lemire's bounded draw)
# --------------------------------------------------------------------------------------------------------------

def splitmix64_stream(seed, count):
    state = seed & MASK64
    out = []
    for _ in range(count):
        state = (state + 0x9E3779B97F4A7C15) & MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        out.append(z ^ (z >> 31))
    return out


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK64


class Xoshiro:
    def __init__(self, seed):
        self.s = splitmix64_stream(seed, 4)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK64, 7) * 9) & MASK64
        t = (s[1] << 17) & MASK64
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def next_int(self, bound):
        product = self.next() * bound
        low = product & MASK64
        if low < bound:
            threshold = ((1 << 64) - bound) % bound
            while low < threshold:
                product = self.next() * bound
                low = product & MASK64
        return product >> 64


def generator_oracles():
    # Published splitmix64 test vector (seed 1234567), checked here against the port above.
    published = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431,
                 16408922859458223821]
    assert splitmix64_stream(1234567, 5) == published
    cases = []
    for seed in [0, 1, 42, 1234567, MASK64]:
        g = Xoshiro(seed)
        raw = [str(g.next()) for _ in range(8)]
        g2 = Xoshiro(seed)
        bounded = [g2.next_int(b) for b in [1, 2, 3, 7, 10, 40, 1000, 2**40 + 17] * 3]
        cases.append({"seed": str(seed), "next": raw, "bounds": [1, 2, 3, 7, 10, 40, 1000, 2**40 + 17] * 3,
                      "next_int": bounded})
    return {"splitmix64_1234567": [str(v) for v in published], "xoshiro": cases}


# --------------------------------------------------------------------------------------------------------------
# Inputs shared by several sections
# --------------------------------------------------------------------------------------------------------------

X10 = list(range(1, 11))
Y10 = [2, 1, 4, 3, 7, 8, 6, 9, 10, 5]
YT10 = [1, 1, 2, 2, 3, 3, 3, 4, 5, 5]
A10 = [.61, .72, .55, .80, .66, .59, .71, .77, .64, .70]
B10 = [.58, .70, .57, .74, .60, .52, .69, .75, .61, .62]


def rng(seed):
    return np.random.default_rng(seed)


def sample_vectors():
    r = rng(11)
    vectors = {
        "empty": [],
        "one": [3.5],
        "two": [2.0, -1.0],
        "three": [1.0, 5.0, 2.0],
        "ties_small": [1.0, 2.0, 2.0, 3.0, 3.0, 3.0],
        "constant": [4.0] * 6,
        "x10": [float(v) for v in X10],
        "a10": A10,
        "decimals": [0.1, 0.2, 0.3, 0.7, 1.1, -0.4, 2.5],
        "random_60_ties": [float(v) for v in np.round(r.normal(0, 2, 60), 1)],
        "random_200": r.standard_normal(200).tolist(),
        "skewed_37": r.exponential(3.0, 37).tolist(),
        "large_offset": (1e6 + r.standard_normal(25)).tolist(),
    }
    return vectors


# --------------------------------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------------------------------

QUANTILE_LEVELS = [0.0, 0.025, 0.1, 0.25, 0.3, 0.5, 0.6, 0.75, 0.9, 0.975, 1.0]


def descriptive_oracles():
    cases = []
    for name, x in sample_vectors().items():
        a = np.asarray(x, dtype=float)
        case = {"name": name, "x": x}
        case["mean"] = f(np.mean(a)) if a.size else float("nan")
        case["var0"] = f(np.var(a, ddof=0)) if a.size > 0 else float("nan")
        case["var1"] = f(np.var(a, ddof=1)) if a.size > 1 else float("nan")
        case["std1"] = f(np.std(a, ddof=1)) if a.size > 1 else float("nan")
        case["quantiles"] = [[q, f(np.quantile(a, q)) if a.size else float("nan")] for q in QUANTILE_LEVELS]
        case["ranks"] = stats.rankdata(a, method="average").tolist() if a.size else []
        cases.append(case)
    return cases


def ranks_oracles():
    r = rng(12)
    inputs = [
        [3.0, 1.0, 2.0],
        [1.0, 1.0, 1.0],
        [5.0, 2.0, 5.0, 2.0, 5.0, 0.0],
        [-0.0, 0.0, 1.0, -1.0],
        np.round(r.normal(0, 1, 50), 1).tolist(),
        r.integers(0, 5, 30).astype(float).tolist(),
    ]
    return [{"x": x, "ranks": stats.rankdata(x, method="average").tolist()} for x in inputs]


def correlation_case(name, x, y):
    x = [float(v) for v in x]
    y = [float(v) for v in y]
    case = {"name": name, "x": x, "y": y}
    try:
        res = stats.pearsonr(x, y)
        case["pearson"] = [f(res.statistic), f(res.pvalue)]
        case["pearson_scipy_raises"] = False
    except ValueError:
        case["pearson"] = [float("nan"), float("nan")]
        case["pearson_scipy_raises"] = True
    res = stats.spearmanr(x, y)
    case["spearman"] = [f(res.statistic), f(res.pvalue)]
    res = stats.kendalltau(x, y)
    case["kendall"] = [f(res.statistic), f(res.pvalue)]
    return case


def correlation_oracles():
    r = rng(13)
    cases = [
        correlation_case("brief_x_y", X10, Y10),
        correlation_case("brief_x_yt", X10, YT10),
        correlation_case("brief_a_b", A10, B10),
        correlation_case("empty", [], []),
        correlation_case("one", [1.0], [2.0]),
        correlation_case("two", [1.0, 2.0], [3.0, 1.0]),
        correlation_case("two_tied_y", [1.0, 2.0], [3.0, 3.0]),
        correlation_case("three", [1.0, 2.0, 3.0], [2.0, 1.0, 4.0]),
        correlation_case("three_perfect_rank", [1.0, 2.0, 3.0], [1.0, 4.0, 9.0]),
        correlation_case("four", [1.0, 3.0, 2.0, 4.0], [10.0, 30.0, 25.0, 5.0]),
        correlation_case("five_ties", [1.0, 2.0, 2.0, 3.0, 4.0], [5.0, 5.0, 6.0, 7.0, 7.0]),
        correlation_case("constant_x", [2.0] * 6, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]),
        correlation_case("constant_y", [1.0, 2.0, 3.0, 4.0, 5.0], [7.0] * 5),
        correlation_case("reversed_12", list(range(12)), list(range(12, 0, -1))),
        correlation_case("nearly_perfect_20", list(range(20)), [v + 0.01 * ((-1) ** v) for v in range(20)]),
        correlation_case("scipy_doc", [12, 2, 1, 12, 2], [1, 4, 7, 1, 0]),
    ]
    # No ties, n = 33 (largest exact Kendall n) and n = 34 (asymptotic unless nearly sorted).
    for n in [8, 33, 34]:
        x = r.permutation(n).astype(float)
        y = (x + r.normal(0, n / 4, n))
        cases.append(correlation_case(f"noties_{n}", x, y))
    # n = 40 with exactly one discordant pair: exact Kendall via the min(dis, con) <= 1 rule.
    y = list(range(40))
    y[10], y[11] = y[11], y[10]
    cases.append(correlation_case("n40_one_discordant", list(range(40)), y))
    cases.append(correlation_case("n40_sorted", list(range(40)), list(range(40))))
    cases.append(correlation_case("n40_reversed", list(range(40)), list(range(40, 0, -1))))
    # Moderately large with ties (asymptotic branches).
    for seed in range(3):
        rr = rng(100 + seed)
        x = np.round(rr.normal(0, 1, 60), 1)
        y = np.round(0.5 * x + rr.normal(0, 1, 60), 1)
        cases.append(correlation_case(f"ties_60_{seed}", x, y))
    x = r.integers(0, 4, 80).astype(float)
    y = (x + r.integers(0, 3, 80)).astype(float)
    cases.append(correlation_case("likert_80", x, y))
    x = r.standard_normal(500)
    cases.append(correlation_case("strong_500", x, x + 0.05 * r.standard_normal(500)))
    cases.append(correlation_case("null_300", r.standard_normal(300), r.standard_normal(300)))
    cases.append(correlation_case("small_5", r.standard_normal(5), r.standard_normal(5)))
    # Large n: p-values far in the tail (about 1e-60 and 1e-200) and near 1.
    x = r.standard_normal(3000)
    cases.append(correlation_case("moderate_3000", x, 0.3 * x + r.standard_normal(3000)))
    cases.append(correlation_case("strong_tail_3000", x, 0.55 * x + r.standard_normal(3000)))
    cases.append(correlation_case("null_4000", r.standard_normal(4000), r.standard_normal(4000)))
    return cases


def wilcoxon_branch(d):
    d = np.asarray(d, dtype=float)
    n = d.size
    nz = d[d != 0]
    zeros = n - nz.size
    ties = len(np.unique(np.abs(nz))) < nz.size
    if n > 50:
        return "asymptotic"
    if not (ties or zeros > 0):
        return "exact"
    if n <= 13:
        return "permutation"
    return "asymptotic"


def wilcoxon_oracles():
    r = rng(14)
    a = np.asarray(A10)
    b = np.asarray(B10)
    inputs = {
        "brief_a_minus_b": (a - b).tolist(),
        "empty": [],
        "one_positive": [1.5],
        "one_zero": [0.0],
        "two": [1.0, -2.0],
        "three": [1.0, 2.0, 3.0],
        "four_mixed": [-1.0, 2.0, -3.0, 4.0],
        "five": [0.5, -1.5, 2.5, 3.5, 4.5],
        "all_zero_6": [0.0] * 6,
        "all_zero_20": [0.0] * 20,
        "ties_small": [1.0, -1.0, 2.0, 2.0, 3.0, -4.0, 5.0],
        "zeros_small": [0.0, 1.0, -2.0, 3.0, 4.0, 0.0, 6.0],
        "ties_13": [1, 2, 2, -3, 4, 4, 4, 5, -6, 7, 8, 8, 9],
        "ties_14": [1, 2, 2, -3, 4, 4, 4, 5, -6, 7, 8, 8, 9, 10],
        "noties_20": (r.permutation(20) + 1).astype(float) * np.where(r.random(20) < 0.3, -1, 1),
        "noties_50": r.standard_normal(50) + 0.3,
        "noties_51": r.standard_normal(51) + 0.3,
        "ties_60": np.round(r.normal(0.2, 1, 60), 1),
        "zeros_30": np.round(r.normal(0.1, 0.5, 30), 0),
        "random_25": r.standard_normal(25),
    }
    cases = []
    for name, d in inputs.items():
        d = [float(v) for v in d]
        for alternative in ["two-sided", "less", "greater"]:
            try:
                res = stats.wilcoxon(d, alternative=alternative)
                statistic, pvalue, raises = f(res.statistic), f(res.pvalue), False
            except ValueError:
                # scipy's permutation branch needs two observations; a lone zero difference has one sign
                # pattern up to flipping, so PlauditStats reports statistic 0 and p = 1 (documented).
                assert d == [0.0], d
                statistic, pvalue, raises = 0.0, 1.0, True
            cases.append({"name": name, "d": d, "alternative": alternative, "statistic": statistic,
                          "pvalue": pvalue, "branch": wilcoxon_branch(d) if d else "empty",
                          "scipy_raises": raises})
    return cases


def scipy_style_exact_sign_flip(d, alternative):
    """permutation_test's exact p-value definitions, enumerated directly (used only where scipy refuses n = 1)."""
    observed = float(np.mean(d))
    gamma = abs(observed * 100 * np.finfo(float).eps)
    null = [sum(s * v for s, v in zip(signs, d)) / len(d) for signs in itertools.product([1, -1], repeat=len(d))]
    less = sum(v <= observed + gamma for v in null) / len(null)
    greater = sum(v >= observed - gamma for v in null) / len(null)
    p = {"less": less, "greater": greater, "two-sided": 2 * min(less, greater)}[alternative]
    return min(max(p, 0.0), 1.0)


def sign_flip_oracles():
    r = rng(15)
    exact_inputs = {
        "one": [0.7],
        "two": [0.3, -0.1],
        "three": [1.0, 2.0, 3.0],
        "five_mixed": [0.2, -0.5, 0.9, 0.1, -0.3],
        "zeros_and_ties": [0.0, 1.0, -1.0, 1.0, 2.0, 0.0, 2.0],
        "decimals_zero_mean": [0.1, 0.2, -0.3, 0.4, -0.4],
        "brief_a_minus_b": (np.asarray(A10) - np.asarray(B10)).tolist(),
        "random_12": r.normal(0.3, 1, 12).tolist(),
        "random_13": r.normal(0.0, 1, 13).tolist(),
        "scaled_11": (r.normal(0.5, 1, 11) * 10 ** r.uniform(-3, 3, 11)).tolist(),
        "all_zero_4": [0.0] * 4,
        "constant_6": [0.25] * 6,
    }
    exact = []
    for name, d in exact_inputs.items():
        for alternative in ["two-sided", "less", "greater"]:
            try:
                res = stats.permutation_test((np.asarray(d),), np.mean, permutation_type="samples",
                                             n_resamples=9999, alternative=alternative)
                statistic, pvalue, raises = f(res.statistic), f(res.pvalue), False
            except ValueError:
                # scipy needs n >= 2; PlauditStats applies the same definitions to the 2 sign patterns of n = 1.
                assert len(d) == 1
                statistic, pvalue, raises = d[0], scipy_style_exact_sign_flip(d, alternative), True
            exact.append({"name": name, "d": d, "alternative": alternative, "resamples": 9999,
                          "statistic": statistic, "pvalue": pvalue, "scipy_raises": raises})
    # Larger n: scipy enumerates all 2^n sign vectors (n_resamples=inf); Swift checks both its own full
    # enumeration (resamples = 2^n, must equal) and its Monte Carlo estimate (9,999 resamples, tolerance).
    monte_carlo = []
    for name, d in {"mc_16": r.normal(0.35, 1, 16), "mc_18": r.normal(0.1, 1, 18),
                    "mc_17_strong": r.normal(0.9, 1, 17)}.items():
        d = d.tolist()
        for alternative in ["two-sided", "less", "greater"]:
            res = stats.permutation_test((np.asarray(d),), np.mean, permutation_type="samples",
                                         n_resamples=np.inf, alternative=alternative, batch=20000)
            monte_carlo.append({"name": name, "d": d, "alternative": alternative, "statistic": f(res.statistic),
                                "exact_pvalue": f(res.pvalue)})
    return {"exact": exact, "monte_carlo": monte_carlo}


def bh_oracles():
    r = rng(16)
    inputs = [
        [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719,
         0.6528, 0.7590, 1.000],
        [0.5, 0.6, 0.1, 0.001],
        [0.03],
        [0.01, 0.01, 0.04, 0.04, 0.2],
        [0.0, 1.0],
        [1.0, 1.0, 1.0],
        r.uniform(0, 1, 40).tolist(),
        (r.uniform(0, 1, 25) ** 4).tolist(),
    ]
    cases = [{"p": p, "adjusted": stats.false_discovery_control(p, method="bh").tolist()} for p in inputs]
    cases.append({"p": [], "adjusted": []})
    return cases


def wilson_oracles():
    cases = []
    for k, n in [(0, 10), (10, 10), (3, 10), (1, 1), (0, 1), (50, 100), (7, 40), (1, 2), (999, 1000), (17, 23)]:
        for confidence in [0.95, 0.9, 0.99, 0.5]:
            ci = stats.binomtest(k, n).proportion_ci(confidence_level=confidence, method="wilson")
            cases.append({"k": k, "n": n, "confidence": confidence, "lower": f(ci.low), "upper": f(ci.high)})
    return cases


def entropy_oracles():
    r = rng(17)
    inputs = [
        ([], 2.0), ([1, 1, 1, 1], 2.0), ([10, 0, 5], math.e), ([10, 0, 5], 2.0), ([3], 2.0), ([0, 0], 2.0),
        ([0.2, 0.3, 0.5], 10.0), ([1, 2, 3, 4, 5, 6, 7], 2.0),
        (r.integers(0, 20, 30).astype(float).tolist(), 2.0), (r.uniform(0, 1, 12).tolist(), math.e),
    ]
    cases = [{"counts": [float(c) for c in counts], "base": base,
              "value": f(stats.entropy(counts, base=base))} for counts, base in inputs]
    return cases


def tukey_oracles():
    cases = []
    for name, x in sample_vectors().items():
        if not x:
            continue
        a = np.asarray(x, dtype=float)
        q1, q3 = np.quantile(a, 0.25), np.quantile(a, 0.75)
        iqr = q3 - q1
        cases.append({"name": name, "x": x, "q1": f(q1), "q3": f(q3),
                      "fences": [[k, f(q1 - k * iqr), f(q3 + k * iqr)] for k in [0.0, 1.5, 3.0]]})
    return cases


def percentile_interval_oracles():
    r = rng(18)
    cases = []
    for name, values in {"normal_1000": r.standard_normal(1000).tolist(),
                         "with_nan": [1.0, float("nan"), 3.0, 2.0, float("nan"), 5.0, 4.0],
                         "small_3": [0.3, 0.1, 0.2]}.items():
        finite = np.asarray([v for v in values if math.isfinite(v)])
        for confidence in [0.95, 0.9, 0.5]:
            alpha = (1 - confidence) / 2
            cases.append({"name": name, "values": values, "confidence": confidence,
                          "lower": f(np.quantile(finite, alpha)), "upper": f(np.quantile(finite, 1 - alpha))})
    return cases


def lsdv(y, x, groups):
    """OLS on covariates plus one dummy per group (no intercept): an independent route to the FE slopes."""
    x = np.asarray(x, dtype=float).reshape(len(y), -1)
    levels = sorted(set(groups))
    dummies = np.array([[1.0 if g == level else 0.0 for level in levels] for g in groups])
    design = np.column_stack([x, dummies])
    beta, *_ = np.linalg.lstsq(design, np.asarray(y, dtype=float), rcond=None)
    residuals = np.asarray(y) - design @ beta
    return beta[: x.shape[1]].tolist(), f(residuals @ residuals)


def ols_oracles():
    r = rng(19)
    cases = []
    # Balanced: 12 groups of 5, two covariates, group effects correlated with x.
    groups = np.repeat(np.arange(12), 5)
    effects = r.normal(0, 3, 12)[groups]
    x = np.column_stack([r.normal(0, 1, 60) + 0.5 * effects, r.uniform(0, 10, 60)])
    y = effects + 1.5 * x[:, 0] - 0.25 * x[:, 1] + r.normal(0, 0.5, 60)
    cases.append(("balanced_12x5", y, x, groups))
    # Unbalanced with singleton groups and arbitrary ids.
    ids = [7, 7, 7, -3, -3, 100, 5, 5, 5, 5, 42, 42, 9, 9, 9, 9, 9, 1]
    x2 = r.normal(0, 1, (len(ids), 3))
    y2 = x2 @ np.array([0.3, -2.0, 1.0]) + np.array([abs(i) % 5 for i in ids]) + r.normal(0, 0.1, len(ids))
    cases.append(("unbalanced_singletons", y2, x2, ids))
    # One covariate, one group (plain OLS with intercept).
    x3 = r.normal(5, 2, (25, 1))
    y3 = 2.0 + 0.7 * x3[:, 0] + r.normal(0, 1, 25)
    cases.append(("one_group", y3, x3, [0] * 25))
    # Large n with many groups.
    g4 = r.integers(0, 40, 400)
    x4 = r.normal(0, 1, (400, 2))
    y4 = r.normal(0, 1, 40)[g4] + x4 @ np.array([0.05, 1.0]) + r.normal(0, 1, 400)
    cases.append(("large_400", y4, x4, g4))
    # Smallest identifiable designs: n = 3 in one group with one covariate; an exact fit (n - G = p).
    cases.append(("small_3_one_group", np.array([1.0, 2.5, 2.0]), np.array([[0.0], [1.0], [3.0]]), [4, 4, 4]))
    x5 = np.array([[1.0, 0.5], [2.0, 0.1], [0.0, 1.0], [1.0, 3.0]])
    cases.append(("exact_fit_4_in_2", np.array([1.0, 3.0, 2.0, 7.0]), x5, [0, 1, 0, 1]))
    # Tied covariate values and repeated rows.
    x6 = np.round(r.normal(0, 1, (30, 2)), 0)
    g6 = np.repeat(np.arange(6), 5)
    y6 = x6 @ np.array([1.0, -1.0]) + g6 + np.round(r.normal(0, 1, 30), 1)
    cases.append(("tied_covariates_30", y6, x6, g6))
    out = []
    for name, y, x, groups in cases:
        coefficients, rss = lsdv(y, x, list(groups))
        out.append({"name": name, "y": np.asarray(y).tolist(), "x": np.asarray(x).tolist(),
                    "groups": [int(g) for g in groups], "coefficients": coefficients, "rss": rss})
    return out


def agglomerative_oracles():
    r = rng(20)
    datasets = []
    points = np.array([[0, 0], [0, 1], [1, 0], [1, 1], [8, 8], [8, 9], [9, 8], [9, 9], [4, 20], [5, 21]],
                      dtype=float)
    # Brief reference: AgglomerativeClustering(3, linkage="average") on the raw points.
    brief = AgglomerativeClustering(n_clusters=3, linkage="average").fit(points).labels_.tolist()
    assert brief == [2, 2, 2, 2, 1, 1, 1, 1, 0, 0], brief
    euclid = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(-1))
    datasets.append(("brief_points_precomputed", "precomputed", euclid))
    line = np.array([0, 1, 2, 3, 5, 6, 8, 13, 14, 20], dtype=float)
    datasets.append(("ties_on_a_line", "precomputed", np.abs(line[:, None] - line[None, :])))
    rounded = np.round(r.uniform(0, 1, (14, 14)), 1)
    rounded = np.triu(rounded, 1)
    rounded = rounded + rounded.T
    datasets.append(("rounded_random_ties", "precomputed", rounded))
    datasets.append(("two_points", "precomputed", np.array([[0.0, 0.3], [0.3, 0.0]])))
    three = np.array([[0.0, 1.0, 1.5], [1.0, 0.0, 1.0], [1.5, 1.0, 0.0]])
    datasets.append(("three_points_tied", "precomputed", three))
    four = np.array([[0.0, 0.2, 0.2, 0.2], [0.2, 0.0, 0.2, 0.2], [0.2, 0.2, 0.0, 0.2], [0.2, 0.2, 0.2, 0.0]])
    datasets.append(("four_all_tied", "precomputed", four))
    centres = r.normal(0, 1, (4, 8))
    blobs = (centres[r.integers(0, 4, 30)] + r.normal(0, 0.25, (30, 8))).astype(np.float32)
    datasets.append(("cosine_blobs_30x8", "cosine", blobs))
    scattered = r.normal(0, 1, (25, 5)).astype(np.float32)
    datasets.append(("cosine_scattered_25x5", "cosine", scattered))
    out = []
    for name, metric, data in datasets:
        full = AgglomerativeClustering(n_clusters=None, distance_threshold=0.0, metric=metric, linkage="average",
                                       compute_full_tree=True).fit(data)
        heights = np.unique(full.distances_)
        thresholds = [float(heights[0]) / 2] if heights[0] > 0 else []
        thresholds += [float((a + b) / 2) for a, b in zip(heights[:-1], heights[1:])]
        thresholds.append(float(heights[-1]) * 1.5 + 0.1)
        case = {"name": name, "metric": metric, "cuts": []}
        if metric == "precomputed":
            case["distances"] = np.asarray(data).tolist()
        else:
            case["vectors"] = np.asarray(data, dtype=np.float64).tolist()
        for t in thresholds:
            model = AgglomerativeClustering(n_clusters=None, distance_threshold=t, metric=metric,
                                            linkage="average").fit(data)
            case["cuts"].append({"threshold": t, "labels": model.labels_.tolist()})
        out.append(case)
    return out


def kmeans_oracles():
    r = rng(21)
    cases = []
    points = np.array([[0, 0], [0, 1], [1, 0], [1, 1], [8, 8], [8, 9], [9, 8], [9, 9], [4, 20], [5, 21]],
                      dtype=float)
    km = KMeans(3, n_init=10, random_state=0).fit(points)
    assert abs(km.inertia_ - 5.0) < 1e-12, km.inertia_
    cases.append({"name": "brief_points", "points": points.tolist(), "k": 3, "separated": True,
                  "labels": km.labels_.tolist(), "inertia": f(km.inertia_)})
    centres = np.array([[0, 0, 0, 0, 0], [10, 0, 0, 0, 0], [0, 10, 0, 0, 0], [0, 0, 10, 10, 0]], dtype=float)
    blobs = centres[np.repeat(np.arange(4), 15)] + r.normal(0, 0.4, (60, 5))
    km = KMeans(4, n_init=10, random_state=0).fit(blobs)
    cases.append({"name": "separated_4x15_5d", "points": blobs.tolist(), "k": 4, "separated": True,
                  "labels": km.labels_.tolist(), "inertia": f(km.inertia_)})
    tiny = np.array([[0.0, 0.0], [0.1, 0.0], [5.0, 5.0], [5.0, 5.1], [0.0, 0.1]])
    km = KMeans(2, n_init=10, random_state=0).fit(tiny)
    cases.append({"name": "tiny_5_k2", "points": tiny.tolist(), "k": 2, "separated": True,
                  "labels": km.labels_.tolist(), "inertia": f(km.inertia_)})
    duplicates = np.array([[1.0, 1.0]] * 4 + [[3.0, 3.0]] * 3 + [[9.0, 0.0]] * 2 + [[9.0, 0.5]])
    km = KMeans(3, n_init=10, random_state=0).fit(duplicates)
    cases.append({"name": "duplicates_10_k3", "points": duplicates.tolist(), "k": 3, "separated": True,
                  "labels": km.labels_.tolist(), "inertia": f(km.inertia_)})
    overlap = np.concatenate([r.normal([0, 0], 1.0, (70, 2)), r.normal([2, 1], 1.0, (70, 2)),
                              r.normal([0.5, 2.5], 1.0, (60, 2))])
    for k in [2, 3, 5]:
        km = KMeans(k, n_init=10, random_state=0).fit(overlap)
        cases.append({"name": f"overlap_200_k{k}", "points": overlap.tolist(), "k": k, "separated": False,
                      "labels": km.labels_.tolist(), "inertia": f(km.inertia_)})
    wide = r.normal(0, 1, (120, 6))
    km = KMeans(4, n_init=10, random_state=0).fit(wide)
    cases.append({"name": "gaussian_120x6_k4", "points": wide.tolist(), "k": 4, "separated": False,
                  "labels": km.labels_.tolist(), "inertia": f(km.inertia_)})
    return cases


def ari_oracles():
    r = rng(22)
    pairs = [
        ([], []),
        ([0], [5]),
        ([0, 0, 1, 1], [1, 1, 0, 0]),
        ([0, 0, 1, 2], [0, 0, 1, 1]),
        ([0, 0, 0, 0], [0, 1, 2, 3]),
        ([0, 1, 2, 3], [0, 1, 2, 3]),
        ([0, 0, 1, 1], [0, 1, 0, 1]),
        ([7, 7, -1, -1, 3], [2, 2, 2, 9, 9]),
        (r.integers(0, 3, 50).tolist(), r.integers(0, 4, 50).tolist()),
        (r.integers(0, 6, 300).tolist(), r.integers(0, 6, 300).tolist()),
    ]
    base = r.integers(0, 5, 200)
    noisy = np.where(r.random(200) < 0.2, r.integers(0, 5, 200), base)
    pairs.append((base.tolist(), noisy.tolist()))
    return [{"a": a, "b": b, "value": f(adjusted_rand_score(a, b))} for a, b in pairs]


def cosine_oracles():
    r = rng(23)
    vectors = [r.normal(0, 1, 16).astype(np.float32) for _ in range(5)]
    vectors.append(np.zeros(16, dtype=np.float32))
    vectors.append(vectors[0] * np.float32(3))
    vectors.append(-vectors[1])
    as64 = [v.astype(np.float64) for v in vectors]
    sims = []
    for i, j in itertools.combinations(range(len(as64)), 2):
        a, b = as64[i], as64[j]
        na, nb = np.sqrt(a @ a), np.sqrt(b @ b)
        sims.append([i, j, 0.0 if na == 0 or nb == 0 else f(np.clip(a @ b / (na * nb), -1, 1))])
    return {"vectors": [v.astype(np.float64).tolist() for v in vectors], "similarities": sims}


def bootstrap_oracles():
    """Percentile cluster bootstrap of two statistics with 200,000 numpy resamples (the Swift test uses 20,000)."""
    r = rng(24)
    sizes = r.integers(1, 7, 40)
    clusters = [(r.gamma(2.0, 1.5) + r.exponential(1.0, s)).tolist() for s in sizes]
    sums = np.array([sum(c) for c in clusters])
    counts = np.array([len(c) for c in clusters], dtype=float)
    means = sums / counts
    resamples = 200_000
    out = {"clusters": clusters, "resamples": resamples, "statistics": []}
    draws = np.random.default_rng(25).integers(0, len(clusters), (resamples, len(clusters)))
    pooled = sums[draws].sum(1) / counts[draws].sum(1)
    of_means = means[draws].mean(1)
    for name, values in [("pooled_mean", pooled), ("mean_of_cluster_means", of_means)]:
        for confidence in [0.95, 0.9]:
            alpha = (1 - confidence) / 2
            out["statistics"].append({"name": name, "confidence": confidence,
                                      "lower": f(np.quantile(values, alpha)),
                                      "upper": f(np.quantile(values, 1 - alpha)),
                                      "sd": f(np.std(values, ddof=1))})
    return out


def mcnemar_oracles():
    """Exact McNemar p-values from statsmodels, cross-checked against scipy's binomtest."""
    from statsmodels.stats.contingency_tables import mcnemar

    pairs = [(0, 0), (1, 0), (0, 1), (5, 5), (3, 12), (12, 3), (40, 25), (7, 1), (0, 30), (200, 260),
             (1500, 1400), (2, 3), (9, 21), (100, 100), (0, 1074)]
    gen = rng(20251121)
    pairs += [(int(a), int(b)) for a, b in gen.integers(0, 400, size=(10, 2))]
    cases = []
    for b, c in pairs:
        result = mcnemar([[17, b], [c, 23]], exact=True)
        if b + c > 0:
            assert abs(stats.binomtest(b, b + c, 0.5).pvalue - result.pvalue) <= 1e-12 * max(result.pvalue, 1e-300)
        cases.append({"b": b, "c": c, "statistic": f(result.statistic), "p": f(result.pvalue)})
    return cases


def check_brief_reference_values():
    """Values quoted in the task brief from an earlier measurement; a mismatch means a changed library."""
    s = stats.spearmanr(X10, Y10)
    assert (s.statistic, s.pvalue) == (0.7575757575757575, 0.011143446799694208), s
    k = stats.kendalltau(X10, Y10)
    assert (k.statistic, k.pvalue) == (0.6, 0.016666115520282188), k
    k = stats.kendalltau(X10, YT10)
    assert (k.statistic, k.pvalue) == (0.9309493362512626, 0.0003368448102243401), k
    s = stats.spearmanr(X10, YT10)
    assert (s.statistic, s.pvalue) == (0.9785579990862868, 9.011987805011939e-07), s
    w = stats.wilcoxon(A10, B10)
    assert (w.statistic, w.pvalue) == (1.0, 0.00390625), w


def main():
    check_brief_reference_values()
    oracles = {
        "meta": {
            "python": sys.version.split()[0],
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "sklearn": sklearn.__version__,
            "statsmodels": __import__("statsmodels").__version__,
            "script": "Tests/PlauditStatsTests/Oracles/make_oracles.py",
        },
        "generator": generator_oracles(),
        "descriptive": descriptive_oracles(),
        "ranks": ranks_oracles(),
        "correlation": correlation_oracles(),
        "wilcoxon": wilcoxon_oracles(),
        "sign_flip": sign_flip_oracles(),
        "benjamini_hochberg": bh_oracles(),
        "wilson": wilson_oracles(),
        "entropy": entropy_oracles(),
        "tukey": tukey_oracles(),
        "percentile_interval": percentile_interval_oracles(),
        "fixed_effects_ols": ols_oracles(),
        "agglomerative": agglomerative_oracles(),
        "kmeans": kmeans_oracles(),
        "adjusted_rand": ari_oracles(),
        "cosine": cosine_oracles(),
        "cluster_bootstrap": bootstrap_oracles(),
        "mcnemar": mcnemar_oracles(),
    }
    OUT.write_text(json.dumps(clean(oracles), indent=1, sort_keys=True, allow_nan=False) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
