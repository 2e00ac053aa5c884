/// What produced a results file, so a number in it can be traced and reproduced.
/// Holds names, versions, digests and settings; never credentials.
public struct RunManifest: Codable, Hashable, Sendable {
    public var tool: String
    public var version: String
    public var command: String
    public var startedAt: String
    public var finishedAt: String
    public var dataset: DatasetManifest
    public var rubrics: [RubricReference]
    public var scorers: [ScorerDescriptor]
    /// The embedder, for audits that embed text; `nil` (and absent from the file) otherwise.
    public var embedder: EmbedderDescriptor?
    /// The chat models that wrote the text the results judge, by the name the results give them
    /// (a policy's name); `nil` (and absent from the file) for audits of existing text.
    public var generators: [String: GeneratorDescriptor]?
    public var seed: UInt64
    public var parameters: [String: String]
    public var counts: [String: Int]
    /// Seconds per phase (`scoring`, `embedding`, `statistics`, `total`).
    public var timings: [String: Double]

    public init(
        tool: String = "plaudit", version: String = PlauditVersion.current, command: String, startedAt: String,
        finishedAt: String, dataset: DatasetManifest, rubrics: [RubricReference], scorers: [ScorerDescriptor],
        embedder: EmbedderDescriptor?, seed: UInt64, parameters: [String: String], counts: [String: Int],
        timings: [String: Double], generators: [String: GeneratorDescriptor]? = nil
    ) {
        self.tool = tool
        self.version = version
        self.command = command
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.dataset = dataset
        self.rubrics = rubrics
        self.scorers = scorers
        self.embedder = embedder
        self.generators = generators
        self.seed = seed
        self.parameters = parameters
        self.counts = counts
        self.timings = timings
    }

    enum CodingKeys: String, CodingKey {
        case tool, version, command, dataset, rubrics, scorers, embedder, generators, seed, parameters, counts, timings
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }
}

/// The input files by digest.
public struct DatasetManifest: Codable, Hashable, Sendable {
    public var sha256: String
    public var files: [SourceFile]

    public init(sha256: String, files: [SourceFile]) {
        self.sha256 = sha256
        self.files = files
    }
}

/// plaudit's version, recorded in every manifest.
public enum PlauditVersion {
    public static let current = "0.1.0"
}
