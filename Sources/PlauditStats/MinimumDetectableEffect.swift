import Foundation

/// The smallest effect a two-sided test at a given level detects with a given power, from the
/// standard error of its estimate: (z₁₋α/₂ + z_power) × SE, the normal approximation that a
/// bootstrap interval over enough clusters follows. An audit that finds nothing but could only
/// have seen an effect larger than the one that matters has not shown that there is none.
public enum MinimumDetectableEffect {
    /// The minimum detectable effect for an estimate with standard error `standardError`, tested
    /// at `confidence` (two-sided, α = 1 − confidence) with probability `power` of detection.
    public static func size(standardError: Double, confidence: Double, power: Double) -> Double {
        let z = SpecialFunctions.normalQuantile(0.5 + 0.5 * confidence) + SpecialFunctions.normalQuantile(power)
        return z * standardError
    }

    /// The clusters (prompts) that bring the minimum detectable effect from `current` at
    /// `clusters` down to `target`, at the same spread per cluster: the standard error falls as
    /// 1/√n. At least `clusters` when `current` is already small enough; `nil` when `target` is
    /// not positive.
    public static func clustersNeeded(clusters: Int, current: Double, target: Double) -> Int? {
        guard target > 0, current.isFinite, clusters > 0 else { return nil }
        let ratio = current / target
        return max(clusters, Int((Double(clusters) * ratio * ratio).rounded(.up)))
    }
}
