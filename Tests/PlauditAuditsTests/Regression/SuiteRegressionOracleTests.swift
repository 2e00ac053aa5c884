import Foundation
import PlauditAudits
import PlauditCore
import PlauditStats
import Testing

/// The suite's paired test and Benjamini–Hochberg step against scipy 1.17.1
/// (`Oracles/suite_regression_oracle.py`, exact sign-flip enumeration).
@Suite("Suite regression test against scipy")
struct SuiteRegressionOracleTests {
    struct Case: Decodable {
        var name: String
        var worse: String
        var baseline: [String: Double]
        var current: [String: Double]
        var units: Int
        var meanWorseChange: Double
        var pValue: Double
        var qValue: Double

        enum CodingKeys: String, CodingKey {
            case name, worse, baseline, current, units
            case meanWorseChange = "mean_worse_change"
            case pValue = "p_value"
            case qValue = "q_value"
        }
    }

    struct Oracle: Decodable {
        var cases: [Case]
    }

    static func oracle() throws -> Oracle {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Oracles/suite_regression_oracle.json")
        return try JSONDecoder().decode(Oracle.self, from: Data(contentsOf: url))
    }

    static func units(_ values: [String: Double]) -> [SuiteUnit] {
        values.map { SuiteUnit(id: $0.key, value: $0.value) }
    }

    @Test("paired one-sided sign-flip test on the common units: units, mean change and p equal scipy's")
    func pairedTest() throws {
        for c in try Self.oracle().cases {
            let result = PairedRegressionTest(permutations: 9_999, seed: 1)
                .test(baseline: Self.units(c.baseline), current: Self.units(c.current), worse: c.worse == "higher" ? .higher : .lower)
            #expect(result.units == c.units, "\(c.name)")
            #expect(abs(result.meanWorseChange - c.meanWorseChange) < 1e-12, "\(c.name)")
            #expect(abs(result.pValue - c.pValue) < 1e-12, "\(c.name): \(result.pValue) vs \(c.pValue)")
        }
    }

    @Test("BH across the suite's relative assertions: q equals scipy's, and a failure needs q < α and a worse mean change")
    func evaluation() throws {
        let cases = try Self.oracle().cases
        let metrics: [SuiteMetric] = [.gap, .underRewardRate, .flipRate, .sycophancyPreference]
        var checks: [SuiteCheck] = []
        var baseline: [SuiteMeasurement] = []
        var current: [SuiteMeasurement] = []
        for (c, metric) in zip(cases, metrics) {
            let worse: SuiteAssertion.Direction = c.worse == "higher" ? .higher : .lower
            #expect(metric.defaultWorse == worse)
            let kind = metric.checkKind
            checks.append(SuiteCheck(
                name: c.name, kind: kind, scorers: [.localPerplexity],
                assertions: [SuiteAssertion(metric: metric, rule: .noRegression(worse: worse), text: "no regression in \(metric.rawValue)")]))
            baseline.append(SuiteMeasurement(check: c.name, scorer: "s", metric: metric, estimate: nil, units: Self.units(c.baseline)))
            current.append(SuiteMeasurement(check: c.name, scorer: "s", metric: metric, estimate: nil, units: Self.units(c.current)))
        }
        let suite = RegressionSuite(
            file: "s.yaml", name: "s", baseline: "b.json", alpha: 0.05, seed: 7, permutations: 9_999, config: nil, cache: nil,
            calibrationData: ["d.jsonl"], sycophancyData: "v.jsonl", rubrics: [], options: SuiteOptions(), checks: checks)
        let outcomes = SuiteEvaluation(suite: suite, baseline: SuiteBaseline(suite: "s", rubrics: [], measurements: baseline), updatingBaseline: false)
            .evaluate(current, failures: [:])
        #expect(outcomes.count == 4)
        for (outcome, c) in zip(outcomes, cases) {
            #expect(abs((outcome.qValue ?? .nan) - c.qValue) < 1e-12, "\(c.name): \(String(describing: outcome.qValue)) vs \(c.qValue)")
            let regressed = c.qValue < 0.05 && c.meanWorseChange > 0
            #expect(outcome.status == (regressed ? .failed : .passed), "\(c.name): \(outcome.message)")
        }
        // gap-drop: of the 8 prompts in common, 4 went from gap ≥ 0 to gap < 0.
        let flips = outcomes[0].flips
        #expect(flips.map(\.id) == ["p1", "p4", "p6", "p7"])
        #expect(flips.allSatisfy { !$0.before && $0.after })
    }
}
