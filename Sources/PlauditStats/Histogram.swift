/// Counts of values in bins given by their edges, as `numpy.histogram(values, bins=edges)` counts
/// them.
///
/// Used for the monoculture audit's histogram of per-item means on the Generative Monoculture
/// study's bins (−0.05, .35, .55, .75, .85, .95, 1.05).
public enum Histogram {
    /// One count per bin `[edges[i], edges[i+1])`; the last bin also holds its right edge. Values
    /// below the first edge, above the last, or NaN are not counted. `edges` must be increasing
    /// and hold at least two values.
    public static func counts(_ values: [Double], edges: [Double]) -> [Int] {
        precondition(edges.count >= 2, "a histogram needs at least two edges")
        precondition(zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 }, "histogram edges must increase")
        var counts = [Int](repeating: 0, count: edges.count - 1)
        let last = edges.count - 1
        for value in values where value >= edges[0] && value <= edges[last] {
            if value == edges[last] {
                counts[last - 1] += 1
                continue
            }
            // The bin is the number of edges at or below the value, minus one.
            var low = 0
            var high = last
            while high - low > 1 {
                let middle = (low + high) / 2
                if edges[middle] <= value { low = middle } else { high = middle }
            }
            counts[low] += 1
        }
        return counts
    }
}
