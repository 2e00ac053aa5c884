import PlauditCore

/// How one server kind spells an OpenAI-style chat request (research/serving_apis.md §3-§5).
///
/// The servers share `/v1/chat/completions` and its response shape but differ in the token
/// limit's name, whether and how a final assistant message is continued, how many
/// `top_logprobs` they allow, and the shape of `response_format`. Everything kind-specific
/// lives here so that ``OpenAIChatGenerator`` is one code path.
struct OpenAIChatDialect: Hashable, Sendable {
    /// The name of the field that caps generated tokens.
    enum TokenLimitField: Hashable, Sendable {
        /// OpenAI: `max_completion_tokens` (`max_tokens` is deprecated there).
        case maxCompletionTokens
        /// vLLM, TGI, llama.cpp, Ollama: `max_tokens`.
        case maxTokens
    }

    /// What the server does with a final assistant message.
    enum Prefill: Hashable, Sendable {
        /// Answered as a finished turn (OpenAI, TGI, Ollama `/v1`): no prefill.
        case unsupported
        /// Continued when asked with `continue_final_message: true` and
        /// `add_generation_prompt: false` (vLLM).
        case continueFinalMessage
        /// Continued without being asked (llama.cpp).
        case native
    }

    /// The shape of `response_format` for a JSON schema.
    enum SchemaFormat: Hashable, Sendable {
        /// `{"type":"json_schema","json_schema":{"name","schema","strict":true}}` (OpenAI, vLLM, Ollama).
        case openAI
        /// `{"type":"json_schema","json_schema":{"schema"}}` (llama.cpp).
        case llamaCpp
        /// `{"type":"json","value":schema}` (TGI; OpenAI's shape does not deserialize there).
        case tgi
    }

    var kind: BackendKind
    var tokenLimit: TokenLimitField
    var prefill: Prefill
    /// The most `top_logprobs` the server accepts; larger requests are capped to it.
    var maxTopLogprobs: Int
    var schemaFormat: SchemaFormat
    /// The `model` sent when the configuration names none (TGI treats any other value as a
    /// LoRA adapter id).
    var defaultModel: String?
    /// Whether the server refuses a request without `model` (OpenAI, Ollama).
    var requiresModel: Bool
    /// Whether `seed` makes answers repeatable.
    var honoursSeed: Bool

    /// The dialect of `kind`; `maxTopLogprobs` overrides the kind's cap (for example a vLLM
    /// server started with a larger `--max-logprobs`).
    /// - Throws: ``ClientError`` (`configuration`) for kinds that do not speak OpenAI chat.
    static func of(_ kind: BackendKind, maxTopLogprobs override: Int? = nil) throws -> OpenAIChatDialect {
        var dialect: OpenAIChatDialect
        switch kind {
        case .openai:
            dialect = .init(
                kind: kind, tokenLimit: .maxCompletionTokens, prefill: .unsupported, maxTopLogprobs: 20,
                schemaFormat: .openAI, defaultModel: nil, requiresModel: true, honoursSeed: true
            )
        case .vllm:
            dialect = .init(
                kind: kind, tokenLimit: .maxTokens, prefill: .continueFinalMessage, maxTopLogprobs: 20,
                schemaFormat: .openAI, defaultModel: nil, requiresModel: false, honoursSeed: true
            )
        case .llamaCpp:
            dialect = .init(
                kind: kind, tokenLimit: .maxTokens, prefill: .native, maxTopLogprobs: 20,
                schemaFormat: .llamaCpp, defaultModel: nil, requiresModel: false, honoursSeed: true
            )
        case .tgi:
            dialect = .init(
                kind: kind, tokenLimit: .maxTokens, prefill: .unsupported, maxTopLogprobs: 5,
                schemaFormat: .tgi, defaultModel: "tgi", requiresModel: false, honoursSeed: true
            )
        case .ollama:
            dialect = .init(
                kind: kind, tokenLimit: .maxTokens, prefill: .unsupported, maxTopLogprobs: 20,
                schemaFormat: .openAI, defaultModel: nil, requiresModel: true, honoursSeed: true
            )
        case .anthropic, .tei, .httpTemplate, .subprocess:
            throw ClientError(
                .configuration,
                "backend kind '\(kind.rawValue)' does not serve OpenAI-style chat completions"
                    + (kind == .anthropic ? "; use AnthropicChatGenerator" : "")
            )
        }
        if let override { dialect.maxTopLogprobs = max(0, override) }
        return dialect
    }

    /// `response_format` for `schema` in this dialect.
    func responseFormat(_ schema: JSONSchemaFormat) throws -> JSONValue {
        let parsed = try JSONValue.parse(schema.schemaJSON, what: "JSON schema '\(schema.name)'")
        switch schemaFormat {
        case .openAI:
            return .object([
                "type": .string("json_schema"),
                "json_schema": .object(["name": .string(schema.name), "schema": parsed, "strict": .bool(true)]),
            ])
        case .llamaCpp:
            return .object(["type": .string("json_schema"), "json_schema": .object(["schema": parsed])])
        case .tgi:
            return .object(["type": .string("json"), "value": parsed])
        }
    }

    /// Option `max_top_logprobs`: the most alternatives per token the server returns, when it
    /// differs from the kind's default.
    static func maxTopLogprobsOption(_ configuration: BackendConfiguration) throws -> Int? {
        guard let text = configuration.options["max_top_logprobs"] else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw ClientError(.configuration, "backend '\(configuration.name)': option max_top_logprobs must be a whole number ≥ 0, not '\(text)'")
        }
        return value
    }
}
