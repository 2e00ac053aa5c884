/// A point estimate with its confidence interval and, where a test applies, p- and q-values.
public struct Estimate: Codable, Hashable, Sendable {
    public var value: Double
    public var lower: Double
    public var upper: Double
    /// Two-sided p-value against the null value of the metric (0 for gaps and slopes, 0.5 for
    /// the under-reward rate).
    public var pValue: Double?
    /// Benjamini–Hochberg adjusted p-value across the run's scorers × categories.
    public var qValue: Double?

    public init(value: Double, lower: Double, upper: Double, pValue: Double? = nil, qValue: Double? = nil) {
        self.value = value
        self.lower = lower
        self.upper = upper
        self.pValue = pValue
        self.qValue = qValue
    }

    enum CodingKeys: String, CodingKey {
        case value, lower, upper
        case pValue = "p_value"
        case qValue = "q_value"
    }
}
