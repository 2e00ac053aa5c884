import Foundation
import PlauditCore
import PlauditStats
import PlauditText
import Testing

@testable import PlauditAudits

/// The default distinct-k thresholds are calibrated on `fixtures/open-ended/`, whose responses
/// carry the authors' answer clusters. The rule: on a grid of cosine cuts, the one whose greedy
/// equivalence classes (responses in data order) have the best mean adjusted Rand index
/// against the authors' clusters.
@Suite("distinct-k thresholds on the fixtures")
struct EquivalenceThresholdTests {
    /// Mean ARI over prompts and mean classes per prompt at `threshold`.
    static func agreement(_ dataset: Dataset, _ vectors: [[[Float]]], threshold: Double) -> (ari: Double, classes: Double) {
        var ari = 0.0
        var classes = 0.0
        for (item, pool) in zip(dataset.items, vectors) {
            let matrix = CosineMatrix(pool)
            let labels = GreedyPartition.labels(count: pool.count, threshold: threshold) { matrix[$0, $1] }
            let names = item.responses.map { $0.cluster! }
            let ids = Dictionary(Set(names).sorted().enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            ari += AdjustedRandIndex.score(names.map { ids[$0]! }, labels)
            classes += Double(Set(labels).count)
        }
        return (ari / Double(dataset.items.count), classes / Double(dataset.items.count))
    }

    static func chosen(_ dataset: Dataset, _ vectors: [[[Float]]], grid: [Double]) -> Double {
        grid.max { agreement(dataset, vectors, threshold: $0).ari < agreement(dataset, vectors, threshold: $1).ari }!
    }

    @Test("lexical embedder: the default is the rule's choice")
    func lexical() async throws {
        let dataset = try FixtureClusteringTests.dataset()
        let vectors = try await FixtureClusteringTests.vectors(dataset, embedder: LexicalEmbedder())
        let threshold = HomogeneityOptions.defaultEquivalenceThreshold(embedder: LexicalEmbedder().descriptor.name)
        #expect(threshold == HomogeneityOptions.lexicalEquivalenceThreshold)
        #expect(Self.chosen(dataset, vectors, grid: [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6]) == threshold)
        #expect(Self.agreement(dataset, vectors, threshold: threshold).ari >= 0.7)
    }

    @Test(
        "MiniLM: the default is the rule's choice",
        .enabled(if: MiniLMLocation.available || MiniLMLocation.required, "MiniLM not installed; run `plaudit assets install`")
    )
    func miniLM() async throws {
        let embedder = try MiniLMEmbedder(directory: MiniLMLocation.directory)
        let dataset = try FixtureClusteringTests.dataset()
        let vectors = try await FixtureClusteringTests.vectors(dataset, embedder: embedder)
        let threshold = HomogeneityOptions.defaultEquivalenceThreshold(embedder: embedder.descriptor.name)
        #expect(threshold == HomogeneityOptions.miniLMEquivalenceThreshold)
        #expect(Self.chosen(dataset, vectors, grid: [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]) == threshold)
        #expect(Self.agreement(dataset, vectors, threshold: threshold).ari >= 0.6)
    }
}
