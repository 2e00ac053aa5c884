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
    /// Human preference labels on pairs of these responses; empty when none.
    public var humanPreferences: [HumanPreference]

    public init(
        id: String,
        prompt: Prompt,
        category: String? = nil,
        labelSource: String? = nil,
        responses: [Response],
        humanPreferences: [HumanPreference] = []
    ) {
        self.id = id
        self.prompt = prompt
        self.category = category
        self.labelSource = labelSource
        self.responses = responses
        self.humanPreferences = humanPreferences
    }

    enum CodingKeys: String, CodingKey {
        case id, prompt, category, responses
        case labelSource = "label_source"
        case humanPreferences = "human_preferences"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        prompt = try c.decode(Prompt.self, forKey: .prompt)
        category = try c.decodeIfPresent(String.self, forKey: .category)
        labelSource = try c.decodeIfPresent(String.self, forKey: .labelSource)
        responses = try c.decode([Response].self, forKey: .responses)
        humanPreferences = try c.decodeIfPresent([HumanPreference].self, forKey: .humanPreferences) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(prompt, forKey: .prompt)
        try c.encodeIfPresent(category, forKey: .category)
        try c.encodeIfPresent(labelSource, forKey: .labelSource)
        try c.encode(responses, forKey: .responses)
        if !humanPreferences.isEmpty { try c.encode(humanPreferences, forKey: .humanPreferences) }
    }
}
