import Foundation
import PlauditCore
import PlauditStats

/// Point estimates, cluster-bootstrap intervals and tests of the gap metrics over a set of
/// prompt samples (ARCHITECTURE §1.1 step 5).
struct GapStatistics {
    let options: CalibrationOptions
    /// Mixed into the seed so that each (scorer, category) has its own reproducible stream.
    let stream: UInt64

    func estimates(_ samples: [PromptSample]) -> GapEstimates? {
        guard !samples.isEmpty else { return nil }
        let hasHuman = samples.allSatisfy { $0.humanGap != nil }
        let k = samples[0].crossY.count
        let bootstrap = ClusterBootstrap(
            resamples: options.bootstrapResamples, confidence: options.confidence, seed: options.seed ^ stream
        )
        // Covariates with no within-prompt variation anywhere (all responses of each prompt the
        // same length, say) would make the system singular; they are left out, and the slope
        // is only reported when typicality itself varies.
        let active = Self.activeCovariates(samples, k: k)
        let statistics: ([Int]) -> [Double] = { indices in
            var gap = 0.0, raw = 0.0, under = 0.0, human = 0.0
            var crossX = [Double](repeating: 0, count: k * k)
            var crossY = [Double](repeating: 0, count: k)
            for i in indices {
                let s = samples[i]
                gap += s.gap
                raw += s.rawGap
                under += s.underReward
                human += s.humanGap ?? 0
                for j in 0..<(k * k) { crossX[j] += s.crossX[j] }
                for j in 0..<k { crossY[j] += s.crossY[j] }
            }
            let n = Double(indices.count)
            let slope = WithinItemRegression.slope(crossX, crossY, k: k, active: active)
            return [gap / n, raw / n, under / n, human / n, (gap - human) / n, slope]
        }
        let point = statistics(Array(samples.indices))
        let replicates = bootstrap.replicates(clusterCount: samples.count, statistics: statistics)
        func interval(_ s: Int) -> (lower: Double, upper: Double) {
            ClusterBootstrap.percentileInterval(replicates.map { $0[s] }, confidence: options.confidence)
        }
        let test = SignFlipPermutationTest(resamples: options.permutationResamples, seed: options.seed ^ stream ^ 0x5157)

        let gapCI = interval(0)
        let gap = Estimate(
            value: point[0], lower: gapCI.lower, upper: gapCI.upper, pValue: test.test(samples.map(\.gap)).pValue
        )
        let rawCI = interval(1)
        let rawGap = Estimate(
            value: point[1], lower: rawCI.lower, upper: rawCI.upper, pValue: test.test(samples.map(\.rawGap)).pValue
        )
        let underCI = interval(2)
        let under = Estimate(
            value: point[2], lower: underCI.lower, upper: underCI.upper,
            pValue: test.test(samples.map { $0.underReward - 0.5 }).pValue
        )
        var humanGap: Estimate?
        var excess: Estimate?
        if hasHuman {
            let humanCI = interval(3)
            humanGap = Estimate(
                value: point[3], lower: humanCI.lower, upper: humanCI.upper,
                pValue: test.test(samples.map { $0.humanGap! }).pValue
            )
            let excessCI = interval(4)
            excess = Estimate(
                value: point[4], lower: excessCI.lower, upper: excessCI.upper,
                pValue: test.test(samples.map { $0.gap - $0.humanGap! }).pValue
            )
        }
        var slope: Estimate?
        if point[5].isFinite {
            let slopes = replicates.map { $0[5] }.filter(\.isFinite)
            let slopeCI = ClusterBootstrap.percentileInterval(slopes, confidence: options.confidence)
            // Bootstrap two-sided p-value: how often the resampled slope falls on the other
            // side of zero, counting the estimate itself once.
            let below = Double(slopes.filter { $0 <= 0 }.count)
            let above = Double(slopes.filter { $0 >= 0 }.count)
            let p = min(1, 2 * (min(below, above) + 1) / (Double(slopes.count) + 1))
            slope = Estimate(value: point[5], lower: slopeCI.lower, upper: slopeCI.upper, pValue: p)
        }
        let significant = (gap.pValue ?? 1) < 1 - options.confidence
        var estimates = GapEstimates(
            prompts: samples.count, pairs: samples.reduce(0) { $0 + $1.pairs }, gap: gap, rawGap: rawGap,
            humanGap: humanGap, excessOverHuman: excess, underRewardRate: under, typicalitySlope: slope,
            flagged: gap.upper < 0 && significant, power: power(replicates.map { $0[0] }, prompts: samples.count)
        )
        estimates.significant = significant
        return estimates
    }

    /// The minimum detectable |G| from the bootstrap spread of G; `nil` with fewer than 2
    /// prompts, where resampling cannot show any spread.
    func power(_ gaps: [Double], prompts: Int) -> GapPower? {
        guard prompts >= 2, gaps.count >= 2 else { return nil }
        let standardError = Descriptive.standardDeviation(gaps)
        let detectable = MinimumDetectableEffect.size(standardError: standardError, confidence: options.confidence, power: options.power)
        return GapPower(
            standardError: standardError, minimumDetectableGap: detectable, power: options.power, target: options.targetGap,
            promptsForTarget: MinimumDetectableEffect.clustersNeeded(clusters: prompts, current: detectable, target: options.targetGap))
    }

    /// Covariate indices whose pooled within-prompt sum of squares is not negligible.
    static func activeCovariates(_ samples: [PromptSample], k: Int) -> [Int] {
        WithinItemRegression.activeCovariates(diagonal: (0..<k).map { c in samples.reduce(0.0) { $0 + $1.crossX[c * k + c] } })
    }
}
