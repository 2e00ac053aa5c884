public import PlauditCore

/// An ``Embedder`` over text-embeddings-inference's native `POST /embed`
/// (research/serving_apis.md §2).
///
/// - Batches of at most `max_batch_size` texts (default 32, TEI's `--max-client-batch-size`
///   default; more is a 422). The answer is a bare array of arrays in input order.
/// - `normalize` comes from option `normalize` (`true` by default, as TEI's own default), and
///   `truncate: false` is always sent: an input longer than the model's limit is a 422 error,
///   never silently cut.
/// - ``descriptor``'s dimension: option `dimension` when set, else learned by
///   ``connect(client:)`` from one probe text; or given to ``init(client:dimension:)``.
public struct TEIEmbedder: Embedder, EndpointEmbedder {
    static let path = "/embed"

    /// The backend this embedder posts to.
    public let client: BackendClient
    public let descriptor: EmbedderDescriptor
    let normalize: Bool
    let batchSize: Int

    /// - Throws: ``ClientError`` (`configuration`) when the backend is not of kind `tei` or
    ///   option `normalize` is not `true` or `false`.
    public init(client: BackendClient, dimension: Int) throws {
        let configuration = client.configuration
        guard configuration.kind == .tei else {
            throw ClientError(.configuration, "backend '\(configuration.name)' is of kind '\(configuration.kind.rawValue)', not tei")
        }
        guard dimension > 0 else {
            throw ClientError(.configuration, "backend '\(configuration.name)': embedding dimension must be positive")
        }
        self.normalize = try Self.normalizeOption(configuration)
        self.client = client
        self.batchSize = max(1, configuration.maxBatchSize ?? 32)
        self.descriptor = EmbedderDescriptor(
            name: "tei:\(configuration.model ?? "default")", dimension: dimension,
            parameters: [
                "backend": "tei", "base_url": client.baseURL, "model": configuration.model ?? "", "endpoint": "/embed",
                "normalize": String(normalize), "truncate": "false",
            ]
        )
    }

    /// An embedder whose dimension is option `dimension`, or else learned by embedding one
    /// probe text (one request).
    public static func connect(client: BackendClient) async throws -> TEIEmbedder {
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
        endpointIdentity(parameters: ["normalize": String(normalize), "truncate": "false"])
    }

    /// Every request this embedder's backend client sent, its dimension probe included.
    public var requestStatistics: BackendStatistics? { client.statistics }

    func send(_ batch: [String]) async throws -> [[Float]] {
        try await client.post(Self.path, body: EmbeddingsWire.TEIRequest(inputs: batch, normalize: normalize, truncate: false), as: [[Float]].self)
    }

    static func normalizeOption(_ configuration: BackendConfiguration) throws -> Bool {
        switch configuration.options["normalize"]?.lowercased() {
        case nil, "true"?: return true
        case "false"?: return false
        case let other?:
            throw ClientError(.configuration, "backend '\(configuration.name)': option normalize must be true or false, not '\(other)'")
        }
    }
}
