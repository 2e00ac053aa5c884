public import PlauditCore
public import PlauditRuntime

/// What `plaudit sycophancy score` is asked to do: the variants, the scorers and the settings
/// of the statistics.
public struct SycophancyScoreRequest: Sendable {
    /// The variants file (JSONL): a probe's fields plus its six answer variants.
    public var variants: String
    /// Scores files (item_id = probe id, response_id = variant).
    public var scoresFiles: [String] = []
    public var configuration = PlauditConfiguration()
    /// Configured scorers to use, by name (empty: all); the built-in judge's rubric.
    public var scorerNames: [String] = []
    public var localJudgeRubric: String?
    public var localPerplexity = false
    public var resamples = 2_000
    public var permutations = 9_999
    public var confidence = 0.95
    public var seed: UInt64 = 20_251_121
    /// CPU threads of the local llama.cpp server, recorded in the manifest.
    public var llamaThreads = 1
    /// The command line the results record.
    public var command: RecordedCommand

    public init(variants: String, command: RecordedCommand) {
        self.variants = variants
        self.command = command
    }
}
