import PlauditCore

/// What the three HTTP embedders share: one request per batch on one route, the dimension
/// fixed when the embedder is made, batches sent concurrently by ``EmbeddingBatches``.
protocol EndpointEmbedder: Embedder {
    /// The route, for example `/v1/embeddings`.
    static var path: String { get }
    var client: BackendClient { get }
    var batchSize: Int { get }
    /// Checks the configuration; `dimension` is what every vector must have.
    init(client: BackendClient, dimension: Int) throws
    /// One request for one batch; vectors in input order.
    func send(_ batch: [String]) async throws -> [[Float]]
}

extension EndpointEmbedder {
    /// An embedder whose dimension is option `dimension`, or else learned by embedding one
    /// probe text (one request). The configuration is checked before the probe is sent.
    static func connecting(client: BackendClient) async throws -> Self {
        if let dimension = try EmbeddingBatches.configuredDimension(client.configuration.options, backend: client.configuration.name) {
            return try Self(client: client, dimension: dimension)
        }
        let unchecked = try Self(client: client, dimension: 1)
        let probe = try await unchecked.send([EmbeddingBatches.probeText])
        guard let width = probe.first?.count, width > 0 else {
            throw ClientError(.unexpectedResponse, "\(client.baseURL)\(path) returned no vector for the probe")
        }
        return try Self(client: client, dimension: width)
    }

    /// Every text's vector, in order, in batches of ``batchSize``; `progress` hears the texts
    /// done after each batch.
    func embedInBatches(_ texts: [String], progress: @Sendable (Int) -> Void = { _ in }) async throws -> [[Float]] {
        let embedder = self
        return try await EmbeddingBatches.embed(
            texts, size: batchSize, inFlight: client.configuration.concurrency, dimension: descriptor.dimension,
            source: "\(client.baseURL)\(Self.path)", progress: progress
        ) { batch in
            try await embedder.send(batch)
        }
    }

    /// The cache identity of a backend's vectors: its kind, URL (with a digest of its headers),
    /// served model and dimension, with `parameters` (endpoint and request settings); `nil`,
    /// so nothing is cached, when the backend names no model, because the key could then not
    /// tell two models behind one URL apart (the rule for answers too).
    func endpointIdentity(parameters: [String: String]) -> EmbedderCacheIdentity? {
        guard let model = client.configuration.model, !model.isEmpty else { return nil }
        return EmbedderCacheIdentity(
            kind: client.configuration.kind.rawValue, source: client.cacheURL, model: model, dimension: descriptor.dimension,
            parameters: parameters.merging(["endpoint": Self.path]) { given, _ in given })
    }
}
