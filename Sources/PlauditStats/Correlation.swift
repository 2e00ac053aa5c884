import Foundation

/// A correlation coefficient with its two-sided p-value for the null hypothesis of no association.
public struct CorrelationResult: Sendable, Equatable {
    /// The coefficient, in [-1, 1]; NaN when undefined (too few points, a constant input, NaN in the data).
    public let coefficient: Double
    /// Two-sided p-value; NaN when the coefficient is undefined or no reference distribution applies.
    public let pValue: Double
    /// Number of paired observations used.
    public let n: Int

    /// Bundles a coefficient, its p-value and the sample size.
    public init(coefficient: Double, pValue: Double, n: Int) {
        self.coefficient = coefficient
        self.pValue = pValue
        self.n = n
    }

    static func undefined(n: Int) -> CorrelationResult {
        CorrelationResult(coefficient: .nan, pValue: .nan, n: n)
    }
}

/// Pearson, Spearman and Kendall correlations with the p-values scipy.stats reports for them, so that a
/// plaudit report and a scipy re-analysis of the same scores agree.
///
/// Inputs of unequal length, fewer than two points, or a constant input give NaN coefficient and p-value
/// rather than trapping; a NaN anywhere in the data propagates to NaN.
public enum Correlation {
    /// Pearson's r and the two-sided p-value of `scipy.stats.pearsonr` (exact under bivariate normality:
    /// r is Beta(n/2 − 1, n/2 − 1) on [−1, 1]). For n = 2 the coefficient is rounded to ±1 and p = 1, as scipy does.
    public static func pearson(_ x: [Double], _ y: [Double]) -> CorrelationResult {
        let n = x.count
        guard n == y.count, n >= 2 else { return .undefined(n: min(x.count, y.count)) }
        if isConstant(x) || isConstant(y) { return .undefined(n: n) }

        let xCentred = centred(x)
        let yCentred = centred(y)
        let xUnit = scaledToUnitNorm(xCentred)
        let yUnit = scaledToUnitNorm(yCentred)
        var dot = 0.0
        for i in 0..<n {
            dot += xUnit[i] * yUnit[i]
        }
        var r = clampUnit(dot)
        if r.isNaN { return .undefined(n: n) }
        if n == 2 {
            r = r.rounded(.toNearestOrEven)
            return CorrelationResult(coefficient: r, pValue: 1, n: n)
        }
        let shape = Double(n) / 2 - 1
        let upper = (abs(r) + 1) / 2
        let p = 2 * SpecialFunctions.regularizedIncompleteBetaComplement(a: shape, b: shape, x: upper)
        return CorrelationResult(coefficient: r, pValue: p, n: n)
    }

    /// Spearman's ρ (Pearson correlation of average ranks) and the two-sided p-value of
    /// `scipy.stats.spearmanr`: Student t with n − 2 degrees of freedom. For n = 2 the p-value is NaN, as in scipy.
    public static func spearman(_ x: [Double], _ y: [Double]) -> CorrelationResult {
        let n = x.count
        guard n == y.count, n >= 2 else { return .undefined(n: min(x.count, y.count)) }
        if isConstant(x) || isConstant(y) { return .undefined(n: n) }
        if x.contains(where: \.isNaN) || y.contains(where: \.isNaN) { return .undefined(n: n) }

        // numpy.corrcoef of the ranks, step for step: covariance scaled by 1/(n−1), then divided by each
        // standard deviation in turn. Rank deviations are multiples of 1/2, so the sums below are exact.
        let xRanks = centred(Ranks.average(x))
        let yRanks = centred(Ranks.average(y))
        var sxx = 0.0
        var syy = 0.0
        var sxy = 0.0
        for i in 0..<n {
            sxx += xRanks[i] * xRanks[i]
            syy += yRanks[i] * yRanks[i]
            sxy += xRanks[i] * yRanks[i]
        }
        let scale = 1 / Double(n - 1)
        let rho = clampUnit((sxy * scale / (syy * scale).squareRoot()) / (sxx * scale).squareRoot())

        let dof = Double(n - 2)
        let ratio = dof / ((rho + 1) * (1 - rho))
        let t = rho * (ratio.isNaN ? Double.nan : max(ratio, 0)).squareRoot()
        let p = SpecialFunctions.studentTTwoSided(t, degreesOfFreedom: dof)
        return CorrelationResult(coefficient: rho, pValue: p, n: n)
    }

    static func isConstant(_ x: [Double]) -> Bool {
        guard let first = x.first else { return true }
        return x.allSatisfy { $0 == first }
    }

    static func clampUnit(_ r: Double) -> Double {
        r.isNaN ? r : min(1, max(-1, r))
    }

    private static func centred(_ x: [Double]) -> [Double] {
        let centre = Descriptive.mean(x)
        return x.map { $0 - centre }
    }

    /// `v / ‖v‖`, with the norm taken after scaling by the largest magnitude to avoid overflow (as scipy does).
    private static func scaledToUnitNorm(_ v: [Double]) -> [Double] {
        let largest = v.reduce(0.0) { max($0, abs($1)) }
        let squares = v.map { ($0 / largest) * ($0 / largest) }
        let norm = largest * PairwiseSum.sum(squares).squareRoot()
        return v.map { $0 / norm }
    }
}
