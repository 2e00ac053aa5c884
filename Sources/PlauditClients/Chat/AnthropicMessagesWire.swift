import PlauditCore

/// The Messages API fields plaudit sends and reads (research/serving_apis.md §6).
enum AnthropicMessagesWire {
    struct Request: Encodable, Sendable {
        var model: String
        var maxTokens: Int
        var messages: [ChatMessage]
        /// A top-level field: Anthropic has no `system` role.
        var system: String?
        var temperature: Double
        var topP: Double?
        var stopSequences: [String]?

        enum CodingKeys: String, CodingKey {
            case model, messages, system, temperature
            case maxTokens = "max_tokens"
            case topP = "top_p"
            case stopSequences = "stop_sequences"
        }
    }

    struct Response: Decodable, Sendable {
        var content: [Block]
        var stopReason: String?
        var usage: Usage?

        enum CodingKeys: String, CodingKey {
            case content, usage
            case stopReason = "stop_reason"
        }
    }

    /// One content block: `text`, `thinking`, `tool_use`, ...; only `text` blocks carry the
    /// answer.
    struct Block: Decodable, Sendable {
        var type: String
        var text: String?
    }

    struct Usage: Decodable, Sendable {
        var inputTokens: Int
        var outputTokens: Int

        enum CodingKeys: String, CodingKey {
            case inputTokens = "input_tokens"
            case outputTokens = "output_tokens"
        }
    }
}
