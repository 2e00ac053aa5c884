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
    /// Whether the scorer tells valid from invalid answers (or follows human ratings); `nil` in
    /// results written before it was measured.
    public var discrimination: ScorerDiscrimination?
    /// Categories left out of ``categories`` for having too few prompts with pairs, with their
    /// prompt counts.
    public var smallCategories: [String: Int]

    /// The scorer's verdict: BLIND or PREFERS-INVALID when it cannot be trusted to tell good from
    /// bad, else the gap's verdict; `nil` when no prompt had a pair.
    public var verdict: GapVerdict? {
        guard let overall else { return nil }
        switch discrimination?.status {
        case .blind: return .blind
        case .prefersInvalid: return .prefersInvalid
        case .discriminates, .unmeasured, nil: return overall.verdict
        }
    }

    public init(
        scorer: ScorerDescriptor, scored: Int, failed: Int, overall: GapEstimates?, categories: [String: GapEstimates],
        prompts: [PromptGap] = [], discrimination: ScorerDiscrimination? = nil, smallCategories: [String: Int] = [:]
    ) {
        self.scorer = scorer
        self.scored = scored
        self.failed = failed
        self.overall = overall
        self.categories = categories
        self.prompts = prompts
        self.discrimination = discrimination
        self.smallCategories = smallCategories
    }

    enum CodingKeys: String, CodingKey {
        case scorer, scored, failed, overall, categories, prompts, discrimination, verdict
        case smallCategories = "small_categories"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(scorer, forKey: .scorer)
        try c.encode(scored, forKey: .scored)
        try c.encode(failed, forKey: .failed)
        try c.encodeIfPresent(overall, forKey: .overall)
        try c.encode(categories, forKey: .categories)
        try c.encode(prompts, forKey: .prompts)
        try c.encodeIfPresent(discrimination, forKey: .discrimination)
        try c.encode(smallCategories, forKey: .smallCategories)
        // Written for readers of results.json (CI gates, jq); recomputed on reading.
        try c.encodeIfPresent(verdict, forKey: .verdict)
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
        discrimination = try c.decodeIfPresent(ScorerDiscrimination.self, forKey: .discrimination)
        smallCategories = try c.decodeIfPresent([String: Int].self, forKey: .smallCategories) ?? [:]
    }
}
