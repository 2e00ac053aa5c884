import PlauditCore

/// Settings of the calibration-gap audit. Every default is the one documented in docs/audit.md.
public struct CalibrationOptions: Sendable {
    /// How each prompt's responses are grouped.
    public enum Clustering: Sendable, Hashable {
        /// Average-linkage agglomerative clustering on cosine distance, merging while the
        /// linkage distance is below `threshold`.
        case agglomerative(threshold: Double)
        /// Seeded k-means++ with `k` clusters (fewer when a prompt has fewer responses).
        case kMeans(k: Int)
        /// The `cluster` labels that came with the data.
        case labels
    }

    public var clustering: Clustering
    /// When a response has no `valid` flag but has human ratings: valid when the mean rating
    /// is at least this. `nil` leaves such responses without a validity verdict.
    public var humanValidityThreshold: Double?
    /// ε: the largest difference in mean human rating for an (atypical, modal) pair to count
    /// as quality-matched.
    public var qualityTolerance: Double
    public var bootstrapResamples: Int
    public var permutationResamples: Int
    public var confidence: Double
    public var seed: UInt64
    /// Categories with fewer prompts (with pairs) than this get no breakdown: their intervals
    /// would be too wide to read.
    public var minimumCategoryPrompts: Int
    /// Concurrent requests per live scorer.
    public var concurrency: Int
    /// Where validity came from when it was decided before the analysis (a validity scorer's
    /// verdicts set as `valid` flags), for the results' first lines; `nil`: read from the data.
    public var validitySource: String?
    /// The |G| worth detecting: an unflagged scorer is "ok" only when the run could detect a gap
    /// this large with probability `power`; otherwise it is inconclusive.
    public var targetGap = 0.3
    public var power = 0.8
    /// Example pairs kept per scorer for the report: those it scored most against the atypical answer.
    public var examplesPerScorer = 10
    /// Quality from a judge for datasets without human ratings: the judge's name and its score of
    /// each response, by item id. Pairs are then matched on it within `qualityTolerance`.
    public var qualityJudge: (name: String, scores: [String: [Double?]])?

    /// The quality a pair is matched on: the mean human rating, else the quality judge's score.
    func quality(of item: Item) -> [Double?] {
        let judged = qualityJudge?.scores[item.id]
        return item.responses.indices.map { j in item.responses[j].humanMean ?? judged?[j] }
    }

    public init(
        clustering: Clustering = .agglomerative(threshold: CalibrationOptions.defaultThreshold),
        humanValidityThreshold: Double? = nil,
        qualityTolerance: Double = 0.5,
        bootstrapResamples: Int = 2_000,
        permutationResamples: Int = 9_999,
        confidence: Double = 0.95,
        seed: UInt64 = 20_251_022,
        minimumCategoryPrompts: Int = 4,
        concurrency: Int = 1
    ) {
        self.clustering = clustering
        self.humanValidityThreshold = humanValidityThreshold
        self.qualityTolerance = qualityTolerance
        self.bootstrapResamples = bootstrapResamples
        self.permutationResamples = permutationResamples
        self.confidence = confidence
        self.seed = seed
        self.minimumCategoryPrompts = minimumCategoryPrompts
        self.concurrency = concurrency
    }

    /// The cosine-distance cut for agglomerative clustering with the lexical embedder,
    /// calibrated on `fixtures/open-ended/`: the cut with the best mean adjusted Rand index
    /// against the authors' cluster labels among those whose modal clusters are at least 95%
    /// mainstream answers (see docs/audit.md).
    public static let defaultThreshold = 0.8

    /// The cut for MiniLM sentence embeddings, calibrated the same way.
    public static let miniLMThreshold = 0.25

    /// The calibrated cut for an embedder, by its descriptor name; the lexical cut otherwise.
    public static func defaultThreshold(embedder name: String) -> Double {
        name.hasPrefix("all-MiniLM-L6-v2") ? miniLMThreshold : defaultThreshold
    }
}
