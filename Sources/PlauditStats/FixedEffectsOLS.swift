/// Why a fixed-effects regression could not be fitted.
public enum FixedEffectsOLSError: Error, Sendable, Equatable {
    /// `y`, `x` and `groups` differ in length, or the rows of `x` differ in width.
    case mismatchedDimensions
    /// Fewer observations than groups plus covariates: the within-group design cannot have full rank.
    case tooFewObservations(observations: Int, groups: Int, covariates: Int)
    /// A covariate is (numerically) constant within every group, or a linear combination of the others after
    /// demeaning; `covariate` is the index of the first column found dependent.
    case singularDesign(covariate: Int)
}

/// Ordinary least squares with one set of group fixed effects, fitted by within-group demeaning.
///
/// Used to estimate how reward scores move with response features (length, say) while absorbing each prompt's
/// own baseline: the coefficients equal those of OLS with one dummy per group (Frisch–Waugh–Lovell), without
/// building the dummies. There is no separate intercept; the group effects play that role.
public struct FixedEffectsOLS: Sendable, Equatable {
    /// One slope per covariate column, in column order.
    public let coefficients: [Double]
    /// Number of observations used.
    public let observationCount: Int
    /// Number of distinct groups.
    public let groupCount: Int
    /// Sum of squared residuals of the within (demeaned) regression, which equals that of the dummy regression.
    public let residualSumOfSquares: Double

    /// Residual degrees of freedom n − G − p.
    public var residualDegreesOfFreedom: Int { observationCount - groupCount - coefficients.count }

    /// Fits y = Xβ + α_group + ε.
    ///
    /// `x[i]` is the covariate row of observation i and `groups[i]` its group id (any integers). A column whose
    /// demeaned norm falls below 1e-9 of its raw norm after projecting out earlier columns is treated as
    /// collinear and reported as ``FixedEffectsOLSError/singularDesign(covariate:)``.
    public static func fit(
        y: [Double], x: [[Double]], groups: [Int]
    ) throws(FixedEffectsOLSError) -> FixedEffectsOLS {
        let n = y.count
        guard x.count == n, groups.count == n else { throw .mismatchedDimensions }
        let p = x.first?.count ?? 0
        guard x.allSatisfy({ $0.count == p }) else { throw .mismatchedDimensions }

        var groupIndex: [Int: Int] = [:]
        let slot = groups.map { id -> Int in
            if let existing = groupIndex[id] { return existing }
            let next = groupIndex.count
            groupIndex[id] = next
            return next
        }
        let g = groupIndex.count
        guard n > 0, n - g >= p else {
            throw .tooFewObservations(observations: n, groups: g, covariates: p)
        }

        // Column-major demeaned design (p columns) followed by the demeaned response.
        var columns = (0..<p).map { j in x.map { $0[j] } }
        let rawNorms = columns.map { column in column.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        var response = y
        demean(&response, slot: slot, groupCount: g)
        for j in 0..<p {
            demean(&columns[j], slot: slot, groupCount: g)
        }

        let solution = try HouseholderLeastSquares.solve(columns: columns, response: response, rawNorms: rawNorms)
        return FixedEffectsOLS(
            coefficients: solution.coefficients,
            observationCount: n,
            groupCount: g,
            residualSumOfSquares: solution.residualSumOfSquares
        )
    }

    private static func demean(_ values: inout [Double], slot: [Int], groupCount: Int) {
        var sums = [Double](repeating: 0, count: groupCount)
        var counts = [Double](repeating: 0, count: groupCount)
        for (value, group) in zip(values, slot) {
            sums[group] += value
            counts[group] += 1
        }
        for i in values.indices {
            values[i] -= sums[slot[i]] / counts[slot[i]]
        }
    }
}

/// Least squares by Householder QR, for small numbers of columns and many rows.
enum HouseholderLeastSquares {
    struct Solution {
        var coefficients: [Double]
        var residualSumOfSquares: Double
    }

    /// Solves min ‖Aβ − b‖ for A given as columns. A column whose remaining norm after projecting out the earlier
    /// columns is at most 1e-9 of `rawNorms[j]` (or exactly zero) makes the design singular.
    static func solve(
        columns: [[Double]], response: [Double], rawNorms: [Double]
    ) throws(FixedEffectsOLSError) -> Solution {
        var a = columns
        var b = response
        let p = a.count
        let n = b.count
        var diagonal = [Double](repeating: 0, count: p)
        for j in 0..<p {
            var norm = 0.0
            for i in j..<n { norm += a[j][i] * a[j][i] }
            norm = norm.squareRoot()
            let scale = rawNorms[j] > 0 ? rawNorms[j] : 1
            if norm == 0 || norm <= 1e-9 * scale { throw .singularDesign(covariate: j) }
            let alpha = a[j][j] > 0 ? -norm : norm
            // Householder vector v = a_j[j...] − alpha e_1, stored in place of column j.
            a[j][j] -= alpha
            var vNormSquared = 0.0
            for i in j..<n { vNormSquared += a[j][i] * a[j][i] }
            for k in (j + 1)..<max(p, j + 1) {
                var dot = 0.0
                for i in j..<n { dot += a[j][i] * a[k][i] }
                let factor = 2 * dot / vNormSquared
                for i in j..<n { a[k][i] -= factor * a[j][i] }
            }
            var dot = 0.0
            for i in j..<n { dot += a[j][i] * b[i] }
            let factor = 2 * dot / vNormSquared
            for i in j..<n { b[i] -= factor * a[j][i] }
            diagonal[j] = alpha
        }
        var beta = [Double](repeating: 0, count: p)
        for j in stride(from: p - 1, through: 0, by: -1) {
            var value = b[j]
            for k in (j + 1)..<max(p, j + 1) { value -= a[k][j] * beta[k] }
            beta[j] = value / diagonal[j]
        }
        var rss = 0.0
        for i in p..<max(n, p) { rss += b[i] * b[i] }
        return Solution(coefficients: beta, residualSumOfSquares: rss)
    }
}
