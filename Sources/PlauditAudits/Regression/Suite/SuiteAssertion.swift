/// One assertion of a suite check: an absolute bound on a metric, or "no significant
/// regression against the stored baseline".
///
/// Written as text in the suite file:
/// - `gap.upper < 0.1`, `flip_rate <= 0.2`, `under_reward_rate within [0.4, 0.6]`: the metric's
///   value (default), or the lower or upper end of its interval (`.lower`, `.upper`), against a
///   bound;
/// - `no regression in gap`: a paired one-sided test against the baseline, in the metric's
///   default worse direction; `first_position_rate not higher than baseline` (or `not lower`)
///   names the direction.
public struct SuiteAssertion: Hashable, Sendable {
    /// Which part of a metric's estimate an absolute assertion reads.
    public enum Field: String, Codable, Hashable, Sendable {
        case value, lower, upper
    }

    /// A comparison of an observed number against bounds.
    public enum Comparison: Hashable, Sendable {
        case less(Double), lessOrEqual(Double), greater(Double), greaterOrEqual(Double)
        case within(Double, Double)

        /// Whether `observed` meets the comparison (NaN never does).
        public func holds(for observed: Double) -> Bool {
            guard !observed.isNaN else { return false }
            switch self {
            case .less(let b): return observed < b
            case .lessOrEqual(let b): return observed <= b
            case .greater(let b): return observed > b
            case .greaterOrEqual(let b): return observed >= b
            case .within(let a, let b): return a <= observed && observed <= b
            }
        }

        /// The comparison as written, for messages: `< 0.1`, `within [0.4, 0.6]`.
        public var text: String {
            switch self {
            case .less(let b): "< \(Self.number(b))"
            case .lessOrEqual(let b): "<= \(Self.number(b))"
            case .greater(let b): "> \(Self.number(b))"
            case .greaterOrEqual(let b): ">= \(Self.number(b))"
            case .within(let a, let b): "within [\(Self.number(a)), \(Self.number(b))]"
            }
        }

        static func number(_ x: Double) -> String {
            x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
        }
    }

    /// Which way of change counts as a regression.
    public enum Direction: String, Codable, Hashable, Sendable {
        case higher, lower
    }

    /// What the assertion checks.
    public enum Rule: Hashable, Sendable {
        case absolute(field: Field, comparison: Comparison)
        case noRegression(worse: Direction)
    }

    public var metric: SuiteMetric
    public var rule: Rule
    /// Only this scorer (by its name in results); `nil` for every scorer of the check that
    /// reports the metric.
    public var scorer: String?
    /// The assertion as the suite wrote it.
    public var text: String

    public init(metric: SuiteMetric, rule: Rule, scorer: String? = nil, text: String) {
        self.metric = metric
        self.rule = rule
        self.scorer = scorer
        self.text = text
    }

    /// Whether the assertion compares against the baseline.
    public var isRelative: Bool {
        if case .noRegression = rule { return true }
        return false
    }
}
