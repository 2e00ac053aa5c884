#!/usr/bin/env python3
"""A deterministic reward model for plaudit's `subprocess` backend (golden-output jobs only).

Reads JSON lines {"id", "prompt", "response"} on stdin and answers {"id", "score"} per line.
The score is a pure function of the texts, so every run on every machine gives the same value:
uniform noise in [-2, 2] from SHA-256(prompt | response), plus 0.02 per word of the response,
plus 0.5 per "good"/"great"/"love"/"wonderful"/"best" in it (so the monoculture job's positivity
premium has something to find). A response containing "UNSCORABLE" gets an error answer.
"""
import hashlib
import json
import re
import sys

POSITIVE = re.compile(r"\b(good|great|love|loved|wonderful|best)\b", re.IGNORECASE)


def prompt_text(prompt):
    if isinstance(prompt, str):
        return prompt
    return "\n".join(f"{m.get('role', '')}: {m.get('content', '')}" for m in prompt)


def score(prompt, response):
    digest = hashlib.sha256((prompt_text(prompt) + "|" + response).encode("utf-8")).digest()
    noise = 4.0 * int.from_bytes(digest[:8], "big") / 2.0**64 - 2.0
    return round(noise + 0.02 * len(response.split()) + 0.5 * len(POSITIVE.findall(response)), 6)


for line in sys.stdin:
    if not line.strip():
        continue
    request = json.loads(line)
    if "UNSCORABLE" in request["response"]:
        answer = {"id": request["id"], "error": "marked unscorable"}
    else:
        answer = {"id": request["id"], "score": score(request["prompt"], request["response"])}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
