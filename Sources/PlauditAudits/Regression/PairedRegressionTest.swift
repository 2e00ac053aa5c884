import PlauditCore
import PlauditStats

/// "No significant regression against the baseline" for one metric of one scorer: on the units
/// present in both runs, a paired one-sided sign-flip permutation test that the mean change in
/// the worse direction is above zero.
///
/// The sign-flip test (``SignFlipPermutationTest``, seeded) tests the mean paired change itself,
/// which is what the metrics are (means over units), and it is exact for small suites (all 2ⁿ
/// sign patterns when 2ⁿ ≤ the permutation count). Wilcoxon's signed-rank test would test a
/// symmetric median shift and drop zero changes, which are most units when a rubric edit changes
/// nothing.
public struct PairedRegressionTest: Sendable {
    /// The test's outcome.
    public struct Result: Hashable, Sendable {
        /// Units in both runs.
        public var units: Int
        /// Mean of (current − baseline), signed so that positive is worse.
        public var meanWorseChange: Double
        /// One-sided p-value for a positive mean worse change; NaN without common units.
        public var pValue: Double
    }

    public var permutations: Int
    public var seed: UInt64

    public init(permutations: Int = 9_999, seed: UInt64) {
        self.permutations = permutations
        self.seed = seed
    }

    /// Compares `current` with `baseline` on their common unit ids.
    public func test(baseline: [SuiteUnit], current: [SuiteUnit], worse: SuiteAssertion.Direction) -> Result {
        let before = Dictionary(baseline.map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        let changes = current.sorted { $0.id < $1.id }.compactMap { unit -> Double? in
            guard let old = before[unit.id], old.isFinite, unit.value.isFinite else { return nil }
            return worse == .higher ? unit.value - old : old - unit.value
        }
        guard !changes.isEmpty else { return Result(units: 0, meanWorseChange: .nan, pValue: .nan) }
        let outcome = SignFlipPermutationTest(resamples: permutations, seed: seed).test(changes, alternative: .greater)
        return Result(units: changes.count, meanWorseChange: outcome.statistic, pValue: outcome.pValue)
    }
}
