public import PlauditCore

/// Embeds every response of a list of items, for the audits that compare responses by meaning.
public enum ItemEmbeddings {
    /// All responses in one call (an embedder may weigh words over the whole corpus, as the
    /// lexical one does), split back per item: `result[i][j]` is item i's response j.
    public static func embed(_ items: [Item], embedder: any Embedder, progress: any ProgressReporter) async throws -> [[[Float]]] {
        let texts = items.flatMap { $0.responses.map(\.text) }
        progress.update(phase: "embedding", done: 0, total: texts.count, failed: 0, cached: 0)
        let flat = try await embedder.embed(texts)
        guard flat.count == texts.count else {
            throw AuditError("embedder \(embedder.descriptor.name) returned \(flat.count) vectors for \(texts.count) texts")
        }
        progress.finish(phase: "embedding")
        var vectors: [[[Float]]] = []
        var offset = 0
        for item in items {
            vectors.append(Array(flat[offset..<(offset + item.responses.count)]))
            offset += item.responses.count
        }
        return vectors
    }
}
