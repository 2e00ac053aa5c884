public import PlauditCore

/// Where the monoculture audit gets each text's sentiment.
public enum SentimentSource: Sendable {
    /// The labels that came with the data (`source_labels`, `generated_labels`, label files).
    case labels
    /// A classifier run on every text: VADER, or a classifier endpoint.
    case classifier(any SentimentClassifier)
    /// A judge whose rubric rates how positive a text is on `scale`, lowest most negative; its
    /// expected rating is mapped linearly onto the compound scale [−1, 1].
    case judge(any RewardScorer, scale: ClosedRange<Int>)

    /// In words, for results and reports.
    public var description: String {
        switch self {
        case .labels: "labels in the data"
        case .classifier(let classifier): "classifier \(classifier.name)"
        case .judge(let judge, let scale):
            "judge \(judge.descriptor.name) (rubric \(judge.descriptor.rubric?.id ?? "?"), \(scale.lowerBound)–\(scale.upperBound) mapped to [−1, 1])"
        }
    }
}

/// A text's sentiment: a label, and a continuous score on the compound scale when the source
/// gives one (labels do not).
public struct TextSentiment: Hashable, Sendable {
    public var label: SentimentLabel
    public var compound: Double?

    public init(label: SentimentLabel, compound: Double? = nil) {
        self.label = label
        self.compound = compound
    }

    /// From a classifier's scores: VADER's compound and its ±0.05 label.
    public init(_ scores: SentimentScores) {
        self.init(label: scores.label, compound: scores.compound)
    }

    /// From a judge's expected rating on `scale`: compound 2(r − min)/(max − min) − 1, labelled
    /// with the same ±0.05 rule as VADER's compound.
    public init(rating: Double, scale: ClosedRange<Int>) {
        let low = Double(scale.lowerBound)
        let span = Double(scale.upperBound - scale.lowerBound)
        let compound = min(1, max(-1, 2 * (rating - low) / span - 1))
        self.init(SentimentScores(negative: 0, neutral: 0, positive: 0, compound: compound))
    }
}

/// Every text's sentiment, per item and side, with what could not be rated.
public struct SentimentTable: Sendable {
    /// `values[i][side][j]`: item `i`'s text `j` on `side`; `nil` where a judge failed.
    public var values: [[String: [TextSentiment?]]]
    public var failures: [ScoreFailure]
    public var source: String
    public var cache: CacheCounts

    public init(values: [[String: [TextSentiment?]]], failures: [ScoreFailure] = [], source: String, cache: CacheCounts = CacheCounts()) {
        self.values = values
        self.failures = failures
        self.source = source
        self.cache = cache
    }
}
