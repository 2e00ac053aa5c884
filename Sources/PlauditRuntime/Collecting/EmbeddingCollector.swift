public import PlauditCore

/// Embeds texts through the embedding cache: vectors already stored for the embedder's identity
/// are read in one lookup, the rest are computed in chunks, each chunk stored as soon as it is
/// computed (a run stopped midway keeps what it computed), and the phase's progress counts
/// both.
///
/// An embedder without a ``PlauditCore/Embedder/cacheIdentity`` (one whose vectors depend on
/// the whole corpus, such as the lexical one), or a run without a cache, gets every text in
/// one call, as before caching existed, so its vectors are exactly what it always gave.
public struct EmbeddingCollector: Sendable {
    /// Where vectors are looked up and stored; `nil` for no caching.
    public var cache: (any EmbeddingCache)?
    /// Ignore stored vectors (compute them again and replace them).
    public var refresh: Bool
    /// Most texts per embedder call when caching: each chunk is stored before the next starts.
    /// Large, so the embedder still batches well (MiniLM sorts a call's texts by length), and a
    /// corpus of up to this many texts is embedded in the same single call as without a cache.
    public var chunkSize: Int

    /// - Parameters:
    ///   - cache: the run's cache; its ``PlauditCore/ResponseCache/embeddings`` keep the vectors.
    ///   - refresh: compute every vector again and replace the stored ones (`--refresh`).
    public init(cache: (any ResponseCache)? = nil, refresh: Bool = false, chunkSize: Int = 1_024) {
        self.init(embeddings: cache?.embeddings, refresh: refresh, chunkSize: chunkSize)
    }

    public init(embeddings: (any EmbeddingCache)?, refresh: Bool = false, chunkSize: Int = 1_024) {
        self.cache = embeddings
        self.refresh = refresh
        self.chunkSize = max(1, chunkSize)
    }

    /// The vectors of `texts`, in order, and what it took to get them.
    ///
    /// Progress goes to `phase`: `done` counts texts with a vector (from the cache or computed),
    /// `cached` those from the cache.
    /// - Throws: ``PlauditCore/AuditError`` when the embedder returns the wrong number or length
    ///   of vectors; the cache's and the embedder's own errors.
    public func embed(
        _ texts: [String], embedder: any Embedder, progress: any ProgressReporter, phase: String = "embedding"
    ) async throws -> EmbeddedTexts {
        let total = texts.count
        guard let cache, let identity = embedder.cacheIdentity else {
            let reporter = IncreasingProgress(progress, phase: phase, total: total, cached: 0)
            reporter.report(0)
            let vectors = try await embedder.embed(texts) { done in reporter.report(done) }
            try Self.check(vectors, count: total, dimension: nil, embedder: embedder)
            progress.finish(phase: phase)
            let counts = EmbeddingCounts(computed: total, requests: embedder.requestStatistics?.requests ?? 0)
            return EmbeddedTexts(vectors: vectors, counts: counts)
        }

        let keys = texts.map { CacheKey(embedding: identity, text: $0) }
        // Each distinct text once, in order of first occurrence.
        var firstIndex: [CacheKey: Int] = [:]
        var distinct: [Int] = []
        for (index, key) in keys.enumerated() where firstIndex[key] == nil {
            firstIndex[key] = index
            distinct.append(index)
        }
        let stored = refresh ? [:] : try await cache.vectors(for: distinct.map { keys[$0] }, dimension: identity.dimension)
        var found = stored
        let hits = keys.filter { stored[$0] != nil }.count
        var counts = EmbeddingCounts(hits: hits)
        let missing = distinct.filter { stored[keys[$0]] == nil }
        // How many texts each missing distinct text stands for (itself and its repeats).
        var occurrences: [CacheKey: Int] = [:]
        for key in keys where stored[key] == nil { occurrences[key, default: 0] += 1 }

        let reporter = IncreasingProgress(progress, phase: phase, total: total, cached: hits)
        reporter.report(hits)
        var done = hits
        for start in stride(from: 0, to: missing.count, by: chunkSize) {
            let chunk = Array(missing[start..<min(start + chunkSize, missing.count)])
            let before = done
            let vectors = try await embedder.embed(chunk.map { texts[$0] }) { finished in reporter.report(before + finished) }
            try Self.check(vectors, count: chunk.count, dimension: identity.dimension, embedder: embedder)
            var entries: [EmbeddingEntry] = []
            entries.reserveCapacity(chunk.count)
            for (index, vector) in zip(chunk, vectors) {
                let key = keys[index]
                found[key] = vector
                entries.append(EmbeddingEntry(key: key, namespace: identity.namespace, vector: vector))
                done += occurrences[key] ?? 1
            }
            try await cache.store(vectors: entries)
            counts.computed += chunk.count
            counts.stored += entries.count
            reporter.report(done)
        }
        progress.finish(phase: phase)
        counts.requests = embedder.requestStatistics?.requests ?? 0
        return EmbeddedTexts(vectors: keys.map { found[$0]! }, counts: counts)
    }

    /// Throws when `vectors` are not `count` vectors of the same length (`dimension` when given).
    static func check(_ vectors: [[Float]], count: Int, dimension: Int?, embedder: any Embedder) throws {
        let name = embedder.descriptor.name
        guard vectors.count == count else {
            throw AuditError("embedder \(name) returned \(vectors.count) vectors for \(count) texts")
        }
        guard let width = dimension ?? vectors.first?.count else { return }
        if let bad = vectors.firstIndex(where: { $0.count != width }) {
            throw AuditError("embedder \(name) returned a vector of \(vectors[bad].count) floats for text \(bad); expected \(width)")
        }
    }
}
