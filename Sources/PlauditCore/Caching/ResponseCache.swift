public import Foundation

/// A store of answers already paid for, so that no request is sent twice: across reruns, after
/// a kill, and between shards that share a cache file.
///
/// Contract:
/// - `store` is idempotent; storing a key again replaces its value.
/// - `lookup` after `store` returns the same bytes for every stored key and omits unknown keys.
/// - Only answers are stored, never failures, credentials or anything a failure message holds.
/// - Calls are expensive (each may cross threads, about 100 µs): callers look up many keys at
///   once and store in batches.
public protocol ResponseCache: Sendable {
    /// The stored values of those `keys` that are present.
    func lookup(_ keys: [CacheKey]) async throws -> [CacheKey: Data]
    /// The stored value of each key, in the order of `keys` (`nil` where none is stored), for
    /// a batch of keys (about a thousand per call). A cache answers this without building the
    /// dictionary `lookup` returns; the default builds it.
    func values(for keys: [CacheKey]) async throws -> [Data?]
    /// Stores every entry in one transaction.
    func store(_ entries: [CacheEntry]) async throws
    /// Where this cache keeps vectors, when it keeps them; `nil` (the default) when it does not,
    /// and then every embedding is computed.
    var embeddings: (any EmbeddingCache)? { get }
}

/// One answer to store.
public struct CacheEntry: Hashable, Sendable {
    public var key: CacheKey
    /// What produced the answer, for `plaudit cache stats` and `prune`: for example
    /// `score/vllm` or `embedding/openai`.
    public var namespace: String
    public var value: Data

    public init(key: CacheKey, namespace: String, value: Data) {
        self.key = key
        self.namespace = namespace
        self.value = value
    }
}

/// What a cache was asked and answered during a run, for manifests and the progress line.
public struct CacheCounts: Codable, Hashable, Sendable {
    public var hits: Int
    public var misses: Int
    public var stored: Int

    public init(hits: Int = 0, misses: Int = 0, stored: Int = 0) {
        self.hits = hits
        self.misses = misses
        self.stored = stored
    }
}

extension ResponseCache {
    public var embeddings: (any EmbeddingCache)? { nil }

    public func values(for keys: [CacheKey]) async throws -> [Data?] {
        let found = try await lookup(keys)
        return keys.map { found[$0] }
    }

    /// Looks up any number of keys, a bounded number per call so that one statement never
    /// carries an unbounded list.
    public func lookup(allOf keys: [CacheKey], chunk: Int = 10_000) async throws -> [CacheKey: Data] {
        var found: [CacheKey: Data] = [:]
        for start in stride(from: 0, to: keys.count, by: max(1, chunk)) {
            found.merge(try await lookup(Array(keys[start..<min(start + chunk, keys.count)]))) { first, _ in first }
        }
        return found
    }
}
