/// The OpenAI chat-completions request and response fields plaudit uses
/// (research/serving_apis.md §3.1; llama.cpp accepts the same, §5).
enum ChatCompletionWire {
    struct Message: Codable {
        var role: String
        var content: String
    }

    struct Request: Encodable {
        var model: String
        var messages: [Message]
        var maxTokens: Int
        var temperature: Double
        var logprobs: Bool
        var topLogprobs: Int?
        var seed: Int

        enum CodingKeys: String, CodingKey {
            case model, messages, temperature, logprobs, seed
            case maxTokens = "max_tokens"
            case topLogprobs = "top_logprobs"
        }
    }

    struct Response: Decodable {
        struct Choice: Decodable {
            var message: Message
            var logprobs: Logprobs?
        }
        struct Logprobs: Decodable {
            var content: [TokenLogprob]?
        }
        struct TokenLogprob: Decodable {
            var token: String
            var logprob: Double
            var topLogprobs: [Alternative]?

            enum CodingKeys: String, CodingKey {
                case token, logprob
                case topLogprobs = "top_logprobs"
            }
        }
        struct Alternative: Decodable {
            var token: String
            var logprob: Double
        }
        var choices: [Choice]
    }
}
