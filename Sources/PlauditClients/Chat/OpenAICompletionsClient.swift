public import PlauditCore

/// Raw-prompt generation over `POST /v1/completions`: the prompt text is sent as it is, with no
/// chat template, for audits that render their own prompt.
///
/// Log-probabilities use the legacy integer form `logprobs: N`. llama.cpp accepts it but
/// answers in the chat shape (`logprobs.content[]`, checked against the xllamacpp build in the
/// local assets), which is read as well as the legacy one (`tokens`, `token_logprobs`,
/// `top_logprobs: [{token: logprob}]`). Alternatives come back sorted by
/// log-probability, `-9999` placeholders dropped. The cap on `N` is 5 for OpenAI (the legacy
/// endpoint's limit), 5 for TGI, 20 for the others, or option `max_top_logprobs`.
public struct OpenAICompletionsClient: Sendable {
    /// The backend this client posts to.
    public let client: BackendClient
    let model: String?
    let maxTopLogprobs: Int

    /// - Throws: ``ClientError`` (`configuration`) when the backend kind has no
    ///   `/v1/completions`, when OpenAI or Ollama names no `model`, or when option
    ///   `max_top_logprobs` is not a number.
    public init(client: BackendClient) throws {
        let configuration = client.configuration
        let override = try OpenAIChatDialect.maxTopLogprobsOption(configuration)
        let dialect = try OpenAIChatDialect.of(configuration.kind)
        let model = configuration.model ?? dialect.defaultModel
        if dialect.requiresModel && (model ?? "").isEmpty {
            throw ClientError(.configuration, "backend '\(configuration.name)' (\(configuration.kind.rawValue)): `model` is required for completions")
        }
        self.client = client
        self.model = model
        self.maxTopLogprobs = override ?? (configuration.kind == .openai ? 5 : dialect.maxTopLogprobs)
    }

    public var descriptor: GeneratorDescriptor {
        GeneratorDescriptor(backend: client.configuration.kind.rawValue, baseURL: client.baseURL, model: model ?? "")
    }

    /// Continues `prompt`.
    ///
    /// - Parameters:
    ///   - topLogprobs: alternatives per generated token (0 or `nil`: none); capped at the
    ///     backend's limit.
    /// - Returns: the generated text (without the prompt) and, when asked, each generated
    ///   token's alternatives.
    public func complete(
        prompt: String,
        maxTokens: Int,
        temperature: Double = 0,
        topP: Double? = nil,
        seed: Int? = nil,
        topLogprobs: Int? = nil,
        stop: [String]? = nil
    ) async throws -> ChatCompletion {
        let top = min(topLogprobs ?? 0, maxTopLogprobs)
        let body = OpenAICompletionsWire.Request(
            model: model, prompt: prompt, maxTokens: maxTokens, temperature: temperature, topP: topP, seed: seed,
            stop: stop, logprobs: top > 0 ? top : nil
        )
        let response = try await client.post("/v1/completions", body: body, as: OpenAICompletionsWire.Response.self)
        guard let choice = response.choices.first else {
            throw ClientError(.unexpectedResponse, "\(client.baseURL)/v1/completions answered with no choices")
        }
        return ChatCompletion(
            text: choice.text ?? "", finishReason: choice.finishReason, tokens: choice.logprobs?.positions ?? [],
            usage: response.usage?.tokenUsage
        )
    }
}
