import Foundation
import PlauditCore
import PlauditStats
import PlauditText
import Testing

@testable import PlauditAudits

/// The default clustering cut is calibrated on `fixtures/open-ended/`, whose responses carry
/// the authors' cluster labels: it must recover them (adjusted Rand index) and find the
/// authors' mainstream cluster as the modal one in every prompt.
@Suite("Clustering threshold on the fixtures")
struct FixtureClusteringTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func agreement(threshold: Double) async throws -> (meanARI: Double, modalMatches: Int, prompts: Int) {
        let dataset = try DatasetReader().read(paths: [root.appendingPathComponent("fixtures/open-ended").path])
        let flat = LexicalEmbedder().vectors(for: dataset.items.flatMap { $0.responses.map(\.text) })
        var offset = 0
        var vectors: [[[Float]]] = []
        for item in dataset.items {
            vectors.append(Array(flat[offset..<(offset + item.responses.count)]))
            offset += item.responses.count
        }
        let structures = PromptStructureBuilder(options: .init(clustering: .agglomerative(threshold: threshold)))
            .structures(items: dataset.items, vectors: vectors)
        var ari = 0.0
        var matches = 0
        for (item, structure) in zip(dataset.items, structures) {
            let labels = item.responses.map { $0.cluster! }
            let ids = Dictionary(Set(labels).sorted().enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            ari += AdjustedRandIndex.score(labels.map { ids[$0]! }, structure.clusters)
            let authorsModal = Dictionary(grouping: labels, by: { $0 }).max { $0.value.count < $1.value.count }!.key
            let modalMembers = structure.clusters.indices.filter { structure.clusters[$0] == structure.modalCluster }
            let majority = Dictionary(grouping: modalMembers.map { labels[$0] }, by: { $0 }).max { $0.value.count < $1.value.count }!.key
            if majority == authorsModal { matches += 1 }
        }
        return (ari / Double(structures.count), matches, structures.count)
    }

    @Test("The default cut recovers the authors' clusters and mainstream answers")
    func defaultThreshold() async throws {
        let result = try await Self.agreement(threshold: CalibrationOptions.defaultThreshold)
        #expect(result.prompts >= 30)
        #expect(result.modalMatches == result.prompts)
        #expect(result.meanARI >= 0.8, "mean ARI \(result.meanARI)")
    }

    @Test("The default cut is the best of the grid by mean ARI")
    func defaultIsBestOnGrid() async throws {
        var best = (threshold: 0.0, ari: -1.0)
        for threshold in [0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95] {
            let ari = try await Self.agreement(threshold: threshold).meanARI
            if ari > best.ari { best = (threshold, ari) }
        }
        #expect(best.threshold == CalibrationOptions.defaultThreshold)
    }
}
