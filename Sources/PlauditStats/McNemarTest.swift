/// McNemar's exact test for paired binary outcomes: did a change (a warm system prompt, an
/// edited rubric) flip more items one way than the other?
///
/// Only discordant pairs count: `b` items went from outcome A to B, `c` from B to A. Under the
/// null each discordant pair is a fair coin, so the two-sided p-value is
/// `min(1, 2 · P(X ≤ min(b, c)))` with `X ~ Binomial(b + c, 1/2)`, as statsmodels'
/// `mcnemar(table, exact=True)` computes it (equal to scipy's `binomtest(b, b + c)` here).
public enum McNemarTest {
    /// The counts and the exact two-sided p-value.
    public struct Result: Hashable, Sendable {
        /// Pairs that went from the first outcome to the second.
        public let b: Int
        /// Pairs that went from the second outcome to the first.
        public let c: Int
        /// `min(b, c)`, statsmodels' reported statistic for the exact test.
        public let statistic: Int
        public let pValue: Double
    }

    /// The exact test on the discordant counts; NaN p-value for negative counts, 1 when there
    /// is no discordant pair.
    public static func exact(b: Int, c: Int) -> Result {
        let smaller = min(b, c)
        guard b >= 0, c >= 0 else { return Result(b: b, c: c, statistic: smaller, pValue: .nan) }
        let n = b + c
        guard smaller < n - smaller else { return Result(b: b, c: c, statistic: smaller, pValue: 1) }
        // P(X ≤ k) for Binomial(n, 1/2) is the regularized incomplete beta I_{1/2}(n − k, k + 1).
        let cdf = SpecialFunctions.regularizedIncompleteBeta(a: Double(n - smaller), b: Double(smaller + 1), x: 0.5)
        return Result(b: b, c: c, statistic: smaller, pValue: min(1, 2 * cdf))
    }
}
