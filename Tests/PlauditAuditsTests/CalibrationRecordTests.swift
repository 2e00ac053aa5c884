import Foundation
import PlauditCore
import Testing

@testable import PlauditAudits

/// What the audit records beyond the estimates, so that reports and regression suites can be
/// rebuilt from `results.json` alone.
@Suite("Calibration record: per-prompt gaps, scores on the structures, example pairs")
struct CalibrationRecordTests {
    @Test("the overall G and U are the means of the recorded per-prompt values; every structure carries every scorer's scores")
    func perPromptGaps() async throws {
        let (dataset, embedder) = SimulatedAuditData(prompts: 14, delta: 0.4, seed: 11).make()
        let options = CalibrationOptions(clustering: .labels, bootstrapResamples: 200, permutationResamples: 99, seed: 11)
        let outcome = try await CalibrationAudit(options: options).run(dataset: dataset, embedder: embedder, scorers: [])
        let result = try #require(outcome.scorers.first)
        let overall = try #require(result.overall)
        #expect(result.prompts.count == overall.prompts)
        #expect(result.prompts.reduce(0) { $0 + $1.pairs } == overall.pairs)
        let meanGap = result.prompts.map(\.gap).reduce(0, +) / Double(result.prompts.count)
        let meanU = result.prompts.map(\.underReward).reduce(0, +) / Double(result.prompts.count)
        #expect(abs(meanGap - overall.gap.value) < 1e-12)
        #expect(abs(meanU - overall.underRewardRate.value) < 1e-12)
        #expect(Set(result.prompts.map(\.itemID)).isSubset(of: Set(outcome.prompts.map(\.itemID))))
        for structure in outcome.prompts {
            let item = try #require(dataset.items.first { $0.id == structure.itemID })
            #expect(structure.scores[SimulatedAuditData.scorer] == item.responses.map { $0.scores[SimulatedAuditData.scorer] })
        }
    }

    @Test("a scorer's examples are its pairs from the lowest atypical − modal score up, texts included")
    func worstPairs() throws {
        let items = [
            Item(id: "i1", prompt: .text("Write a poem"), responses: [
                Response(id: "r1", text: "Roses are red"), Response(id: "r2", text: "Violets are blue"), Response(id: "r3", text: "<odd>"),
            ]),
            Item(id: "i2", prompt: .text("Uses for a brick"), responses: [
                Response(id: "r1", text: "A doorstop"), Response(id: "r2", text: "Build a wall"), Response(id: "r3", text: "Build a house"),
            ]),
        ]
        let structures = [
            PromptStructure(itemID: "i1", category: nil, clusters: [0, 0, 1], modalCluster: 0, typicality: [0.9, 0.8, 0.1],
                            valid: [true, true, true], pairs: [.init(atypical: 2, modal: 0), .init(atypical: 2, modal: 1)]),
            PromptStructure(itemID: "i2", category: nil, clusters: [0, 1, 1], modalCluster: 1, typicality: [0.2, 0.7, 0.75],
                            valid: [true, true, true], pairs: [.init(atypical: 0, modal: 1)]),
        ]
        // i1: r3 − r1 = −3, r3 − r2 = −2.5; i2: r1 − r2 = −3 (a tie with i1's: the first found comes first).
        let scores: [[Double?]] = [[2.5, 2.0, -0.5], [1.0, 4.0, 0.4]]
        let examples = CalibrationExamples.worstPairs(scorer: "rm", scores: scores, items: items, structures: structures, count: 10)
        #expect(examples.count == 3)
        #expect(examples.first == CalibrationExample(
            scorer: "rm", itemID: "i1", prompt: "Write a poem",
            modal: .init(responseID: "r1", text: "Roses are red", score: 2.5), atypical: .init(responseID: "r3", text: "<odd>", score: -0.5)
        ))
        #expect(examples.map { "\($0.itemID):\($0.modal.responseID)" } == ["i1:r1", "i2:r2", "i1:r2"])
        #expect(CalibrationExamples.worstPairs(scorer: "rm", scores: scores, items: items, structures: structures, count: 2).count == 2)
        // With i1's atypical answer unscored, i2's pair is the only one.
        let partial: [[Double?]] = [[2.5, 2.0, nil], [1.0, 4.0, 0.4]]
        #expect(CalibrationExamples.worstPairs(scorer: "rm", scores: partial, items: items, structures: structures, count: 10).map(\.itemID) == ["i2"])
        #expect(CalibrationExamples.worstPairs(scorer: "rm", scores: [[nil, nil, nil], [nil, nil, nil]], items: items, structures: structures, count: 10).isEmpty)
    }
}
