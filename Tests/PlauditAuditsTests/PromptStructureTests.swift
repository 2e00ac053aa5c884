import Foundation
import PlauditCore
import Testing

@testable import PlauditAudits

@Suite("Prompt structure: clusters, modal cluster, validity, pairs")
struct PromptStructureTests {
    func item(_ specs: [(cluster: String, valid: Bool?, ratings: [Double])]) -> Item {
        Item(
            id: "p", prompt: .text("q"),
            responses: specs.enumerated().map { j, s in
                Response(id: "r\(j)", text: "t\(j)", valid: s.valid, humanRatings: s.ratings, cluster: s.cluster)
            }
        )
    }

    func vectors(_ n: Int) -> [[Float]] {
        (0..<n).map { j in [Float](repeating: 0, count: n).enumerated().map { $0.offset == j ? 1 : 0.1 } }
    }

    @Test("Modal is the largest cluster; pairs are valid atypical × valid modal")
    func pairs() {
        let item = item([("a", true, []), ("a", true, []), ("a", false, []), ("b", true, []), ("c", false, [])])
        let s = PromptStructureBuilder(options: .init(clustering: .labels)).structure(item: item, vectors: vectors(5))
        #expect(s.clusters == [0, 0, 0, 1, 2])
        #expect(s.modalCluster == 0)
        #expect(s.valid == [true, true, false, true, false])
        #expect(Set(s.pairs) == [.init(atypical: 3, modal: 0), .init(atypical: 3, modal: 1)])
    }

    @Test("Ties in size go to the cluster whose members are most typical")
    func modalTieBreak() {
        let clusters = [0, 0, 1, 1]
        #expect(PromptStructureBuilder.modalCluster(clusters: clusters, typicality: [0.1, 0.2, 0.5, 0.4]) == 1)
        #expect(PromptStructureBuilder.modalCluster(clusters: clusters, typicality: [0.5, 0.4, 0.1, 0.2]) == 0)
    }

    @Test("Quality matching drops pairs whose human means differ by more than ε")
    func qualityMatching() {
        let item = item([("a", true, [3, 3]), ("a", true, [5, 5]), ("b", true, [3.4, 3.4])])
        let s = PromptStructureBuilder(options: .init(clustering: .labels, qualityTolerance: 0.5))
            .structure(item: item, vectors: vectors(3))
        #expect(s.pairs == [.init(atypical: 2, modal: 0)])
    }

    @Test("Without flags, validity comes from the human threshold, else everything is valid")
    func validity() {
        let unflagged = item([("a", nil, [4]), ("a", nil, [2]), ("b", nil, [])])
        let withThreshold = PromptStructureBuilder(options: .init(clustering: .labels, humanValidityThreshold: 3))
            .structure(item: unflagged, vectors: vectors(3))
        #expect(withThreshold.valid == [true, false, true])
        let without = PromptStructureBuilder(options: .init(clustering: .labels)).structure(item: unflagged, vectors: vectors(3))
        #expect(without.valid == [true, true, true])
    }

    @Test("Typicality is the mean cosine to the prompt's other responses")
    func typicality() {
        let v: [[Float]] = [[1, 0], [1, 0], [0, 1]]
        let s = PromptStructureBuilder(options: .init(clustering: .labels))
            .structure(item: item([("a", true, []), ("a", true, []), ("b", true, [])]), vectors: v)
        #expect(s.typicality.map { ($0 * 1e9).rounded() / 1e9 } == [0.5, 0.5, 0])
    }

    @Test("Items with fewer than three responses are left out and noted")
    func tooSmall() async throws {
        var big = item([("a", true, []), ("a", true, []), ("b", true, [])])
        big.id = "big"
        for j in big.responses.indices { big.responses[j].scores["s"] = Double(j) }
        var small = item([("a", true, []), ("b", true, [])])
        small.id = "small"
        for j in small.responses.indices { small.responses[j].scores["s"] = Double(j) }
        let embedder = TableEmbedder(table: ["t0": [1, 0], "t1": [1, 0.1], "t2": [0, 1]])
        let outcome = try await CalibrationAudit(options: .init(clustering: .labels, bootstrapResamples: 200, permutationResamples: 99))
            .run(dataset: Dataset(items: [big, small]), embedder: embedder, scorers: [])
        #expect(outcome.prompts.map(\.itemID) == ["big"])
        #expect(outcome.notes.contains { $0.contains("fewer than 3 responses") })
    }
}
