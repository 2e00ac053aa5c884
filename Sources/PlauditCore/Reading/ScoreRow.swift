/// One precomputed score: what a scorer gave one response of one item.
public struct ScoreRow: Codable, Hashable, Sendable {
    public var itemID: String
    public var responseID: String
    public var scorer: String
    public var score: Double
    /// Where the row came from, for error messages.
    public var line: Int

    public init(itemID: String, responseID: String, scorer: String, score: Double, line: Int = 0) {
        self.itemID = itemID
        self.responseID = responseID
        self.scorer = scorer
        self.score = score
        self.line = line
    }

    enum CodingKeys: String, CodingKey {
        case scorer, score
        case itemID = "item_id"
        case responseID = "response_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        itemID = try c.decode(String.self, forKey: .itemID)
        responseID = try c.decode(String.self, forKey: .responseID)
        scorer = try c.decode(String.self, forKey: .scorer)
        score = try c.decode(Double.self, forKey: .score)
        line = 0
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(itemID, forKey: .itemID)
        try c.encode(responseID, forKey: .responseID)
        try c.encode(scorer, forKey: .scorer)
        try c.encode(score, forKey: .score)
    }
}
