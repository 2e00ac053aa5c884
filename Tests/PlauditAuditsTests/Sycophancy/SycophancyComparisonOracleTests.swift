import Foundation
import PlauditCore
import PlauditStats
import Testing

@testable import PlauditAudits

/// The model comparison against statsmodels and scipy: pairs, accuracies, Δ, discordant
/// counts, McNemar exact p, odds ratio, Cohen's g, BH q-values (over the conditions with a
/// discordant pair) and the interaction's point value, on a seeded two-policy grade table
/// (Oracles/make_sycophancy_comparison_oracle.py → Oracles/sycophancy_comparison.json).
@Suite("Sycophancy model comparison against the statsmodels oracle")
struct SycophancyComparisonOracleTests {
    struct Oracle: Decodable {
        struct Grade: Decodable {
            var item: String
            var context: String
            var contextGroup: String
            var belief: String
            var baseline: String?
            var policy: String?

            enum CodingKeys: String, CodingKey {
                case item, context, belief, baseline, policy
                case contextGroup = "context_group"
            }
        }
        struct Row: Decodable {
            var context: String?
            var belief: String?
            var label: String?
            var pairs: Int
            var b: Int
            var c: Int
            var baselineAccuracy: Double?
            var policyAccuracy: Double?
            var deltaPoints: Double?
            var p: Double?
            var q: Double?
            var oddsRatio: Double?
            var cohensG: Double?
            var interaction: Double?

            enum CodingKeys: String, CodingKey {
                case context, belief, label, pairs, b, c, p, q, interaction
                case baselineAccuracy = "baseline_accuracy"
                case policyAccuracy = "policy_accuracy"
                case deltaPoints = "delta_points"
                case oddsRatio = "odds_ratio"
                case cohensG = "cohens_g"
            }
        }
        var grades: [Grade]
        var conditions: [Row]
        var pooled: [Row]

        static func load() throws -> Oracle {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Oracles/sycophancy_comparison.json")
            return try JSONDecoder().decode(Oracle.self, from: Data(contentsOf: url))
        }
    }

    /// The two policies' grades, the design order and the context groups of the oracle's table.
    static func inputs(_ oracle: Oracle) throws -> (PolicyGrades, PolicyGrades, [SycophancyCondition], [String: String]) {
        var baseline: [SycophancyCondition: [String: AnswerGrade?]] = [:]
        var policy = baseline
        var order: [SycophancyCondition] = []
        var groups: [String: String] = [:]
        for row in oracle.grades {
            let condition = SycophancyCondition(context: row.context, belief: try #require(SycophancyBelief(rawValue: row.belief)))
            if baseline[condition] == nil { order.append(condition) }
            groups[row.context] = row.contextGroup
            baseline[condition, default: [:]][row.item] = .some(row.baseline.flatMap(AnswerGrade.init(rawValue:)))
            policy[condition, default: [:]][row.item] = .some(row.policy.flatMap(AnswerGrade.init(rawValue:)))
        }
        return (PolicyGrades(name: "original", grades: baseline), PolicyGrades(name: "warm", grades: policy), order, groups)
    }

    static func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-12) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): abs(a - b) <= tolerance * max(1, abs(b))
        default: false
        }
    }

    static func check(_ actual: PolicyComparisonRow, _ expected: Oracle.Row, _ label: String) {
        let counts: [Int] = [actual.pairs, actual.b, actual.c]
        #expect(counts == [expected.pairs, expected.b, expected.c], "\(label): counts")
        #expect(close(actual.baselineAccuracy, expected.baselineAccuracy), "\(label): baseline accuracy")
        #expect(close(actual.policyAccuracy, expected.policyAccuracy), "\(label): policy accuracy")
        #expect(close(actual.deltaPoints, expected.deltaPoints), "\(label): Δ \(String(describing: actual.deltaPoints))")
        #expect(close(actual.pValue, expected.p, 1e-11), "\(label): p \(String(describing: actual.pValue)) vs \(String(describing: expected.p))")
        #expect(close(actual.qValue, expected.q, 1e-11), "\(label): q \(String(describing: actual.qValue)) vs \(String(describing: expected.q))")
        #expect(close(actual.oddsRatio, expected.oddsRatio), "\(label): odds ratio \(String(describing: actual.oddsRatio))")
        #expect(close(actual.cohensG, expected.cohensG), "\(label): Cohen's g \(String(describing: actual.cohensG))")
        #expect(close(actual.interaction?.value, expected.interaction, 1e-10), "\(label): interaction")
    }

    @Test("36 conditions and 3 pooled rows: counts, accuracies, Δ, p, q, odds ratio, Cohen's g, interaction equal the oracle's")
    func rows() throws {
        let oracle = try Oracle.load()
        let (baseline, policy, order, groups) = try Self.inputs(oracle)
        let result = SycophancyModelComparison(resamples: 200, seed: 7).compare(baseline: baseline, policy: policy, conditions: order, groups: groups)
        #expect(result.conditions.count == 36 && oracle.conditions.count == 36)
        for (actual, expected) in zip(result.conditions, oracle.conditions) {
            let label = "\(expected.context!) × \(expected.belief!)"
            #expect(actual.context == expected.context && actual.belief?.rawValue == expected.belief, "\(label): order")
            Self.check(actual, expected, label)
        }
        #expect(result.pooled.map(\.label) == oracle.pooled.map(\.label!))
        for (actual, expected) in zip(result.pooled, oracle.pooled) { Self.check(actual, expected, expected.label!) }
    }

    @Test("the edge cases: no discordant pair is kept out of BH; c = 0 gives the Haldane odds ratio; no pairs gives no test")
    func edgeCases() throws {
        let oracle = try Oracle.load()
        let (baseline, policy, order, groups) = try Self.inputs(oracle)
        let result = SycophancyModelComparison(resamples: 200, seed: 7).compare(baseline: baseline, policy: policy, conditions: order, groups: groups)
        let alike = try #require(result.conditions.first { $0.context == "close" && $0.belief == .neutral })
        #expect(alike.b == 0 && alike.c == 0 && alike.pValue == 1 && alike.qValue == nil && alike.oddsRatio == nil && alike.cohensG == nil)
        let onlyNew = try #require(result.conditions.first { $0.context == "high-stakes" && $0.belief == .deniesCorrect })
        #expect(onlyNew.c == 0 && onlyNew.b > 0 && onlyNew.oddsRatio == (Double(onlyNew.b) + 0.5) / 0.5 && onlyNew.cohensG == 0.5)
        let failed = try #require(result.conditions.first { $0.context == "low-stakes" && $0.belief == .deniesCorrect })
        #expect(failed.pairs == 0 && failed.pValue == nil && failed.deltaPoints == nil && failed.interaction == nil)
        #expect(result.conditions.compactMap(\.qValue).count == 34)
        #expect(result.multipleTesting.contains("34 conditions"))
        // The planted sad × incorrect interaction is the largest among the conditions, and its
        // bootstrap interval holds its point value.
        let sad = try #require(result.conditions.first { $0.context == "sad" && $0.belief == .incorrect }?.interaction)
        #expect(result.conditions.allSatisfy { ($0.interaction?.value ?? 0) <= sad.value })
        #expect(sad.lower < sad.value && sad.value < sad.upper)
    }

    @Test("the effect sizes on hand counts")
    func effectSizes() {
        #expect(McNemarEffectSizes.oddsRatio(b: 6, c: 3) == 2)
        #expect(McNemarEffectSizes.oddsRatio(b: 0, c: 3) == 0.5 / 3.5)
        #expect(McNemarEffectSizes.oddsRatio(b: 0, c: 0) == nil)
        #expect(McNemarEffectSizes.cohensG(b: 3, c: 9) == 0.25)
        #expect(McNemarEffectSizes.cohensG(b: 4, c: 4) == 0)
        #expect(McNemarEffectSizes.cohensG(b: 0, c: 0) == nil)
    }

    @Test("the bootstrap is seeded: the same seed gives the same intervals, another seed others")
    func seeded() throws {
        let oracle = try Oracle.load()
        let (baseline, policy, order, groups) = try Self.inputs(oracle)
        let one = SycophancyModelComparison(resamples: 300, seed: 11).compare(baseline: baseline, policy: policy, conditions: order, groups: groups)
        let again = SycophancyModelComparison(resamples: 300, seed: 11).compare(baseline: baseline, policy: policy, conditions: order, groups: groups)
        let other = SycophancyModelComparison(resamples: 300, seed: 12).compare(baseline: baseline, policy: policy, conditions: order, groups: groups)
        #expect(one == again)
        #expect(one.conditions.map(\.interaction) != other.conditions.map(\.interaction))
        #expect(one.pooled.allSatisfy { $0.deltaInterval.map { $0.lower <= $0.value && $0.value <= $0.upper } ?? false })
    }

    @Test("several policies: every pair in order, or each against --baseline")
    func pairs() throws {
        let oracle = try Oracle.load()
        let (baseline, policy, order, groups) = try Self.inputs(oracle)
        let third = PolicyGrades(name: "cold", grades: baseline.grades)
        let comparison = SycophancyModelComparison(resamples: 50, seed: 1)
        let all = comparison.compareAll([baseline, policy, third], baseline: nil, conditions: order, groups: groups)
        #expect(all.map { "\($0.baseline)/\($0.policy)" } == ["original/warm", "original/cold", "warm/cold"])
        let against = comparison.compareAll([policy, baseline, third], baseline: "original", conditions: order, groups: groups)
        #expect(against.map { "\($0.baseline)/\($0.policy)" } == ["original/warm", "original/cold"])
        // Identical grades: no discordant pair anywhere, Δ 0.
        #expect(against[1].conditions.allSatisfy { $0.b == 0 && $0.c == 0 && ($0.deltaPoints ?? 0) == 0 })
    }
}
