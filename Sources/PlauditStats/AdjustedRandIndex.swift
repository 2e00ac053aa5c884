/// Adjusted Rand index between two labelings of the same items, equal to
/// `sklearn.metrics.adjusted_rand_score(a, b)`.
///
/// Compares clusterings independently of label names: 1 for identical partitions, about 0 for chance agreement.
public enum AdjustedRandIndex {
    /// The index; 1 when both partitions agree on every pair (including empty and single-item input).
    /// The labelings must have equal length.
    public static func score(_ a: [Int], _ b: [Int]) -> Double {
        precondition(a.count == b.count, "labelings must have equal length")
        let n = Int128(a.count)
        var cells: [Pair: Int128] = [:]
        var rows: [Int: Int128] = [:]
        var columns: [Int: Int128] = [:]
        for (x, y) in zip(a, b) {
            cells[Pair(a: x, b: y), default: 0] += 1
            rows[x, default: 0] += 1
            columns[y, default: 0] += 1
        }
        // Pair confusion matrix over ordered pairs, as sklearn's pair_confusion_matrix.
        let sumSquares = cells.values.reduce(0) { $0 + $1 * $1 }
        var rowWeighted: Int128 = 0
        var columnWeighted: Int128 = 0
        for (pair, count) in cells {
            rowWeighted += count * columns[pair.b, default: 0]
            columnWeighted += count * rows[pair.a, default: 0]
        }
        let tp = sumSquares - n
        let fp = rowWeighted - sumSquares
        let fn = columnWeighted - sumSquares
        let tn = n * n - fp - fn - sumSquares
        if fn == 0 && fp == 0 { return 1 }
        let numerator = tp * tn - fn * fp
        let denominator = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn)
        return 2 * Double(numerator) / Double(denominator)
    }

    private struct Pair: Hashable {
        let a: Int
        let b: Int
    }
}
