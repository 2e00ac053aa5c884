#!/usr/bin/env python3
"""Oracle scores for PlauditText.VaderAnalyzer, from the reference Python package vaderSentiment 3.3.2.

This script installs nothing. Run it in a virtual environment that has the package:

    python3 -m venv /tmp/vader-venv
    /tmp/vader-venv/bin/pip install vaderSentiment==3.3.2
    /tmp/vader-venv/bin/python Tests/PlauditTextTests/Oracles/make_vader_oracle.py [--coverage]

It writes vader_oracle.json next to this script: for every sentence, the package's
`SentimentIntensityAnalyzer().polarity_scores(text)` (neg, neu, pos rounded to 3 decimals and compound
to 4 by the package itself), grouped by the rule each group exercises. The random groups use a fixed
seed, so re-running gives an identical file (for the same package and Python versions, which are
recorded in "meta").

With --coverage, it also traces the package while scoring (standard-library `trace`) and lists any line
of the scoring code that no sentence reached, so one can check that every rule is exercised.
"""

import importlib.metadata
import json
import os
import random
import sys

from vaderSentiment import vaderSentiment as vs

SEED = 20140601
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vader_oracle.json")

analyzer = vs.SentimentIntensityAnalyzer()
cases = []  # (group, text)


def add(group, *texts):
    for text in texts:
        cases.append((group, text))


# --- the package's own demo sentences and the published reference values ---------------------------
add(
    "reference",
    "VADER is smart, handsome, and funny.",
    "VADER is smart, handsome, and funny!",
    "VADER is very smart, handsome, and funny.",
    "VADER is VERY SMART, handsome, and FUNNY.",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "The book was good.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The book was kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today SUX!",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Not bad at all",
    "Not bad at all :)",
    "Sentiment analysis has never been good.",
    "Sentiment analysis has never been this good!",
    "Most automated sentiment analysis tools are shit.",
    "With VADER, sentiment analysis is the shit!",
    "Other sentiment analysis tools can be quite bad.",
    "On the other hand, VADER is quite bad ass",
    "VADER is such a badass!",
    "Without a doubt, excellent idea.",
    "Roger Dodger is one of the most compelling variations on this theme.",
    "Roger Dodger is at least compelling as a variation on the theme.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Not such a badass after all.",
    "Without a doubt, an excellent idea.",
    "It was one of the worst movies I've seen, despite good reviews.",
    "Unbelievably bad acting!!",
    "Poor direction.",
    "VERY poor production.",
    "The movie was bad.",
    "Very bad movie.",
    "VERY BAD movie!",
    "balloons", "cake", "candles", "happy birthday", "friends", "laughing", "smiling", "party",
    "riot", "fire", "fight", "blood", "mob", "war", "police", "tear gas",
    "I'm surprised to see just how amazingly helpful VADER is!",
)

# --- boosters and dampeners at distances 1-3, signed by the valence, in capitals ---------------------
boosters = sorted(w for w in vs.BOOSTER_DICT if " " not in w)
targets = ["good", "bad", "funny", "boring", "love", "hate"]
for k, b in enumerate(boosters):
    t = targets[k % len(targets)]
    u = targets[(k + 3) % len(targets)]
    add(
        "booster",
        f"The story was {b} {t}.",
        f"It is {b} the {u} part.",
        f"{b} a truly {t} read",
        f"The ending was {b.upper()} {t} and long.",
        f"The ending was {b.upper()} {t.upper()} and long.",
        f"{b.upper()} {t.upper()}",
        f"I {b} did not {t} it",
    )
for phrase in ["kind of", "sort of", "just enough", "Kind of", "KIND OF", "sort-of", "kind-of", "kindof", "sortof"]:
    add(
        "dampener-phrase",
        f"The book was {phrase} good.",
        f"It was {phrase} a bad book.",
        f"The prose is {phrase} the worst.",
        f"{phrase} great",
        f"I {phrase} liked it",
        f"That is {phrase}",
        f"The villain was {phrase} scary but {phrase} dull",
    )

# --- negation ---------------------------------------------------------------------------------------
for k, n in enumerate(vs.NEGATE):
    t = targets[k % len(targets)]
    add(
        "negation",
        f"{n} {t}",
        f"It is {n} {t}.",
        f"It is {n} very {t}.",
        f"It is {n} a {t} book.",
        f"It {n} was a really {t} book.",
        f"{n.upper()} {t}",
        f"{n.capitalize()} {t} at all",
    )
add(
    "negation-nt",
    "It isn't good.", "It ISN'T good.", "It wouldn't be bad.", "They mustn't love it.",
    "I can't stand it.", "I couldn't care less.", "It doesn't suck.", "You shouldn't've liked it.",
    "It hasn't been great.", "It ain't bad.", "Ain't nobody happy.", "It's not not good.",
    "It isn’t good.", "It isn`t good.", "It is n't good.", "n't good", "N'T good", "nt good",
    "I don't think it's bad.", "I don't really love it.", "I don't think it's really that great.",
    "won't", "Don't!", "don't", "It wasn't, in fact, terrible.", "Weren't you happy?",
)
add(
    "never-so-this",
    "It has never been so good.", "It has never been this good!", "never so good", "never this bad",
    "never so very good", "It was never so bad.", "never THIS good", "Never so happy!",
    "I have never seen so good a book.", "It was so good.", "It was this good.", "This is so bad",
    "never been good", "never good", "never, so good", "so good", "this good", "a so good",
    "not so good", "not this good", "not very so good", "never really so good",
)
add(
    "without-doubt",
    "Without doubt, excellent.", "without doubt excellent", "Without a doubt, excellent idea.",
    "without any doubt great", "without a doubt great", "without great", "without a great",
    "without the great", "Without doubt good", "WITHOUT DOUBT GOOD book", "without a doubt bad",
    "without doubt a bad idea", "I liked it, without doubt.", "without doubtful joy",
)
add(
    "no",
    "no", "no good", "no no", "no no no", "No problem.", "no way good", "there is no love or hate",
    "no fun nor joy", "no fun or joy here", "No, good", "NO GOOD", "no one is happy", "no very good",
    "no joy", "It has no joy and no hope", "no good no bad", "No. Good.", "Yes no maybe",
    "no the good one", "no a b good", "no x or good", "no x nor bad", "no x and good", "nope good",
)
add(
    "least",
    "at least good", "At least it is good.", "the very least good", "the least good", "least good",
    "Least good", "It is the least bad book.", "at least bad", "very least bad", "LEAST good",
    "one of the least compelling books", "at least, good", "least", "at least", "least least good",
    "the least :)", "least happy", "x least happy",
)

# --- but --------------------------------------------------------------------------------------------
add(
    "but",
    "good but bad", "bad but good", "Good, but bad.", "good BUT bad", "But it was good.",
    "It was good but.", "but", "good good but good good", "good bad but bad good",
    "good, but great, but bad", "great and good but good and great", "happy happy happy but sad sad",
    "love love but hate hate", "I liked it but it was long", "It was not bad, but not good either.",
    "The plot was fine but the ending was awful and the pacing was dull.",
    "It could have been great, but it was merely good, but fine.",
    "good but good", "bad but bad", "good, but kind of good", "but good", "Nice but BAD",
    "good excellent but okay", "amazing wonderful but wonderful amazing",
    "sad but happy but sad but happy", "the book but the book", "but but good",
    "nice nice nice but nice nice", "great good great but great good great",
)

# --- capitals ----------------------------------------------------------------------------------------
add(
    "caps",
    "GOOD", "GOOD book", "good BOOK", "GOOD BOOK", "The book was GOOD.", "The book was BAD.",
    "THE BOOK WAS GOOD", "the book was good", "I LOVE it", "I HATE it", "I Love It", "i love it",
    "LOL", "lol", "OMG this is AWESOME", "This is AWESOME :)", "AWESOME :)", ":) AWESOME",
    "The book is VERY good.", "The book is Very good.", "VERY good", "It is NOT good", "It is not GOOD",
    "NO GOOD book", "no GOOD book", "I do NOT like it", "123 GOOD", "A GOOD book", "I GOOD",
    "It is SO good", "It is so GOOD", "RT @user: GREAT news", "GREAT news", "great NEWS",
)

# --- punctuation emphasis ----------------------------------------------------------------------------
for n in range(0, 7):
    add("punctuation", "good" + "!" * n, "bad" + "!" * n, "good" + "?" * n, "bad" + "?" * n, "ok" + "!" * n)
add(
    "punctuation",
    "good?!", "good!?", "good?!?!", "bad!?!?!?", "Is it good?", "Is it good??", "Is it good???",
    "Is it good????", "Is it good?????", "Really?? good", "Wow!!! bad", "It's good! Really good!",
    "It's bad! Really bad! Truly! Very! Bad!", "the book!", "the book!!!", "the book???",
    "good... bad...", "good, bad; fine: great.", "happy!!! sad???", "good! ! ! ! !", "good ? ?",
    "good !!!!!!!!!!!!!!!!!!!!", "good ????????", "!!! good", "??? bad",
)
add(
    "punctuation-only",
    "", " ", "  ", "\t", "\n", "\t\n  \r", ".", "!", "?", "!!", "??", "!!!", "???", "!?", "...", ",",
    "-", "--", "---", ":", ";", "'", '"', "()", "[]", "{}", "#", "@", "&", "*", "%", "$", "^", "~",
    "!!! ???", ". . .", "- - -", "—", "–", "…", "¡", "¿", "‽", "!!!!!!!!", "????", ".!?.!?",
)

# --- special idioms ----------------------------------------------------------------------------------
idioms = ["the shit", "the bomb", "bad ass", "bus stop", "yeah right", "kiss of death", "to die for",
          "beating heart", "badass", "cut the mustard", "hand to mouth", "back handed", "blow smoke",
          "blowing smoke", "upper hand", "break a leg", "cooking with gas", "in the black", "in the red",
          "on the ball", "under the weather"]
for idiom in idioms:
    add(
        "idiom",
        idiom,
        f"This book is {idiom}.",
        f"Honestly this new book is {idiom} really",
        f"I think that it is {idiom} good",
        f"That was {idiom}",
        f"Wow that one was totally {idiom}!",
        f"It is not {idiom}",
        f"the plot the characters {idiom} the end",
        f"{idiom.upper()} book",
        f"My friend said it was {idiom.title()}",
    )
add(
    "idiom",
    "This movie is the shit", "This movie is the SHIT", "This movie is just the shit",
    "that was the bomb dot com", "he is a bad ass dude", "what a bad ass", "what a bad ass book",
    "yeah right that was great", "oh yeah right", "oh well yeah right", "so yeah right good",
    "it was the kiss of death", "the plot is the kiss of death for it", "a book to die for",
    "this is a book to die for", "my beating heart", "I read it with a beating heart", "at the bus stop",
    "I waited at the bus stop sad", "the shit the bomb", "a the shit", "x y the shit",
    "x y bad ass", "x y z bad ass", "bad ass x y z", "a b c to die for", "a b c die for",
    "a b to die", "a b c kiss of death", "a b c d kiss of death", "the bomb the shit yeah right",
    "The shit.", "yeah, right", "Yeah right!", "kiss of death!", "to die for!!", "TO DIE FOR",
)

# --- emoticons and emoji ------------------------------------------------------------------------------
emoticons = [":)", ":-)", ":(", ":-(", ":D", ":-D", ":P", ":p", "<3", "</3", ";)", ";-)", "xD", "XD",
             ":'(", "(:", "):", "^_^", "-_-", ":/", ":|", "=)", "=(", "8)", ":*", "o_O", "O.o", ":3",
             ">:(", ":-))", ":))", ":((", "(-:", "d:", "lol", "LOL", "lmao", ":o", ":O", "B)", ";D"]
for e in emoticons:
    add("emoticon", e, f"good {e}", f"{e} bad", f"The book {e}", f"The book{e}", f"({e})", f"{e}!!",
        f"It was not {e}")
emoji = ["😀", "😁", "😂", "🤣", "😊", "😍", "😘", "😢", "😭", "😡", "🤬", "👍", "👎", "💘", "💋", "💔",
         "❤", "❤️", "🔛", "🆙", "ℹ", "‼", "⁉", "〰", "〽", "↔", "⤴", "◻", "🏽", "👍🏽", "👍🏿", "🇺🇸", "🇫🇷",
         "👨‍👩‍👧", "🏳️‍🌈", "🙂", "🙁", "😐", "🤔", "💩", "🔥", "✨", "🎉", "☹", "☺", "☺️", "🥰", "🤮", "🫠",
         "🧑‍🚀", "✔", "❌", "⭐", "🌟", "💯", "🙄"]
for e in emoji:
    add("emoji", e, f"good {e}", f"{e} bad", f"The book{e}", f"{e}The book", f"{e}{e}", f"{e} {e}",
        f"not {e}", f"I {e} it!", f"{e}!")
add(
    "emoji",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁", "💘and", "and💘", "💘💋😁", "I 💘 this book 😁!",
    "😁😁😁 BEST BOOK", "worst book 💩💩", "🔛🔛", "🆙 good", "good🔛", "ℹ️ info", "😍😍 but 😡",
    "not 😍", "no 😍", "very 😍", "😂😂 lol", "great 👍🏽👍🏽", "bad 👎🏻", "💔 but ❤", " 😀 ", "\t😀\n",
)

# --- unicode and whitespace -----------------------------------------------------------------------------
add(
    "unicode",
    "café good", "Café is GOOD", "naïve bad", "Ünïcödé good", "goo\u0301d", "go\u0301od book",
    "good\u00a0book", "good\u00a0bad", "good\u2003bad", "good\u200bbad", "good\u3000bad", "\u3000good\u3000",
    "good\u2028bad", "good\u0085bad", "good\u001cbad", "good\u000bbad", "good\u000cbad", "good\u1680bad",
    "good\u202fbad", "good\u205fbad", "good\u2029bad", "good\u180ebad", "good\ufeffbad", "\ufeffgood",
    "ΑΣ good", "ΚΑΛΟ good", "καλό", "İyi good", "ÉTÉ GOOD", "été good", "\u212aind of good",
    "\u212aIND OF GOOD", "\u212aind", "Ⓐ good", "Ⓐ GOOD", "Ⅻ good", "Ⅻ GOOD", "ǅ good", "ǈ GOOD",
    "ＧＯＯＤ", "ＧＯＯＤ good", "ｇｏｏｄ", "日本語の本 good", "很好 good", "хорошо good", "ХОРОШО good",
    "ＧＯＯＤ BAD", "it\u2019s good", "don\u2019t like", "\u201cgood\u201d", "\u2018bad\u2019",
    "n't\u0301 good", "isn't\u0301 good", "\u037e) good", ";) good", "\u037e)", "good \u037e)",
    "ß good", "SS good", "ﬁne good", "FINE good", "ǰ GOOD", "ŉ GOOD", "Σ good", "ΣΑΣ", "résumé BAD",
    "ÀÉÎ GOOD", "ÀÉÎ", "àéî GOOD", "good 😀 ÉTÉ", "\u0130 GOOD", "\u0131 good", "mañana mal",
)

# --- stripping of punctuation around tokens --------------------------------------------------------------
add(
    "strip",
    "good,", "(good)", '"good"', "'bad'", "--good--", "...good...", "good.", "ok.", "ok!", "a.", "I'm",
    "won't!", "(:)", "((good))", "good's", "bad-ass", "bad_ass", "#good", "@bad", "good#", "*great*",
    "_good_", "good-", "-good", "go.od", "ok", "OK", "'ok'", "(ok)", "ok!!", "ok?", "xd", "XD!",
    ":-)!", "!:-)", "..:)..", "no.", "no!", "no, good", "no... good", "kind, of good", "kind of, good",
    "\"not\" good", "(not) good", "not... good", "[very] good", "very, good", "so... good", "but, good",
    "good, but, bad", "at, least, good", "yeah, right.", "the: shit", "(the shit)",
)

# --- review sentences ------------------------------------------------------------------------------------
reviews = [
    "I couldn't put this book down; the characters felt real and the ending made me cry.",
    "The prose is lush but the plot drags in the middle third.",
    "A slow burn that never quite catches fire.",
    "Honestly one of the best novels I've read this year!",
    "Not my cup of tea, though I can see why others love it.",
    "The author clearly did her research, but the dialogue is wooden and the pacing uneven.",
    "DNF at 40%. Life is too short for boring books.",
    "Five stars. Absolutely stunning, heartbreaking and hopeful all at once.",
    "Meh. It was fine, I guess? Nothing special.",
    "The twist was predictable and the villain was a cardboard cutout.",
    "I wanted to love this so much, but it just didn't work for me.",
    "Beautifully written, deeply moving, and surprisingly funny in places.",
    "This is not a bad book, it's just not a great one either.",
    "The first half is brilliant; the second half is a mess.",
    "Why do people like this?? The heroine is insufferable.",
    "Gorgeous cover, terrible book.",
    "I laughed, I cried, I threw it across the room. Highly recommend!",
    "Painfully slow, hardly any plot, and the characters are barely sketched.",
    "A masterpiece of quiet tension :)",
    "It's kind of good, sort of boring, and somewhat forgettable.",
    "Without a doubt the most overrated book of the decade.",
    "There is no joy in this book, no hope, no warmth.",
    "The translation is awkward but the story shines through.",
    "I'd give it 3.5 stars if I could.",
    "The worst part? The ending. The best part? Also the ending.",
    "An utterly charming debut that I devoured in one sitting.",
    "Predictable, cliched, and yet strangely comforting.",
    "It never gets so good that you forget its flaws.",
    "The audiobook narrator was AMAZING, the book itself was just ok.",
    "I don't usually read romance, but this won me over.",
    "Too long, too preachy, too pleased with itself.",
    "What a ride!!! I can't wait for the sequel!!!!",
    "This book is the bomb, seriously.",
    "Yeah right, like anyone talks like that.",
    "It cuts the mustard, barely.",
    "The dialogue is sharp, the humor dark, and the heart enormous.",
    "I was bored to tears. 😴",
    "Loved it ❤️❤️❤️",
    "Hated every minute of it 😡",
    "Not bad for a first novel, not bad at all.",
    "At least the chapters are short.",
    "The least convincing love triangle I've ever read.",
    "I'm not sure what I just read, but I liked it?",
    "It's a decent read, nothing more, nothing less.",
    "Some parts were really moving; others were dull and repetitive.",
    "Would not recommend. Save your money.",
    "A triumph. Ambitious, tender, and wildly inventive.",
    "The characters are flat, the world-building is lazy, and the ending is rushed.",
    "I enjoyed it more than I expected to!",
    "If you liked the first book, you'll love this one.",
    "Sadly, the sequel doesn't live up to the original.",
    "Brutal, bleak and brilliant.",
    "This was a DNF for me, which is rare.",
    "Pure fluff, but delightful fluff.",
    "The plot holes are big enough to drive a truck through.",
    "A gripping, unputdownable thriller.",
    "Meandering, self-indulgent and ultimately pointless.",
    "Such a sweet, cozy read. Perfect for a rainy day.",
    "I HATED the ending but LOVED everything else.",
    "It was ok... I guess.",
]
add("review", *reviews)


# --- long paragraphs ---------------------------------------------------------------------------------------
rng = random.Random(SEED)
pool = [t for g, t in cases if g in ("review", "reference", "negation-nt", "but", "caps", "emoji")]
for _ in range(40):
    k = rng.randint(8, 40)
    add("paragraph", " ".join(rng.choice(pool) for _ in range(k)))

# --- random combinations ------------------------------------------------------------------------------------
lexicon_words = sorted(analyzer.lexicon)
positive = [w for w in lexicon_words if analyzer.lexicon[w] > 0 and w.isalpha()]
negative = [w for w in lexicon_words if analyzer.lexicon[w] < 0 and w.isalpha()]
others = [w for w in lexicon_words if not w.isalpha()]
function = ["the", "a", "an", "it", "is", "was", "book", "plot", "story", "and", "or", "nor", "of", "to",
            "for", "at", "this", "that", "so", "never", "without", "doubt", "no", "not", "but", "least",
            "very", "kind", "sort", "just", "enough", "shit", "bomb", "bad", "ass", "bus", "stop", "yeah",
            "right", "kiss", "death", "die", "beating", "heart", "I", "you", "really", "quite", "isn't",
            "don't", "can't", "hardly", "barely", "too", "read", "characters", "ending", "author"]
punct = ["", "", "", "", ",", ".", "!", "?", "!!", "...", ";", ":", "?!", "!!!!!", "???"]
emo = [":)", ":(", ":D", "<3", ";)", "😀", "😍", "😡", "💔", "👍", "🔛", "xD", ":-/", "(:"]


def random_word():
    r = rng.random()
    if r < 0.18:
        w = rng.choice(positive)
    elif r < 0.36:
        w = rng.choice(negative)
    elif r < 0.42:
        w = rng.choice(others)
    elif r < 0.52:
        w = rng.choice(boosters)
    elif r < 0.60:
        w = rng.choice(vs.NEGATE)
    elif r < 0.64:
        w = rng.choice(emo)
    else:
        w = rng.choice(function)
    c = rng.random()
    if c < 0.10:
        w = w.upper()
    elif c < 0.15:
        w = w.capitalize()
    return w + rng.choice(punct) if rng.random() < 0.25 else w


for _ in range(1900):
    n = rng.randint(1, 22)
    words = [random_word() for _ in range(n)]
    if rng.random() < 0.15:
        words = [w.upper() for w in words]
    if rng.random() < 0.1:
        i = rng.randrange(len(words) + 1)
        words.insert(i, rng.choice(["kind of", "sort of", "just enough", "never so", "never this",
                                    "without a doubt", "at least", "the least", "yeah right", "the shit",
                                    "bad ass", "to die for", "kiss of death", "no good or", "but"]))
    text = " ".join(words)
    if rng.random() < 0.3:
        text += rng.choice(["!", "!!", "!!!!!!", "?", "??", "???", "????", ".", "?!", " :)", " 😀"])
    add("random", text)


def main():
    coverage = "--coverage" in sys.argv
    tracer = None
    if coverage:
        import trace

        tracer = trace.Trace(count=1, trace=0)
    results = []
    for group, text in cases:
        if tracer is not None:
            scores = tracer.runfunc(analyzer.polarity_scores, text)
        else:
            scores = analyzer.polarity_scores(text)
        results.append({"group": group, "text": text, "neg": scores["neg"], "neu": scores["neu"],
                        "pos": scores["pos"], "compound": scores["compound"]})
    if tracer is not None:
        report_coverage(tracer)
    meta = {
        "package": "vaderSentiment",
        "version": importlib.metadata.version("vaderSentiment"),
        "python": sys.version.split()[0],
        "seed": SEED,
        "count": len(results),
        "rounding": "as returned by polarity_scores: neg/neu/pos to 3 decimals, compound to 4",
    }
    with open(OUT, "w", encoding="utf-8") as f:
        f.write('{"meta": ' + json.dumps(meta, ensure_ascii=False) + ',\n"cases": [\n')
        f.write(",\n".join(json.dumps(r, ensure_ascii=False) for r in results))
        f.write("\n]}\n")
    groups = {}
    for g, _ in cases:
        groups[g] = groups.get(g, 0) + 1
    print(f"wrote {len(results)} cases to {OUT} ({os.path.getsize(OUT)} bytes): {groups}")


def report_coverage(tracer):
    """Lists the lines of the scoring code that no sentence executed."""
    import ast
    import inspect

    path = inspect.getsourcefile(vs)
    counts = tracer.results().counts
    hit = {line for (file, line), n in counts.items() if file == path and n > 0}
    tree = ast.parse(open(path, encoding="utf-8").read())
    scoring = {"negated", "normalize", "allcap_differential", "scalar_inc_dec", "polarity_scores",
               "sentiment_valence", "_least_check", "_but_check", "_special_idioms_check", "_negation_check",
               "_punctuation_emphasis", "_amplify_ep", "_amplify_qm", "_sift_sentiment_scores", "score_valence",
               "_strip_punc_if_word", "_words_and_emoticons"}
    missed = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name in scoring:
            for stmt in ast.walk(node):
                docstring = isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
                if isinstance(stmt, ast.stmt) and stmt is not node and not docstring and stmt.lineno not in hit:
                    missed.append((stmt.lineno, node.name))
    for line, name in sorted(set(missed)):
        print(f"not reached: line {line} in {name}")
    print(f"coverage: {len(set(missed))} statements of the scoring code not reached")


if __name__ == "__main__":
    main()
