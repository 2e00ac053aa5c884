import PlauditCore

/// The `/v1/chat/completions` fields plaudit sends and reads, as OpenAI, vLLM, TGI, llama.cpp
/// and Ollama spell them (research/serving_apis.md §3.1-§3.3, §4, §5). Optional fields are
/// left out of the body when `nil`, so each dialect sends only what it understands.
enum OpenAIChatWire {
    struct Request: Encodable, Sendable {
        var model: String?
        var messages: [ChatMessage]
        var maxCompletionTokens: Int?
        var maxTokens: Int?
        var temperature: Double
        var topP: Double?
        var seed: Int?
        var stop: [String]?
        var logprobs: Bool?
        var topLogprobs: Int?
        var responseFormat: JSONValue?
        /// vLLM: continue the final assistant message instead of answering it.
        var continueFinalMessage: Bool?
        /// vLLM: `false` together with `continue_final_message`.
        var addGenerationPrompt: Bool?

        enum CodingKeys: String, CodingKey {
            case model, messages, temperature, seed, stop, logprobs
            case maxCompletionTokens = "max_completion_tokens"
            case maxTokens = "max_tokens"
            case topP = "top_p"
            case topLogprobs = "top_logprobs"
            case responseFormat = "response_format"
            case continueFinalMessage = "continue_final_message"
            case addGenerationPrompt = "add_generation_prompt"
        }
    }

    struct Response: Decodable, Sendable {
        var choices: [Choice]
        var usage: Usage?
    }

    struct Choice: Decodable, Sendable {
        var message: Message?
        var finishReason: String?
        var logprobs: Logprobs?

        enum CodingKeys: String, CodingKey {
            case message, logprobs
            case finishReason = "finish_reason"
        }
    }

    struct Message: Decodable, Sendable {
        /// `null` when the model only called tools or was refused.
        var content: String?
    }

    /// `choices[].logprobs`: one entry per generated token (llama.cpp also uses this shape on
    /// `/v1/completions`).
    struct Logprobs: Decodable, Sendable {
        var content: [Token]?
    }

    struct Token: Decodable, Sendable {
        var token: String
        var logprob: Double
        var topLogprobs: [Alternative]?

        enum CodingKeys: String, CodingKey {
            case token, logprob
            case topLogprobs = "top_logprobs"
        }

        /// The core value, alternatives sorted and cleaned.
        var tokenLogprobs: TokenLogprobs {
            TokenLogprobs(
                token: token, logprob: logprob,
                top: TopLogprobs.normalized((topLogprobs ?? []).map { TokenLogprob(token: $0.token, logprob: $0.logprob) })
            )
        }
    }

    struct Alternative: Decodable, Sendable {
        var token: String
        var logprob: Double
    }

    struct Usage: Decodable, Sendable {
        var promptTokens: Int?
        var completionTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
        }

        var tokenUsage: TokenUsage? {
            guard let promptTokens, let completionTokens else { return nil }
            return TokenUsage(promptTokens: promptTokens, completionTokens: completionTokens)
        }
    }
}
