/// One line of `--export-pairs`: a valid atypical answer a scorer put below a valid modal answer
/// of matched quality, written as a preference pair (`chosen` the atypical answer, `rejected`
/// the modal one) in the `prompt` / `chosen` / `rejected` layout reward-model trainers read.
/// Schema: `docs/schemas/preference-pairs.schema.json`.
public struct PreferencePair: Codable, Hashable, Sendable {
    public var prompt: String
    public var chosen: String
    public var rejected: String
    /// The scorer that under-rewarded the pair, and its two scores.
    public var scorer: String
    public var chosenScore: Double
    public var rejectedScore: Double
    public var itemID: String
    public var category: String?
    public var chosenResponseID: String
    public var rejectedResponseID: String

    public init(
        prompt: String, chosen: String, rejected: String, scorer: String, chosenScore: Double, rejectedScore: Double, itemID: String,
        category: String?, chosenResponseID: String, rejectedResponseID: String
    ) {
        self.prompt = prompt
        self.chosen = chosen
        self.rejected = rejected
        self.scorer = scorer
        self.chosenScore = chosenScore
        self.rejectedScore = rejectedScore
        self.itemID = itemID
        self.category = category
        self.chosenResponseID = chosenResponseID
        self.rejectedResponseID = rejectedResponseID
    }

    enum CodingKeys: String, CodingKey {
        case prompt, chosen, rejected, scorer, category
        case chosenScore = "chosen_score"
        case rejectedScore = "rejected_score"
        case itemID = "item_id"
        case chosenResponseID = "chosen_response_id"
        case rejectedResponseID = "rejected_response_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(prompt, forKey: .prompt)
        try c.encode(chosen, forKey: .chosen)
        try c.encode(rejected, forKey: .rejected)
        try c.encode(scorer, forKey: .scorer)
        try c.encode(chosenScore, forKey: .chosenScore)
        try c.encode(rejectedScore, forKey: .rejectedScore)
        try c.encode(itemID, forKey: .itemID)
        // Always present (null without a category), so every line has the same keys.
        try c.encode(category, forKey: .category)
        try c.encode(chosenResponseID, forKey: .chosenResponseID)
        try c.encode(rejectedResponseID, forKey: .rejectedResponseID)
    }
}
