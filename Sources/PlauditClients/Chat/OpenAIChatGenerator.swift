public import PlauditCore

/// A ``ChatGenerator`` over `POST /v1/chat/completions` on OpenAI, vLLM, TGI, llama.cpp or
/// Ollama (`/v1`), one code path with the differences of each kind kept in its dialect
/// (research/serving_apis.md §3-§5):
///
/// | kind | token limit | final assistant message | `top_logprobs` | `response_format` for a schema |
/// |---|---|---|---|---|
/// | `openai` | `max_completion_tokens` | answered, not continued | ≤ 20 | `json_schema` with `name`, `schema`, `strict` |
/// | `vllm` | `max_tokens` | continued (`continue_final_message`, `add_generation_prompt: false`) | ≤ 20 | as OpenAI |
/// | `llama.cpp` | `max_tokens` | continued natively | ≤ 20 | `json_schema` with `schema` |
/// | `tgi` | `max_tokens` | answered | ≤ 5 | `{"type":"json","value":schema}` |
/// | `ollama` | `max_tokens` | answered | ≤ 20 | as OpenAI |
///
/// TGI is sent `model: "tgi"` unless the configuration names a model, because TGI reads any
/// other name as a LoRA adapter. Option `max_top_logprobs` overrides the cap (a vLLM server
/// started with a larger `--max-logprobs`). Requests for more alternatives than the cap are
/// capped, not refused.
///
/// Answers: each token's alternatives are sorted by log-probability here, because vLLM puts the
/// sampled token first whatever its rank, and `-9999` placeholders are dropped. A prefill that
/// the server repeats at the start of its text is removed, so ``ChatCompletion/text`` is only
/// what the model added.
public struct OpenAIChatGenerator: ChatGenerator {
    /// The backend this generator posts to.
    public let client: BackendClient
    let dialect: OpenAIChatDialect
    let model: String?

    /// - Throws: ``ClientError`` (`configuration`) when the backend kind does not serve OpenAI
    ///   chat (Anthropic, TEI, ...), when OpenAI or Ollama is configured without a `model`, or
    ///   when option `max_top_logprobs` is not a number.
    public init(client: BackendClient) throws {
        let configuration = client.configuration
        let override = try OpenAIChatDialect.maxTopLogprobsOption(configuration)
        let dialect = try OpenAIChatDialect.of(configuration.kind, maxTopLogprobs: override)
        let model = configuration.model ?? dialect.defaultModel
        if dialect.requiresModel && (model ?? "").isEmpty {
            throw ClientError(.configuration, "backend '\(configuration.name)' (\(configuration.kind.rawValue)): `model` is required for chat")
        }
        self.client = client
        self.dialect = dialect
        self.model = model
    }

    public var descriptor: GeneratorDescriptor {
        GeneratorDescriptor(backend: dialect.kind.rawValue, baseURL: client.cacheURL, model: model ?? "")
    }

    public var capabilities: ChatCapabilities {
        ChatCapabilities(
            maxTopLogprobs: dialect.maxTopLogprobs, assistantPrefill: dialect.prefill != .unsupported,
            jsonSchema: true, seed: dialect.honoursSeed
        )
    }

    public func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        let body = try wireRequest(request)
        let response = try await client.post("/v1/chat/completions", body: body, as: OpenAIChatWire.Response.self)
        guard let choice = response.choices.first else {
            throw ClientError(.unexpectedResponse, "\(client.baseURL)/v1/chat/completions answered with no choices")
        }
        var text = choice.message?.content ?? ""
        if dialect.prefill != .unsupported, let prefill = Self.prefill(of: request), !prefill.isEmpty, text.hasPrefix(prefill) {
            text = String(text.dropFirst(prefill.count))
        }
        return ChatCompletion(
            text: text, finishReason: choice.finishReason,
            tokens: (choice.logprobs?.content ?? []).map(\.tokenLogprobs), usage: response.usage?.tokenUsage
        )
    }

    /// The final assistant message's text, when the request ends with one.
    static func prefill(of request: ChatRequest) -> String? {
        guard let last = request.messages.last, last.role == "assistant" else { return nil }
        return last.content
    }

    /// The body for `request` in this dialect.
    func wireRequest(_ request: ChatRequest) throws -> OpenAIChatWire.Request {
        var messages: [ChatMessage] = []
        if let system = request.system { messages.append(ChatMessage(role: "system", content: system)) }
        messages += request.messages
        let continues = dialect.prefill == .continueFinalMessage && Self.prefill(of: request) != nil
        let top = min(request.topLogprobs ?? 0, dialect.maxTopLogprobs)
        return OpenAIChatWire.Request(
            model: model, messages: messages,
            maxCompletionTokens: dialect.tokenLimit == .maxCompletionTokens ? request.maxTokens : nil,
            maxTokens: dialect.tokenLimit == .maxTokens ? request.maxTokens : nil,
            temperature: request.temperature, topP: request.topP, seed: request.seed, stop: request.stop,
            logprobs: top > 0 ? true : nil, topLogprobs: top > 0 ? top : nil,
            responseFormat: try request.jsonSchema.map { try dialect.responseFormat($0) },
            continueFinalMessage: continues ? true : nil, addGenerationPrompt: continues ? false : nil
        )
    }
}
