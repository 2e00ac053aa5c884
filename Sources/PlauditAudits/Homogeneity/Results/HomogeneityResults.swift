public import PlauditCore

/// The results of `plaudit homogeneity`: the file `results.json`.
///
/// How alike generations are within a model (mean pairwise cosine per prompt, and its 10-bin
/// histogram per model), across models (a similarity matrix over cross pairs), how mixed the
/// models are among each response's nearest neighbours, and how many distinct answers each
/// model gives (greedy equivalence classes). `schema` names the layout and its version.
public struct HomogeneityResults: Codable, Hashable, Sendable {
    public static let schemaID = "plaudit.homogeneity/1"

    public var schema: String
    public var manifest: RunManifest
    /// Plain-language caveats the report shows first.
    public var notes: [String]
    /// The settings and the exact rules behind every number.
    public var method: HomogeneityMethod
    /// Per model, in name order.
    public var models: [ModelHomogeneity]
    public var similarity: ModelSimilarityMatrix
    /// Nearest-neighbour model mixing, one entry per requested neighbour count.
    public var mixing: [NeighbourMixing]
    /// Per prompt, in data order.
    public var prompts: [PromptHomogeneity]
    /// The generation settings, when this run generated its responses.
    public var generation: GenerationRecord?

    public init(
        manifest: RunManifest, notes: [String], method: HomogeneityMethod, models: [ModelHomogeneity], similarity: ModelSimilarityMatrix,
        mixing: [NeighbourMixing], prompts: [PromptHomogeneity], generation: GenerationRecord? = nil
    ) {
        self.schema = Self.schemaID
        self.manifest = manifest
        self.notes = notes
        self.method = method
        self.models = models
        self.similarity = similarity
        self.mixing = mixing
        self.prompts = prompts
        self.generation = generation
    }
}

/// The settings of a homogeneity analysis and its rules, in words, as they were applied.
public struct HomogeneityMethod: Codable, Hashable, Sendable {
    /// Cosine at or above which a response joins an equivalence class (distinct-k).
    public var equivalenceThreshold: Double
    /// The "highly similar" cut for the headline share of prompts (0.8, as in the paper).
    public var highSimilarityCut: Double
    /// Bin labels of the histogram, `[0.0, 0.1)` … `[0.9, 1.0]`.
    public var histogramBins: [String]
    public var neighbourCounts: [Int]
    public var bootstrapResamples: Int
    public var confidence: Double
    /// The rules: `mean_cosine`, `histogram`, `matrix`, `diagonal`, `mixing`, `distinct_k`, `bootstrap`.
    public var rules: [String: String]

    public init(
        equivalenceThreshold: Double, highSimilarityCut: Double, histogramBins: [String], neighbourCounts: [Int], bootstrapResamples: Int,
        confidence: Double, rules: [String: String]
    ) {
        self.equivalenceThreshold = equivalenceThreshold
        self.highSimilarityCut = highSimilarityCut
        self.histogramBins = histogramBins
        self.neighbourCounts = neighbourCounts
        self.bootstrapResamples = bootstrapResamples
        self.confidence = confidence
        self.rules = rules
    }

    enum CodingKeys: String, CodingKey {
        case rules, confidence
        case equivalenceThreshold = "equivalence_threshold"
        case highSimilarityCut = "high_similarity_cut"
        case histogramBins = "histogram_bins"
        case neighbourCounts = "neighbour_counts"
        case bootstrapResamples = "bootstrap_resamples"
    }
}
