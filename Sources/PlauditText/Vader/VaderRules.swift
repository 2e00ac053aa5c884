/// The fixed word lists and empirical constants of VADER 3.3.2 (Hutto & Gilbert 2014).
///
/// Values are those of the reference Python package `vaderSentiment` 3.3.2; the analyzer must
/// reproduce that package's numbers, so nothing here is tuned.
enum VaderRules {
    /// Mean intensity added by a booster word ("very good") or, negated, by a dampener.
    static let boost = 0.293
    /// Mean intensity removed by a dampener word ("slightly good").
    static let damp = -0.293
    /// Mean intensity added by writing a sentiment word or booster in capitals among lower-case words.
    static let capsBoost = 0.733
    /// Factor applied to the valence of a negated word ("not good").
    static let negationFactor = -0.74
    /// Factor for "never so/this <word>", which intensifies rather than negates.
    static let neverSoFactor = 1.25
    /// Weights of sentiment before and after the first "but" ("good, but dull").
    static let beforeBut = 0.5
    static let afterBut = 1.5
    /// Booster weights by distance: one, two and three words before the sentiment word.
    static let boosterDistanceWeights: [Double] = [1.0, 0.95, 0.9]
    /// Intensity per exclamation mark, counting at most `maxExclamations`.
    static let exclamationBoost = 0.292
    static let maxExclamations = 4
    /// Intensity per question mark when there are two or three; four or more give `manyQuestionsBoost`.
    static let questionBoost = 0.18
    static let manyQuestionsBoost = 0.96
    /// The compound score is `sum / sqrt(sum² + normalizationAlpha)`.
    static let normalizationAlpha = 15.0

    /// Degree adverbs: positive values intensify the following sentiment word, negative ones
    /// dampen it. Multi-word entries ("kind of") only act through ``boosterPhrases``: a token
    /// never contains a space.
    static let boosters: [String: Double] = {
        let up = [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
            "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
            "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin",
            "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully", "fuckin",
            "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely", "incredible",
            "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
            "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally",
            "tremendous", "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very",
        ]
        let down = [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less",
            "little", "marginal", "marginally", "occasional", "occasionally", "partly", "scarce",
            "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of",
        ]
        var table: [String: Double] = [:]
        for word in up { table[word] = boost }
        for word in down { table[word] = damp }
        return table
    }()

    /// Words that negate a sentiment word up to three words later. Any word containing "n't"
    /// negates too.
    static let negations: [String] = [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't",
        "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt",
        "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't",
        "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't",
        "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely",
        "seldom", "despite",
    ]

    /// Idioms and phrases whose valence replaces that of the sentiment word they contain
    /// ("the shit" is good, "bad ass" is mildly good). The package also lists the single word
    /// "badass", which can never match a joined phrase; it is omitted here.
    static let specialPhrases: [(words: [VaderCue], valence: Double)] = [
        ([.the, .shit], 3), ([.the, .bomb], 3), ([.bad, .ass], 1.5), ([.bus, .stop], 0.0),
        ([.yeah, .right], -2), ([.kiss, .of, .death], -1.5), ([.to, .die, .for], 3),
        ([.beating, .heart], 3.5),
    ]

    /// The multi-word dampeners, added (unsigned) when they precede a sentiment word.
    static let boosterPhrases: [(words: [VaderCue], scalar: Double)] = [
        ([.just, .enough], damp), ([.kind, .of], damp), ([.sort, .of], damp),
    ]

    /// The valence of a special phrase of two words, if it is one.
    @inline(__always)
    static func special(_ a: VaderCue?, _ b: VaderCue?) -> Double? {
        guard let a, let b else { return nil }
        for phrase in specialPhrases where phrase.words.count == 2 && phrase.words[0] == a && phrase.words[1] == b {
            return phrase.valence
        }
        return nil
    }

    /// The valence of a special phrase of three words, if it is one.
    @inline(__always)
    static func special(_ a: VaderCue?, _ b: VaderCue?, _ c: VaderCue?) -> Double? {
        guard let a, let b, let c else { return nil }
        for phrase in specialPhrases
        where phrase.words.count == 3 && phrase.words[0] == a && phrase.words[1] == b && phrase.words[2] == c {
            return phrase.valence
        }
        return nil
    }

    /// The scalar of a two-word dampener phrase, if it is one.
    @inline(__always)
    static func boosterPhrase(_ a: VaderCue?, _ b: VaderCue?) -> Double? {
        guard let a, let b else { return nil }
        for phrase in boosterPhrases where phrase.words[0] == a && phrase.words[1] == b {
            return phrase.scalar
        }
        return nil
    }
}

/// The function words that VADER's rules look for by name ("but", "no", "least", "kind of"…),
/// and the words of its special phrases. The lexicon table tags each such word once, so the
/// rules compare one byte instead of strings.
enum VaderCue: String, CaseIterable, Sendable {
    case but, no, or, nor, least, at, very, never, so, `this`, without, doubt
    case kind, of, sort, just, enough
    case the, shit, bomb, bad, ass, bus, stop, yeah, right, kiss, death, to, die, `for`, beating, heart
}
