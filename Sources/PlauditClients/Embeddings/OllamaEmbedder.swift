public import PlauditCore

/// An ``Embedder`` over Ollama's native `POST /api/embed` (research/serving_apis.md §4):
/// `{model, input: [...]}` answered by `{embeddings: [[...], ...]}` in input order.
///
/// - Batches of at most `max_batch_size` texts (default 32).
/// - `truncate: false` is sent, so an input longer than the context is a 400 error rather than
///   silently cut (Ollama truncates by default).
/// - ``descriptor``'s dimension: option `dimension` when set, else learned by
///   ``connect(client:)`` from one probe text; or given to ``init(client:dimension:)``.
public struct OllamaEmbedder: Embedder, EndpointEmbedder {
    static let path = "/api/embed"

    /// The backend this embedder posts to.
    public let client: BackendClient
    public let descriptor: EmbedderDescriptor
    let model: String
    let batchSize: Int

    /// - Throws: ``ClientError`` (`configuration`) when the backend is not of kind `ollama` or
    ///   names no `model`.
    public init(client: BackendClient, dimension: Int) throws {
        let configuration = client.configuration
        guard configuration.kind == .ollama else {
            throw ClientError(.configuration, "backend '\(configuration.name)' is of kind '\(configuration.kind.rawValue)', not ollama")
        }
        guard let model = configuration.model, !model.isEmpty else {
            throw ClientError(.configuration, "backend '\(configuration.name)' (ollama): `model` is required for embeddings")
        }
        guard dimension > 0 else {
            throw ClientError(.configuration, "backend '\(configuration.name)': embedding dimension must be positive")
        }
        self.client = client
        self.model = model
        self.batchSize = max(1, configuration.maxBatchSize ?? 32)
        self.descriptor = EmbedderDescriptor(
            name: "ollama:\(model)", dimension: dimension,
            parameters: ["backend": "ollama", "base_url": client.baseURL, "model": model, "endpoint": "/api/embed", "truncate": "false"]
        )
    }

    /// An embedder whose dimension is option `dimension`, or else learned by embedding one
    /// probe text (one request).
    public static func connect(client: BackendClient) async throws -> OllamaEmbedder {
        try await connecting(client: client)
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        try await embedInBatches(texts)
    }

    public func embed(_ texts: [String], progress done: @escaping @Sendable (Int) -> Void) async throws -> [[Float]] {
        try await embedInBatches(texts, progress: done)
    }

    /// Cached per text under the backend's kind, URL, model, endpoint and request settings; not cached
    /// without a `model` (see ``EndpointEmbedder/endpointIdentity(parameters:)``).
    public var cacheIdentity: EmbedderCacheIdentity? {
        endpointIdentity(parameters: ["truncate": "false"])
    }

    /// Every request this embedder's backend client sent, its dimension probe included.
    public var requestStatistics: BackendStatistics? { client.statistics }

    func send(_ batch: [String]) async throws -> [[Float]] {
        try await client.post(
            Self.path, body: EmbeddingsWire.OllamaRequest(model: model, input: batch, truncate: false),
            as: EmbeddingsWire.OllamaResponse.self
        ).embeddings
    }
}
