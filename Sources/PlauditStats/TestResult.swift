/// The outcome of a hypothesis test: its statistic and p-value (NaN when the test is undefined for the data).
public struct TestResult: Sendable, Equatable {
    /// The test statistic, in the convention of the scipy function the test mirrors.
    public let statistic: Double
    /// The p-value for the requested alternative.
    public let pValue: Double

    /// Bundles a statistic with its p-value.
    public init(statistic: Double, pValue: Double) {
        self.statistic = statistic
        self.pValue = pValue
    }
}

/// Which departure from the null hypothesis a test looks for; raw values are scipy's spellings.
public enum Alternative: String, Sendable, Codable {
    /// Either direction.
    case twoSided = "two-sided"
    /// The statistic is smaller than under the null.
    case less
    /// The statistic is larger than under the null.
    case greater
}
