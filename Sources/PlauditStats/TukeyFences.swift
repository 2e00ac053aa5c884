/// Tukey's fences for flagging outlying scores: [Q1 − k·IQR, Q3 + k·IQR] with numpy-'linear' quartiles.
///
/// Conventionally k = 1.5 marks outliers and k = 3 far-out values.
public struct TukeyFences: Sendable, Equatable {
    /// First quartile (numpy `quantile(values, 0.25)`); NaN for an empty sample or one containing NaN.
    public let q1: Double
    /// Third quartile (numpy `quantile(values, 0.75)`); NaN for an empty sample or one containing NaN.
    public let q3: Double

    /// Interquartile range Q3 − Q1.
    public var iqr: Double { q3 - q1 }

    /// Computes the quartiles of `values`.
    public init(_ values: [Double]) {
        if values.isEmpty || values.contains(where: \.isNaN) {
            q1 = .nan
            q3 = .nan
        } else {
            let sorted = values.sorted()
            q1 = Descriptive.quantile(sorted: sorted, 0.25)
            q3 = Descriptive.quantile(sorted: sorted, 0.75)
        }
    }

    /// Q1 − k·IQR.
    public func lowerFence(k: Double) -> Double { q1 - k * iqr }

    /// Q3 + k·IQR.
    public func upperFence(k: Double) -> Double { q3 + k * iqr }

    /// Whether `v` lies within the fences, bounds included (false when the fences are NaN).
    public func contains(_ v: Double, k: Double) -> Bool {
        v >= lowerFence(k: k) && v <= upperFence(k: k)
    }
}
