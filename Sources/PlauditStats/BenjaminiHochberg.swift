/// Benjamini–Hochberg false-discovery-rate adjustment, equal to
/// `scipy.stats.false_discovery_control(p, method="bh")`.
///
/// plaudit runs many audits per model; reporting BH-adjusted p-values keeps the expected share of false
/// findings among the flagged ones at the nominal level.
public enum BenjaminiHochberg {
    /// Adjusted p-values in the input order.
    ///
    /// Entries that are NaN or outside [0, 1] (where scipy would raise) are returned as NaN and left out of the
    /// family, so the others are adjusted as scipy adjusts the valid subset.
    public static func adjust(_ p: [Double]) -> [Double] {
        var result = [Double](repeating: .nan, count: p.count)
        let valid = p.indices.filter { p[$0] >= 0 && p[$0] <= 1 }
        let m = valid.count
        if m == 0 { return result }
        if m == 1 {
            result[valid[0]] = p[valid[0]]
            return result
        }
        // Ascending p; order among equal p-values does not change the adjusted values.
        let order = valid.sorted { p[$0] < p[$1] || (p[$0] == p[$1] && $0 < $1) }
        var adjusted = order.enumerated().map { rank, index in
            p[index] * (Double(m) / Double(rank + 1))
        }
        // Step-up: each adjusted value is the minimum of itself and every larger-ranked one.
        for k in stride(from: m - 2, through: 0, by: -1) {
            adjusted[k] = min(adjusted[k], adjusted[k + 1])
        }
        for (rank, index) in order.enumerated() {
            result[index] = min(max(adjusted[rank], 0), 1)
        }
        return result
    }
}
