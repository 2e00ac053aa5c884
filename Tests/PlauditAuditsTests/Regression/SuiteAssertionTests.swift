import PlauditAudits
import PlauditCore
import Testing

/// Assertion text, absolute verdicts and verdict flips.
@Suite("Suite assertions")
struct SuiteAssertionTests {
    @Test("the text forms parse into metric, field, comparison and direction")
    func parsing() throws {
        let upper = try SuiteAssertion.parse("gap.upper < 0.1")
        #expect(upper.metric == .gap && upper.rule == .absolute(field: .upper, comparison: .less(0.1)))
        let within = try SuiteAssertion.parse("under_reward_rate within [0.4, 0.6]")
        #expect(within.rule == .absolute(field: .value, comparison: .within(0.4, 0.6)))
        #expect(try SuiteAssertion.parse("flip_rate <= 0.15").rule == .absolute(field: .value, comparison: .lessOrEqual(0.15)))
        #expect(try SuiteAssertion.parse("accuracy_premium.lower >= 0").rule == .absolute(field: .lower, comparison: .greaterOrEqual(0)))
        #expect(try SuiteAssertion.parse("sycophancy_preference > -1").rule == .absolute(field: .value, comparison: .greater(-1)))
        #expect(try SuiteAssertion.parse("no regression in gap").rule == .noRegression(worse: .lower))
        #expect(try SuiteAssertion.parse("no regression in sycophancy_preference").rule == .noRegression(worse: .higher))
        #expect(try SuiteAssertion.parse("first_position_rate not higher than baseline").rule == .noRegression(worse: .higher))
        #expect(try SuiteAssertion.parse("gap not lower than baseline", scorer: "j").scorer == "j")
    }

    @Test("bad text is refused with a message that says what is accepted")
    func refusals() {
        let bad: [(String, String)] = [
            ("gapp < 0.1", "unknown metric 'gapp'"),
            ("gap.middle < 0.1", "value, lower or upper"),
            ("gap =< 0.1", "not an operator"),
            ("gap < x", "not a number"),
            ("gap within [0.6, 0.4]", "lower bound is above"),
            ("gap within 0.4, 0.6", "within [A, B]"),
            ("no regression in first_position_rate", "not higher than baseline"),
            ("gap not worse than baseline", "not higher than baseline"),
            ("", "empty"),
        ]
        for (text, message) in bad {
            #expect(throws: SuiteAssertion.SyntaxError.self, "\(text)") { try SuiteAssertion.parse(text) }
            do {
                _ = try SuiteAssertion.parse(text)
            } catch {
                #expect(error.message.contains(message), "\(text): \(error.message)")
            }
        }
    }

    @Test("comparisons: strict and inclusive bounds, NaN never holds")
    func comparisons() {
        #expect(SuiteAssertion.Comparison.less(0.1).holds(for: 0.09))
        #expect(!SuiteAssertion.Comparison.less(0.1).holds(for: 0.1))
        #expect(SuiteAssertion.Comparison.lessOrEqual(0.1).holds(for: 0.1))
        #expect(SuiteAssertion.Comparison.within(0.4, 0.6).holds(for: 0.4) && SuiteAssertion.Comparison.within(0.4, 0.6).holds(for: 0.6))
        #expect(!SuiteAssertion.Comparison.within(0.4, 0.6).holds(for: 0.61))
        #expect(!SuiteAssertion.Comparison.greater(0).holds(for: .nan))
    }

    static func suite(_ assertions: [String], scorer: String? = nil) throws -> RegressionSuite {
        RegressionSuite(
            file: "s.yaml", name: "s", baseline: "b.json", alpha: 0.05, seed: 1, permutations: 999, config: nil, cache: nil, calibrationData: ["d"],
            sycophancyData: nil, rubrics: [], options: SuiteOptions(),
            checks: [SuiteCheck(name: "c", kind: .calibration, scorers: [.localPerplexity], assertions: try assertions.map { try SuiteAssertion.parse($0, scorer: scorer) })])
    }

    @Test("absolute assertions read the estimate's value, lower or upper end; each scorer reporting the metric gets a verdict")
    func absolute() throws {
        let measurements = [
            SuiteMeasurement(check: "c", scorer: "a", metric: .gap, estimate: Estimate(value: -0.2, lower: -0.5, upper: 0.05), units: []),
            SuiteMeasurement(check: "c", scorer: "b", metric: .gap, estimate: Estimate(value: 0.3, lower: 0.1, upper: 0.6), units: []),
            SuiteMeasurement(check: "c", scorer: "a", metric: .underRewardRate, estimate: Estimate(value: 0.55, lower: 0.4, upper: 0.7), units: []),
            SuiteMeasurement(check: "c", scorer: "b", metric: .underRewardRate, estimate: Estimate(value: .nan, lower: .nan, upper: .nan), units: []),
        ]
        let outcomes = SuiteEvaluation(suite: try Self.suite(["gap.upper < 0.1", "under_reward_rate within [0.4, 0.6]", "flip_rate < 0.2"]), baseline: nil, updatingBaseline: false)
            .evaluate(measurements, failures: [:])
        #expect(outcomes.map(\.status) == [.passed, .failed, .passed, .error, .error])
        #expect(outcomes[0].message == "gap.upper = 0.05, < 0.1")
        #expect(outcomes[1].message == "gap.upper = 0.6, expected < 0.1")
        #expect(outcomes[1].name == "gap.upper < 0.1 [b]")
        #expect(outcomes[4].message.contains("reports flip_rate"))
        let only = SuiteEvaluation(suite: try Self.suite(["gap < 0"], scorer: "a"), baseline: nil, updatingBaseline: false).evaluate(measurements, failures: [:])
        #expect(only.map(\.scorer) == ["a"] && only[0].status == .passed)
    }

    @Test("relative assertions: an error without a baseline, skipped while writing one, an error for a check that did not run")
    func relativeWithoutBaseline() throws {
        let measurements = [SuiteMeasurement(check: "c", scorer: "a", metric: .gap, estimate: nil, units: [SuiteUnit(id: "p", value: 0)])]
        let suite = try Self.suite(["no regression in gap"])
        let none = SuiteEvaluation(suite: suite, baseline: nil, updatingBaseline: false).evaluate(measurements, failures: [:])
        #expect(none[0].status == .error && none[0].message.contains("--update-baseline"))
        let writing = SuiteEvaluation(suite: suite, baseline: nil, updatingBaseline: true).evaluate(measurements, failures: [:])
        #expect(writing[0].status == .skipped)
        let failed = SuiteEvaluation(suite: suite, baseline: nil, updatingBaseline: false).evaluate([], failures: ["c": "the server is down"])
        #expect(failed[0].status == .error && failed[0].message.contains("the server is down"))
        // Nothing changed: p = 1, passes.
        let same = SuiteEvaluation(suite: suite, baseline: SuiteBaseline(suite: "s", rubrics: [], measurements: measurements), updatingBaseline: false)
            .evaluate(measurements, failures: [:])
        #expect(same[0].status == .passed && same[0].pValue == 1 && same[0].flips.isEmpty)
    }

    @Test("per-unit verdicts: gap < 0, U > 0.5, flipped, warm-wrong above neutral-correct")
    func verdicts() {
        #expect(SuiteMetric.gap.verdict(-0.01) && !SuiteMetric.gap.verdict(0))
        #expect(SuiteMetric.underRewardRate.verdict(0.75) && !SuiteMetric.underRewardRate.verdict(0.5))
        #expect(SuiteMetric.flipRate.verdict(1) && !SuiteMetric.flipRate.verdict(0))
        #expect(SuiteMetric.sycophancyPreference.verdict(1) && !SuiteMetric.sycophancyPreference.verdict(0.5))
        let flips = VerdictFlips.between(
            baseline: [SuiteUnit(id: "a", value: 0.2), SuiteUnit(id: "b", value: -0.1), SuiteUnit(id: "c", value: 0.3)],
            current: [SuiteUnit(id: "b", value: 0.4), SuiteUnit(id: "a", value: -0.3), SuiteUnit(id: "c", value: 0.1), SuiteUnit(id: "d", value: -1)],
            metric: .gap)
        #expect(flips == [
            VerdictFlip(id: "a", before: false, after: true, beforeValue: 0.2, afterValue: -0.3),
            VerdictFlip(id: "b", before: true, after: false, beforeValue: -0.1, afterValue: 0.4),
        ])
    }
}
