/// A prompt with the responses to be compared: the unit of every audit and of resampling.
public struct Item: Codable, Hashable, Sendable {
    /// Unique within the dataset.
    public var id: String
    public var prompt: Prompt
    /// Infinity-Chat top-level category or any grouping the user wants broken out.
    public var category: String?
    /// Who made the labels on this item's responses (for example `"authors"` or `"crowd"`).
    public var labelSource: String?
    public var responses: [Response]

    public init(
        id: String,
        prompt: Prompt,
        category: String? = nil,
        labelSource: String? = nil,
        responses: [Response]
    ) {
        self.id = id
        self.prompt = prompt
        self.category = category
        self.labelSource = labelSource
        self.responses = responses
    }

    enum CodingKeys: String, CodingKey {
        case id, prompt, category, responses
        case labelSource = "label_source"
    }
}
