#!/usr/bin/env python3
"""Oracle for `plaudit homogeneity`: the whole analysis recomputed with numpy from stored embeddings.

Run from the repository root (numpy 2.4.6; the venv the other oracles use):

    /tmp/oracle-venv/bin/python Tests/PlauditAuditsTests/Oracles/homogeneity_oracle.py

Inputs, next to this script:
- homogeneity_fixture_embeddings.jsonl: the MiniLM vectors of fixtures/homogeneity/generations.jsonl, written by
  `plaudit homogeneity fixtures/homogeneity/generations.jsonl --embedder minilm --write-embeddings FILE`;
- homogeneity_synthetic_embeddings.jsonl: seeded synthetic vectors this script writes (edge cases: a model missing
  from some prompts, exact duplicates, a zero vector, a pool with a negative mean cosine, pools smaller than N + 1).

Output: homogeneity_oracle.json next to this script. Each line of an embeddings file is
{"item_id", "response_id", "model", "embedding"}; a prompt's pool is its lines in file order.

The rules, written from the method description (research/hivemind.md §2 and docs/homogeneity.md), not from plaudit's code:
- vectors are float32; similarities are computed in float64: rows scaled to unit length (a zero row stays zero, so
  its cosine with everything is 0), C = clip(U Uᵀ, −1, 1);
- per (prompt, model): mean of C over the strict upper triangle of the model's rows;
- per model: mean over its prompts of those means; share of prompts with mean ≥ 0.8; histogram with
  edges arange(11)/10, bin = searchsorted(edges, v, "right") − 1, clipped into 0..9 (v < 0 → bin 0, v ≥ 1 → bin 9);
- matrix: off the diagonal, per prompt the mean of all cross-pair cosines of the two models, then the mean over the
  prompts both answered; the diagonal is the model's within-model mean averaged over its prompts;
- mixing: per prompt pool, for each row the k = min(N, pool − 1) other rows with the highest cosine, ties to the
  lower row (a stable sort on −cos), the number of distinct models among them, averaged over rows; mean and median
  over prompts. Random expectation: Σ_m 1 − comb(P − 1 − c_m, k) / comb(P − 1, k), c_m = model m's rows other than
  the row itself, with exact integer binomials;
- distinct-k: rows in file order; each joins the first class whose first member has cosine ≥ threshold, else opens
  one; per (prompt, model) and over the whole pool; class sizes largest first; modal share = largest / count;
- bootstrap: ClusterBootstrap's draws re-created with the independent xoshiro256** port in
  Tests/PlauditStatsTests/Oracles/make_oracles.py (seed = 20251022 XOR the first 16 hex digits of
  SHA-256(model + "\\0" + "homogeneity")), each replicate's mean and share, numpy 'linear' percentiles.
"""

import hashlib
import json
import math
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "PlauditStatsTests" / "Oracles"))
from make_oracles import Xoshiro  # noqa: E402  (the shared independent generator port)

SEED = 20251022
RESAMPLES = 2000
CONFIDENCE = 0.95
HIGH = 0.8
BINS = 10
MASK64 = (1 << 64) - 1


def load(path):
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    prompts = {}
    for row in rows:
        prompts.setdefault(row["item_id"], []).append(row)
    return prompts


def cosines(vectors):
    x = np.asarray(vectors, dtype=np.float32).astype(np.float64)
    norms = np.sqrt((x * x).sum(axis=1))
    units = np.divide(x, norms[:, None], out=np.zeros_like(x), where=norms[:, None] > 0)
    return np.clip(units @ units.T, -1.0, 1.0)


def greedy(c, members, threshold):
    representatives, sizes = [], []
    for i in members:
        for k, r in enumerate(representatives):
            if c[r, i] >= threshold:
                sizes[k] += 1
                break
        else:
            representatives.append(i)
            sizes.append(1)
    return sorted(sizes, reverse=True)


def within(c, members):
    sub = c[np.ix_(members, members)]
    upper = np.triu_indices(len(members), k=1)
    return float(sub[upper].mean())


def stream(name):
    return int(hashlib.sha256((name + "\0" + "homogeneity").encode()).hexdigest()[:16], 16)


def bootstrap(values, name):
    values = np.asarray(values, dtype=np.float64)
    g = Xoshiro((SEED ^ stream(name)) & MASK64)
    n = len(values)
    reps = []
    for _ in range(RESAMPLES):
        drawn = values[[g.next_int(n) for _ in range(n)]]
        reps.append(drawn.mean())
    alpha = (1 - CONFIDENCE) / 2
    reps = np.asarray(reps)
    return float(np.quantile(reps, alpha)), float(np.quantile(reps, 1 - alpha))


def analyse(prompts, threshold, neighbours):
    models = sorted({row["model"] for rows in prompts.values() for row in rows})
    per_model = {m: {"means": [], "distinct": [], "modal": [], "generations": 0} for m in models}
    cross = {(a, b): [] for a in models for b in models if a != b}
    prompt_out, mixing_rows = [], []
    edges = np.arange(BINS + 1) / BINS
    for item_id, rows in prompts.items():
        c = cosines([row["embedding"] for row in rows])
        labels = [row["model"] for row in rows]
        size = len(rows)
        members = {m: [i for i, l in enumerate(labels) if l == m] for m in models}
        model_rows = []
        for m in models:
            idx = members[m]
            if not idx:
                continue
            mean = within(c, idx)
            sizes = greedy(c, idx, threshold)
            per_model[m]["means"].append(mean)
            per_model[m]["distinct"].append(len(sizes))
            per_model[m]["modal"].append(sizes[0] / len(idx))
            per_model[m]["generations"] += len(idx)
            model_rows.append({"model": m, "generations": len(idx), "mean_cosine": mean, "distinct": len(sizes),
                               "class_sizes": sizes, "modal_share": sizes[0] / len(idx)})
        for a in models:
            for b in models:
                if a != b and members[a] and members[b]:
                    cross[(a, b)].append(float(c[np.ix_(members[a], members[b])].mean()))
        pooled = greedy(c, list(range(size)), threshold)
        mixing = []
        order = []
        for i in range(size):
            others = np.array([j for j in range(size) if j != i])
            ranked = others[np.lexsort((others, -c[i, others]))]
            order.append(ranked)
        counts = {m: len(members[m]) for m in models}
        for n in neighbours:
            k = min(n, size - 1)
            distinct = [len({labels[j] for j in order[i][:k]}) for i in range(size)]
            expected = []
            for i in range(size):
                total = 0.0
                for m in models:
                    cm = counts[m] - (1 if labels[i] == m else 0)
                    if cm > 0:
                        total += 1 - math.comb(size - 1 - cm, k) / math.comb(size - 1, k)
                expected.append(total)
            mixing.append({"neighbours": n, "effective_neighbours": k, "mean_models": float(np.mean(distinct)),
                           "random_expectation": float(np.mean(expected))})
        mixing_rows.append(mixing)
        prompt_out.append({"item_id": item_id, "pool_size": size, "class_sizes": pooled, "modal_share": pooled[0] / size,
                           "models": model_rows, "mixing": mixing})
    model_out = []
    for m in models:
        means = np.array(per_model[m]["means"])
        high = (means >= HIGH).astype(np.float64)
        bins = np.clip(np.searchsorted(edges, means, side="right") - 1, 0, BINS - 1)
        mean_ci = bootstrap(means, m)
        share_ci = bootstrap(high, m)
        model_out.append({
            "model": m, "prompts": len(means), "generations": per_model[m]["generations"],
            "mean_cosine": float(means.mean()), "mean_lower": mean_ci[0], "mean_upper": mean_ci[1],
            "share": float(high.mean()), "share_lower": share_ci[0], "share_upper": share_ci[1],
            "histogram": np.bincount(bins, minlength=BINS).tolist(),
            "below_zero": int((means < 0).sum()), "above_one": int((means > 1).sum()),
            "mean_distinct": float(np.mean(per_model[m]["distinct"])),
            "mean_modal_share": float(np.mean(per_model[m]["modal"])),
        })
    values, counts = [], []
    for a in models:
        row_v, row_c = [], []
        for b in models:
            series = per_model[a]["means"] if a == b else cross[(a, b)]
            row_v.append(float(np.mean(series)) if series else None)
            row_c.append(len(series))
        values.append(row_v)
        counts.append(row_c)
    mixing_out = []
    for index, n in enumerate(neighbours):
        per_prompt = np.array([rows[index]["mean_models"] for rows in mixing_rows])
        mixing_out.append({
            "neighbours": n, "mean": float(per_prompt.mean()), "median": float(np.median(per_prompt)),
            "random_mean": float(np.mean([rows[index]["random_expectation"] for rows in mixing_rows])),
            "capped_prompts": sum(1 for rows in mixing_rows if rows[index]["effective_neighbours"] < n),
        })
    return {"models": model_out, "matrix": {"models": models, "values": values, "prompts": counts},
            "mixing": mixing_out, "prompts": prompt_out}


def synthetic(path):
    """Seeded pools with planted structure and edge cases, written as float32 values (exact float64 reprs)."""
    r = np.random.default_rng(515)
    dim = 24
    spread = {"alpha": 0.15, "beta": 0.5, "gamma": 1.0, "delta": 2.5}
    offsets = {m: r.normal(0, 0.6, dim) for m in spread}
    lines = []
    for p in range(7):
        centre = r.normal(0, 1, dim)
        rows = []
        for m in spread:
            if m == "delta" and p in (2, 5):
                continue
            if p == 6 and m in ("gamma", "delta"):
                continue
            count = int(r.integers(2, 10)) if p != 6 else 2
            for g in range(count):
                v = centre + offsets[m] + r.normal(0, spread[m], dim)
                if g > 0 and r.random() < 0.2:
                    v = rows[-1][1].copy()
                rows.append((m, v))
        if p == 3:
            rows[-1] = (rows[-1][0], np.zeros(dim))
        if p == 4:
            # Two generations pointing in opposite directions: a mean cosine of −1.
            rows = [row for row in rows if row[0] != "beta"]
            v = centre + r.normal(0, 1, dim)
            rows += [("beta", v), ("beta", -v)]
        order = r.permutation(len(rows))
        for n, i in enumerate(order):
            m, v = rows[i]
            v32 = np.asarray(v, dtype=np.float32)
            lines.append(json.dumps({"embedding": [float(x) for x in v32], "item_id": f"s{p}", "model": m,
                                     "response_id": f"r{n:02d}"}, sort_keys=True))
    path.write_text("\n".join(lines) + "\n")


def main():
    synthetic_path = HERE / "homogeneity_synthetic_embeddings.jsonl"
    synthetic(synthetic_path)
    cases = []
    fixture = HERE / "homogeneity_fixture_embeddings.jsonl"
    for name, path, threshold in [("fixture", fixture, 0.65), ("synthetic", synthetic_path, 0.8),
                                  ("synthetic-low-threshold", synthetic_path, 0.3)]:
        result = analyse(load(path), threshold, [5, 50])
        result.update({"name": name, "embeddings": path.name, "equivalence_threshold": threshold,
                       "neighbours": [5, 50], "seed": SEED, "resamples": RESAMPLES, "confidence": CONFIDENCE})
        cases.append(result)
    out = {"meta": {"numpy": np.__version__, "python": sys.version.split()[0]}, "cases": cases}
    (HERE / "homogeneity_oracle.json").write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
    print(f"wrote {HERE / 'homogeneity_oracle.json'}")


if __name__ == "__main__":
    main()
