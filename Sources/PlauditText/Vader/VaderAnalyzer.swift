public import PlauditCore

/// VADER sentiment (Hutto & Gilbert 2014), a rule-based analyzer tuned on social-media text:
/// a valence lexicon adjusted for boosters, negation, capitals, "but", idioms, "least",
/// exclamation and question marks, emoticons and emoji.
///
/// Gives the same numbers as `SentimentIntensityAnalyzer().polarity_scores(text)` of the Python
/// package `vaderSentiment` 3.3.2 — including its rounding (3 decimals for pos/neu/neg, 4 for
/// compound) and its quirks — so results can be compared with work that used the package. It is
/// native Swift, needs no Python, and is pure: the same text always gives the same scores.
public struct VaderAnalyzer: SentimentClassifier {
    /// The parsed lexicons.
    public let lexicon: VaderLexicon

    /// An analyzer over a parsed lexicon (cheap: the lexicon's tables are shared, not copied).
    public init(lexicon: VaderLexicon) {
        self.lexicon = lexicon
    }

    /// The algorithm and the package version it reproduces, for manifests.
    public var name: String { "vader-3.3.2" }

    /// Scores one text. Empty or whitespace-only text scores all zeros (neu 0, as in the package).
    public func scores(_ text: String) -> SentimentScores {
        let tokenized = VaderTokenizer.tokenize(text, lexicon: lexicon)
        let sentiments = VaderValence.sentiments(of: tokenized.tokens)
        return VaderScoring.scores(
            sentiments, exclamationMarks: tokenized.exclamationMarks, questionMarks: tokenized.questionMarks)
    }

    /// Scores each text, in order. Throws only `CancellationError` when the task is cancelled.
    public func classify(_ texts: [String]) async throws -> [SentimentScores] {
        var results: [SentimentScores] = []
        results.reserveCapacity(texts.count)
        for (index, text) in texts.enumerated() {
            if index % 512 == 0 { try Task.checkCancellation() }
            results.append(scores(text))
        }
        return results
    }
}
