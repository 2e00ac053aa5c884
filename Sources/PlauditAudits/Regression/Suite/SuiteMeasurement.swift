public import PlauditCore

/// One metric of one scorer in one check of a suite run: the estimate absolute assertions read,
/// and the per-unit values a paired test compares against the baseline.
public struct SuiteMeasurement: Codable, Hashable, Sendable {
    public var check: String
    public var scorer: String
    public var metric: SuiteMetric
    /// The run's estimate with its interval; `nil` where the results gave none.
    public var estimate: Estimate?
    /// Per unit (prompt, pair or probe; see ``SuiteMetric/unitName``), sorted by id.
    public var units: [SuiteUnit]

    public init(check: String, scorer: String, metric: SuiteMetric, estimate: Estimate?, units: [SuiteUnit]) {
        self.check = check
        self.scorer = scorer
        self.metric = metric
        self.estimate = estimate
        self.units = units.sorted { $0.id < $1.id }
    }
}

/// A unit's value of a metric: a prompt's gap, a pair's flip (0 or 1), a probe's preference.
public struct SuiteUnit: Codable, Hashable, Sendable {
    public var id: String
    public var value: Double

    public init(id: String, value: Double) {
        self.id = id
        self.value = value
    }
}

/// The stored baseline of a suite (`plaudit test --update-baseline`): every metric's per-unit
/// values for every check and scorer, and the rubrics' hashes at the time.
public struct SuiteBaseline: Codable, Hashable, Sendable {
    public static let schemaID = "plaudit.suite-baseline/1"

    public var schema: String
    public var suite: String
    public var rubrics: [SuiteRubric]
    public var measurements: [SuiteMeasurement]

    public init(suite: String, rubrics: [SuiteRubric], measurements: [SuiteMeasurement]) {
        self.schema = Self.schemaID
        self.suite = suite
        self.rubrics = rubrics
        self.measurements = measurements
    }

    /// The stored measurement of `metric` for `scorer` in `check`.
    public func measurement(check: String, scorer: String, metric: SuiteMetric) -> SuiteMeasurement? {
        measurements.first { $0.check == check && $0.scorer == scorer && $0.metric == metric }
    }
}
