import Foundation

/// Tells a server's refusal of one input (too long for the model) apart from a failure of the
/// backend itself, so that the first becomes a per-item ``PlauditCore/ScoreOutcome/failure(_:)``
/// and the second stops the run.
///
/// Servers refuse an over-long input with 400 (vLLM, OpenAI, llama.cpp), 413 (payload too
/// large) or 422 (TEI, TGI, older FastAPI validation) (research/serving_apis.md §9, "Context
/// overflow"). The status alone is not enough: vLLM also answers 400 for a removed field or a
/// template error, which would fail every item, and that must stop the run instead. So a 400
/// or 422 counts as an input rejection only when the server's message is about the input's
/// length. The message is read from the ``ClientError``'s description, where
/// ``BackendClient`` puts the start of the error body.
enum InputRejection {
    /// Phrases servers use when an input does not fit (vLLM, TEI, OpenAI, llama.cpp, TGI).
    static let phrases = [
        "maximum context length", "context length", "context window", "input_tokens", "input_text",
        "must have less than", "too long", "too many tokens", "exceeds the", "exceed the",
        "exceeds maximum", "prompt is too long", "payload too large", "request entity too large",
    ]

    /// The HTTP status of a ``ClientError``, if it is one.
    static func status(of error: any Error) -> UInt? {
        guard let error = error as? ClientError, case .httpStatus(let status) = error.code.storage else { return nil }
        return status
    }

    /// A per-item failure reason when `error` is a server's refusal of this input, else `nil`.
    static func reason(for error: any Error) -> String? {
        guard let status = status(of: error), [400, 413, 422].contains(status) else { return nil }
        let description = String(describing: error)
        let message = serverMessage(in: description)
        if status == 413 {
            return "the server refused the input as too large (HTTP 413)" + (message.map { ": \($0)" } ?? "")
        }
        guard let message, isAboutInputLength(message) else { return nil }
        return "the server refused the input (HTTP \(status)): \(message)"
    }

    static func isAboutInputLength(_ message: String) -> Bool {
        let lower = message.lowercased()
        return phrases.contains { lower.contains($0) }
    }

    /// The server's own message inside a ``ClientError`` description of the form
    /// `HTTP 400 from URL: BODY`, with the body's JSON unwrapped where it parses
    /// (`{"error": {"message"}}`, `{"message"}`, `{"error": "…"}`); `nil` when the description
    /// carries no body.
    static func serverMessage(in description: String) -> String? {
        guard let start = description.range(of: ": ", options: [], range: bodySearchRange(description)) else {
            return nil
        }
        let body = description[start.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { return nil }
        if let data = body.data(using: .utf8),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        {
            if let inner = object["error"] as? [String: Any], let message = inner["message"] as? String {
                return message
            }
            if let message = object["message"] as? String { return message }
            if let message = object["error"] as? String { return message }
        }
        return String(body.prefix(300))
    }

    /// Skips `HTTP 400 from scheme://host:port` so the `:` of the URL is not taken for the
    /// separator before the body.
    private static func bodySearchRange(_ description: String) -> Range<String.Index> {
        guard let from = description.range(of: " from ") else { return description.startIndex..<description.endIndex }
        let afterURL = description[from.upperBound...].firstIndex(of: " ") ?? description.endIndex
        // The URL ends at the first space; its own colons are before that.
        let colonBeforeSpace = description[from.upperBound..<afterURL].hasSuffix(":")
        let start = colonBeforeSpace ? description.index(before: afterURL) : afterURL
        return start..<description.endIndex
    }
}
