/// Human judgments of one pair of responses to the same prompt: each rater's preference on the
/// Artificial Hivemind scale, +2 (response 1 much better) … 0 (similar) … −2 (response 2 much
/// better).
public struct HumanPreference: Codable, Hashable, Sendable {
    /// Response ids within the item.
    public var first: String
    public var second: String
    /// One label per rater, in −2…2.
    public var labels: [Double]

    public init(first: String, second: String, labels: [Double]) {
        self.first = first
        self.second = second
        self.labels = labels
    }

    /// Mean label: > 0 means raters preferred the first response.
    public var mean: Double { labels.reduce(0, +) / Double(labels.count) }

    enum CodingKeys: String, CodingKey {
        case first = "response_1"
        case second = "response_2"
        case labels = "human_labels"
    }
}
