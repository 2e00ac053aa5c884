import PlauditCore

/// llama.cpp's native endpoints used for teacher-forced log-probabilities
/// (research/serving_apis.md §5).
enum LlamaCppWire {
    struct ApplyTemplateRequest: Encodable, Sendable {
        var messages: [ChatMessage]
    }

    struct ApplyTemplateResponse: Decodable, Sendable {
        var prompt: String
    }

    struct TokenizeRequest: Encodable, Sendable {
        var content: String
        var addSpecial: Bool

        enum CodingKeys: String, CodingKey {
            case content
            case addSpecial = "add_special"
        }
    }

    struct TokenizeResponse: Decodable, Sendable {
        var tokens: [Int]
    }

    struct CompletionRequest: Encodable, Sendable {
        var prompt: String
        var grammar: String
        var nProbs: Int
        var nPredict: Int
        var temperature: Double
        var cachePrompt: Bool
        var seed: Int

        enum CodingKeys: String, CodingKey {
            case prompt, grammar, temperature, seed
            case nProbs = "n_probs"
            case nPredict = "n_predict"
            case cachePrompt = "cache_prompt"
        }
    }

    struct CompletionResponse: Decodable, Sendable {
        struct TokenProbability: Decodable, Sendable {
            var id: Int
            var token: String
            var logprob: Double
        }
        var content: String
        var completionProbabilities: [TokenProbability]?

        enum CodingKeys: String, CodingKey {
            case content
            case completionProbabilities = "completion_probabilities"
        }
    }
}
