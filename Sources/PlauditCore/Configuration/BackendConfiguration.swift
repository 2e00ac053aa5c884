/// One backend as `plaudit.yaml` names it: where it is, what it serves, how hard to push it.
///
/// A `Sendable` value with defaulted fields in the style of Hummingbird's
/// `ApplicationConfiguration`. The API key is never stored here, only the name of the
/// environment variable that holds it.
public struct BackendConfiguration: Codable, Hashable, Sendable {
    /// The name scorers and embedders refer to.
    public var name: String
    public var kind: BackendKind
    /// One or more base URLs (replicas of the same model), for example `http://10.0.0.5:8000`.
    public var urls: [String]
    /// The served model name; `nil` lets servers that serve one model pick it.
    public var model: String?
    /// The environment variable that holds the API key, for example `OPENAI_API_KEY`.
    public var apiKeyEnv: String?
    /// How the key is sent. Default: `bearer`, except `x-api-key` for Anthropic.
    public var auth: AuthStyle?
    /// Most requests in flight across all replicas.
    public var concurrency: Int
    /// Optional ceilings; requests wait rather than exceed them.
    public var requestsPerMinute: Double?
    public var tokensPerMinute: Double?
    /// Seconds to open a connection, and to wait for a whole answer.
    public var connectTimeout: Double
    public var requestTimeout: Double
    /// Attempts after the first, for retryable failures.
    public var maxRetries: Int
    public var transport: TransportKind
    /// Extra headers sent on every request (never put keys here: use `api_key_env`).
    public var headers: [String: String]
    /// Most inputs per request where the endpoint takes arrays (embeddings, TEI `/predict`).
    public var maxBatchSize: Int?
    /// Kind-specific settings (for example `endpoint: classify`, `vllm_version: "0.10"`,
    /// `anthropic_version`), read by the adapter that owns the kind.
    public var options: [String: String]
    /// The URL that identifies this backend in cache keys and manifests when it is not the
    /// first of `urls`: plaudit sets it for the llama.cpp server it starts itself, whose port
    /// changes every run. Not read from `plaudit.yaml`.
    public var identityURL: String?

    public init(
        name: String,
        kind: BackendKind,
        urls: [String],
        model: String? = nil,
        apiKeyEnv: String? = nil,
        auth: AuthStyle? = nil,
        concurrency: Int = 64,
        requestsPerMinute: Double? = nil,
        tokensPerMinute: Double? = nil,
        connectTimeout: Double = 5,
        requestTimeout: Double = 120,
        maxRetries: Int = 6,
        transport: TransportKind = .asyncHTTPClient,
        headers: [String: String] = [:],
        maxBatchSize: Int? = nil,
        options: [String: String] = [:]
    ) {
        self.name = name
        self.kind = kind
        self.urls = urls
        self.model = model
        self.apiKeyEnv = apiKeyEnv
        self.auth = auth
        self.concurrency = concurrency
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.maxRetries = maxRetries
        self.transport = transport
        self.headers = headers
        self.maxBatchSize = maxBatchSize
        self.options = options
    }

    /// The effective authentication style.
    public var effectiveAuth: AuthStyle {
        auth ?? (kind == .anthropic ? .xAPIKey : .bearer)
    }

    enum CodingKeys: String, CodingKey {
        case name, kind, urls, model, auth, concurrency, transport, headers, options
        case apiKeyEnv = "api_key_env"
        case requestsPerMinute = "requests_per_minute"
        case tokensPerMinute = "tokens_per_minute"
        case connectTimeout = "connect_timeout"
        case requestTimeout = "request_timeout"
        case maxRetries = "max_retries"
        case maxBatchSize = "max_batch_size"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = BackendConfiguration(name: "", kind: .openai, urls: [])
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        kind = try c.decode(BackendKind.self, forKey: .kind)
        urls = try c.decodeIfPresent([String].self, forKey: .urls) ?? []
        model = try c.decodeIfPresent(String.self, forKey: .model)
        apiKeyEnv = try c.decodeIfPresent(String.self, forKey: .apiKeyEnv)
        auth = try c.decodeIfPresent(AuthStyle.self, forKey: .auth)
        concurrency = try c.decodeIfPresent(Int.self, forKey: .concurrency) ?? defaults.concurrency
        requestsPerMinute = try c.decodeIfPresent(Double.self, forKey: .requestsPerMinute)
        tokensPerMinute = try c.decodeIfPresent(Double.self, forKey: .tokensPerMinute)
        connectTimeout = try c.decodeIfPresent(Double.self, forKey: .connectTimeout) ?? defaults.connectTimeout
        requestTimeout = try c.decodeIfPresent(Double.self, forKey: .requestTimeout) ?? defaults.requestTimeout
        maxRetries = try c.decodeIfPresent(Int.self, forKey: .maxRetries) ?? defaults.maxRetries
        transport = try c.decodeIfPresent(TransportKind.self, forKey: .transport) ?? defaults.transport
        headers = try c.decodeIfPresent([String: String].self, forKey: .headers) ?? [:]
        maxBatchSize = try c.decodeIfPresent(Int.self, forKey: .maxBatchSize)
        options = try c.decodeIfPresent([String: String].self, forKey: .options) ?? [:]
    }
}

/// The server software (or protocol) a backend speaks.
public enum BackendKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// vLLM: reward models (`/pooling`, `/classify`), chat, completions, embeddings.
    case vllm
    /// Hugging Face text-embeddings-inference: `/embed`, `/predict`.
    case tei
    /// Hugging Face text-generation-inference: OpenAI-style chat with TGI's own quirks.
    case tgi
    /// The OpenAI API or any server that copies it.
    case openai
    /// The Anthropic Messages API.
    case anthropic
    /// Ollama: `/v1` chat, `/api/embed`.
    case ollama
    /// llama.cpp's `llama-server`.
    case llamaCpp = "llama.cpp"
    /// Any JSON-over-HTTP scorer described by a body template and a JSON pointer.
    case httpTemplate = "http-template"
    /// A local program speaking JSONL on stdin and stdout.
    case subprocess
}

/// How an API key is sent.
public enum AuthStyle: String, Codable, Hashable, Sendable {
    /// `Authorization: Bearer KEY` (OpenAI, vLLM `--api-key`, Anthropic SDK 2.x).
    case bearer
    /// `x-api-key: KEY` (Anthropic's long-documented style).
    case xAPIKey = "x-api-key"
    /// No key is sent.
    case none
}

/// The HTTP stack under a backend.
public enum TransportKind: String, Codable, Hashable, Sendable {
    /// SwiftNIO's AsyncHTTPClient: the default, about 4.8x URLSession's rate here.
    case asyncHTTPClient = "async-http-client"
    /// Foundation's URLSession (libcurl on Linux): for libcurl's proxy and CA conventions.
    case urlSession = "urlsession"
}
