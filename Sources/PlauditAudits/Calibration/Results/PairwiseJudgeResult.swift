public import PlauditCore

/// What a pairwise judge did: how much its verdicts depend on which answer it saw first, and
/// whether it prefers mainstream answers over equally valid atypical ones.
///
/// Every pair is judged in both orders. A judgment "goes to A" when the judge's preference
/// for the first-shown answer is above ½ (exactly ½ counts half).
public struct PairwiseJudgeResult: Codable, Hashable, Sendable {
    public var scorer: ScorerDescriptor
    /// Pairs judged in both orders with a usable answer each time.
    public var pairs: Int
    /// Judgments that failed (no usable rating).
    public var failed: Int
    /// Share of judgments that went to the first-shown answer; 0.5 is unbiased.
    public var firstPositionRate: Estimate
    /// Share of pairs whose winner changed when the order was swapped (the same position won
    /// both times).
    public var flipRate: Estimate
    /// Position bias as McNemar's exact test on the pairs: `b` pairs went to A in both
    /// orders, `c` to B in both orders.
    public var positionTest: PositionTest
    /// On the audit's quality-matched (atypical, modal) pairs: share of pairs, averaged over
    /// prompts, where the order-averaged verdict favours the modal answer (ties ½; 0.5 is
    /// fair). `nil` without such pairs.
    public var underRewardRate: Estimate?
    /// The order-averaged preference for the atypical answer, averaged over prompts (0.5 fair).
    public var atypicalPreference: Estimate?
    /// Audit pairs judged, and prompts they came from.
    public var auditPairs: Int
    public var auditPrompts: Int
    /// Human-labelled pairs judged.
    public var humanPairs: Int
    /// The whole interval of the under-reward rate lies above 0.5.
    public var flagged: Bool
    /// Every pair judged in both orders.
    public var judgments: [PairJudgment]

    public init(
        scorer: ScorerDescriptor, pairs: Int, failed: Int, firstPositionRate: Estimate, flipRate: Estimate, positionTest: PositionTest,
        underRewardRate: Estimate?, atypicalPreference: Estimate?, auditPairs: Int, auditPrompts: Int, humanPairs: Int, flagged: Bool,
        judgments: [PairJudgment] = []
    ) {
        self.scorer = scorer
        self.pairs = pairs
        self.failed = failed
        self.firstPositionRate = firstPositionRate
        self.flipRate = flipRate
        self.positionTest = positionTest
        self.underRewardRate = underRewardRate
        self.atypicalPreference = atypicalPreference
        self.auditPairs = auditPairs
        self.auditPrompts = auditPrompts
        self.humanPairs = humanPairs
        self.flagged = flagged
        self.judgments = judgments
    }

    /// McNemar's exact test for position bias.
    public struct PositionTest: Codable, Hashable, Sendable {
        /// Pairs that went to the first-shown answer in both orders.
        public var b: Int
        /// Pairs that went to the second-shown answer in both orders.
        public var c: Int
        public var pValue: Double

        public init(b: Int, c: Int, pValue: Double) {
            self.b = b
            self.c = c
            self.pValue = pValue
        }

        enum CodingKeys: String, CodingKey {
            case b, c
            case pValue = "p_value"
        }
    }

    enum CodingKeys: String, CodingKey {
        case scorer, pairs, failed, flagged, judgments
        case firstPositionRate = "first_position_rate"
        case flipRate = "flip_rate"
        case positionTest = "position_test"
        case underRewardRate = "under_reward_rate"
        case atypicalPreference = "atypical_preference"
        case auditPairs = "audit_pairs"
        case auditPrompts = "audit_prompts"
        case humanPairs = "human_pairs"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scorer = try c.decode(ScorerDescriptor.self, forKey: .scorer)
        pairs = try c.decode(Int.self, forKey: .pairs)
        failed = try c.decode(Int.self, forKey: .failed)
        firstPositionRate = try c.decode(Estimate.self, forKey: .firstPositionRate)
        flipRate = try c.decode(Estimate.self, forKey: .flipRate)
        positionTest = try c.decode(PositionTest.self, forKey: .positionTest)
        underRewardRate = try c.decodeIfPresent(Estimate.self, forKey: .underRewardRate)
        atypicalPreference = try c.decodeIfPresent(Estimate.self, forKey: .atypicalPreference)
        auditPairs = try c.decode(Int.self, forKey: .auditPairs)
        auditPrompts = try c.decode(Int.self, forKey: .auditPrompts)
        humanPairs = try c.decode(Int.self, forKey: .humanPairs)
        flagged = try c.decode(Bool.self, forKey: .flagged)
        // Added within schema version 1; absent in files written before.
        judgments = try c.decodeIfPresent([PairJudgment].self, forKey: .judgments) ?? []
    }
}
