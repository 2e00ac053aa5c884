/// One prompt's contribution to a scorer's gap metrics: the unit the bootstrap resamples and
/// the unit a regression suite compares, prompt by prompt, against its baseline.
public struct PromptGap: Codable, Hashable, Sendable {
    public var itemID: String
    public var category: String?
    /// Quality-matched pairs with both scores.
    public var pairs: Int
    /// Mean over the prompt's pairs of z(atypical) − z(modal).
    public var gap: Double
    /// The same on the scorer's raw scale.
    public var rawGap: Double
    /// Share of the prompt's pairs where the atypical answer scored lower (ties ½).
    public var underReward: Double

    public init(itemID: String, category: String?, pairs: Int, gap: Double, rawGap: Double, underReward: Double) {
        self.itemID = itemID
        self.category = category
        self.pairs = pairs
        self.gap = gap
        self.rawGap = rawGap
        self.underReward = underReward
    }

    enum CodingKeys: String, CodingKey {
        case category, pairs, gap
        case itemID = "item_id"
        case rawGap = "raw_gap"
        case underReward = "under_reward"
    }
}
