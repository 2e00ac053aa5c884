/// A store of vectors already computed, so a rerun embeds only texts it has not embedded before
/// with the same embedder (keys from ``CacheKey/init(embedding:text:)``).
///
/// Contract:
/// - `store` is idempotent; storing a key again replaces its vector.
/// - `vectors` returns, bit for bit, the stored vector of every key whose stored vector has
///   exactly `dimension` finite floats, and omits every other key: a damaged or mismatched entry
///   reads as missing (it is then computed and stored again), never as an error.
/// - Calls are expensive (about 100 µs each): look up all keys at once, store in batches.
public protocol EmbeddingCache: Sendable {
    /// The stored vectors of those `keys` that are present and have `dimension` floats.
    func vectors(for keys: [CacheKey], dimension: Int) async throws -> [CacheKey: [Float]]
    /// Stores every entry in one transaction.
    func store(vectors entries: [EmbeddingEntry]) async throws
}

/// One vector to store.
public struct EmbeddingEntry: Hashable, Sendable {
    public var key: CacheKey
    /// The embedder's kind, for `plaudit cache stats` and `prune`: `embedding/minilm`,
    /// `embedding/tei` (see ``EmbedderCacheIdentity/namespace``).
    public var namespace: String
    public var vector: [Float]

    public init(key: CacheKey, namespace: String, vector: [Float]) {
        self.key = key
        self.namespace = namespace
        self.vector = vector
    }
}
