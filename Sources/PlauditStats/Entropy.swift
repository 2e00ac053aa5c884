import Foundation

/// Shannon entropy of a discrete distribution given by counts or weights.
///
/// Used for the diversity of labels and clusters; matches `scipy.stats.entropy(counts, base=base)`.
public enum Entropy {
    /// H = −Σ pᵢ log pᵢ with pᵢ = countᵢ / Σ count, in units of `log(base)` (bits for the default base 2).
    ///
    /// Zero counts contribute nothing. As in scipy: all-zero counts give NaN (0/0), a negative normalised
    /// weight gives −infinity, NaN propagates, an empty input gives 0. A non-positive `base` gives NaN.
    public static func shannon(counts: [Double], base: Double = 2) -> Double {
        guard base > 0 else { return .nan }
        if counts.isEmpty { return 0 }
        let total = PairwiseSum.sum(counts)
        let terms = counts.map { count -> Double in
            let p = count / total
            if p.isNaN { return .nan }
            if p > 0 { return -p * log(p) }
            if p == 0 { return 0 }
            return -.infinity
        }
        return PairwiseSum.sum(terms) / log(base)
    }
}
