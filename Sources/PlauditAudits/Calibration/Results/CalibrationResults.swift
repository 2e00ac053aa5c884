public import PlauditCore

/// The results of `plaudit audit`: the file `results.json`.
///
/// `schema` names the layout and its version; a change that removes or renames a field bumps
/// the version.
public struct CalibrationResults: Codable, Hashable, Sendable {
    public static let schemaID = "plaudit.calibration/1"

    public var schema: String
    public var manifest: RunManifest
    /// Where validity came from: `valid flags`, `human ratings ≥ x`, or `none (all treated as valid)`.
    public var validitySource: String
    /// Where quality for pair matching came from, or `none`.
    public var qualitySource: String
    /// Plain-language caveats the report must show first.
    public var notes: [String]
    public var scorers: [ScorerResult]
    /// Correlations with human labels on the Artificial Hivemind subsets; absent without labels.
    public var humanCalibration: HumanCalibrationResults?
    /// Pairwise judges: position bias, and preference on the audit's atypical–modal pairs.
    public var pairwiseJudges: [PairwiseJudgeResult]
    public var prompts: [PromptStructure]
    /// Per scorer, the pairs it scored most against the atypical answer (worst first), with the texts.
    public var examples: [CalibrationExample]
    /// Every pair of scorers with a gap, compared on the same prompts.
    public var comparisons: [ScorerComparison]
    public var failures: [ScoreFailure]
    public var skippedRows: [InputError]
    /// How the responses were generated, when the audit started from prompts.
    public var generation: GenerationRecord?

    public init(
        manifest: RunManifest, validitySource: String, qualitySource: String, notes: [String], scorers: [ScorerResult],
        prompts: [PromptStructure], failures: [ScoreFailure], skippedRows: [InputError], humanCalibration: HumanCalibrationResults? = nil,
        pairwiseJudges: [PairwiseJudgeResult] = [], examples: [CalibrationExample] = [], comparisons: [ScorerComparison] = [],
        generation: GenerationRecord? = nil
    ) {
        self.schema = Self.schemaID
        self.manifest = manifest
        self.validitySource = validitySource
        self.qualitySource = qualitySource
        self.notes = notes
        self.scorers = scorers
        self.humanCalibration = humanCalibration
        self.pairwiseJudges = pairwiseJudges
        self.prompts = prompts
        self.examples = examples
        self.comparisons = comparisons
        self.failures = failures
        self.skippedRows = skippedRows
        self.generation = generation
    }

    enum CodingKeys: String, CodingKey {
        case schema, manifest, notes, scorers, prompts, examples, comparisons, failures, generation
        case validitySource = "validity_source"
        case qualitySource = "quality_source"
        case skippedRows = "skipped_rows"
        case humanCalibration = "human_calibration"
        case pairwiseJudges = "pairwise_judges"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(String.self, forKey: .schema)
        manifest = try c.decode(RunManifest.self, forKey: .manifest)
        validitySource = try c.decode(String.self, forKey: .validitySource)
        qualitySource = try c.decode(String.self, forKey: .qualitySource)
        notes = try c.decode([String].self, forKey: .notes)
        scorers = try c.decode([ScorerResult].self, forKey: .scorers)
        // Added within schema version 1; absent in files written before.
        humanCalibration = try c.decodeIfPresent(HumanCalibrationResults.self, forKey: .humanCalibration)
        pairwiseJudges = try c.decodeIfPresent([PairwiseJudgeResult].self, forKey: .pairwiseJudges) ?? []
        prompts = try c.decode([PromptStructure].self, forKey: .prompts)
        examples = try c.decodeIfPresent([CalibrationExample].self, forKey: .examples) ?? []
        comparisons = try c.decodeIfPresent([ScorerComparison].self, forKey: .comparisons) ?? []
        failures = try c.decode([ScoreFailure].self, forKey: .failures)
        skippedRows = try c.decode([InputError].self, forKey: .skippedRows)
        generation = try c.decodeIfPresent(GenerationRecord.self, forKey: .generation)
    }
}
