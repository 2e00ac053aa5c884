import PlauditCore

/// The units whose verdict (``SuiteMetric/verdict(_:)``) differs between the baseline and this
/// run, for the suite's diff.
public enum VerdictFlips {
    /// Flipped units present in both runs, sorted by id.
    public static func between(baseline: [SuiteUnit], current: [SuiteUnit], metric: SuiteMetric) -> [VerdictFlip] {
        let before = Dictionary(baseline.map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        return current.sorted { $0.id < $1.id }.compactMap { unit in
            guard let old = before[unit.id] else { return nil }
            let (was, now) = (metric.verdict(old), metric.verdict(unit.value))
            return was == now ? nil : VerdictFlip(id: unit.id, before: was, after: now, beforeValue: old, afterValue: unit.value)
        }
    }
}
