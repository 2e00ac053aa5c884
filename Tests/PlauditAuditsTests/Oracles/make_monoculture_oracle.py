#!/usr/bin/env python3
"""Oracle values for the monoculture audit, computed with pandas, numpy, scipy and statsmodels.

Run from the repository root, with the pinned versions (numpy 2.4.6, scipy 1.17.1, pandas 3.1.1,
statsmodels 0.15.0):

    /tmp/oracle-venv/bin/python Tests/PlauditAuditsTests/Oracles/make_monoculture_oracle.py

It writes monoculture_oracle.json next to this script, with two parts.

`gemo`: the Generative Monoculture label files in ../shared/data/gemo-sentiment/ (one JSON object
per file: "<book>.jsonl" -> list of "POSITIVE"/"NEGATIVE"). Per file ("side"): books, labels, the
pooled positive share, and over books the mean positive share, the mean population SD of the 0/1
labels (numpy.std), the mean entropy of the label counts in bits (scipy.stats.entropy, base 2), and
numpy.histogram of the per-book shares on the study's bins. Per generated file against the source:
the number of shared books, the mean |difference of per-book shares| over them, and
scipy.stats.wasserstein_distance between the per-book shares of the shared books.

`premium`: a seeded synthetic data set (items with texts' VADER-like compound, word count and a
score) and the positivity-premium estimates: the compound coefficient of
statsmodels OLS `score ~ compound + log1p(words) + C(item)` (item fixed effects), the same with the
score z-scored within item (sample SD), and the rate at which the more positive text of a same-item
pair with |compound difference| >= 0.1 and word-count ratio <= 1.25 scores higher (ties 1/2),
averaged per item, then over items that have such pairs.
"""

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
import statsmodels
import statsmodels.formula.api as smf
from scipy import stats

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
DATA = ROOT.parent / "shared" / "data" / "gemo-sentiment"
SOURCE = "sentiment_goodreads_src_grouped_reviews_long_sub_en_10_sentiment.json"
BINS = [-0.05, 0.35, 0.55, 0.75, 0.85, 0.95, 1.05]
MIN_GAP = 0.1
MAX_RATIO = 1.25


def side_frame(path):
    labels = json.loads(path.read_text())
    rows = [(book, 1.0 if label == "POSITIVE" else 0.0) for book, values in labels.items() for label in values]
    return pd.DataFrame(rows, columns=["book", "positive"])


def per_book(frame):
    grouped = frame.groupby("book")["positive"]
    share = grouped.mean()
    sd = grouped.agg(lambda x: float(np.std(x.to_numpy())))
    entropy = grouped.agg(lambda x: float(stats.entropy(np.bincount(x.to_numpy().astype(int), minlength=2), base=2)))
    return pd.DataFrame({"share": share, "sd": sd, "entropy": entropy})


def gemo():
    source = per_book(side_frame(DATA / SOURCE))
    sides = {}
    comparisons = {}
    for path in sorted(DATA.glob("*.json")):
        frame = side_frame(path)
        books = per_book(frame)
        sides[path.name] = {
            "books": int(len(books)),
            "labels": int(len(frame)),
            "pooled_positive_share": float(frame["positive"].mean()),
            "mean_book_share": float(books["share"].mean()),
            "mean_book_sd": float(books["sd"].mean()),
            "mean_book_entropy": float(books["entropy"].mean()),
            "histogram": [int(c) for c in np.histogram(books["share"].to_numpy(), bins=BINS)[0]],
        }
        if path.name == SOURCE:
            continue
        shared = source.index.intersection(books.index)
        delta = (books.loc[shared, "share"] - source.loc[shared, "share"]).abs()
        comparisons[path.name] = {
            "shared_books": int(len(shared)),
            "mean_abs_delta": float(delta.mean()),
            "wasserstein": float(stats.wasserstein_distance(books.loc[shared, "share"], source.loc[shared, "share"])),
        }
    return {"source": SOURCE, "bins": BINS, "sides": sides, "comparisons": comparisons}


def synthetic_premium():
    rng = np.random.default_rng(6)
    rows = []
    for item in range(14):
        n = int(rng.integers(5, 10))
        effect = rng.normal(0, 2)
        for j in range(n):
            compound = float(np.round(rng.uniform(-1, 1), 4))
            words = int(rng.integers(8, 30))
            score = effect + 0.8 * compound + 0.05 * words + rng.normal(0, 1)
            if j == 0 and item == 3:
                score = None  # a text the scorer failed on
            rows.append({"item": f"i{item:02d}", "compound": compound, "words": words,
                         "score": None if score is None else float(np.round(score, 6))})
    # One item whose two scored texts tie in score, to exercise ties.
    rows += [{"item": "tie", "compound": 0.6, "words": 10, "score": 1.0},
             {"item": "tie", "compound": -0.6, "words": 11, "score": 1.0}]
    return rows


def premium(rows):
    frame = pd.DataFrame(rows).dropna(subset=["score"])
    frame["log_words"] = np.log1p(frame["words"])
    frame["z"] = frame.groupby("item")["score"].transform(lambda s: (s - s.mean()) / s.std(ddof=1) if s.std(ddof=1) > 0 else 0 * s)
    raw = smf.ols("score ~ compound + log_words + C(item)", data=frame).fit()
    z = smf.ols("z ~ compound + log_words + C(item)", data=frame).fit()
    rates = []
    pairs = 0
    for _, group in frame.groupby("item", sort=True):
        wins = []
        records = group.to_dict("records")
        for a in range(len(records)):
            for b in range(a + 1, len(records)):
                x, y = records[a], records[b]
                if abs(x["compound"] - y["compound"]) < MIN_GAP:
                    continue
                if max(x["words"], y["words"]) / min(x["words"], y["words"]) > MAX_RATIO:
                    continue
                positive, other = (x, y) if x["compound"] > y["compound"] else (y, x)
                wins.append(1.0 if positive["score"] > other["score"] else 0.5 if positive["score"] == other["score"] else 0.0)
        if wins:
            rates.append(float(np.mean(wins)))
            pairs += len(wins)
    return {
        "min_gap": MIN_GAP,
        "max_ratio": MAX_RATIO,
        "rows": rows,
        "raw_slope": float(raw.params["compound"]),
        "z_slope": float(z.params["compound"]),
        "pair_rate": float(np.mean(rates)),
        "pair_items": len(rates),
        "pairs": pairs,
    }


def main():
    result = {
        "meta": {"numpy": np.__version__, "scipy": scipy.__version__, "pandas": pd.__version__,
                 "statsmodels": statsmodels.__version__},
        "gemo": gemo(),
        "premium": premium(synthetic_premium()),
    }
    (HERE / "monoculture_oracle.json").write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
