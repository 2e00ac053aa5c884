public import PlauditCore

/// Whether a scorer can tell good answers from bad ones at all. A gap is only evidence about a
/// scorer that discriminates: a scorer that cannot separate valid from invalid answers shows no
/// gap because it shows nothing, and its "ok" would be a wrong verdict delivered quietly.
public struct ScorerDiscrimination: Codable, Hashable, Sendable {
    /// How the scorer fares on the responses whose validity or ratings are known.
    public enum Status: String, Codable, Hashable, Sendable {
        /// Valid answers score above invalid ones (or track human ratings): the interval
        /// excludes chance.
        case discriminates
        /// The interval includes chance (AUC 0.5, or ρ 0): the scorer's gap says nothing.
        case blind
        /// The whole interval lies on the wrong side of chance: invalid answers score higher.
        case prefersInvalid = "prefers_invalid"
        /// Fewer than 2 prompts had both valid and invalid (or rated) responses with scores.
        case unmeasured
    }

    /// Mean over prompts of the within-prompt AUC: P(score(valid) > score(invalid)), ties ½.
    public var validityAUC: Estimate?
    /// Prompts with at least one valid and one invalid scored response.
    public var aucPrompts: Int
    /// Mean over prompts of the within-prompt Spearman ρ between score and mean human rating.
    public var humanSpearman: Estimate?
    /// Prompts with at least 3 rated, scored responses and a defined ρ.
    public var spearmanPrompts: Int
    /// Read from the AUC when it was measured, else from ρ.
    public var status: Status

    public init(validityAUC: Estimate?, aucPrompts: Int, humanSpearman: Estimate?, spearmanPrompts: Int) {
        self.validityAUC = validityAUC
        self.aucPrompts = aucPrompts
        self.humanSpearman = humanSpearman
        self.spearmanPrompts = spearmanPrompts
        self.status = Self.status(auc: validityAUC, spearman: humanSpearman)
    }

    static func status(auc: Estimate?, spearman: Estimate?) -> Status {
        let (estimate, chance): (Estimate?, Double) = auc != nil ? (auc, 0.5) : (spearman, 0)
        guard let estimate, estimate.lower.isFinite, estimate.upper.isFinite else { return .unmeasured }
        if estimate.lower > chance { return .discriminates }
        if estimate.upper < chance { return .prefersInvalid }
        return .blind
    }

    enum CodingKeys: String, CodingKey {
        case status
        case validityAUC = "validity_auc"
        case aucPrompts = "auc_prompts"
        case humanSpearman = "human_spearman"
        case spearmanPrompts = "spearman_prompts"
    }
}
