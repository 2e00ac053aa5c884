public import PlauditCore
public import PlauditRuntime

/// What `plaudit monoculture` is asked to do: read items with their human (source) texts and
/// generated texts (or label files), optionally generate more and score the source texts, then
/// compare the sides' sentiment, topics and wording.
public struct MonocultureRequest: Sendable {
    /// Where sentiment comes from. `auto`: the data's labels when every side has them and
    /// nothing is generated, else the built-in lexicon classifier (VADER).
    public enum Sentiment: String, Sendable, CaseIterable {
        case auto, labels, vader, classifier, judge
    }

    /// JSONL files or folders of items (empty when reading label files).
    public var data: [String] = []
    /// The source side's label file, in the Generative Monoculture layout.
    public var sourceLabels: String?
    /// Generated sides' label files, each `NAME=FILE` or `FILE` (named after the file).
    public var generatedLabels: [String] = []
    public var badRows: BadRowPolicy = .stop
    public var sentiment: Sentiment = .auto
    /// The configured classifier backend of `sentiment == .classifier`.
    public var classifierBackend: String?
    /// The configured judge scorer of `sentiment == .judge`.
    public var sentimentJudge: String?
    /// Embed texts for topics and dispersion (`false`: no embedder at all).
    public var embed = true
    /// Cosine-distance cut of the per-item topic clustering; `nil` for the embedder's default.
    public var topicThreshold: Double?
    /// Prompt template for generation and for the scorers' prompt: a file or an embedded id.
    public var template = "book-review"
    public var generators = GeneratorSelection()
    public var samples = 5
    /// The sampling grid's temperatures (empty: 0.7 and 1.0) and nucleus masses (empty: the server's).
    public var temperatures: [Double] = []
    public var topPs: [Double] = []
    public var maxTokens = 120
    /// Scorers of the source texts, for the positivity premium: configured ones by name and
    /// the built-in ones on the local model.
    public var premiumScorers = ScorerSelection()
    public var premiumMinGap = 0.1
    public var premiumMaxLengthRatio = 1.25
    public var resamples = 2_000
    public var confidence = 0.95
    public var seed: UInt64 = 20_251_022
    /// The command line the results record.
    public var command: RecordedCommand

    public init(command: RecordedCommand) {
        self.command = command
    }

    /// Whether any generator is asked for.
    public var generates: Bool { !generators.isEmpty }

    /// Whether the source texts are scored for the positivity premium.
    public var scoresPremium: Bool { !premiumScorers.configured.isEmpty || premiumScorers.usesLocalModel }

    /// The sampling grid: temperatures × top-p values.
    public var settings: [SamplingSetting] {
        let temperatures = self.temperatures.isEmpty ? [0.7, 1.0] : self.temperatures
        let topPs: [Double?] = self.topPs.isEmpty ? [nil] : self.topPs.map { $0 }
        return temperatures.flatMap { t in topPs.map { SamplingSetting(temperature: t, topP: $0, maxTokens: maxTokens) } }
    }

    /// The settings' rules: the command line checks its options with them, a job its request.
    public func check() throws(ConfigurationError) {
        try StatisticsSettings.check(resamples: resamples, permutations: nil, confidence: confidence)
        guard samples >= 1 else { throw ConfigurationError("--samples must be at least 1") }
        guard maxTokens >= 1 else { throw ConfigurationError("--max-tokens must be at least 1") }
        guard temperatures.allSatisfy({ $0 >= 0 && $0 <= 5 }) else { throw ConfigurationError("--temperature must be in [0, 5]") }
        guard topPs.allSatisfy({ $0 > 0 && $0 <= 1 }) else { throw ConfigurationError("--top-p must be in (0, 1]") }
        if Set(temperatures).count != temperatures.count || Set(topPs).count != topPs.count {
            throw ConfigurationError("a --temperature or --top-p is given twice")
        }
        if let topicThreshold, !(topicThreshold > 0 && topicThreshold <= 2) {
            throw ConfigurationError("--topic-threshold is a cosine distance in (0, 2]")
        }
        guard premiumMinGap >= 0 else { throw ConfigurationError("--premium-min-gap must not be negative") }
        guard premiumMaxLengthRatio >= 1 else { throw ConfigurationError("--premium-max-length-ratio must be at least 1") }
        if data.isEmpty && sourceLabels == nil && generatedLabels.isEmpty {
            throw ConfigurationError("give JSONL data, or label files with --source-labels and --generated-labels")
        }
        if !data.isEmpty && (sourceLabels != nil || !generatedLabels.isEmpty) {
            throw ConfigurationError("give either JSONL data or label files, not both")
        }
        if (sentiment == .classifier) != (classifierBackend != nil) {
            throw ConfigurationError("--sentiment classifier and --classifier-backend go together")
        }
        if (sentiment == .judge) != (sentimentJudge != nil) { throw ConfigurationError("--sentiment judge and --sentiment-judge go together") }
    }
}
