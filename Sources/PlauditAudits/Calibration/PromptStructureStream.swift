import Foundation
import PlauditCore
import PlauditRuntime

/// Builds every prompt's structure (clusters, typicality, validity, pairs) chunk by chunk:
/// a chunk of prompts is embedded, clustered on the machine's cores and reduced to its
/// structures before the next is embedded, so only one chunk's vectors are ever held. A
/// prompt's structure depends on its own responses only, so the chunking changes nothing in
/// the results.
struct PromptStructureStream {
    var options: CalibrationOptions
    /// Prompts per chunk: large enough that an embedder batches well, small enough that a
    /// chunk's vectors (8,192 floats per response for the lexical embedder) stay in the tens of MB.
    var chunkPrompts = 512

    struct Built {
        var structures: [PromptStructure]
        var embedding: EmbeddingCounts
        var embeddingSeconds: Double
        var clusteringSeconds: Double
    }

    func build(items: [Item], embedder: any Embedder, collector: EmbeddingCollector, progress: any ProgressReporter) async throws -> Built {
        let clock = ContinuousClock()
        let responses = items.reduce(0) { $0 + $1.responses.count }
        let phase = ChunkedProgress(progress, phase: "embedding and clustering", total: responses)
        let builder = PromptStructureBuilder(options: options)
        var built = Built(structures: [], embedding: EmbeddingCounts(), embeddingSeconds: 0, clusteringSeconds: 0)
        built.structures.reserveCapacity(items.count)
        for start in stride(from: 0, to: items.count, by: max(1, chunkPrompts)) {
            let chunk = Array(items[start..<min(start + max(1, chunkPrompts), items.count)])
            let embeddingStart = clock.now
            let (vectors, counts) = try await ItemEmbeddings.embed(chunk, embedder: embedder, collector: collector, progress: phase)
            built.embeddingSeconds += (clock.now - embeddingStart).inSeconds
            built.embedding.add(counts)
            let clusteringStart = clock.now
            let structures = await DispatchWork.map(chunk.count) { i in
                chunk[i].responses.count >= 3 ? builder.structure(item: chunk[i], vectors: vectors[i]) : nil
            }
            built.structures += structures.compactMap { $0 }
            built.clusteringSeconds += (clock.now - clusteringStart).inSeconds
            phase.completeChunk(units: chunk.reduce(0) { $0 + $1.responses.count }, cached: counts.hits)
        }
        phase.finish()
        return built
    }
}
