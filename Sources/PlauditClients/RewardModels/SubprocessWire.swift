import PlauditCore

/// The JSON lines a ``SubprocessScorer`` writes to its program's stdin. Answers are read as
/// ``JSONValue`` so that a malformed one can be reported precisely rather than as a decoding
/// error.
enum SubprocessWire {
    /// `{"id": "7", "prompt": "…" or [{"role", "content"}, …], "response": "…"}`.
    struct Request: Encodable {
        var id: String
        var prompt: Prompt
        var response: String

        enum CodingKeys: String, CodingKey {
            case id, prompt, response
        }
    }
}
