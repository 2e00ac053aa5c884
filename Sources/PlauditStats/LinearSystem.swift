/// Small dense linear systems, for normal equations with a handful of covariates.
public enum LinearSystem {
    /// Solves `a · x = b` for a square `a` given row-major (`a[i * n + j]`), by Gaussian
    /// elimination with partial pivoting. Returns `nil` when `a` is singular to working
    /// precision (a pivot below `1e-12` times the largest entry).
    public static func solve(_ a: [Double], _ b: [Double]) -> [Double]? {
        let n = b.count
        precondition(a.count == n * n, "matrix must be n × n")
        var m = a
        var x = b
        let scale = a.map(abs).max() ?? 0
        guard scale > 0 else { return nil }
        for column in 0..<n {
            var pivot = column
            for row in (column + 1)..<n where abs(m[row * n + column]) > abs(m[pivot * n + column]) {
                pivot = row
            }
            guard abs(m[pivot * n + column]) > 1e-12 * scale else { return nil }
            if pivot != column {
                for j in 0..<n { m.swapAt(column * n + j, pivot * n + j) }
                x.swapAt(column, pivot)
            }
            for row in (column + 1)..<n {
                let factor = m[row * n + column] / m[column * n + column]
                if factor == 0 { continue }
                for j in column..<n { m[row * n + j] -= factor * m[column * n + j] }
                x[row] -= factor * x[column]
            }
        }
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[row]
            for j in (row + 1)..<n { sum -= m[row * n + j] * x[j] }
            x[row] = sum / m[row * n + row]
        }
        return x
    }
}
