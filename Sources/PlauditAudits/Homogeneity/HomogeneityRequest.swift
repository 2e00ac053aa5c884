public import Foundation
public import PlauditCore
public import PlauditRuntime

/// What `plaudit homogeneity` is asked to do: analyse generations read from files, or generate
/// them first from prompts with one or more generators; then embed and measure.
public struct HomogeneityRequest: Sendable {
    /// Generations: grouped JSONL files or folders (empty when generating).
    public var dataset: [String] = []
    public var format: DatasetFormat = .auto
    /// Prompts to generate from (JSONL, one `{"id", "prompt"}` per line).
    public var prompts: String?
    public var generators = GeneratorSelection()
    public var samples = 10
    public var temperatures: [Double] = [1.0]
    public var topP: Double?
    public var maxTokens = 256
    /// Cosine at or above which two generations are equivalent; `nil` for the embedder's default.
    public var equivalenceThreshold: Double?
    public var neighbours: [Int] = [5, 50]
    public var resamples = 2_000
    public var confidence = 0.95
    public var seed: UInt64 = 20_251_022
    /// Threads for the analysis.
    public var threads = 1
    /// Where a generating run writes `generations.jsonl` (before the analysis, so it survives one
    /// that fails).
    public var folder: URL
    /// Also write every embedding as JSONL here.
    public var writeEmbeddings: String?
    /// The command line the results record.
    public var command: RecordedCommand

    public init(folder: URL, command: RecordedCommand) {
        self.folder = folder
        self.command = command
    }

    /// The settings' rules: the command line checks its options with them, a job its request.
    public func check() throws(ConfigurationError) {
        try StatisticsSettings.check(resamples: resamples, permutations: nil, confidence: confidence)
        if let equivalenceThreshold, !(equivalenceThreshold > -1 && equivalenceThreshold <= 1) {
            throw ConfigurationError("--equivalence-threshold is a cosine in (-1, 1]")
        }
        guard !neighbours.isEmpty, neighbours.allSatisfy({ $0 >= 1 }) else { throw ConfigurationError("--neighbours must be at least 1") }
        guard threads >= 1 else { throw ConfigurationError("--embedder-threads must be at least 1") }
        if prompts == nil {
            guard !dataset.isEmpty else { throw ConfigurationError("name the generations to analyse (grouped JSONL files or folders), or generate them with --prompts") }
            guard generators.isEmpty else { throw ConfigurationError("a generator needs --prompts to answer") }
        } else {
            guard dataset.isEmpty else { throw ConfigurationError("give either generations to analyse or --prompts to generate them, not both") }
            guard !generators.isEmpty else { throw ConfigurationError("--prompts needs a generator: --generator NAME or --local-generator") }
            guard samples >= 2 else { throw ConfigurationError("--samples must be at least 2 (a mean pairwise cosine needs a pair)") }
            guard maxTokens >= 1 else { throw ConfigurationError("--max-tokens must be at least 1") }
            guard temperatures.allSatisfy({ $0 >= 0 }), Set(temperatures).count == temperatures.count else {
                throw ConfigurationError("--temperature values must be distinct and not negative")
            }
            if let topP, !(topP > 0 && topP <= 1) { throw ConfigurationError("--top-p must be in (0, 1]") }
        }
    }
}
