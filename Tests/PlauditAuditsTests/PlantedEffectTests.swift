import Foundation
import PlauditCore
import PlauditTesting
import Testing

@testable import PlauditAudits

/// The acceptance bar of the calibration audit: over 200 seeded simulated datasets a planted
/// under-reward of δ = 0.5 noise SD is flagged in at least 90% and the 95% interval of the
/// raw gap covers −δ in at least 90%; with δ = 0 at most 8% are flagged.
@Suite("Planted-effect simulations")
struct PlantedEffectTests {
    static let datasets = 200
    static let prompts = 40

    static func options(seed: UInt64) -> CalibrationOptions {
        CalibrationOptions(clustering: .labels, bootstrapResamples: 1_000, permutationResamples: 999, seed: seed)
    }

    /// On a thread of its own (``DedicatedExecutor``): minutes of simulation on the cooperative
    /// pool would starve the tests beside it.
    static func run(delta: Double) async throws -> (flagged: Int, covered: Int, gaps: [Double]) {
        try await withTaskExecutorPreference(DedicatedExecutor(label: "planted-effect")) { try await simulate(delta: delta) }
    }

    static func simulate(delta: Double) async throws -> (flagged: Int, covered: Int, gaps: [Double]) {
        var flagged = 0
        var covered = 0
        var gaps: [Double] = []
        for d in 0..<datasets {
            let seed = UInt64(1_000 + d)
            let (dataset, embedder) = SimulatedAuditData(prompts: prompts, delta: delta, seed: seed).make()
            let outcome = try await CalibrationAudit(options: options(seed: seed)).run(dataset: dataset, embedder: embedder, scorers: [])
            let overall = try #require(outcome.scorers.first?.overall)
            if overall.flagged { flagged += 1 }
            if overall.rawGap.lower <= -delta && -delta <= overall.rawGap.upper { covered += 1 }
            gaps.append(overall.rawGap.value)
        }
        return (flagged, covered, gaps)
    }

    @Test("δ = 0.5: flagged in ≥ 90% and the raw-gap CI covers −δ in ≥ 90%")
    func plantedEffectIsFound() async throws {
        let (flagged, covered, gaps) = try await Self.run(delta: 0.5)
        #expect(flagged >= 180, "flagged \(flagged)/200")
        #expect(covered >= 180, "covered \(covered)/200")
        // The estimator is unbiased for −δ: the mean over datasets is within 3 SE of it.
        let mean = gaps.reduce(0, +) / Double(gaps.count)
        let sd = (gaps.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(gaps.count - 1)).squareRoot()
        #expect(abs(mean + 0.5) < 3 * sd / Double(gaps.count).squareRoot(), "mean raw gap \(mean)")
    }

    @Test("δ = 0: flagged in ≤ 8%")
    func noEffectIsRarelyFlagged() async throws {
        let (flagged, covered, _) = try await Self.run(delta: 0)
        #expect(flagged <= 16, "flagged \(flagged)/200")
        #expect(covered >= 180, "covered \(covered)/200")
    }

    @Test("Human gap near zero and excess ≈ G when only the scorer is biased")
    func excessOverHuman() async throws {
        let (dataset, embedder) = SimulatedAuditData(prompts: 60, delta: 1, seed: 7).make()
        let outcome = try await CalibrationAudit(options: Self.options(seed: 7)).run(dataset: dataset, embedder: embedder, scorers: [])
        let overall = try #require(outcome.scorers.first?.overall)
        let human = try #require(overall.humanGap)
        let excess = try #require(overall.excessOverHuman)
        #expect(human.lower < 0 && human.upper > 0, "human gap \(human)")
        #expect(excess.upper < 0)
        #expect(abs(excess.value - (overall.gap.value - human.value)) < 1e-12)
        #expect(outcome.qualitySource.hasPrefix("mean human rating"))
    }
}
