/// Counts of values in equal-width bins on [0, 1], with an explicit rule for the edges and for
/// values that fall outside the interval.
///
/// Bin k of B covers [k/B, (k+1)/B) for k < B − 1, and the last bin [(B−1)/B, 1] is closed, so
/// 1.0 belongs to it. The edges are the doubles `Double(k) / Double(B)` and a value goes to the
/// largest k whose edge is ≤ the value (the same as numpy's
/// `searchsorted(np.arange(B + 1) / B, v, side="right") − 1`). A value below 0 (a mean cosine
/// can be negative) is counted in bin 0 and in ``belowZero``; a value above 1 (only rounding can
/// produce one) in the last bin and in ``aboveOne``, so every value is counted exactly once.
public struct UnitIntervalHistogram: Hashable, Sendable {
    public let counts: [Int]
    public let belowZero: Int
    public let aboveOne: Int

    /// The histogram of the finite values in `values`; NaNs are a precondition failure.
    public init(_ values: [Double], bins: Int = 10) {
        precondition(bins > 0, "a histogram needs at least one bin")
        var counts = [Int](repeating: 0, count: bins)
        var below = 0
        var above = 0
        for value in values {
            precondition(!value.isNaN, "a histogram cannot place NaN")
            if value < 0 {
                below += 1
                counts[0] += 1
            } else if value > 1 {
                above += 1
                counts[bins - 1] += 1
            } else {
                var k = min(bins - 1, Int((value * Double(bins)).rounded(.down)))
                // Rounding of value × B can land one bin off near an edge: settle it against the edges.
                while k > 0, value < Self.edge(k, bins) { k -= 1 }
                while k < bins - 1, value >= Self.edge(k + 1, bins) { k += 1 }
                counts[k] += 1
            }
        }
        self.counts = counts
        self.belowZero = below
        self.aboveOne = above
    }

    /// The lower edge of bin k of `bins` (and the upper edge of bin k − 1).
    public static func edge(_ k: Int, _ bins: Int) -> Double {
        Double(k) / Double(bins)
    }
}
