/// The Wasserstein-1 (earth mover's) distance between two one-dimensional samples.
///
/// Used by the monoculture audit to say how far the distribution of per-item means of generated
/// text has moved from the human source's, in the attribute's own units: 0.3 means the average
/// item's mass had to move 0.3 along the axis. Matches `scipy.stats.wasserstein_distance(u, v)`
/// with equal weights.
public enum Wasserstein {
    /// W₁ = ∫ |F_u(t) − F_v(t)| dt over the empirical distribution functions of `u` and `v`
    /// (each point weighted 1/n of its sample). The samples may differ in size.
    ///
    /// NaN when either sample is empty or holds NaN (scipy raises there).
    public static func distance(_ u: [Double], _ v: [Double]) -> Double {
        guard !u.isEmpty, !v.isEmpty, !u.contains(where: \.isNaN), !v.contains(where: \.isNaN) else { return .nan }
        let a = u.sorted()
        let b = v.sorted()
        // Walk the merged support once; between consecutive support points both CDFs are flat.
        var i = 0
        var j = 0
        var total = 0.0
        var t = min(a[0], b[0])
        while i < a.count || j < b.count {
            while i < a.count && a[i] <= t { i += 1 }
            while j < b.count && b[j] <= t { j += 1 }
            guard i < a.count || j < b.count else { break }
            let next = min(i < a.count ? a[i] : .infinity, j < b.count ? b[j] : .infinity)
            total += abs(Double(i) / Double(a.count) - Double(j) / Double(b.count)) * (next - t)
            t = next
        }
        return total
    }
}
