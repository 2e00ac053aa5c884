public import Foundation

/// The error body of a failed request, read from any of the six shapes the servers we talk to
/// use (research/serving_apis.md §9), so that every backend's failure reads the same way.
///
/// Parsing is lenient: `code` may be a number or a string, unknown fields are ignored, and
/// text that is not one of the shapes gives `nil` (the caller then quotes the raw body).
public struct ServerErrorBody: Hashable, Sendable {
    /// Which server family the body's shape belongs to.
    public enum Shape: String, Hashable, Sendable {
        /// `{"error": {"message", "type", "param", "code"}}`: OpenAI, vLLM ≥ 0.10, llama.cpp,
        /// Ollama `/v1`.
        case openAI
        /// `{"object": "error", "message", "type", "param", "code"}`: vLLM 0.8.x.
        case vLLMFlat
        /// `{"error": "…", "error_type": "…"}`: TEI and TGI native routes.
        case huggingFace
        /// `{"message", "code", "type"}`: TEI `/v1/embeddings`.
        case teiOpenAI
        /// `{"error": "…"}`: Ollama native routes.
        case ollama
        /// `{"type": "error", "error": {"type", "message"}}`: Anthropic.
        case anthropic
    }

    public var shape: Shape
    /// The server's explanation.
    public var message: String?
    /// The error's type or class (`invalid_request_error`, `BadRequestError`, `overloaded`...).
    public var type: String?
    /// The error code as text (`insufficient_quota`, `400`...).
    public var code: String?
    /// The offending request field, where the server names one.
    public var param: String?

    public init(shape: Shape, message: String?, type: String? = nil, code: String? = nil, param: String? = nil) {
        self.shape = shape
        self.message = message
        self.type = type
        self.code = code
        self.param = param
    }

    /// Reads `body` as one of the six shapes, or returns `nil`.
    public init?(parsing body: Data) {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { return nil }
        let text = { (value: Any?) -> String? in
            switch value {
            case let string as String: string
            case let number as NSNumber: number.stringValue
            default: nil
            }
        }
        if let inner = object["error"] as? [String: Any] {
            let shape: Shape = text(object["type"]) == "error" ? .anthropic : .openAI
            self.init(
                shape: shape, message: text(inner["message"]), type: text(inner["type"]),
                code: text(inner["code"]), param: text(inner["param"])
            )
        } else if let message = object["error"] as? String {
            if let type = text(object["error_type"]) {
                self.init(shape: .huggingFace, message: message, type: type)
            } else {
                self.init(shape: .ollama, message: message)
            }
        } else if text(object["object"]) == "error" {
            self.init(
                shape: .vLLMFlat, message: text(object["message"]), type: text(object["type"]),
                code: text(object["code"]), param: text(object["param"])
            )
        } else if let message = text(object["message"]), object["code"] != nil || object["type"] != nil {
            self.init(shape: .teiOpenAI, message: message, type: text(object["type"]), code: text(object["code"]))
        } else {
            return nil
        }
    }

    /// Whether the error says the input is longer than the model's context (400 from vLLM,
    /// OpenAI, llama.cpp and Anthropic; 422 from TEI and TGI). Such an item fails for good.
    public var isContextOverflow: Bool {
        if type == "exceed_context_size_error" { return true }
        // vLLM names the offending parameter.
        if param == "input_tokens" || param == "input_text" { return true }
        let text = (message ?? "").lowercased()
        let phrases = [
            "context length", "context size", "context window", "maximum context", "prompt is too long",
            "must have less than", "input length exceeds", "too many tokens", "exceeds the available context",
            "too long", "exceeds maximum",
        ]
        return phrases.contains { text.contains($0) }
    }
}
