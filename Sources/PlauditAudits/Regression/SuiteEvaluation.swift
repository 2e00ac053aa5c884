import PlauditCore
import Foundation
import PlauditStats

/// Decides every assertion of a suite run: absolute bounds on the run's estimates, and paired
/// tests against the baseline with Benjamini–Hochberg across all of the suite's relative
/// assertions. A relative assertion fails only when its q-value is below α **and** the mean
/// change points the worse way.
public struct SuiteEvaluation: Sendable {
    public var suite: RegressionSuite
    public var baseline: SuiteBaseline?
    /// `--update-baseline`: relative assertions are skipped (the baseline is being written).
    public var updatingBaseline: Bool

    public init(suite: RegressionSuite, baseline: SuiteBaseline?, updatingBaseline: Bool) {
        self.suite = suite
        self.baseline = baseline
        self.updatingBaseline = updatingBaseline
    }

    /// Outcomes in suite order: per check, per assertion, per scorer reporting the metric.
    /// `failures` holds the checks that could not run, with why.
    public func evaluate(_ measurements: [SuiteMeasurement], failures: [String: String], seconds: [String: Double] = [:]) -> [AssertionOutcome] {
        var outcomes: [AssertionOutcome] = []
        // Indices of relative outcomes still waiting for their q-value, with their p-value and change.
        var pending: [(index: Int, p: Double, change: Double, units: Int, worse: SuiteAssertion.Direction)] = []
        for check in suite.checks {
            if let reason = failures[check.name] {
                for assertion in check.assertions {
                    outcomes.append(AssertionOutcome(
                        check: check.name, scorer: assertion.scorer, assertion: assertion, status: .error,
                        message: "check '\(check.name)' could not run: \(reason)"))
                }
                continue
            }
            let found = measurements.filter { $0.check == check.name }
            let caseCount = check.assertions.reduce(0) { total, a in
                total + max(1, found.filter { $0.metric == a.metric && (a.scorer == nil || a.scorer == $0.scorer) }.count)
            }
            let share = (seconds[check.name] ?? 0) / Double(max(1, caseCount))
            for assertion in check.assertions {
                let targets = found.filter { $0.metric == assertion.metric && (assertion.scorer == nil || assertion.scorer == $0.scorer) }
                if targets.isEmpty {
                    let scorers = Set(found.map(\.scorer)).sorted().joined(separator: ", ")
                    let what = assertion.scorer.map { "scorer '\($0)'" } ?? "no scorer"
                    outcomes.append(AssertionOutcome(
                        check: check.name, scorer: assertion.scorer, assertion: assertion, status: .error,
                        message: "\(what) of check '\(check.name)' reports \(assertion.metric.rawValue) (its scorers: \(scorers.isEmpty ? "none" : scorers))",
                        seconds: share))
                    continue
                }
                for measurement in targets {
                    let stored = baseline?.measurement(check: check.name, scorer: measurement.scorer, metric: assertion.metric)
                    let flips = stored.map { VerdictFlips.between(baseline: $0.units, current: measurement.units, metric: assertion.metric) } ?? []
                    var outcome = AssertionOutcome(
                        check: check.name, scorer: measurement.scorer, assertion: assertion, status: .passed, message: "", flips: flips, seconds: share)
                    switch assertion.rule {
                    case .absolute(let field, let comparison):
                        Self.decide(&outcome, measurement: measurement, field: field, comparison: comparison)
                    case .noRegression(let worse):
                        if updatingBaseline {
                            outcome.status = .skipped
                            outcome.message = "skipped while the baseline is being written"
                        } else if let stored {
                            let seed = suite.seed ^ Self.stream("\(check.name)|\(measurement.scorer)|\(assertion.metric.rawValue)")
                            let result = PairedRegressionTest(permutations: suite.permutations, seed: seed)
                                .test(baseline: stored.units, current: measurement.units, worse: worse)
                            outcome.pairedUnits = result.units
                            outcome.observed = worse == .higher ? result.meanWorseChange : -result.meanWorseChange
                            outcome.pValue = result.pValue
                            if result.units == 0 {
                                outcome.status = .error
                                outcome.message = "no \(assertion.metric.unitName) is in both this run and the baseline; rerun with --update-baseline if the data changed"
                            } else {
                                pending.append((outcomes.count, result.pValue, result.meanWorseChange, result.units, worse))
                            }
                        } else if baseline != nil {
                            outcome.status = .error
                            outcome.message = "the baseline has no \(assertion.metric.rawValue) for scorer '\(measurement.scorer)' in check '\(check.name)'; run plaudit test --update-baseline"
                        } else {
                            outcome.status = .error
                            outcome.message = "no baseline at \(suite.baseline); write one with plaudit test --update-baseline"
                        }
                    }
                    outcomes.append(outcome)
                }
            }
        }
        let q = BenjaminiHochberg.adjust(pending.map { $0.p })
        for (k, entry) in pending.enumerated() {
            var outcome = outcomes[entry.index]
            outcome.qValue = q[k]
            let metric = outcome.assertion.metric
            let worseWord = entry.worse == .higher ? "higher" : "lower"
            let change = Self.number(entry.worse == .higher ? entry.change : -entry.change)
            let regressed = q[k] < suite.alpha && entry.change > 0
            outcome.status = regressed ? .failed : .passed
            outcome.message =
                "\(metric.rawValue): mean change \(change) per \(metric.unitName) over \(entry.units) \(metric.unitName)s (\(worseWord) is worse); "
                + "one-sided p = \(Self.number(entry.p)), BH q = \(Self.number(q[k])) \(q[k] < suite.alpha ? "<" : "≥") α = \(Self.number(suite.alpha)): "
                + (regressed ? "significant regression" : entry.change > 0 ? "no significant regression"
                    : entry.change == 0 ? "no change" : "no regression (the change is the better way)")
            outcomes[entry.index] = outcome
        }
        return outcomes
    }

    static func decide(_ outcome: inout AssertionOutcome, measurement: SuiteMeasurement, field: SuiteAssertion.Field, comparison: SuiteAssertion.Comparison) {
        let subject = field == .value ? measurement.metric.rawValue : "\(measurement.metric.rawValue).\(field.rawValue)"
        guard let estimate = measurement.estimate else {
            outcome.status = .error
            outcome.message = "\(subject): the results give no estimate (no units measured?)"
            return
        }
        let observed = switch field {
        case .value: estimate.value
        case .lower: estimate.lower
        case .upper: estimate.upper
        }
        outcome.observed = observed
        guard observed.isFinite else {
            outcome.status = .error
            outcome.message = "\(subject) is not a number in the results (no units measured?)"
            return
        }
        if comparison.holds(for: observed) {
            outcome.status = .passed
            outcome.message = "\(subject) = \(number(observed)), \(comparison.text)"
        } else {
            outcome.status = .failed
            outcome.message = "\(subject) = \(number(observed)), expected \(comparison.text)"
        }
    }

    /// Four significant digits, for messages.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        if x == 0 { return "0" }
        if abs(x) < 1e-3 { return String(format: "%.3g", x) }
        return String(format: "%.4g", x)
    }

    /// A stable 64-bit stream id for a name (FNV-1a), so every assertion gets its own seed.
    static func stream(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
