/// One response to a prompt, with whatever labels and scores came with it.
public struct Response: Codable, Hashable, Sendable {
    /// Unique within its item.
    public var id: String
    public var text: String
    /// The model that wrote the response, when known.
    public var model: String?
    /// Whether the response is an acceptable answer; `nil` when nobody said.
    public var valid: Bool?
    /// Individual human ratings (for example 1–5 from each rater); empty when none.
    public var humanRatings: [Double]
    /// Scores already computed elsewhere, keyed by scorer name (the offline path).
    public var scores: [String: Double]
    /// A cluster label supplied with the data (used when clustering is `labels`).
    public var cluster: String?
    /// Who made the `valid` and `cluster` labels, when it differs from the item's.
    public var labelSource: String?

    public init(
        id: String,
        text: String,
        model: String? = nil,
        valid: Bool? = nil,
        humanRatings: [Double] = [],
        scores: [String: Double] = [:],
        cluster: String? = nil,
        labelSource: String? = nil
    ) {
        self.id = id
        self.text = text
        self.model = model
        self.valid = valid
        self.humanRatings = humanRatings
        self.scores = scores
        self.cluster = cluster
        self.labelSource = labelSource
    }

    /// Mean human rating, or `nil` without ratings.
    public var humanMean: Double? {
        humanRatings.isEmpty ? nil : humanRatings.reduce(0, +) / Double(humanRatings.count)
    }

    enum CodingKeys: String, CodingKey {
        case id, text, model, valid, scores, cluster
        case humanRatings = "human_ratings"
        case labelSource = "label_source"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        text = try c.decode(String.self, forKey: .text)
        model = try c.decodeIfPresent(String.self, forKey: .model)
        valid = try c.decodeIfPresent(Bool.self, forKey: .valid)
        humanRatings = try c.decodeIfPresent([Double].self, forKey: .humanRatings) ?? []
        scores = try c.decodeIfPresent([String: Double].self, forKey: .scores) ?? [:]
        cluster = try c.decodeIfPresent(String.self, forKey: .cluster)
        labelSource = try c.decodeIfPresent(String.self, forKey: .labelSource)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(model, forKey: .model)
        try c.encodeIfPresent(valid, forKey: .valid)
        if !humanRatings.isEmpty { try c.encode(humanRatings, forKey: .humanRatings) }
        if !scores.isEmpty { try c.encode(scores, forKey: .scores) }
        try c.encodeIfPresent(cluster, forKey: .cluster)
        try c.encodeIfPresent(labelSource, forKey: .labelSource)
    }
}
