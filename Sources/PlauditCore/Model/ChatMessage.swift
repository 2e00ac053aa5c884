/// One turn of a chat conversation, as the OpenAI and Anthropic APIs spell it.
public struct ChatMessage: Codable, Hashable, Sendable {
    /// `system`, `user` or `assistant`.
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}
