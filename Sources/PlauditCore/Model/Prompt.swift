/// What the user asked: a plain text prompt or a chat conversation.
///
/// In JSON a prompt is either a string or an array of `{"role", "content"}` messages.
public enum Prompt: Hashable, Sendable {
    case text(String)
    case messages([ChatMessage])

    /// The prompt as chat messages: a text prompt becomes one user turn.
    public var messages: [ChatMessage] {
        switch self {
        case .text(let text): [ChatMessage(role: "user", content: text)]
        case .messages(let messages): messages
        }
    }

    /// The prompt as one text, for templates and lexical statistics: the last user turn of a
    /// conversation, or the whole text prompt.
    public var text: String {
        switch self {
        case .text(let text): text
        case .messages(let messages): messages.last(where: { $0.role == "user" })?.content ?? ""
        }
    }
}

extension Prompt: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let messages = try? container.decode([ChatMessage].self) {
            self = .messages(messages)
        } else {
            throw DecodingError.typeMismatch(
                Prompt.self,
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected a string or an array of {\"role\", \"content\"} messages"
                )
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .messages(let messages): try container.encode(messages)
        }
    }
}
