#!/usr/bin/env python3
"""Oracle for plaudit's Artificial Hivemind calibration subsets.

An independent re-implementation, with pandas and scipy, of the subset rules as described in
the project's research notes (docs/research/hivemind.md §1): written from that description,
not from the authors' code. It also draws the seeded synthetic data the Swift test reads.

Run (from the repository root):

    /tmp/oracle-venv/bin/python Tests/PlauditAuditsTests/Oracles/hivemind_subsets.py

(venv: numpy 2.4.6, scipy 1.17.1, pandas 3.1.1). It writes, under Oracles/hivemind/:
absolute.jsonl (750 rated responses: 50 prompts x 15, 25 raters each, labels 1-5),
pairwise.jsonl (500 pairs: 10 per prompt, 23-26 raters, labels -2..2), scores.jsonl (three simulated scorers,
a few scores missing) and oracle.json (subset sizes and Spearman rho per scorer and subset).
Re-running gives identical files.
"""

import hashlib
import json
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
from scipy import stats

HERE = Path(__file__).resolve().parent / "hivemind"
TUKEY_K = [3.0, 2.5, 2.0, 1.5, 1.0, 0.5]
ENTROPY_P = [16, 14, 12, 10, 8, 6, 4, 2]
PAIR_P = [95, 90, 85, 80, 75, 70, 65, 60]


def item_id(query):
    return "q" + hashlib.sha256(query.encode()).hexdigest()[:12]


def simulate(rng):
    absolute, pairwise, scores = [], [], []
    for p in range(50):
        query = f"Open-ended prompt {p}: describe something in your own way (variant {p * 7 % 13})."
        quality = np.clip(3.0 + 0.6 * rng.standard_t(3, size=15), 0.5, 5.5)  # heavy tails: Tukey fences bite
        spread = rng.uniform(0.2, 1.8, size=15)
        texts = [f"Response {j + 1} to prompt {p}, written in style {rng.integers(0, 1000)}." for j in range(15)]
        for j in range(15):
            raters = 25  # equal counts make entropy ties at the cuts, which the rule must include
            labels = np.clip(np.rint(quality[j] + rng.normal(0, spread[j], size=raters)), 1, 5).astype(int)
            absolute.append({"user_query": query, "response": texts[j], "human_labels": labels.tolist()})
            rid = f"r{j + 1}"
            iid = item_id(query)
            rm = quality[j] + rng.normal(0, 0.7)
            judge = float(np.clip(np.rint(quality[j] * 1.6 + rng.normal(0, 1.2)), 1, 9))  # many ties
            ppl = -float(np.exp(2.0 - 0.3 * quality[j] + rng.normal(0, 0.25)))
            if rng.uniform() > 0.02:  # about 2% missing: n < subset size
                scores.append({"item_id": iid, "response_id": rid, "scorer": "rm-sim", "score": float(rm)})
            scores.append({"item_id": iid, "response_id": rid, "scorer": "judge-sim", "score": judge})
            scores.append({"item_id": iid, "response_id": rid, "scorer": "ppl-sim", "score": ppl})
        pairs = set()
        while len(pairs) < 10:
            a, b = (int(v) for v in rng.choice(15, size=2, replace=False))
            if (a, b) not in pairs and (b, a) not in pairs:
                pairs.add((a, b))
        for a, b in sorted(pairs):
            raters = int(rng.integers(23, 27))
            noise = rng.uniform(0.3, 1.5)
            d = quality[a] - quality[b] + rng.normal(0, noise, size=raters)
            labels = np.select([d > 1.0, d > 0.3, d >= -0.3, d >= -1.0], [2, 1, 0, -1], default=-2)
            pairwise.append({"user_query": query, "response_1": texts[a], "response_2": texts[b], "human_labels": labels.tolist()})
    return absolute, pairwise, scores


def label_entropy(labels):
    _, counts = np.unique(labels, return_counts=True)
    return float(stats.entropy(counts, base=2))


def absolute_subsets(df):
    out = [("all", None, df.index)]
    q1, q3 = np.quantile(df["mean"], [0.25, 0.75])
    iqr = q3 - q1
    for k in TUKEY_K:
        keep = df[(df["mean"] >= q1 - k * iqr) & (df["mean"] <= q3 + k * iqr)].index
        out.append(("similar-quality", k, keep))
    for p in ENTROPY_P:
        cut = np.percentile(df["entropy"], 100 - p)
        out.append(("disagreement", float(p), df[df["entropy"] >= cut].index))
    return out


def pairwise_subsets(df):
    out = [("all", None, df.index)]
    by_similar = df.sort_values("zeros", ascending=False, kind="stable")
    by_agreement = df.sort_values("agreement", ascending=True, kind="stable")
    # The stable orders keep input order among ties; check against an explicit key.
    assert list(by_similar.index) == sorted(df.index, key=lambda i: (-df.at[i, "zeros"], i))
    assert list(by_agreement.index) == sorted(df.index, key=lambda i: (df.at[i, "agreement"], i))
    for p in PAIR_P:
        out.append(("similar-quality", float(p), by_similar.head(int(len(df) * p / 100)).index))
    for p in PAIR_P:
        out.append(("disagreement", float(p), by_agreement.head(int(len(df) * p / 100)).index))
    return out


def rho(x, y):
    frame = pd.DataFrame({"x": x, "y": y}).dropna()
    if len(frame) < 3:
        return len(frame), None
    return len(frame), float(stats.spearmanr(frame["x"], frame["y"]).statistic)


def main():
    rng = np.random.default_rng(20251022)
    absolute, pairwise, scores = simulate(rng)
    HERE.mkdir(parents=True, exist_ok=True)
    for name, rows in [("absolute", absolute), ("pairwise", pairwise), ("scores", scores)]:
        with open(HERE / f"{name}.jsonl", "w") as f:
            for row in rows:
                f.write(json.dumps(row, sort_keys=True) + "\n")

    abs_df = pd.DataFrame(absolute)
    abs_df["item_id"] = abs_df["user_query"].map(item_id)
    abs_df["response_id"] = abs_df.groupby("item_id").cumcount().map(lambda j: f"r{j + 1}")
    abs_df["mean"] = abs_df["human_labels"].map(np.mean)
    abs_df["entropy"] = abs_df["human_labels"].map(label_entropy)
    score_df = pd.DataFrame(scores).pivot(index=["item_id", "response_id"], columns="scorer", values="score")
    abs_df = abs_df.join(score_df, on=["item_id", "response_id"])

    pair_df = pd.DataFrame(pairwise)
    pair_df["item_id"] = pair_df["user_query"].map(item_id)
    text_to_id = {(r.item_id, r.response): r.response_id for r in abs_df.itertuples()}
    pair_df["id_1"] = [text_to_id[(i, t)] for i, t in zip(pair_df["item_id"], pair_df["response_1"])]
    pair_df["id_2"] = [text_to_id[(i, t)] for i, t in zip(pair_df["item_id"], pair_df["response_2"])]
    pair_df["mean"] = pair_df["human_labels"].map(np.mean)
    labels = pair_df["human_labels"].map(np.asarray)
    n1 = labels.map(lambda v: int((v > 0).sum()))
    n2 = labels.map(lambda v: int((v < 0).sum()))
    ties = labels.map(lambda v: int((v == 0).sum()))
    total = labels.map(len)
    pair_df["zeros"] = ties
    pair_df["agreement"] = np.maximum(n1 + ties / 2, n2 + ties / 2) / total

    scorers = sorted(score_df.columns)
    result = {"scorers": {}, "meta": {"numpy": np.__version__, "scipy": scipy.__version__, "pandas": pd.__version__}}
    abs_sets = absolute_subsets(abs_df)
    pair_sets = pairwise_subsets(pair_df)
    for scorer in scorers:
        entry = {"absolute": [], "pairwise": []}
        for family, parameter, index in abs_sets:
            sub = abs_df.loc[index]
            n, r = rho(sub[scorer], sub["mean"])
            entry["absolute"].append({"family": family, "parameter": parameter, "size": len(index), "n": n, "rho": r})
        for family, parameter, index in pair_sets:
            sub = pair_df.loc[index]
            lookup = abs_df.set_index(["item_id", "response_id"])[scorer]
            s1 = np.array([lookup.get((i, r), np.nan) for i, r in zip(sub["item_id"], sub["id_1"])])
            s2 = np.array([lookup.get((i, r), np.nan) for i, r in zip(sub["item_id"], sub["id_2"])])
            n, r = rho(s1 - s2, sub["mean"].to_numpy())
            entry["pairwise"].append({"family": family, "parameter": parameter, "size": len(index), "n": n, "rho": r})
        result["scorers"][scorer] = entry
    with open(HERE / "oracle.json", "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
