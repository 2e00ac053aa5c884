import Foundation

extension SuiteAssertion {
    /// A problem with an assertion's text; the message says what is accepted.
    public struct SyntaxError: Error, Hashable, Sendable {
        public var message: String
    }

    static let grammar =
        "write METRIC[.value|.lower|.upper] (< | <= | > | >=) NUMBER, METRIC[.field] within [A, B], "
        + "no regression in METRIC, or METRIC not (higher | lower) than baseline"

    /// Parses the text form (see the type's documentation).
    public static func parse(_ text: String, scorer: String? = nil) throws(SyntaxError) -> SuiteAssertion {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let words = trimmed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { throw SyntaxError(message: "empty assertion; " + grammar) }

        // Relative forms.
        if words.count == 4, words[0] == "no", words[1] == "regression", words[2] == "in" {
            let metric = try metricNamed(words[3])
            guard let worse = metric.defaultWorse else {
                throw SyntaxError(
                    message: "\(metric.rawValue) has no default worse direction; write `\(metric.rawValue) not higher than baseline` or `not lower than baseline`")
            }
            return SuiteAssertion(metric: metric, rule: .noRegression(worse: worse), scorer: scorer, text: trimmed)
        }
        if words.count == 5, words[1] == "not", words[3] == "than", words[4] == "baseline" {
            let metric = try metricNamed(words[0])
            guard let worse = Direction(rawValue: words[2]) else {
                throw SyntaxError(message: "'\(words[2])': write `not higher than baseline` or `not lower than baseline`")
            }
            return SuiteAssertion(metric: metric, rule: .noRegression(worse: worse), scorer: scorer, text: trimmed)
        }

        // Absolute forms: the subject, then the comparison.
        let subject = words[0]
        let parts = subject.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2 else { throw SyntaxError(message: "'\(subject)': " + grammar) }
        let metric = try metricNamed(parts[0])
        var field = Field.value
        if parts.count == 2 {
            guard let named = Field(rawValue: parts[1]) else {
                throw SyntaxError(message: "'\(subject)': the field after the dot is value, lower or upper")
            }
            field = named
        }
        let rest = words.dropFirst().joined(separator: " ")
        let comparison: Comparison
        if rest.hasPrefix("within") {
            let inner = rest.dropFirst("within".count).trimmingCharacters(in: .whitespaces)
            guard inner.hasPrefix("["), inner.hasSuffix("]") else {
                throw SyntaxError(message: "'\(trimmed)': write within [A, B]")
            }
            let bounds = inner.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard bounds.count == 2, let a = Double(bounds[0]), let b = Double(bounds[1]), a.isFinite, b.isFinite else {
                throw SyntaxError(message: "'\(trimmed)': write within [A, B] with two numbers")
            }
            guard a <= b else { throw SyntaxError(message: "'\(trimmed)': the interval's lower bound is above its upper bound") }
            comparison = .within(a, b)
        } else {
            let tokens = rest.split(separator: " ").map(String.init)
            guard tokens.count == 2 else { throw SyntaxError(message: "'\(trimmed)': " + grammar) }
            guard let bound = Double(tokens[1]), bound.isFinite else {
                throw SyntaxError(message: "'\(trimmed)': '\(tokens[1])' is not a number")
            }
            switch tokens[0] {
            case "<": comparison = .less(bound)
            case "<=": comparison = .lessOrEqual(bound)
            case ">": comparison = .greater(bound)
            case ">=": comparison = .greaterOrEqual(bound)
            default: throw SyntaxError(message: "'\(tokens[0])' is not an operator; use <, <=, >, >= or within [A, B]")
            }
        }
        return SuiteAssertion(metric: metric, rule: .absolute(field: field, comparison: comparison), scorer: scorer, text: trimmed)
    }

    static func metricNamed(_ name: String) throws(SyntaxError) -> SuiteMetric {
        guard let metric = SuiteMetric(rawValue: name) else {
            throw SyntaxError(message: "unknown metric '\(name)'; the metrics are " + SuiteMetric.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return metric
    }
}
