public import PlauditCore

/// Two scorers compared on the same responses: whose gap is worse, by how much and how surely,
/// and how far they agree. Every scorer in a run scores the same responses, so differences are
/// paired by prompt, which is far more sensitive than comparing two separate intervals.
public struct ScorerComparison: Codable, Hashable, Sendable {
    /// What the paired test of G concludes.
    public enum Finding: String, Codable, Hashable, Sendable {
        /// G(first) is below G(second) with q below α.
        case firstUnderRewardsMore = "first_under_rewards_more"
        /// G(second) is below G(first) with q below α.
        case secondUnderRewardsMore = "second_under_rewards_more"
        /// No difference survives the adjustment.
        case noDifference = "no_difference"
    }

    /// How many of each scorer's worst pairs (lowest score(atypical) − score(modal)) are the same pairs.
    public struct WorstPairOverlap: Codable, Hashable, Sendable {
        /// Pairs considered per scorer (20, or fewer when fewer pairs were scored by both).
        public var size: Int
        public var shared: Int

        public init(size: Int, shared: Int) {
            self.size = size
            self.shared = shared
        }
    }

    public var first: String
    public var second: String
    /// Prompts where both scorers had a gap.
    public var prompts: Int
    /// G(first) − G(second): paired cluster-bootstrap interval over prompts, sign-flip p-value,
    /// q-value by Benjamini–Hochberg across every pair of scorers.
    public var gapDifference: Estimate
    /// U(first) − U(second), likewise.
    public var underRewardDifference: Estimate
    /// Mean over prompts of Kendall's τ-b between the two scorers' scores of the prompt's
    /// responses; `nil` when no prompt defines it.
    public var agreement: Double?
    public var agreementPrompts: Int
    public var worstPairs: WorstPairOverlap
    public var finding: Finding

    public init(
        first: String, second: String, prompts: Int, gapDifference: Estimate, underRewardDifference: Estimate, agreement: Double?,
        agreementPrompts: Int, worstPairs: WorstPairOverlap, finding: Finding = .noDifference
    ) {
        self.first = first
        self.second = second
        self.prompts = prompts
        self.gapDifference = gapDifference
        self.underRewardDifference = underRewardDifference
        self.agreement = agreement
        self.agreementPrompts = agreementPrompts
        self.worstPairs = worstPairs
        self.finding = finding
    }

    /// The finding in words, naming the scorers: "a under-rewards more than b".
    public var sentence: String {
        switch finding {
        case .firstUnderRewardsMore: "\(first) under-rewards more than \(second)"
        case .secondUnderRewardsMore: "\(second) under-rewards more than \(first)"
        case .noDifference: "no detectable difference"
        }
    }

    enum CodingKeys: String, CodingKey {
        case first, second, prompts, agreement, finding
        case gapDifference = "gap_difference"
        case underRewardDifference = "under_reward_difference"
        case agreementPrompts = "agreement_prompts"
        case worstPairs = "worst_pairs"
    }
}
