/// Settings of the homogeneity analysis. Every default is the one documented in docs/homogeneity.md.
public struct HomogeneityOptions: Sendable {
    /// Cosine at or above which a generation joins an equivalence class (distinct-k).
    public var equivalenceThreshold: Double
    /// Neighbour counts N for model mixing (the paper's 5 and 50).
    public var neighbourCounts: [Int]
    /// The headline's "highly similar" cut on a prompt's mean pairwise cosine (the paper's 0.8).
    public var highSimilarityCut: Double
    /// Histogram bins on [0, 1] (the paper's 10).
    public var bins: Int
    public var bootstrapResamples: Int
    public var confidence: Double
    public var seed: UInt64
    /// Prompts analysed at once, each on its own Dispatch thread.
    public var threads: Int

    public init(
        equivalenceThreshold: Double = HomogeneityOptions.miniLMEquivalenceThreshold,
        neighbourCounts: [Int] = [5, 50],
        highSimilarityCut: Double = 0.8,
        bins: Int = 10,
        bootstrapResamples: Int = 2_000,
        confidence: Double = 0.95,
        seed: UInt64 = 20_251_022,
        threads: Int = 1
    ) {
        self.equivalenceThreshold = equivalenceThreshold
        self.neighbourCounts = neighbourCounts
        self.highSimilarityCut = highSimilarityCut
        self.bins = bins
        self.bootstrapResamples = bootstrapResamples
        self.confidence = confidence
        self.seed = seed
        self.threads = threads
    }

    /// The distinct-k threshold for MiniLM sentence embeddings, calibrated on
    /// `fixtures/open-ended/` (see docs/homogeneity.md): on a grid of cuts, the one whose greedy classes
    /// (responses in data order) agree best, by mean adjusted Rand index, with the authors'
    /// answer clusters. Two generations at this cosine say the same thing, not the same words.
    public static let miniLMEquivalenceThreshold = 0.65

    /// The same for the lexical embedder, whose cosines measure word overlap and run much lower.
    public static let lexicalEquivalenceThreshold = 0.15

    /// The calibrated threshold for an embedder, by its descriptor name; MiniLM's otherwise
    /// (a neural embedder's cosines are closer to MiniLM's than to word overlap).
    public static func defaultEquivalenceThreshold(embedder name: String) -> Double {
        name.hasPrefix("lexical") ? lexicalEquivalenceThreshold : miniLMEquivalenceThreshold
    }
}
