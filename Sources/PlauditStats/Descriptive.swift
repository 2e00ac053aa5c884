/// Location and spread of a sample, computed exactly as numpy does so that reported numbers match the
/// Python reference to the last bit where the arithmetic allows.
public enum Descriptive {
    /// Arithmetic mean (numpy `mean`); NaN for an empty sample.
    public static func mean(_ x: [Double]) -> Double {
        guard !x.isEmpty else { return .nan }
        return PairwiseSum.sum(x) / Double(x.count)
    }

    /// Variance with `ddof` delta degrees of freedom (numpy `var`); the default `ddof = 1` is the unbiased
    /// sample variance. NaN when `x.count - ddof <= 0`.
    public static func variance(_ x: [Double], ddof: Int = 1) -> Double {
        guard x.count - ddof > 0 else { return .nan }
        let centre = mean(x)
        let squares = x.map { ($0 - centre) * ($0 - centre) }
        return PairwiseSum.sum(squares) / Double(x.count - ddof)
    }

    /// Standard deviation, the square root of ``variance(_:ddof:)``; NaN when `x.count - ddof <= 0`.
    public static func standardDeviation(_ x: [Double], ddof: Int = 1) -> Double {
        variance(x, ddof: ddof).squareRoot()
    }

    /// The `q`-quantile (q in 0...1) by numpy's default 'linear' method (Hyndman and Fan type 7).
    ///
    /// NaN for an empty sample, a sample containing NaN, or `q` outside 0...1.
    public static func quantile(_ x: [Double], _ q: Double) -> Double {
        guard !x.isEmpty, q >= 0, q <= 1, !x.contains(where: \.isNaN) else { return .nan }
        return quantile(sorted: x.sorted(), q)
    }

    /// ``quantile(_:_:)`` for a sample already sorted ascending and free of NaN (no copy, no sort).
    static func quantile(sorted x: [Double], _ q: Double) -> Double {
        let n = x.count
        let virtualIndex = Double(n - 1) * q
        if virtualIndex >= Double(n - 1) {
            return x[n - 1]
        }
        let below = virtualIndex.rounded(.down)
        let lower = x[Int(below)]
        let upper = x[Int(below) + 1]
        let gamma = virtualIndex - below
        let difference = upper - lower
        // numpy interpolates from the nearer end, which keeps the result monotone in q.
        if gamma >= 0.5 {
            return upper - difference * (1 - gamma)
        }
        return lower + difference * gamma
    }
}
