public import PlauditCore

/// Embeds every response of a list of items, for the audits that compare responses by meaning.
public enum ItemEmbeddings {
    /// All responses in one pass (an embedder may weigh words over the whole corpus, as the
    /// lexical one does), through `collector`'s cache when it has one, split back per item:
    /// `vectors[i][j]` is item i's response j.
    public static func embed(
        _ items: [Item], embedder: any Embedder, collector: EmbeddingCollector = EmbeddingCollector(), progress: any ProgressReporter
    ) async throws -> (vectors: [[[Float]]], counts: EmbeddingCounts) {
        let texts = items.flatMap { $0.responses.map(\.text) }
        let embedded = try await collector.embed(texts, embedder: embedder, progress: progress)
        var vectors: [[[Float]]] = []
        var offset = 0
        for item in items {
            vectors.append(Array(embedded.vectors[offset..<(offset + item.responses.count)]))
            offset += item.responses.count
        }
        return (vectors, embedded.counts)
    }
}
