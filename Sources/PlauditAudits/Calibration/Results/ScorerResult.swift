public import PlauditCore

/// Everything the calibration audit found about one scorer.
public struct ScorerResult: Codable, Hashable, Sendable {
    public var scorer: ScorerDescriptor
    /// Responses with a finite score.
    public var scored: Int
    /// Responses the scorer answered for without a usable score.
    public var failed: Int
    /// Over all prompts; `nil` when no prompt had a quality-matched pair with scores.
    public var overall: GapEstimates?
    /// Per category, for categories with enough prompts.
    public var categories: [String: GapEstimates]
    /// Each contributing prompt's gap, under-reward share and pair count, in prompt order.
    public var prompts: [PromptGap]

    public init(
        scorer: ScorerDescriptor, scored: Int, failed: Int, overall: GapEstimates?, categories: [String: GapEstimates],
        prompts: [PromptGap] = []
    ) {
        self.scorer = scorer
        self.scored = scored
        self.failed = failed
        self.overall = overall
        self.categories = categories
        self.prompts = prompts
    }

    enum CodingKeys: String, CodingKey {
        case scorer, scored, failed, overall, categories, prompts
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scorer = try c.decode(ScorerDescriptor.self, forKey: .scorer)
        scored = try c.decode(Int.self, forKey: .scored)
        failed = try c.decode(Int.self, forKey: .failed)
        overall = try c.decodeIfPresent(GapEstimates.self, forKey: .overall)
        categories = try c.decode([String: GapEstimates].self, forKey: .categories)
        // Added within schema version 1; absent in files written before.
        prompts = try c.decodeIfPresent([PromptGap].self, forKey: .prompts) ?? []
    }
}
