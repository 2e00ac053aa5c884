#!/usr/bin/env python3
"""A labelled monoculture input for the golden-output jobs that needs no model (no VADER).

    python3 scripts/golden/make-monoculture-input.py   # rewrites Tests/Golden/inputs/book-reviews-labelled.jsonl

From fixtures/book-reviews/books.jsonl: every book keeps its human reviews as the source side, and
gets two synthetic generated configurations written from templates (`templates/A` mostly
positive, `templates/B` mixed), the template picked per sample by SHA-256 of (book id, config,
sample). Every text is labelled by a fixed keyword rule (more positive than negative keywords:
POSITIVE; fewer: NEGATIVE; else NEUTRAL). Nothing is random and nothing depends on the machine.
"""
import hashlib
import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
POSITIVE = re.compile(r"\b(good|great|love|loved|wonderful|best|delightful|brilliant|beautiful|enjoyed|masterpiece|fun)\b", re.I)
NEGATIVE = re.compile(r"\b(bad|boring|dull|tedious|slog|hated|gave up|predictable|awful|worst|suffocating|drags)\b", re.I)
TEMPLATES = {
    "templates/A": ["{title} by {author} is a wonderful book.", "I loved {title}; a great classic.",
                    "{title} is the best thing {author} wrote.", "A delightful read from start to finish."],
    "templates/B": ["{title} is a wonderful book.", "A dull read; {title} did not work for me.",
                    "{author} writes well, but {title} drags.", "{title}: some parts I loved, some boring."],
}


def label(text):
    p, n = len(POSITIVE.findall(text)), len(NEGATIVE.findall(text))
    return "POSITIVE" if p > n else "NEGATIVE" if n > p else "NEUTRAL"


def pick(*parts):
    return int.from_bytes(hashlib.sha256("|".join(parts).encode()).digest()[:4], "big")


lines = []
with open(os.path.join(ROOT, "fixtures/book-reviews/books.jsonl"), encoding="utf-8") as f:
    for text in f:
        if not text.strip():
            continue
        book = json.loads(text)
        generated = {}
        for config, templates in TEMPLATES.items():
            samples = 3 + pick(book["id"], config) % 3
            generated[config] = [templates[pick(book["id"], config, str(i)) % len(templates)].format(**book)
                                 for i in range(samples)]
        lines.append(json.dumps({
            "id": book["id"], "title": book["title"], "author": book["author"],
            "source": book["source"], "source_labels": [label(t) for t in book["source"]],
            "generated": generated,
            "generated_labels": {c: [label(t) for t in texts] for c, texts in generated.items()},
        }, sort_keys=True, ensure_ascii=False))

out = os.path.join(ROOT, "Tests/Golden/inputs/book-reviews-labelled.jsonl")
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write("\n".join(lines) + "\n")
print(f"wrote {len(lines)} books to {os.path.relpath(out, ROOT)}")
