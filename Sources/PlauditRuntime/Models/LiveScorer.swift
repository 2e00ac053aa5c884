public import PlauditCore

/// A scorer that is up, how many calls it may have in flight, and its rubric when it is a
/// judge (a pairwise judge's prompts are built from it).
public struct LiveScorer: Sendable {
    public let scorer: any RewardScorer
    public let concurrency: Int
    public let rubric: Rubric?

    public init(scorer: any RewardScorer, concurrency: Int, rubric: Rubric? = nil) {
        self.scorer = scorer
        self.concurrency = concurrency
        self.rubric = rubric
    }
}

/// The scorers of one run while they are up, and the request counts of their backends so far.
public struct LiveScorers: Sendable {
    public let scorers: [LiveScorer]
    /// Per backend name; read after the work, for the manifest.
    public let statistics: @Sendable () -> [String: BackendStatistics]

    public init(scorers: [LiveScorer], statistics: @escaping @Sendable () -> [String: BackendStatistics] = { [:] }) {
        self.scorers = scorers
        self.statistics = statistics
    }
}
