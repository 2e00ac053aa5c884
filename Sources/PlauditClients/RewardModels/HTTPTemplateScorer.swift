import Foundation
public import PlauditCore

/// Any JSON-over-HTTP scorer, described by a body template and a JSON pointer to the score:
/// for reward-model servers plaudit has no adapter for (a custom FastAPI wrapper, a hosted
/// endpoint).
///
/// Options (`BackendConfiguration.options`):
/// - `path`: appended to the backend's URL, for example `/score` (default: empty).
/// - `body_template` (required): the request body as JSON text. A string value that is
///   exactly `"{{prompt}}"` becomes the prompt text (a conversation's last user turn),
///   `"{{response}}"` the response, and `"{{messages}}"` the whole conversation as a JSON
///   array of `{"role", "content"}`: the prompt's messages followed by the response as an
///   `assistant` turn. Inside a longer string, `{{prompt}}` and `{{response}}` are substituted
///   as text (`"Q: {{prompt}}"`); `{{messages}}` must be a whole string value. Keys are never
///   substituted. The body is sent with sorted keys.
/// - `score_pointer` (required): an RFC 6901 JSON pointer to the number in the answer, for
///   example `/outputs/0/score`; `~1` stands for `/` and `~0` for `~` inside a key.
///
/// An invalid template or pointer is a configuration error at construction, naming the
/// option. An answer where the pointer finds nothing, or something other than a number, is a
/// per-item ``PlauditCore/ScoreOutcome/failure(_:)`` naming the pointer and showing the
/// start of the answer.
public struct HTTPTemplateScorer: RewardScorer {
    public let name: String
    public let backend: BackendClient
    public let path: String
    let template: JSONValue
    let pointer: JSONPointer

    /// Reads `path`, `body_template` and `score_pointer` from the backend's options.
    ///
    /// - Parameters:
    ///   - backend: an `http-template` backend.
    ///   - name: the scorer's name in results; the backend's name when `nil`.
    /// - Throws: ``ClientError`` (`.configuration`) naming the option that is missing or
    ///   invalid.
    public init(backend: BackendClient, name: String? = nil) throws {
        let options = try BackendOptions(backend.configuration, known: ["path", "body_template", "score_pointer"])
        self.backend = backend
        self.name = name ?? backend.configuration.name
        let path = options.string("path") ?? ""
        guard path.isEmpty || path.hasPrefix("/") else {
            throw options.error("option path must start with '/' (it is appended to the URL), got '\(path)'")
        }
        self.path = path
        let templateText = try options.required(
            "body_template", purpose: "the JSON body to send, with \"{{prompt}}\", \"{{response}}\" or \"{{messages}}\""
        )
        do {
            template = try JSONDecoder().decode(JSONValue.self, from: Data(templateText.utf8))
        } catch {
            throw options.error("option body_template is not valid JSON: \(Self.decodingMessage(error))")
        }
        if let problem = Self.problem(in: template) {
            throw options.error("option body_template: \(problem)")
        }
        guard Self.mentionsPlaceholder(template) else {
            throw options.error(
                "option body_template uses none of {{prompt}}, {{response}}, {{messages}}, so every response would get the same score"
            )
        }
        // Not `required`: the empty pointer (the whole answer) is valid.
        guard let pointerText = options.values["score_pointer"]?.trimmingCharacters(in: .whitespaces) else {
            throw options.error(
                "option score_pointer is required: a JSON pointer to the score in the answer, for example /score")
        }
        do {
            pointer = try JSONPointer(pointerText)
        } catch {
            throw options.error("option score_pointer: \(error)")
        }
    }

    public var descriptor: ScorerDescriptor {
        ScorerDescriptor(
            name: name, kind: .rewardModel, backend: BackendKind.httpTemplate.rawValue,
            model: backend.configuration.model
        )
    }

    public var cacheIdentity: ScorerCacheIdentity? {
        ScorerCacheIdentity(
            backendKind: BackendKind.httpTemplate.rawValue, baseURL: backend.cacheURL,
            model: backend.configuration.model ?? "",
            parameters:
                "path=\(path);body_template_sha256=\(SHA256Hex.digest(of: template.snippet(limit: .max)));score_pointer=\(pointer)"
        )
    }

    public func score(_ request: ScoringRequest) async throws -> ScoreOutcome {
        let body = fill(template, request)
        let answer: JSONValue
        do {
            answer = try await backend.post(path, body: body, as: JSONValue.self)
        } catch {
            if let reason = InputRejection.reason(for: error) { return .failure(reason) }
            throw error
        }
        switch pointer.resolve(in: answer) {
        case .success(let value):
            guard let number = value.numberValue else {
                return .failure(
                    backend.redactor.redact(
                        "score_pointer \(pointer) names \(value.typeName) (\(value.snippet(limit: 80))), not a number, in the answer \(answer.snippet())"
                    )
                )
            }
            guard number.isFinite else { return .failure("score_pointer \(pointer) names a non-finite number") }
            return .score(number)
        case .failure(let failure):
            // The answer is quoted; an endpoint that echoes request headers must not put the key in results.
            return .failure(backend.redactor.redact("score_pointer \(pointer) not found in the answer (\(failure.reason)): \(answer.snippet())"))
        }
    }

    /// The body for one request.
    func fill(_ value: JSONValue, _ request: ScoringRequest) -> JSONValue {
        switch value {
        case .string("{{prompt}}"):
            return .string(request.prompt.text)
        case .string("{{response}}"):
            return .string(request.response)
        case .string("{{messages}}"):
            let turns = request.prompt.messages + [ChatMessage(role: "assistant", content: request.response)]
            return .array(turns.map { .object(["role": .string($0.role), "content": .string($0.content)]) })
        case .string(let text):
            return .string(
                TemplateText.fill(text, ["{{prompt}}": request.prompt.text, "{{response}}": request.response]))
        case .array(let elements):
            return .array(elements.map { fill($0, request) })
        case .object(let members):
            return .object(members.mapValues { fill($0, request) })
        case .null, .bool, .integer, .number:
            return value
        }
    }

    /// A `{{messages}}` inside a longer string, which has no text form.
    private static func problem(in value: JSONValue) -> String? {
        switch value {
        case .string(let text) where text != "{{messages}}" && text.contains("{{messages}}"):
            "\"{{messages}}\" must be a whole string value (it becomes a JSON array), found inside \"\(text.prefix(60))\""
        case .array(let elements):
            elements.lazy.compactMap(problem).first
        case .object(let members):
            members.keys.sorted().lazy.compactMap { members[$0].flatMap(problem) }.first
        default:
            nil
        }
    }

    private static func mentionsPlaceholder(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): ["{{prompt}}", "{{response}}", "{{messages}}"].contains { text.contains($0) }
        case .array(let elements): elements.contains(where: mentionsPlaceholder)
        case .object(let members): members.values.contains(where: mentionsPlaceholder)
        default: false
        }
    }

    private static func decodingMessage(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription)
        }
        return "\(error)"
    }
}
