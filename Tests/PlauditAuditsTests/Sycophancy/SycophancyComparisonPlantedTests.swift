import PlauditCore
import PlauditStats
import PlauditTesting
import Testing

@testable import PlauditAudits

/// The acceptance bar of the model comparison (issue 18): a base policy against a "warm" one
/// whose error rate is 10 points higher in the emotional contexts and 20 points higher for a sad
/// user with a wrong belief, over 200 seeded datasets of 100 items; the interaction
/// (sad × incorrect against none × none, true value 20 points) is covered by its 95% bootstrap
/// interval in ≥ 90% of datasets, and two identical policies are flagged different (a condition
/// with BH q < 0.05) in ≤ 8% (nominal 5%).
@Suite("Sycophancy model comparison: planted effects")
struct SycophancyComparisonPlantedTests {
    static let datasets = 200
    static let items = 100
    static let contexts = [("none", "none"), ("happy", "emotion"), ("sad", "emotion"), ("close", "relation")]
    static let beliefs: [SycophancyBelief] = [.none, .incorrect]
    static var conditions: [SycophancyCondition] {
        contexts.flatMap { context in beliefs.map { SycophancyCondition(context: context.0, belief: $0) } }
    }
    static var groups: [String: String] { Dictionary(uniqueKeysWithValues: contexts) }

    /// The warm policy's extra error probability in a condition.
    static func planted(_ condition: SycophancyCondition) -> Double {
        if condition == SycophancyCondition(context: "sad", belief: .incorrect) { return 0.20 }
        return groups[condition.context] == "emotion" ? 0.10 : 0
    }

    /// One dataset: per item a base error probability in [0.1, 0.4] (+0.05 with a wrong belief);
    /// the two policies share their uniform draw half the time (answers to the same item are
    /// correlated), and each refuses 3% of probes.
    static func dataset(seed: UInt64, shift: (SycophancyCondition) -> Double) -> (PolicyGrades, PolicyGrades) {
        var generator = SeededGenerator(seed: seed)
        var base: [SycophancyCondition: [String: AnswerGrade?]] = [:]
        var warm = base
        func grade(_ u: Double, _ p: Double, _ refusal: Double) -> AnswerGrade {
            refusal < 0.03 ? .refusal : (u < p ? .incorrect : .correct)
        }
        for i in 0..<items {
            let item = "item-\(i)"
            let difficulty = 0.1 + 0.3 * generator.nextUnitDouble()
            for condition in conditions {
                let p = difficulty + (condition.belief == .incorrect ? 0.05 : 0)
                let u = generator.nextUnitDouble()
                let shared = generator.nextUnitDouble() < 0.5
                let v = shared ? u : generator.nextUnitDouble()
                base[condition, default: [:]][item] = .some(grade(u, p, generator.nextUnitDouble()))
                warm[condition, default: [:]][item] = .some(grade(v, p + shift(condition), generator.nextUnitDouble()))
            }
        }
        return (PolicyGrades(name: "original", grades: base), PolicyGrades(name: "warm", grades: warm))
    }

    static func run(seed: UInt64, shift: @escaping @Sendable (SycophancyCondition) -> Double) async -> [PolicyComparisonResult] {
        await withTaskExecutorPreference(DedicatedExecutor(label: "comparison-planted")) {
            (0..<datasets).map { d in
                let (base, warm) = dataset(seed: seed + UInt64(d), shift: shift)
                return SycophancyModelComparison(resamples: 1_000, seed: seed + UInt64(d))
                    .compare(baseline: base, policy: warm, conditions: conditions, groups: groups)
            }
        }
    }

    static func covers(_ e: Estimate?, _ truth: Double) -> Bool {
        guard let e else { return false }
        return e.lower <= truth && truth <= e.upper
    }

    @Test("warm +10 points in emotional contexts, +20 for sad × incorrect: the interaction covered in ≥ 90%")
    func interactionIsCovered() async throws {
        let results = await Self.run(seed: 18_000, shift: Self.planted)
        let sad = SycophancyCondition(context: "sad", belief: .incorrect)
        var covered: [SycophancyCondition: Int] = [:]
        var detected = 0
        var leading = 0
        for result in results {
            for row in result.conditions {
                let condition = SycophancyCondition(context: row.context!, belief: row.belief!)
                if Self.covers(row.interaction, 100 * Self.planted(condition)) { covered[condition, default: 0] += 1 }
            }
            let row = try #require(result.conditions.first { $0.context == "sad" && $0.belief == .incorrect })
            if (row.qValue ?? 1) < 0.05 { detected += 1 }
            if result.conditions.max(by: { ($0.deltaPoints ?? -.infinity) < ($1.deltaPoints ?? -.infinity) }) == row { leading += 1 }
        }
        let rates = Self.conditions.dropFirst().map { "\($0): \(covered[$0, default: 0])" }.joined(separator: ", ")
        print("planted: interaction covered of \(Self.datasets): \(rates); sad × incorrect detected (q < 0.05) \(detected), largest Δ \(leading)")
        #expect(covered[sad, default: 0] >= 180, "sad × incorrect interaction covered \(covered[sad, default: 0])/200")
        // Every other condition's interaction is covered at a similar rate (all are estimated alike).
        for condition in Self.conditions.dropFirst() {
            #expect(covered[condition, default: 0] >= 176, "\(condition): covered \(covered[condition, default: 0])/200")
        }
        // The emotional pool: Δ around (3 × 10 + 20) / 4 = 12.5 points.
        let emotional = results.compactMap { $0.pooled.first { $0.label == "emotional contexts" }?.deltaPoints }
        let mean = emotional.reduce(0, +) / Double(emotional.count)
        #expect(abs(mean - 50.0 / 4.0) < 1.5, "mean emotional Δ \(mean) (planted 12.5)")
        #expect(leading >= 150, "sad × incorrect has the largest Δ in \(leading)/200")
    }

    @Test("two identical policies: flagged different (a condition with q < 0.05) in ≤ 8%")
    func identicalPoliciesAreRarelyFlagged() async throws {
        let results = await Self.run(seed: 28_000) { _ in 0 }
        let flagged = results.filter { $0.conditions.contains { ($0.qValue ?? 1) < 0.05 } }.count
        let pooledFlagged = results.filter { $0.pooled.contains { ($0.qValue ?? 1) < 0.05 } }.count
        let sadCovered = results.filter { Self.covers($0.conditions.first { $0.context == "sad" && $0.belief == .incorrect }?.interaction, 0) }.count
        print("identical: flagged \(flagged), pooled rows flagged \(pooledFlagged), sad × incorrect interaction covers 0 in \(sadCovered) of \(Self.datasets)")
        #expect(flagged <= 16, "flagged \(flagged)/200")
        #expect(pooledFlagged <= 16, "pooled rows flagged \(pooledFlagged)/200")
        #expect(sadCovered >= 180, "interaction covers 0 in \(sadCovered)/200")
    }
}
