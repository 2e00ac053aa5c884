import Foundation
import PlauditCore
import PlauditTesting
import Testing

@testable import PlauditAudits

/// The verdicts and the paired scorer comparison, checked by simulation: five planted scorers
/// (fair, a second fair one, mainstream-biased by δ, pure noise, one preferring invalid answers)
/// score the same responses in each of 200 seeded datasets.
@Suite("Planted-verdict simulation")
struct PlantedVerdictTests {
    static let datasets = 200
    static let prompts = 60
    static let delta = 0.6

    struct Run {
        var verdicts: [String: GapVerdict]
        var comparisons: [ScorerComparison]

        func finding(_ a: String, _ b: String) -> ScorerComparison.Finding? {
            comparisons.first { $0.first == a && $0.second == b }?.finding
        }
    }

    /// Runs on a thread of its own (``DedicatedExecutor``) so minutes of simulation do not starve
    /// the fake servers of tests running beside it.
    static func simulate() async throws -> [Run] {
        try await withTaskExecutorPreference(DedicatedExecutor(label: "planted-verdicts")) {
            var runs: [Run] = []
            for d in 0..<datasets {
                let seed = UInt64(70_000 + d)
                let (dataset, embedder) = PlantedScorersData(prompts: prompts, delta: delta, seed: seed).make()
                let options = CalibrationOptions(clustering: .labels, bootstrapResamples: 400, permutationResamples: 999, seed: seed)
                let outcome = try await CalibrationAudit(options: options).run(dataset: dataset, embedder: embedder, scorers: [])
                var verdicts: [String: GapVerdict] = [:]
                for result in outcome.scorers { verdicts[result.scorer.name] = result.verdict }
                runs.append(Run(verdicts: verdicts, comparisons: outcome.comparisons))
            }
            return runs
        }
    }

    @Test("noise is BLIND, biased UNDER-REWARDS, inverted PREFERS-INVALID; fair flagged rarely; paired comparison finds the bias")
    func verdictsAndComparisons() async throws {
        let runs = try await Self.simulate()
        func share(_ predicate: (Run) -> Bool) -> Double { Double(runs.filter(predicate).count) / Double(runs.count) }

        let blind = share { $0.verdicts["noise"] == .blind }
        let biased = share { $0.verdicts["biased"] == .underRewards }
        let inverted = share { $0.verdicts["inverted"] == .prefersInvalid }
        let fairFlagged = share { ![.ok, .inconclusive].contains($0.verdicts["fair"]) }
        let biasedWorse = share { $0.finding("biased", "fair") == .firstUnderRewardsMore }
        let fairDiffer = share { $0.finding("fair", "fair2") != .noDifference }
        // One line for the record (docs/audit.md quotes it).
        print("planted verdicts over \(runs.count) datasets: noise BLIND \(blind), biased UNDER-REWARDS \(biased), inverted PREFERS-INVALID \(inverted), fair flagged \(fairFlagged); biased worse than fair \(biasedWorse), fair vs fair2 different \(fairDiffer)")
        #expect(blind >= 0.90, "noise BLIND in \(blind)")
        #expect(biased >= 0.90, "biased UNDER-REWARDS in \(biased)")
        #expect(inverted >= 0.90, "inverted PREFERS-INVALID in \(inverted)")
        #expect(fairFlagged <= 0.08, "fair flagged in \(fairFlagged)")

        // Scorers are compared in run order (alphabetical for precomputed scores): biased < fair < fair2.
        #expect(biasedWorse >= 0.90, "biased found worse than fair in \(biasedWorse)")
        #expect(fairDiffer <= 0.08, "fair and fair2 found different in \(fairDiffer)")
        // A comparison always names both scorers and the shared prompts.
        #expect(runs.allSatisfy { $0.comparisons.count == 10 && $0.comparisons.allSatisfy { $0.prompts > 0 } })
    }
}
