public import PlauditCore

/// Embeds every response of a list of items, for the audits that compare responses by meaning.
public enum ItemEmbeddings {
    /// The vectors of every item's responses: `vectors[i][j]` is item i's response j.
    ///
    /// An embedder whose vectors depend on the corpus (the lexical one) embeds each item's
    /// responses as a corpus of its own, so an item's vectors never depend on the other items
    /// of the call. Any other embedder gets every text through `collector`, in one pass and
    /// through its cache when it has one.
    public static func embed(
        _ items: [Item], embedder: any Embedder, collector: EmbeddingCollector = EmbeddingCollector(), progress: any ProgressReporter,
        phase: String = "embedding"
    ) async throws -> (vectors: [[[Float]]], counts: EmbeddingCounts) {
        try await embed(groups: items.map { $0.responses.map(\.text) }, embedder: embedder, collector: collector, progress: progress, phase: phase)
    }

    /// The vectors of each group of texts (`vectors[g][j]`: group g's text j), each group a
    /// corpus of its own for an embedder whose vectors depend on the corpus.
    public static func embed(
        groups: [[String]], embedder: any Embedder, collector: EmbeddingCollector = EmbeddingCollector(), progress: any ProgressReporter,
        phase: String = "embedding"
    ) async throws -> (vectors: [[[Float]]], counts: EmbeddingCounts) {
        if embedder.dependsOnCorpus {
            let total = groups.reduce(0) { $0 + $1.count }
            let reporter = IncreasingProgress(progress, phase: phase, total: total, cached: 0)
            reporter.report(0)
            let vectors = try await embedder.embed(groups: groups) { done in reporter.report(done) }
            guard vectors.count == groups.count else {
                throw AuditError("embedder \(embedder.descriptor.name) returned vectors for \(vectors.count) of \(groups.count) prompts")
            }
            for (group, embedded) in zip(groups, vectors) {
                try EmbeddingCollector.check(embedded, count: group.count, dimension: embedder.descriptor.dimension, embedder: embedder)
            }
            progress.finish(phase: phase)
            return (vectors, EmbeddingCounts(computed: total, requests: embedder.requestStatistics?.requests ?? 0))
        }
        let embedded = try await collector.embed(groups.flatMap { $0 }, embedder: embedder, progress: progress, phase: phase)
        var vectors: [[[Float]]] = []
        vectors.reserveCapacity(groups.count)
        var offset = 0
        for group in groups {
            vectors.append(Array(embedded.vectors[offset..<(offset + group.count)]))
            offset += group.count
        }
        return (vectors, embedded.counts)
    }
}
