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
    public var prompts: [PromptStructure]
    public var failures: [ScoreFailure]
    public var skippedRows: [InputError]

    public init(
        manifest: RunManifest, validitySource: String, qualitySource: String, notes: [String], scorers: [ScorerResult],
        prompts: [PromptStructure], failures: [ScoreFailure], skippedRows: [InputError], humanCalibration: HumanCalibrationResults? = nil
    ) {
        self.schema = Self.schemaID
        self.manifest = manifest
        self.validitySource = validitySource
        self.qualitySource = qualitySource
        self.notes = notes
        self.scorers = scorers
        self.humanCalibration = humanCalibration
        self.prompts = prompts
        self.failures = failures
        self.skippedRows = skippedRows
    }

    enum CodingKeys: String, CodingKey {
        case schema, manifest, notes, scorers, prompts, failures
        case validitySource = "validity_source"
        case qualitySource = "quality_source"
        case skippedRows = "skipped_rows"
        case humanCalibration = "human_calibration"
    }
}
