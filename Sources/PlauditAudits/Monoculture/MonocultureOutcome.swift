public import PlauditCore

/// What the monoculture audit found, before the command line adds its manifest.
public struct MonocultureOutcome: Sendable {
    public var sentimentSource: String
    public var sides: [SideSummary]
    public var comparisons: [SideComparison]
    public var premium: [PremiumResult]
    public var items: [MonocultureItemResult]
    public var failures: [ScoreFailure]
    public var notes: [String]
    /// Seconds per phase.
    public var timings: [String: Double]
    /// Cache use of the judge and the premium scorers.
    public var cache: CacheCounts
    /// What embedding the texts took; `nil` when nothing was embedded.
    public var embedding: EmbeddingCounts?

    public init(
        sentimentSource: String, sides: [SideSummary], comparisons: [SideComparison], premium: [PremiumResult],
        items: [MonocultureItemResult], failures: [ScoreFailure], notes: [String], timings: [String: Double] = [:],
        cache: CacheCounts = CacheCounts()
    ) {
        self.sentimentSource = sentimentSource
        self.sides = sides
        self.comparisons = comparisons
        self.premium = premium
        self.items = items
        self.failures = failures
        self.notes = notes
        self.timings = timings
        self.cache = cache
    }

    /// The side called `name`.
    public func side(_ name: String) -> SideSummary? {
        sides.first { $0.name == name }
    }

    /// The comparison of configuration `name` with the source.
    public func comparison(_ name: String) -> SideComparison? {
        comparisons.first { $0.configuration == name }
    }
}
