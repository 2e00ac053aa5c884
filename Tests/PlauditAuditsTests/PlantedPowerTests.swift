import Foundation
import PlauditCore
import PlauditTesting
import Testing

@testable import PlauditAudits

/// The power side of the verdict, checked by simulation: the minimum detectable |G| a run
/// reports must be the gap that runs of its size really detect with 80% power, and a fair scorer
/// must read ok or inconclusive, flagged no more often than the nominal level.
@Suite("Planted-power simulation")
struct PlantedPowerTests {
    static let datasets = 200
    static let prompts = 40

    struct Run {
        var verdict: GapVerdict
        var gap: Double
        var detectable: Double
    }

    /// 200 seeded datasets of 40 prompts with a planted raw under-reward `delta`; the same seeds
    /// for every `delta`, so the power curve is smooth.
    /// Runs on a thread of its own (``DedicatedExecutor``), not the cooperative pool, so that
    /// minutes of simulation do not starve the tests that run beside it.
    static func simulate(delta: Double) async throws -> [Run] {
        try await withTaskExecutorPreference(DedicatedExecutor(label: "planted-power")) {
            var runs: [Run] = []
            for d in 0..<datasets {
                let seed = UInt64(50_000 + d)
                let (dataset, embedder) = SimulatedAuditData(prompts: prompts, delta: delta, seed: seed).make()
                let options = CalibrationOptions(clustering: .labels, bootstrapResamples: 400, permutationResamples: 999, seed: seed)
                let outcome = try await CalibrationAudit(options: options).run(dataset: dataset, embedder: embedder, scorers: [])
                let overall = try #require(outcome.scorers.first?.overall)
                let power = try #require(overall.power)
                runs.append(Run(verdict: overall.verdict, gap: overall.gap.value, detectable: power.minimumDetectableGap))
            }
            return runs
        }
    }

    @Test("δ = 0: runs read ok or INCONCLUSIVE; flagged either way in no more than the nominal 5% each")
    func fairScorer() async throws {
        let runs = try await Self.simulate(delta: 0)
        let under = runs.filter { $0.verdict == .underRewards }.count
        let over = runs.filter { $0.verdict == .overRewards }.count
        #expect(under <= Self.datasets * 5 / 100, "UNDER-REWARDS in \(under)/\(Self.datasets)")
        #expect(over <= Self.datasets * 5 / 100, "OVER-REWARDS in \(over)/\(Self.datasets)")
        #expect(runs.allSatisfy { ($0.verdict != .underRewards || $0.gap < 0) && ($0.verdict != .overRewards || $0.gap > 0) })
        // Near the target, some runs can and some cannot see |G| = 0.3: both verdicts occur.
        #expect(runs.contains { $0.verdict == .ok } && runs.contains { $0.verdict == .inconclusive })
    }

    @Test("the reported MDE at 40 prompts is within 20% of the |G| detected in 80% of the simulated runs")
    func detectableGap() async throws {
        // Raw under-rewards whose detection rates bracket 80% at 40 prompts (62% and 87%).
        let low = try await Self.simulate(delta: 0.3)
        let high = try await Self.simulate(delta: 0.4)
        func rate(_ runs: [Run]) -> Double { Double(runs.filter { $0.verdict == .underRewards }.count) / Double(runs.count) }
        func meanGap(_ runs: [Run]) -> Double { -runs.map(\.gap).reduce(0, +) / Double(runs.count) }
        func meanDetectable(_ runs: [Run]) -> Double { runs.map(\.detectable).reduce(0, +) / Double(runs.count) }
        let (r0, r1) = (rate(low), rate(high))
        try #require(r0 < 0.8 && 0.8 <= r1, "the grid must bracket 80% power: \(r0), \(r1)")
        // Linear interpolation of the power curve in |G|, and of the reported MDE alongside.
        let t = (0.8 - r0) / (r1 - r0)
        let detected = meanGap(low) + t * (meanGap(high) - meanGap(low))
        let reported = meanDetectable(low) + t * (meanDetectable(high) - meanDetectable(low))
        #expect(abs(reported - detected) <= 0.2 * detected, "reported MDE \(reported), |G| detected with 80% power \(detected)")
    }
}
