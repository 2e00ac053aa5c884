/// Wilson score interval for a binomial proportion, equal to
/// `scipy.stats.binomtest(k, n).proportion_ci(confidence_level, method="wilson")`.
///
/// Used for agreement and win rates: unlike the Wald interval it stays inside [0, 1] and keeps its coverage
/// near 0 and 1 and at small n.
public enum WilsonInterval {
    /// The two-sided interval; the lower bound is exactly 0 when `successes == 0` and the upper exactly 1 when
    /// `successes == trials`, as in scipy. NaN bounds when `trials <= 0`, `successes` is outside
    /// `0...trials`, or `confidence` is outside (0, 1) (cases where scipy raises).
    public static func interval(
        successes: Int, trials: Int, confidence: Double = 0.95
    ) -> (lower: Double, upper: Double) {
        guard trials > 0, successes >= 0, successes <= trials, confidence > 0, confidence < 1 else {
            return (.nan, .nan)
        }
        let n = Double(trials)
        let p = Double(successes) / n
        let z = SpecialFunctions.normalQuantile(0.5 + 0.5 * confidence)
        let zz = z * z
        let denominator = 2 * (n + zz)
        let centre = (2 * n * p + zz) / denominator
        let q = 1 - p
        let delta = z / denominator * (4 * n * p * q + zz).squareRoot()
        let lower = successes == 0 ? 0 : centre - delta
        let upper = successes == trials ? 1 : centre + delta
        return (lower, upper)
    }
}
