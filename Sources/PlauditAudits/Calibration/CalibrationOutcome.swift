public import PlauditCore

/// What the calibration audit computed; the command line adds the manifest to make
/// ``CalibrationResults``.
public struct CalibrationOutcome: Sendable {
    public var scorers: [ScorerResult]
    public var prompts: [PromptStructure]
    public var failures: [ScoreFailure]
    public var validitySource: String
    public var qualitySource: String
    public var notes: [String]
    /// Correlations with human labels on the Artificial Hivemind subsets; `nil` without labels.
    public var humanCalibration: HumanCalibrationResults?
    /// Per scorer, the pairs it scored most against the atypical answer, worst first.
    public var examples: [CalibrationExample]
    /// Every pair of scorers with a gap, compared on the same prompts.
    public var comparisons: [ScorerComparison]
    /// Seconds per phase.
    public var timings: [String: Double]
    /// Every scorer's score per item and response (`nil` where none), keyed by scorer name.
    public var scores: [String: [[Double?]]]
    /// What the response cache did for the live scorers, summed.
    public var cache = CacheCounts()
    /// What embedding the responses took: vectors from the cache, computed, stored, requests.
    public var embedding = EmbeddingCounts()

    /// The dataset with every scorer's scores attached to its responses.
    public func attachingScores(to dataset: Dataset) -> Dataset {
        var out = dataset
        for (name, table) in scores {
            for i in out.items.indices where i < table.count {
                for j in out.items[i].responses.indices {
                    if let value = table[i][j] { out.items[i].responses[j].scores[name] = value }
                }
            }
        }
        return out
    }
}
