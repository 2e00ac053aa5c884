import PlauditCore

/// `shard.json`: what one `--shard i/n` run did, so `plaudit merge` can check that the parts
/// belong together and rerun the analysis exactly as an unsharded run would.
struct ShardManifest: Codable, Hashable {
    static let schemaID = "plaudit.shard/1"

    var schema = Self.schemaID
    var tool = "plaudit"
    var version = PlauditVersion.current
    var shard: ShardSpec
    /// The audit's arguments without `--shard` and `--out`: merge parses them again, so
    /// every option is the same. Secrets never reach arguments (keys come from variables).
    var arguments: [String]
    var workingDirectory: String
    var dataset: DatasetManifest
    /// The live scorers, in run order.
    var scorers: [ScorerDescriptor]
    var rubrics: [RubricReference]
    var failures: [ScoreFailure]
    /// What the cache did, per live scorer name.
    var cache: [String: CacheCounts]
    var items: Int
    var counts: [String: Int]
    var timings: [String: Double]

    enum CodingKeys: String, CodingKey {
        case schema, tool, version, shard, arguments, dataset, scorers, rubrics, failures, cache, items, counts, timings
        case workingDirectory = "working_directory"
    }
}
