public import PlauditCore

/// `shard.json`: what one `--shard i/n` run did, so `plaudit merge` can check that the parts
/// belong together and rerun the analysis exactly as an unsharded run would.
public struct ShardManifest: Codable, Hashable, Sendable {
    public static let schemaID = "plaudit.shard/1"

    public var schema = Self.schemaID
    public var tool = "plaudit"
    public var version = PlauditVersion.current
    public var shard: ShardSpec
    /// The audit's arguments without `--shard` and `--out`: merge parses them again, so
    /// every option is the same. Secrets never reach arguments (keys come from variables).
    public var arguments: [String]
    public var workingDirectory: String
    public var dataset: DatasetManifest
    /// The live scorers, in run order.
    public var scorers: [ScorerDescriptor]
    public var rubrics: [RubricReference]
    public var failures: [ScoreFailure]
    /// What the cache did, per live scorer name.
    public var cache: [String: CacheCounts]
    public var items: Int
    public var counts: [String: Int]
    public var timings: [String: Double]

    public init(
        shard: ShardSpec, arguments: [String], workingDirectory: String, dataset: DatasetManifest, scorers: [ScorerDescriptor],
        rubrics: [RubricReference], failures: [ScoreFailure], cache: [String: CacheCounts], items: Int, counts: [String: Int],
        timings: [String: Double]
    ) {
        self.shard = shard
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.dataset = dataset
        self.scorers = scorers
        self.rubrics = rubrics
        self.failures = failures
        self.cache = cache
        self.items = items
        self.counts = counts
        self.timings = timings
    }

    enum CodingKeys: String, CodingKey {
        case schema, tool, version, shard, arguments, dataset, scorers, rubrics, failures, cache, items, counts, timings
        case workingDirectory = "working_directory"
    }
}
