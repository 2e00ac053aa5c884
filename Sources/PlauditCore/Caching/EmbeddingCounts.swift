/// What an embedding phase did, for manifests: texts answered from the embedding cache, vectors
/// computed, vectors stored, and the requests an embedding endpoint was sent.
public struct EmbeddingCounts: Hashable, Sendable {
    /// Texts whose vector came from the cache.
    public var hits: Int
    /// Vectors the embedder computed in this run (a text that occurs twice is computed once
    /// when a cache is open); 0 on a fully cached rerun.
    public var computed: Int
    /// Vectors written to the cache.
    public var stored: Int
    /// Requests sent to the embedder's backend (0 for an embedder run in-process).
    public var requests: Int

    public init(hits: Int = 0, computed: Int = 0, stored: Int = 0, requests: Int = 0) {
        self.hits = hits
        self.computed = computed
        self.stored = stored
        self.requests = requests
    }

    /// Adds the counts of a later part of the same run. `requests` is the embedder's running
    /// total since it was made, so the later part's figure replaces it rather than adding.
    public mutating func add(_ later: EmbeddingCounts) {
        hits += later.hits
        computed += later.computed
        stored += later.stored
        requests = max(requests, later.requests)
    }

    /// Writes these counts into a manifest's `counts`: `embedding_cache_hits`,
    /// `embeddings_computed`, `embedding_cache_stored` and `embedding_requests`; where the
    /// manifest counts the run's `requests`, the embedding requests are added to them.
    public func record(in counts: inout [String: Int]) {
        counts["embedding_cache_hits"] = hits
        counts["embeddings_computed"] = computed
        counts["embedding_cache_stored"] = stored
        counts["embedding_requests"] = requests
        if let sent = counts["requests"] { counts["requests"] = sent + requests }
    }
}
