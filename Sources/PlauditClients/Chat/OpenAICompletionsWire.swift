import PlauditCore

/// The legacy `/v1/completions` fields plaudit sends and reads (OpenAI, vLLM, TGI, llama.cpp,
/// Ollama; research/serving_apis.md §3, §8).
enum OpenAICompletionsWire {
    struct Request: Encodable, Sendable {
        var model: String?
        var prompt: String
        var maxTokens: Int
        var temperature: Double
        var topP: Double?
        var seed: Int?
        var stop: [String]?
        /// The legacy form: how many alternatives per generated token.
        var logprobs: Int?

        enum CodingKeys: String, CodingKey {
            case model, prompt, temperature, seed, stop, logprobs
            case maxTokens = "max_tokens"
            case topP = "top_p"
        }
    }

    struct Response: Decodable, Sendable {
        var choices: [Choice]
        var usage: OpenAIChatWire.Usage?
    }

    struct Choice: Decodable, Sendable {
        var text: String?
        var finishReason: String?
        var logprobs: Logprobs?

        enum CodingKeys: String, CodingKey {
            case text, logprobs
            case finishReason = "finish_reason"
        }
    }

    /// Either the legacy shape (`tokens`, `token_logprobs`, `top_logprobs: [{token: logprob}]`,
    /// OpenAI and vLLM) or the chat shape (`content: [{token, logprob, top_logprobs}]`, which
    /// llama.cpp returns on this endpoint too).
    struct Logprobs: Decodable, Sendable {
        var tokens: [String]?
        /// `null` for a position without a value (the first prompt token under `echo`).
        var tokenLogprobs: [Double?]?
        var topLogprobs: [[String: Double]?]?
        var content: [OpenAIChatWire.Token]?

        enum CodingKeys: String, CodingKey {
            case tokens, content
            case tokenLogprobs = "token_logprobs"
            case topLogprobs = "top_logprobs"
        }

        /// One entry per generated token, alternatives sorted; positions without a value are
        /// left out.
        var positions: [TokenLogprobs] {
            if let content { return content.map(\.tokenLogprobs) }
            guard let tokens, let values = self.tokenLogprobs else { return [] }
            var out: [TokenLogprobs] = []
            for (index, token) in tokens.enumerated() {
                guard index < values.count, let logprob = values[index] else { continue }
                let alternatives = (topLogprobs.flatMap { index < $0.count ? $0[index] : nil } ?? [:])
                    .sorted { $0.key < $1.key }
                    .map { TokenLogprob(token: $0.key, logprob: $0.value) }
                out.append(TokenLogprobs(token: token, logprob: logprob, top: TopLogprobs.normalized(alternatives)))
            }
            return out
        }
    }
}
