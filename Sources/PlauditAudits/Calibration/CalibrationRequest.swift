import Foundation
public import PlauditCore
public import PlauditRuntime

/// Everything a calibration audit is asked to do, as the command line or a suite states it:
/// the data (or the prompts and policies that generate it), the scorers, how to cluster, the
/// statistics' settings and the part of a shard.
public struct CalibrationRequest: Sendable {
    /// Dataset files or folders of `.jsonl` files (empty when the run generates its responses).
    public var dataset: [String]
    /// Generate the responses first: every policy answers every prompt (`plaudit audit --prompts`).
    public var generation: PromptGeneration?
    public var format: DatasetFormat = .auto
    /// Scores files (JSONL or CSV: item_id, response_id, scorer, score).
    public var scoresFiles: [String] = []
    /// Pairwise human preference rows, joined to the items by text.
    public var preferenceFiles: [String] = []
    public var badRows: BadRowPolicy = .stop
    /// Human labels (`item_id, response_id, valid, rating`), joined where the data has no flag
    /// or rating of its own (``LabelsFile``).
    public var labelsFile: String?
    /// A file of refusal patterns, one per line (`#` starts a comment): a response that contains
    /// one (case-insensitive) is invalid (``ValidityRules``).
    public var refusalPatternsFile: String?
    /// The backends and scorers of `plaudit.yaml`.
    public var configuration = PlauditConfiguration()
    /// Configured scorers to use, by name (empty: all); rubrics of the built-in judges by file
    /// or embedded id.
    public var scorerNames: [String] = []
    public var localJudgeRubric: String?
    public var localPairwiseRubric: String?
    public var localPerplexity = false
    /// Audit pairs per prompt given to pairwise judges.
    public var pairsPerPrompt = 4
    public var clustering: Clustering = .agglomerative
    /// Cosine-distance cut for agglomerative clustering; `nil` for the embedder's calibrated one.
    public var threshold: Double?
    /// Clusters per prompt for k-means.
    public var k = 3
    public var validThreshold: Double?
    /// A scorer whose score decides validity where the data does not (``ScoredValidity``): a
    /// configured scorer's name, or `smollm2-validity` for the built-in judge.
    public var validityScorer: String?
    /// A response is valid when the validity scorer's score is at or above this.
    public var validityThreshold = 0.5
    /// The built-in validity judge's rubric: a file or an embedded id.
    public var validityRubric = "validity"
    /// A configured judge whose score is each response's quality when the data has no human
    /// ratings: pairs are then matched on it within `qualityTolerance` (not audited itself).
    public var qualityScorer: String?
    public var qualityTolerance = 0.5
    public var resamples = 2_000
    public var permutations = 9_999
    public var confidence = 0.95
    public var seed: UInt64 = 20_251_022
    /// Worst pairs kept per scorer for the report.
    public var examplesPerScorer = 10
    /// This run does part i of n.
    public var shard: ShardSpec?
    /// CPU threads of the local llama.cpp server, recorded in the manifest.
    public var llamaThreads = 1
    /// The command line the results record.
    public var command: RecordedCommand

    /// How responses are grouped within a prompt.
    public enum Clustering: String, CaseIterable, Sendable {
        case agglomerative, kmeans, labels
    }

    public init(dataset: [String], command: RecordedCommand) {
        self.dataset = dataset
        self.command = command
    }

    /// The settings' rules: the command line checks its options with them, a job its request.
    public func check() throws(ConfigurationError) {
        try StatisticsSettings.check(resamples: resamples, permutations: permutations, confidence: confidence)
        try Self.checkClustering(threshold: threshold, k: k, pairsPerPrompt: pairsPerPrompt)
        if let validityScorer {
            guard !validityScorer.isEmpty, validityThreshold.isFinite else { throw ConfigurationError("--validity takes NAME or NAME:THRESHOLD") }
            guard shard == nil else { throw ConfigurationError("--validity decides validity over the whole dataset: run it without --shard") }
        }
        if let qualityScorer {
            guard !qualityScorer.isEmpty else { throw ConfigurationError("--quality takes the name of a configured judge or scorer") }
            guard shard == nil else { throw ConfigurationError("--quality matches pairs over the whole dataset: run it without --shard") }
            guard qualityScorer != validityScorer else { throw ConfigurationError("--quality and --validity name the same scorer, \(qualityScorer); a validity verdict is not a quality score") }
        }
        if let generation {
            guard dataset.isEmpty else { throw ConfigurationError("give either a dataset to audit or --prompts to generate one, not both") }
            guard shard == nil else {
                throw ConfigurationError("--shard audits part of a dataset: generate with --prompts first, then shard the audit of its generations.jsonl")
            }
            try generation.check()
        } else if dataset.isEmpty {
            throw ConfigurationError("name the dataset to audit (grouped JSONL files or folders), or generate one with --prompts and a generator")
        }
    }

    public static func checkClustering(threshold: Double?, k: Int, pairsPerPrompt: Int) throws(ConfigurationError) {
        if let threshold, !(threshold > 0 && threshold <= 2) { throw ConfigurationError("--threshold is a cosine distance in (0, 2]") }
        guard k >= 1 else { throw ConfigurationError("--k must be at least 1") }
        guard pairsPerPrompt >= 1 else { throw ConfigurationError("--pairs-per-prompt must be at least 1") }
    }

    /// The live scorers that are asked but not audited: the validity and quality scorers.
    var unaudited: Set<String> { Set([validityScorer, qualityScorer].compactMap { $0 }) }

    /// The validity rules, with the refusal patterns read.
    func validityRules() throws -> ValidityRules {
        guard let file = refusalPatternsFile else { return ValidityRules() }
        let bytes = try DatasetReader.load(file)
        guard let text = String(data: bytes, encoding: .utf8) else { throw InputError(file: file, line: 0, message: "not UTF-8 text") }
        let patterns = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard !patterns.isEmpty else { throw InputError(file: file, line: 0, message: "no patterns (one per line; # starts a comment)") }
        return ValidityRules(refusalPatterns: patterns)
    }

    /// The scorers this request asks for, with the built-in judges' rubrics loaded.
    func scorerSelection() throws -> ScorerSelection {
        var selection = ScorerSelection(
            configured: scorerNames, localJudgeRubric: try localJudgeRubric.map(Rubric.load), localPairwiseRubric: try localPairwiseRubric.map(Rubric.load),
            localPerplexity: localPerplexity)
        if validityScorer == ScorerNames.validity {
            selection.localValidityRubric = try Rubric.load(validityRubric)
        } else if let validityScorer, !scorerNames.isEmpty, !scorerNames.contains(validityScorer) {
            selection.configured.append(validityScorer)
        }
        if let qualityScorer, !scorerNames.isEmpty, !scorerNames.contains(qualityScorer) {
            selection.configured.append(qualityScorer)
        }
        return selection
    }

    /// The arguments a shard records and a merge compares: the command after `audit`, without
    /// what differs between the parts and their merge.
    var shardArguments: [String] {
        RecordedCommand(words: command.arguments(after: ["audit"], dropping: ["--out", "--shard"])).redacted
    }
}
