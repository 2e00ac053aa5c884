/// What a suite run found: one outcome per assertion and scorer, ready for JUnit and the diff.
public struct SuiteOutcome: Hashable, Sendable {
    public var suite: String
    public var file: String
    public var alpha: Double
    public var rubrics: [SuiteRubric]
    /// The baseline's rubrics, when a baseline was read.
    public var baselineRubrics: [SuiteRubric]?
    public var checks: [CheckRun]
    public var assertions: [AssertionOutcome]
    /// ISO 8601 start time.
    public var timestamp: String
    public var seconds: Double

    public init(
        suite: String, file: String, alpha: Double, rubrics: [SuiteRubric], baselineRubrics: [SuiteRubric]?, checks: [CheckRun],
        assertions: [AssertionOutcome], timestamp: String, seconds: Double
    ) {
        self.suite = suite
        self.file = file
        self.alpha = alpha
        self.rubrics = rubrics
        self.baselineRubrics = baselineRubrics
        self.checks = checks
        self.assertions = assertions
        self.timestamp = timestamp
        self.seconds = seconds
    }

    public func count(_ status: AssertionOutcome.Status) -> Int {
        assertions.filter { $0.status == status }.count
    }

    /// How one check's run went.
    public struct CheckRun: Hashable, Sendable {
        public var name: String
        public var seconds: Double
        /// Why the check could not run; `nil` when it ran.
        public var error: String?

        public init(name: String, seconds: Double, error: String?) {
            self.name = name
            self.seconds = seconds
            self.error = error
        }
    }
}

/// The verdict on one assertion for one scorer.
public struct AssertionOutcome: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable {
        case passed, failed, error, skipped
    }

    public var check: String
    /// The scorer as results name it; `nil` when the check could not run.
    public var scorer: String?
    public var assertion: SuiteAssertion
    public var status: Status
    /// One line: the observed value and the bound, or the paired test's change, q and direction.
    public var message: String
    /// The value compared (absolute), or the mean change current − baseline over the common units (relative).
    public var observed: Double?
    /// Relative assertions: units in both runs, and the one-sided p- and BH q-values.
    public var pairedUnits: Int?
    public var pValue: Double?
    public var qValue: Double?
    /// Units whose verdict differs from the baseline's (empty without a baseline).
    public var flips: [VerdictFlip]
    public var seconds: Double

    public init(
        check: String, scorer: String?, assertion: SuiteAssertion, status: Status, message: String, observed: Double? = nil,
        pairedUnits: Int? = nil, pValue: Double? = nil, qValue: Double? = nil, flips: [VerdictFlip] = [], seconds: Double = 0
    ) {
        self.check = check
        self.scorer = scorer
        self.assertion = assertion
        self.status = status
        self.message = message
        self.observed = observed
        self.pairedUnits = pairedUnits
        self.pValue = pValue
        self.qValue = qValue
        self.flips = flips
        self.seconds = seconds
    }

    /// The test case's name: `assertion [scorer]`.
    public var name: String {
        scorer.map { "\(assertion.text) [\($0)]" } ?? assertion.text
    }
}

/// A unit whose verdict changed between the baseline and this run.
public struct VerdictFlip: Hashable, Sendable {
    public var id: String
    public var before: Bool
    public var after: Bool
    public var beforeValue: Double
    public var afterValue: Double

    public init(id: String, before: Bool, after: Bool, beforeValue: Double, afterValue: Double) {
        self.id = id
        self.before = before
        self.after = after
        self.beforeValue = beforeValue
        self.afterValue = afterValue
    }
}
