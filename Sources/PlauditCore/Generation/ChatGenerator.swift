/// A chat model that answers a conversation: a generator for audits that need new text, and
/// the engine behind LLM judges.
///
/// Contract: one call is one completion; a request with `temperature == 0` (and a `seed` where
/// the backend honours one) gives the same answer every time. A final assistant message in
/// `messages` is a prefill that the model continues; backends that cannot continue a message
/// say so in ``ChatCapabilities/assistantPrefill`` and callers fall back to parsing the reply.
/// Errors thrown are backend failures (after retries), never an empty answer.
public protocol ChatGenerator: Sendable {
    var descriptor: GeneratorDescriptor { get }
    var capabilities: ChatCapabilities { get }
    func complete(_ request: ChatRequest) async throws -> ChatCompletion
}

/// What a generator is, for manifests and cache keys. Never holds credentials.
public struct GeneratorDescriptor: Codable, Hashable, Sendable {
    /// Backend kind: `openai`, `vllm`, `tgi`, `llama.cpp`, `ollama`, `anthropic`.
    public var backend: String
    /// Base URL without credentials (with a digest of configured headers, when the backend has
    /// any: it identifies where answers come from in cache keys).
    public var baseURL: String
    public var model: String

    public init(backend: String, baseURL: String, model: String) {
        self.backend = backend
        self.baseURL = URLCredentials.removing(from: baseURL)
        self.model = model
    }
}

/// What a chat backend can do; decided by its kind, confirmed by a startup probe where cheap.
public struct ChatCapabilities: Hashable, Sendable {
    /// `top_logprobs` on generated tokens, and the most it returns (0 = none).
    public var maxTopLogprobs: Int
    /// A final assistant message is continued rather than answered.
    public var assistantPrefill: Bool
    /// A JSON schema can constrain the output.
    public var jsonSchema: Bool
    /// `seed` is honoured.
    public var seed: Bool

    public init(maxTopLogprobs: Int, assistantPrefill: Bool, jsonSchema: Bool, seed: Bool) {
        self.maxTopLogprobs = maxTopLogprobs
        self.assistantPrefill = assistantPrefill
        self.jsonSchema = jsonSchema
        self.seed = seed
    }
}

/// One chat completion request, backend-neutral; adapters translate it to their wire format.
public struct ChatRequest: Codable, Hashable, Sendable {
    public var messages: [ChatMessage]
    /// An optional system prompt (sent as a `system` message, or Anthropic's `system` field).
    public var system: String?
    public var maxTokens: Int
    public var temperature: Double
    public var topP: Double?
    public var seed: Int?
    /// Ask for this many alternatives per generated token (0 or nil: no logprobs).
    public var topLogprobs: Int?
    /// Constrain the output to this JSON schema where the backend can.
    public var jsonSchema: JSONSchemaFormat?
    public var stop: [String]?

    public init(
        messages: [ChatMessage],
        system: String? = nil,
        maxTokens: Int,
        temperature: Double = 0,
        topP: Double? = nil,
        seed: Int? = nil,
        topLogprobs: Int? = nil,
        jsonSchema: JSONSchemaFormat? = nil,
        stop: [String]? = nil
    ) {
        self.messages = messages
        self.system = system
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.topP = topP
        self.seed = seed
        self.topLogprobs = topLogprobs
        self.jsonSchema = jsonSchema
        self.stop = stop
    }
}

/// A named JSON schema for structured output; the schema itself is JSON text.
public struct JSONSchemaFormat: Codable, Hashable, Sendable {
    /// Letters, digits, `_` and `-`, at most 64 characters (OpenAI's rule).
    public var name: String
    public var schemaJSON: String

    public init(name: String, schemaJSON: String) {
        self.name = name
        self.schemaJSON = schemaJSON
    }
}

/// A completion: the text and, when asked, each generated token's alternatives.
public struct ChatCompletion: Codable, Hashable, Sendable {
    /// The generated text, without any prefill the server echoed.
    public var text: String
    /// `stop`, `length`, `end_turn`, … as the backend said it.
    public var finishReason: String?
    /// One entry per generated token, when logprobs were asked for and returned.
    public var tokens: [TokenLogprobs]
    public var usage: TokenUsage?

    public init(text: String, finishReason: String? = nil, tokens: [TokenLogprobs] = [], usage: TokenUsage? = nil) {
        self.text = text
        self.finishReason = finishReason
        self.tokens = tokens
        self.usage = usage
    }
}

/// A generated token, its log-probability and the top alternatives at its position,
/// sorted by log-probability, highest first.
public struct TokenLogprobs: Codable, Hashable, Sendable {
    public var token: String
    public var logprob: Double
    public var top: [TokenLogprob]

    public init(token: String, logprob: Double, top: [TokenLogprob]) {
        self.token = token
        self.logprob = logprob
        self.top = top
    }
}

/// One candidate token and its log-probability.
public struct TokenLogprob: Codable, Hashable, Sendable {
    public var token: String
    public var logprob: Double

    public init(token: String, logprob: Double) {
        self.token = token
        self.logprob = logprob
    }
}

/// Tokens a call consumed, as the server reported them.
public struct TokenUsage: Codable, Hashable, Sendable {
    public var promptTokens: Int
    public var completionTokens: Int

    public init(promptTokens: Int, completionTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }
}
