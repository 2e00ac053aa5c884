/// One row of a labels file: a person's verdict on one response of one item, as validity
/// (`valid`), a quality rating (`rating`), or both.
public struct LabelRow: Decodable, Hashable, Sendable {
    public var itemID: String
    public var responseID: String
    public var valid: Bool?
    public var rating: Double?
    /// Where the row came from, for error messages.
    public var line: Int

    public init(itemID: String, responseID: String, valid: Bool?, rating: Double?, line: Int = 0) {
        self.itemID = itemID
        self.responseID = responseID
        self.valid = valid
        self.rating = rating
        self.line = line
    }

    enum CodingKeys: String, CodingKey {
        case valid, rating
        case itemID = "item_id"
        case responseID = "response_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        itemID = try c.decode(String.self, forKey: .itemID)
        responseID = try c.decode(String.self, forKey: .responseID)
        valid = try c.decodeIfPresent(Bool.self, forKey: .valid)
        rating = try c.decodeIfPresent(Double.self, forKey: .rating)
        line = 0
    }
}
