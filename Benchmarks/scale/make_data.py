#!/usr/bin/env python3
"""Seeded synthetic audit data at scale: PROMPTS prompts x 12 responses, and a scores file
with three scorers, for `plaudit audit DATA --scores SCORES --embedder lexical`.

Each prompt has 3-4 answer themes, each with its own content words; a response mixes its
theme's words with words every prompt shares, 25-60 words long, so the lexical embedder
finds the themes as clusters. About 8% of responses are flagged invalid (off-topic words).
Scorers: fair-rm (latent quality + noise), biased-rm (the same, minus 0.4 for answers outside
the prompt's largest theme: planted under-reward), length-rm (noise + 0.02 x words).

    python3 make_data.py PROMPTS OUT_DIR   # writes OUT_DIR/data.jsonl and OUT_DIR/scores.jsonl
"""
import json
import os
import random
import sys


def main() -> None:
    prompts, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20261207)
    common = [f"w{i}" for i in range(300)]
    with open(os.path.join(out, "data.jsonl"), "w") as data, open(os.path.join(out, "scores.jsonl"), "w") as scores:
        for p in range(prompts):
            themes = rng.choice([3, 4])
            # Theme sizes: the first is the largest (the mainstream answer).
            sizes = {3: [6, 4, 2], 4: [5, 3, 2, 2]}[themes]
            labels = [t for t, size in enumerate(sizes) for _ in range(size)]
            vocab = [[f"p{p}t{t}x{k}" for k in range(12)] for t in range(themes)]
            responses = []
            for j, theme in enumerate(labels):
                length = rng.randint(25, 60)
                invalid = rng.random() < 0.08
                words = [
                    (f"off{rng.randint(0, 999)}" if invalid else rng.choice(vocab[theme])) if rng.random() < 0.45 else rng.choice(common)
                    for _ in range(length)
                ]
                rid = f"r{j:02d}"
                responses.append({"id": rid, "text": " ".join(words), "valid": not invalid})
                quality = rng.gauss(0, 0.5)
                atypical = theme != 0
                for name, score in (
                    ("fair-rm", quality + rng.gauss(0, 1)),
                    ("biased-rm", quality + rng.gauss(0, 1) - (0.4 if atypical else 0)),
                    ("length-rm", rng.gauss(0, 1) + 0.02 * length),
                ):
                    scores.write(json.dumps({"item_id": f"q{p}", "response_id": rid, "scorer": name, "score": round(score, 6)}) + "\n")
            category = ["open-qa", "creative", "advice", "opinion"][p % 4]
            data.write(json.dumps({"id": f"q{p}", "category": category, "prompt": f"Synthetic prompt {p}", "responses": responses}) + "\n")


if __name__ == "__main__":
    main()
