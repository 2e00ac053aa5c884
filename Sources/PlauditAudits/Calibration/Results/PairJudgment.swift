/// One pair a pairwise judge saw in both orders: the record behind its flip and position
/// rates, and what a regression suite compares pair by pair.
public struct PairJudgment: Codable, Hashable, Sendable {
    public var itemID: String
    /// The pair's two responses: for audit pairs `x` is the atypical answer, for human-labelled
    /// pairs the labels' first response.
    public var x: String
    public var y: String
    /// Preference for the first-shown answer with `x` shown first, and with `y` shown first.
    public var xFirst: Double
    public var yFirst: Double
    /// An audit pair (atypical `x`, modal `y`) rather than only a human-labelled one.
    public var audit: Bool

    public init(itemID: String, x: String, y: String, xFirst: Double, yFirst: Double, audit: Bool) {
        self.itemID = itemID
        self.x = x
        self.y = y
        self.xFirst = xFirst
        self.yFirst = yFirst
        self.audit = audit
    }

    /// The order-averaged preference for `x`.
    public var preferenceForX: Double { (xFirst + 1 - yFirst) / 2 }

    /// The same position won in both orders: the verdict depended on the order.
    public var flipped: Bool { (xFirst - 0.5) * (yFirst - 0.5) > 0 }

    enum CodingKeys: String, CodingKey {
        case x, y, audit
        case itemID = "item_id"
        case xFirst = "x_first"
        case yFirst = "y_first"
    }
}
