public import PlauditCore

/// An ``Embedder`` over `POST /v1/embeddings` (OpenAI, vLLM, TEI, Ollama, llama.cpp started with
/// `--embeddings`; research/serving_apis.md §0, §1.8, §5, §8).
///
/// - Texts go in batched `input` arrays of at most `max_batch_size` (default 2048 for OpenAI,
///   its limit per request, and 32 for the others, TEI's default limit), with
///   `encoding_format: "float"`. Up to the backend's `concurrency` batches are in flight.
/// - Results are matched to inputs on their `index`, never on position: an answer whose
///   indices are not exactly 0..<n is an error.
/// - ``descriptor``'s dimension is fixed when the embedder is made: ``connect(client:)`` takes
///   option `dimension` when set, else embeds one probe text and uses its length;
///   ``init(client:dimension:)`` takes it as given. Every later vector must have that length.
public struct OpenAIEmbedder: Embedder, EndpointEmbedder {
    static let path = "/v1/embeddings"

    /// The backend this embedder posts to.
    public let client: BackendClient
    public let descriptor: EmbedderDescriptor
    let model: String?
    let batchSize: Int

    /// An embedder whose vectors are known to have `dimension` floats.
    /// - Throws: ``ClientError`` (`configuration`) for a kind without `/v1/embeddings`, or
    ///   OpenAI or Ollama without a `model`.
    public init(client: BackendClient, dimension: Int) throws {
        let configuration = client.configuration
        switch configuration.kind {
        case .openai, .vllm, .tei, .ollama, .llamaCpp: break
        default:
            throw ClientError(.configuration, "backend '\(configuration.name)' (\(configuration.kind.rawValue)) has no /v1/embeddings")
        }
        if [.openai, .ollama].contains(configuration.kind) && (configuration.model ?? "").isEmpty {
            throw ClientError(.configuration, "backend '\(configuration.name)' (\(configuration.kind.rawValue)): `model` is required for embeddings")
        }
        guard dimension > 0 else {
            throw ClientError(.configuration, "backend '\(configuration.name)': embedding dimension must be positive")
        }
        self.client = client
        self.model = configuration.model
        self.batchSize = max(1, configuration.maxBatchSize ?? (configuration.kind == .openai ? 2048 : 32))
        self.descriptor = EmbedderDescriptor(
            name: "\(configuration.kind.rawValue):\(configuration.model ?? "default")", dimension: dimension,
            parameters: [
                "backend": configuration.kind.rawValue, "base_url": client.baseURL, "model": configuration.model ?? "",
                "endpoint": "/v1/embeddings", "encoding_format": "float",
            ]
        )
    }

    /// An embedder whose dimension is option `dimension`, or else learned by embedding one
    /// probe text (one request).
    public static func connect(client: BackendClient) async throws -> OpenAIEmbedder {
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
        endpointIdentity(parameters: ["encoding_format": "float"])
    }

    /// Every request this embedder's backend client sent, its dimension probe included.
    public var requestStatistics: BackendStatistics? { client.statistics }

    /// One request; vectors put in input order by `index`.
    func send(_ batch: [String]) async throws -> [[Float]] {
        let response = try await client.post(
            Self.path, body: EmbeddingsWire.OpenAIRequest(model: model, input: batch, encodingFormat: "float"),
            as: EmbeddingsWire.OpenAIResponse.self
        )
        var vectors = [[Float]?](repeating: nil, count: batch.count)
        for item in response.data {
            guard vectors.indices.contains(item.index), vectors[item.index] == nil else {
                throw ClientError(
                    .unexpectedResponse, "\(client.baseURL)/v1/embeddings returned index \(item.index) for \(batch.count) inputs (out of range or repeated)"
                )
            }
            vectors[item.index] = item.embedding
        }
        guard let missing = vectors.firstIndex(where: { $0 == nil }) else { return vectors.compactMap { $0 } }
        throw ClientError(.unexpectedResponse, "\(client.baseURL)/v1/embeddings returned no vector for input \(missing) of \(batch.count)")
    }
}
