/// A response a scorer could not score, and why.
public struct ScoreFailure: Codable, Hashable, Sendable {
    public var scorer: String
    public var itemID: String
    public var responseID: String
    public var reason: String

    public init(scorer: String, itemID: String, responseID: String, reason: String) {
        self.scorer = scorer
        self.itemID = itemID
        self.responseID = responseID
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case scorer, reason
        case itemID = "item_id"
        case responseID = "response_id"
    }
}
