/// Gives each text a sentiment: an attribute an audit can compare between human and generated
/// texts, or a covariate of the reward models' scores (a positivity premium).
///
/// Contract: one result per text, in order; the same text always gets the same result.
public protocol SentimentClassifier: Sendable {
    /// Name and settings, for manifests.
    var name: String { get }
    func classify(_ texts: [String]) async throws -> [SentimentScores]
}

/// Sentiment of one text in VADER's terms: proportions of negative, neutral and positive
/// content (summing to 1 when the text has any sentiment-bearing words) and a normalised
/// compound score in [−1, 1].
public struct SentimentScores: Codable, Hashable, Sendable {
    public var negative: Double
    public var neutral: Double
    public var positive: Double
    public var compound: Double

    public init(negative: Double, neutral: Double, positive: Double, compound: Double) {
        self.negative = negative
        self.neutral = neutral
        self.positive = positive
        self.compound = compound
    }

    /// The usual reading of the compound score: positive at ≥ 0.05, negative at ≤ −0.05.
    public var label: SentimentLabel {
        compound >= 0.05 ? .positive : (compound <= -0.05 ? .negative : .neutral)
    }

    enum CodingKeys: String, CodingKey {
        case compound
        case negative = "neg"
        case neutral = "neu"
        case positive = "pos"
    }
}

/// A three-way sentiment label.
public enum SentimentLabel: String, Codable, Sendable, CaseIterable {
    case negative, neutral, positive
}
