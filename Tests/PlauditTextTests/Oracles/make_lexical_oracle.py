#!/usr/bin/env python3
"""Oracle vectors for PlauditText.LexicalEmbedder, from an independent Python implementation of its spec.

Run (from any directory; standard library only, no packages to install):

    python3 Tests/PlauditTextTests/Oracles/make_lexical_oracle.py

It writes lexical_oracle.json next to this script. The committed file was produced by CPython 3.11.7
(unicodedata 14.0.0); the versions are also recorded in the file's "meta" entry. Nothing is random, so
re-running gives an identical file (as long as the Unicode data of the Python build agrees on the corpus,
which `check_corpus` asserts).

The spec implemented here (written from the description, not from the Swift source):

* The text is NFC-normalised first (`unicodedata.normalize("NFC", text)`).
* Words are maximal runs of alphabetic or numeric characters of `text.lower()`. "Alphabetic or numeric" is
  taken as Python's `str.isalpha() or str.isnumeric()`, per code point.
* Word n-grams (1-2 by default) are words joined by one space. Character n-grams (3-5 by default) are taken
  from each word padded with one space on each side (scikit-learn's `char_wb`), counted in code points.
* Each feature is hashed with 64-bit FNV-1a over one namespace byte (1 for word n-grams, 2 for character
  n-grams) followed by the feature's UTF-8 bytes. Bucket = hash % dimension; sign = +1 if the top bit of the
  hash is 0, else -1.
* Weight = (1 + ln tf) * (ln((1 + n) / (1 + df)) + 1), with tf the count in the text and df the number of
  texts of the same embed call that contain the feature, n the number of texts.
* The signed weights are summed per bucket, separately for the two families; each family is L2-normalised
  (an all-zero family stays zero), the two are added, and the sum is L2-normalised again.
* Cosines between an all-zero vector and anything are written as 0.

Everything is computed in float64; the Swift embedder computes in Float32, hence the test tolerances
(1e-5 per vector component, 1e-6 per cosine).

Where Python and Swift read Unicode differently (compared over every code point with Swift 6.3.1; see the
"divergences" entry of the JSON, which the Swift tests check deliberately):

1. Swift's `Unicode.Scalar.Properties.isAlphabetic` is the Unicode *Alphabetic* property, which adds
   Other_Alphabetic to the letters: combining vowel signs of Indic and other scripts (Mn/Mc, e.g. U+093F
   DEVANAGARI VOWEL SIGN I), circled letters (So, U+24B6...). (U+0345 COMBINING GREEK
   YPOGEGRAMMENI is Other_Alphabetic too, but NFC composes it with its base letter first.)
   `str.isalpha()` is general category L* only, so Python splits words at those characters. No character is
   word-forming in Python but not in Swift; numeric characters agree exactly (Numeric_Type).
   Swift 6.3 also carries Unicode 16 data and Python 3.11 Unicode 14: characters assigned since 14 differ.
2. Python's `str.lower()` applies the Final_Sigma rule (word-final capital sigma becomes U+03C2 'ς');
   Swift's `String.lowercased()` maps every U+03A3 to U+03C3 'σ'. Per code point the two lower-casings
   agree everywhere else (including 'İ' -> 'i' + U+0307, which then splits the word in both, and 'ẞ' -> 'ß').
3. Swift `String` equality is canonical equivalence. Because the spec NFC-normalises the text first,
   canonically equivalent spellings (e.g. precomposed Hangul syllables and conjoining jamo) become the
   same bytes in both readings, and byte-keyed and String-keyed counting agree.

The corpus avoids all three (`check_corpus` rejects any character whose category is Mn, Mc or So inside a
word-forming run, any capital sigma, any unassigned code point, and any text that is not NFC apart from a
combining acute after a letter, which is not word-forming in either reading).
"""

import json
import math
import platform
import sys
import unicodedata
from collections import Counter
from pathlib import Path

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK64 = (1 << 64) - 1
WORD_NAMESPACE = 1
CHAR_NAMESPACE = 2


def fnv1a64(namespace: int, feature: str) -> int:
    h = FNV_OFFSET
    for byte in bytes([namespace]) + feature.encode("utf-8"):
        h = ((h ^ byte) * FNV_PRIME) & MASK64
    return h


def is_word_char(c: str) -> bool:
    return c.isalpha() or c.isnumeric()


def tokenize(text: str) -> list:
    words, current = [], []
    for c in unicodedata.normalize("NFC", text).lower():
        if is_word_char(c):
            current.append(c)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def features(text: str, word_ngrams=(1, 2), char_ngrams=(3, 5)):
    tokens = tokenize(text)
    words, chars = Counter(), Counter()
    for n in range(word_ngrams[0], word_ngrams[1] + 1):
        for i in range(len(tokens) - n + 1):
            words[" ".join(tokens[i : i + n])] += 1
    for token in tokens:
        padded = " " + token + " "
        for n in range(char_ngrams[0], char_ngrams[1] + 1):
            for i in range(len(padded) - n + 1):
                chars[padded[i : i + n]] += 1
    return tokens, words, chars


def l2_normalised(v):
    norm = math.sqrt(sum(x * x for x in v))
    return [x / norm for x in v] if norm > 0 else list(v)


def embed(texts, dimension, word_ngrams=(1, 2), char_ngrams=(3, 5)):
    feats = [features(t, word_ngrams, char_ngrams) for t in texts]
    n = len(texts)
    word_df, char_df = Counter(), Counter()
    for _, words, chars in feats:
        word_df.update(words.keys())
        char_df.update(chars.keys())

    def family(counts, df, namespace):
        v = [0.0] * dimension
        for feature, tf in counts.items():
            h = fnv1a64(namespace, feature)
            sign = 1.0 if h >> 63 == 0 else -1.0
            idf = math.log((1 + n) / (1 + df[feature])) + 1
            v[h % dimension] += sign * (1 + math.log(tf)) * idf
        return l2_normalised(v)

    vectors = []
    for _, words, chars in feats:
        w = family(words, word_df, WORD_NAMESPACE)
        c = family(chars, char_df, CHAR_NAMESPACE)
        vectors.append(l2_normalised([a + b for a, b in zip(w, c)]))
    return [f[0] for f in feats], [f[1] for f in feats], [f[2] for f in feats], vectors


def cosine(a, b):
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(x * x for x in b))
    if na == 0 or nb == 0:
        return 0.0
    return sum(x * y for x, y in zip(a, b)) / (na * nb)


LONG_A = (
    "The committee reviewed the proposal in detail and concluded that the new bridge would reduce "
    "travel times across the river by about twenty minutes. Construction is expected to begin next "
    "spring, subject to environmental approval, and the total cost is estimated at 45 million euros. "
    "Local residents raised concerns about noise during the works, and the council promised to limit "
    "heavy machinery to daytime hours. A public consultation will run for six weeks."
)
LONG_B = (
    "After a detailed review, the committee decided the proposed bridge would cut journeys over the "
    "river by roughly twenty minutes. Building should start next spring if the environmental permit is "
    "granted; the estimated cost is 45 million euros. Residents worried about construction noise, so "
    "the council pledged to keep heavy machinery to the daytime. The public consultation lasts six weeks."
)

CORPUS = [
    "The quick brown fox jumps over the lazy dog.",
    "A quick brown dog jumps over the lazy fox!",
    "The cat sat on the mat.",
    "The cat is sitting on the mat.",
    "Stock markets fell sharply on Tuesday after the central bank raised interest rates.",
    "Equity prices dropped steeply on Tuesday when the central bank increased rates.",
    "",
    "   \t\n  ",
    "!!! ??? ... --- *** ;;",
    "a",
    "ab",
    "I",
    "buffalo buffalo buffalo buffalo buffalo buffalo buffalo buffalo",
    "The the THE tHe",
    "Café naïve résumé façade coöperate",
    "CAFÉ NAÏVE",
    "Cafe\u0301 au lait",  # decomposed é: U+0301 is not word-forming in either reading, so "cafe" "au" "lait"
    "時間は川です",
    "東京都に住んでいます。日本語を勉強しています。",
    "한국어 텍스트도 처리합니다",
    "Привет, мир! Как дела?",
    "καλημέρα κόσμε, ελληνικά κείμενα",
    "Straße STRASSE straße \u1e9e",
    "İstanbul",  # lower() gives 'i' + U+0307: both readings split it into "i" and "stanbul"
    "I love it 😀😀 so much 🎉",
    "👍🏽👨‍👩‍👧",
    "Version 2.0.1 released on 2024-05-17 with 3x speedup",
    "Call 555-1234 or 555 1234 before 9pm",
    "½ cup of sugar, x² + y³ = z⁴",
    "Ⅻ chapters and Ⅳ appendices",
    "don't can't won't it's",
    "e-mail, e\u2011mail and email",
    "snake_case and camelCase and kebab-case",
    "ﬁnance ﬂow",
    "Ǆemal ǅ",
    "ＦＵＬＬＷＩＤＴＨ ｌｅｔｔｅｒｓ １２３",
    "العربية نص قصير",
    "שלום עולם",
    "tab\tseparated\nnew line\r\nwindows",
    LONG_A,
    LONG_B,
]

# Indices of CORPUS whose full 1024-d vectors are stored.
VECTOR_SUBSET = [0, 2, 6, 12, 14, 17, 24, 39]

# The IDF depends on the corpus: a small corpus, all vectors stored.
SMALL = ["the cat sat", "the dog sat", "a bird sang", "the cat sat"]

# Non-default n-gram ranges.
CUSTOM = ["Hello, world!", "hello there world", "x", "Würde 42"]

# Texts on which Python's reading of the spec differs from Swift's (see the docstring). The Swift words are
# what the Unicode Alphabetic property and Swift's lowercased() give; the Swift tests check both lists.
DIVERGENCES = [
    {
        "name": "final sigma",
        "text": "ΟΔΟΣ ΣΟΦΟΣ",
        "swift_words": ["οδοσ", "σοφοσ"],
        "note": "Python lower() applies Final_Sigma (ς); Swift lowercased() maps every Σ to σ",
    },
    {
        "name": "Devanagari vowel signs",
        "text": "नमस्ते दुनिया",
        "swift_words": ["नमस", "ते", "दुनिया"],
        "note": "vowel signs U+0947, U+0941, U+093F, U+093E are Other_Alphabetic (Swift word characters) but "
        "Mn/Mc (not isalpha); the virama U+094D is word-forming in neither",
    },
    {
        "name": "circled letters",
        "text": "Ⓐⓑⓒ circled",
        "swift_words": ["ⓐⓑⓒ", "circled"],
        "note": "circled letters are So with Other_Alphabetic; lowercased() maps Ⓐ to ⓐ in both",
    },
]

# Canonically equivalent spellings: precomposed Hangul (NFC) and conjoining jamo (NFD).
HANGUL_NFC = "한국"
HANGUL_NFD = unicodedata.normalize("NFD", HANGUL_NFC)
NORMALISATION_TEXT = HANGUL_NFC + " " + HANGUL_NFD


def check_corpus(texts):
    """Reject texts where Python's and Swift's Unicode readings could differ (see the docstring)."""
    for t in texts:
        assert "\u03a3" not in t, f"capital sigma in {t!r}"
        for c in t:
            cat = unicodedata.category(c)
            assert cat != "Cn", f"unassigned {c!r} in {t!r}"
            if cat in ("Mn", "Mc", "So"):
                # Such a character could be Other_Alphabetic (word-forming in Swift only). Allow those known
                # not to be: the combining acute, the emoji and their modifiers.
                assert c == "\u0301" or ord(c) >= 0x1F300, f"{c!r} ({cat}) in {t!r}"
        decomposed = unicodedata.normalize("NFC", t) != t
        assert not decomposed or t == "Cafe\u0301 au lait", f"not NFC: {t!r}"


def rounded(values, places):
    return [round(x, places) + 0.0 for x in values]


def make_case(name, texts, dimension, word_ngrams=(1, 2), char_ngrams=(3, 5), vector_indices=None,
              store_words=True):
    tokens, words, chars, vectors = embed(texts, dimension, word_ngrams, char_ngrams)
    if vector_indices is None:
        vector_indices = list(range(len(texts)))
    case = {
        "name": name,
        "dimension": dimension,
        "word_ngrams": list(word_ngrams),
        "char_ngrams": list(char_ngrams),
        "texts": texts,
        "vectors": [{"index": i, "values": rounded(vectors[i], 9)} for i in vector_indices],
        "cosines": [[round(cosine(a, b), 12) + 0.0 for b in vectors] for a in vectors],
    }
    if store_words:
        case["words"] = tokens
        case["word_feature_counts"] = [len(w) for w in words]
        case["char_feature_counts"] = [len(c) for c in chars]
    return case


def main():
    check_corpus(CORPUS + SMALL + CUSTOM)
    cases = [
        make_case("corpus-1024", CORPUS, 1024, vector_indices=VECTOR_SUBSET),
        make_case("corpus-8192", CORPUS, 8192, vector_indices=[], store_words=False),
        make_case("small-corpus-1024", SMALL, 1024),
        make_case("custom-ngrams-1024", CUSTOM, 1024, word_ngrams=(1, 1), char_ngrams=(2, 4)),
    ]
    divergences = []
    for d in DIVERGENCES:
        python_words = tokenize(d["text"])
        assert python_words != d["swift_words"], d["name"]
        divergences.append({**d, "python_words": python_words})
    _, norm_words, norm_chars = features(NORMALISATION_TEXT)
    assert HANGUL_NFC != HANGUL_NFD and len(norm_words) == 2
    normalisation = {
        "note": "the text is a precomposed Hangul word and the same word as conjoining jamo; after NFC they "
        "are one word, so there are 2 distinct word features (one unigram twice, one bigram)",
        "text": NORMALISATION_TEXT,
        "python_word_features": len(norm_words),
        "python_char_features": len(norm_chars),
    }
    out = {
        "meta": {
            "generator": "Tests/PlauditTextTests/Oracles/make_lexical_oracle.py",
            "python": platform.python_version(),
            "unicodedata": unicodedata.unidata_version,
            "vector_places": 9,
            "cosine_places": 12,
        },
        "cases": cases,
        "divergences": divergences,
        "normalisation": normalisation,
    }
    path = Path(__file__).resolve().parent / "lexical_oracle.json"
    with open(path, "w", encoding="ascii") as f:
        json.dump(out, f, ensure_ascii=True, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {path} ({path.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
