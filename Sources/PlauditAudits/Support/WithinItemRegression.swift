import PlauditStats

/// Least squares with item fixed effects, assembled from per-item summaries: each item's rows
/// are demeaned within the item, and only their cross-products X'X and X'y are kept. Summing the
/// summaries of any multiset of items and solving the normal equations gives the fixed-effects
/// slope of that multiset, which is what a cluster bootstrap over items needs (an item drawn
/// twice counts as two items).
///
/// Used by the calibration audit's typicality slope and the monoculture audit's positivity
/// premium; `FixedEffectsOLS` fits the same model on raw rows.
enum WithinItemRegression {
    /// One item's demeaned X'X (row-major, `k × k`) and X'y; zeros for fewer than two rows.
    static func crossProducts(rows: [[Double]], ys: [Double], k: Int) -> (crossX: [Double], crossY: [Double]) {
        var crossX = [Double](repeating: 0, count: k * k)
        var crossY = [Double](repeating: 0, count: k)
        guard rows.count >= 2 else { return (crossX, crossY) }
        let means = (0..<k).map { c in rows.reduce(0.0) { $0 + $1[c] } / Double(rows.count) }
        let meanY = ys.reduce(0, +) / Double(ys.count)
        for (x, y) in zip(rows, ys) {
            for r in 0..<k {
                crossY[r] += (x[r] - means[r]) * (y - meanY)
                for c in 0..<k { crossX[r * k + c] += (x[r] - means[r]) * (x[c] - means[c]) }
            }
        }
        return (crossX, crossY)
    }

    /// Covariates whose pooled within-item sum of squares (the diagonal of the summed X'X) is
    /// not negligible; the others would make the system singular and are left out.
    static func activeCovariates(diagonal: [Double]) -> [Int] {
        let largest = diagonal.max() ?? 0
        return diagonal.indices.filter { diagonal[$0] > 1e-12 * largest && diagonal[$0] > 0 }
    }

    /// The coefficient of covariate 0 from the normal equations restricted to `active`; NaN when
    /// covariate 0 is not active or the system is singular.
    static func slope(_ crossX: [Double], _ crossY: [Double], k: Int, active: [Int]) -> Double {
        guard active.first == 0 else { return .nan }
        let m = active.count
        var a = [Double](repeating: 0, count: m * m)
        for (r, i) in active.enumerated() {
            for (c, j) in active.enumerated() { a[r * m + c] = crossX[i * k + j] }
        }
        return LinearSystem.solve(a, active.map { crossY[$0] })?[0] ?? .nan
    }
}
