/// Request and response fields of the embedding endpoints plaudit uses
/// (research/serving_apis.md §1.8, §2, §4, §5).
enum EmbeddingsWire {
    /// `POST /v1/embeddings` (OpenAI, vLLM, TEI, Ollama, llama.cpp).
    struct OpenAIRequest: Encodable, Sendable {
        var model: String?
        var input: [String]
        var encodingFormat: String

        enum CodingKeys: String, CodingKey {
            case model, input
            case encodingFormat = "encoding_format"
        }
    }

    /// Results carry their input's `index` and must be matched on it, not on position.
    struct OpenAIResponse: Decodable, Sendable {
        struct Item: Decodable, Sendable {
            var index: Int
            var embedding: [Float]
        }
        var data: [Item]
    }

    /// TEI's native `POST /embed`; the answer is a bare array of arrays, in input order.
    struct TEIRequest: Encodable, Sendable {
        var inputs: [String]
        var normalize: Bool
        /// `false`: an input over the model's limit is a 422, never silently cut.
        var truncate: Bool
    }

    /// Ollama's native `POST /api/embed`.
    struct OllamaRequest: Encodable, Sendable {
        var model: String
        var input: [String]
        /// `false`: an input over the context is a 400, never silently cut.
        var truncate: Bool
    }

    struct OllamaResponse: Decodable, Sendable {
        var embeddings: [[Float]]
    }
}
