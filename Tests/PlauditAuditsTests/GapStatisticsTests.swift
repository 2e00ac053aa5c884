import Foundation
import PlauditCore
import PlauditStats
import Testing

@testable import PlauditAudits

@Suite("Gap statistics")
struct GapStatisticsTests {
    /// The typicality slope comes from summed within-prompt cross-products solved by
    /// `LinearSystem`; it must equal `FixedEffectsOLS` on the same rows (an independent path:
    /// explicit demeaning and least squares).
    @Test("γ equals fixed-effects OLS on the same rows", arguments: [true, false])
    func slopeMatchesFixedEffectsOLS(varyLength: Bool) async throws {
        let (dataset, embedder) = SimulatedAuditData(prompts: 12, delta: 0.5, seed: 42, varyLength: varyLength).make()
        let options = CalibrationOptions(clustering: .labels, bootstrapResamples: 200, permutationResamples: 99, seed: 42)
        let outcome = try await CalibrationAudit(options: options).run(dataset: dataset, embedder: embedder, scorers: [])
        let gamma = try #require(outcome.scorers.first?.overall?.typicalitySlope?.value)

        var y: [Double] = []
        var x: [[Double]] = []
        var groups: [Int] = []
        for (g, structure) in outcome.prompts.enumerated() {
            let item = dataset.items.first { $0.id == structure.itemID }!
            let rows = structure.valid.indices.filter { structure.valid[$0] }
            let scores = rows.map { item.responses[$0].scores[SimulatedAuditData.scorer]! }
            let z = PromptSample.zScores(scores, at: rows, count: item.responses.count)
            let typicality = PromptSample.zScores(rows.map { structure.typicality[$0] }, at: rows, count: item.responses.count)
            for j in rows {
                y.append(z[j]!)
                // With constant lengths the length covariate carries nothing and is left out.
                let length = log(1 + Double(PromptSample.wordCount(item.responses[j].text)))
                x.append(varyLength ? [typicality[j]!, length, item.responses[j].humanMean!] : [typicality[j]!, item.responses[j].humanMean!])
                groups.append(g)
            }
        }
        let ols = try FixedEffectsOLS.fit(y: y, x: x, groups: groups)
        #expect(abs(ols.coefficients[0] - gamma) < 1e-10, "OLS \(ols.coefficients[0]) vs audit \(gamma)")
    }

    @Test("A constant scorer shows no gap and U = 0.5, not NaN")
    func constantScorer() async throws {
        var (dataset, embedder) = SimulatedAuditData(prompts: 10, delta: 0, seed: 3).make()
        for i in dataset.items.indices {
            for j in dataset.items[i].responses.indices { dataset.items[i].responses[j].scores = ["flat": 1] }
        }
        let outcome = try await CalibrationAudit(options: .init(clustering: .labels, bootstrapResamples: 200, permutationResamples: 99))
            .run(dataset: dataset, embedder: embedder, scorers: [])
        let overall = try #require(outcome.scorers.first?.overall)
        #expect(overall.gap.value == 0)
        #expect(overall.underRewardRate.value == 0.5)
        #expect(!overall.flagged)
    }

    @Test("Hand-computed gap, raw gap and U on one prompt")
    func handComputed() throws {
        // Responses 0,1 modal; 2 atypical; scores 3, 1, 1 → z over valid = [1.1547, -0.5774, -0.5774].
        let item = Item(
            id: "p", prompt: .text("q"),
            responses: [Response(id: "a", text: "x"), Response(id: "b", text: "y"), Response(id: "c", text: "z")]
        )
        let structure = PromptStructure(
            itemID: "p", category: nil, clusters: [0, 0, 1], modalCluster: 0, typicality: [0.5, 0.4, 0.1],
            valid: [true, true, true], pairs: [.init(atypical: 2, modal: 0), .init(atypical: 2, modal: 1)]
        )
        let sample = try #require(PromptSample(structure: structure, item: item, scores: [3, 1, 1], useQuality: false))
        let sd = (8.0 / 6.0).squareRoot() // sample SD of [3, 1, 1]
        #expect(abs(sample.gap - ((1 - 3) / sd + 0) / 2) < 1e-12)
        #expect(abs(sample.rawGap - (-2 + 0) / 2) < 1e-12)
        #expect(sample.underReward == 0.75)
        #expect(sample.humanGap == nil)
    }

    @Test("q-values are Benjamini–Hochberg over scorers × categories")
    func qValues() async throws {
        var (dataset, embedder) = SimulatedAuditData(prompts: 16, delta: 0.8, seed: 11).make()
        for i in dataset.items.indices {
            for j in dataset.items[i].responses.indices {
                dataset.items[i].responses[j].scores["copy"] = dataset.items[i].responses[j].scores["sim"]! * 2 + 1
            }
        }
        let options = CalibrationOptions(clustering: .labels, bootstrapResamples: 200, permutationResamples: 999, seed: 5)
        let outcome = try await CalibrationAudit(options: options).run(dataset: dataset, embedder: embedder, scorers: [])
        var p: [Double] = []
        var q: [Double] = []
        for result in outcome.scorers {
            for estimates in [result.overall!] + result.categories.keys.sorted().map({ result.categories[$0]! }) {
                p.append(estimates.gap.pValue!)
                q.append(estimates.gap.qValue!)
            }
        }
        #expect(p.count == 6)  // 2 scorers × (overall + 2 categories)
        #expect(zip(q, PlauditStats.BenjaminiHochberg.adjust(p)).allSatisfy { abs($0 - $1) < 1e-15 })
    }
}
