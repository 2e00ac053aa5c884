public import PlauditCore

/// The calibration-gap metrics of one scorer over one set of prompts (all, or one category).
public struct GapEstimates: Codable, Hashable, Sendable {
    /// Prompts that contributed at least one quality-matched pair.
    public var prompts: Int
    public var pairs: Int
    /// G: mean over prompts of the mean within-prompt z-score difference, atypical − modal.
    /// Negative means valid atypical answers are scored below valid modal ones.
    public var gap: Estimate
    /// The same gap on the scorer's raw scale.
    public var rawGap: Estimate
    /// The gap human ratings show on the same pairs, when every pair has ratings.
    public var humanGap: Estimate?
    /// G minus the human gap: under-reward beyond what people themselves express.
    public var excessOverHuman: Estimate?
    /// U: mean over prompts of P(score(atypical) < score(modal)), ties counting ½; 0.5 is fair.
    public var underRewardRate: Estimate
    /// γ: within-prompt slope of the score's z-score on typicality (in within-prompt SD units),
    /// controlling for human quality when present and for log length.
    public var typicalitySlope: Estimate?
    /// True when the whole confidence interval of G lies below zero and G's test agrees
    /// (``significant``).
    public var flagged: Bool
    /// Whether G's test rejects 0 at α: the sign-flip p-value for a scorer's overall estimate,
    /// the q-value (Benjamini–Hochberg over scorers × categories) for a category. A verdict in
    /// either direction needs both this and the interval: the percentile interval alone flags a
    /// fair scorer more often than its level says on few prompts. `nil` in files written before
    /// it was recorded, where the interval alone decided.
    public var significant: Bool?
    /// The smallest |G| this run could detect; `nil` with fewer than 2 prompts.
    public var power: GapPower?

    public init(
        prompts: Int, pairs: Int, gap: Estimate, rawGap: Estimate, humanGap: Estimate? = nil,
        excessOverHuman: Estimate? = nil, underRewardRate: Estimate, typicalitySlope: Estimate? = nil,
        flagged: Bool, power: GapPower? = nil
    ) {
        self.prompts = prompts
        self.pairs = pairs
        self.gap = gap
        self.rawGap = rawGap
        self.humanGap = humanGap
        self.excessOverHuman = excessOverHuman
        self.underRewardRate = underRewardRate
        self.typicalitySlope = typicalitySlope
        self.flagged = flagged
        self.power = power
    }

    /// UNDER-REWARDS when flagged, OVER-REWARDS when the whole interval lies above 0 and the test
    /// agrees; otherwise
    /// INCONCLUSIVE when the run could not have seen a gap of the target size (or had fewer than
    /// 2 prompts), ok when it could.
    public var verdict: GapVerdict {
        if flagged { return .underRewards }
        if gap.lower > 0 && significant != false { return .overRewards }
        guard let power, !power.underpowered else { return .inconclusive }
        return .ok
    }

    enum CodingKeys: String, CodingKey {
        case prompts, pairs, gap, flagged, power
        case significant
        case rawGap = "raw_gap"
        case humanGap = "human_gap"
        case excessOverHuman = "excess_over_human"
        case underRewardRate = "under_reward_rate"
        case typicalitySlope = "typicality_slope"
    }
}
