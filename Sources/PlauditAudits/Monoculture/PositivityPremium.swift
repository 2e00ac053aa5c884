import Foundation
public import PlauditCore
import PlauditStats

/// One source text as the positivity premium sees it: its score (`nil` where the scorer failed),
/// its sentiment on the compound scale [−1, 1], and its length in words.
public struct PremiumText: Hashable, Sendable {
    public var score: Double?
    public var compound: Double
    public var words: Int

    public init(score: Double?, compound: Double, words: Int) {
        self.score = score
        self.compound = compound
        self.words = words
    }
}

/// Does a scorer pay for positivity? On human texts of mixed sentiment about the same item, two
/// measures (ARCHITECTURE §1.3):
///
/// - the **slope** of the score on sentiment within items: least squares with item fixed effects
///   of the score on compound sentiment and log(1 + words), once on the score's within-item z
///   (sample SD; comparable across scorers) and once on the raw score (the scorer's own units);
/// - the **pair rate**: over pairs of texts of the same item whose sentiment differs by at least
///   ``PremiumOptions/minimumSentimentGap`` and whose word counts differ by a factor of at most
///   ``PremiumOptions/maximumLengthRatio``, how often the more positive one scores higher (ties
///   ½), averaged within each item, then over items. 0.5 means no premium.
///
/// Items are the unit of resampling: intervals are seeded cluster-bootstrap percentile
/// intervals over items with at least two scored texts.
public struct PositivityPremium: Sendable {
    public var options: PremiumOptions
    public var resamples: Int
    public var confidence: Double
    public var seed: UInt64

    public init(options: PremiumOptions = PremiumOptions(), resamples: Int = 2_000, confidence: Double = 0.95, seed: UInt64) {
        self.options = options
        self.resamples = resamples
        self.confidence = confidence
        self.seed = seed
    }

    /// The premium of one scorer over `items` (each a list of that item's texts).
    public func estimate(scorer: ScorerDescriptor, items: [[PremiumText]], failed: Int) -> PremiumResult {
        let samples = items.map { PremiumSample(texts: $0, options: options) }.filter { $0.scored >= 2 }
        let scored = items.reduce(0) { $0 + $1.filter { $0.score != nil }.count }
        let pairItems = samples.filter { $0.pairRate != nil }
        var result = PremiumResult(
            scorer: scorer, items: samples.count, scored: scored, failed: failed, zSlope: nil, rawSlope: nil, pairRate: nil,
            pairs: samples.reduce(0) { $0 + $1.pairs }, pairItems: pairItems.count, verdict: "not estimable")
        guard !samples.isEmpty else { return result }

        let k = PremiumSample.covariates
        let diagonal = (0..<k).map { c in samples.reduce(0.0) { $0 + $1.raw.crossX[c * k + c] } }
        let active = WithinItemRegression.activeCovariates(diagonal: diagonal)
        let statistics: ([Int]) -> [Double] = { indices in
            var rawX = [Double](repeating: 0, count: k * k)
            var rawY = [Double](repeating: 0, count: k)
            var zX = rawX
            var zY = rawY
            var rate = 0.0
            var rated = 0
            for i in indices {
                let s = samples[i]
                for j in 0..<(k * k) {
                    rawX[j] += s.raw.crossX[j]
                    zX[j] += s.z.crossX[j]
                }
                for j in 0..<k {
                    rawY[j] += s.raw.crossY[j]
                    zY[j] += s.z.crossY[j]
                }
                if let r = s.pairRate {
                    rate += r
                    rated += 1
                }
            }
            return [
                WithinItemRegression.slope(zX, zY, k: k, active: active),
                WithinItemRegression.slope(rawX, rawY, k: k, active: active),
                rated > 0 ? rate / Double(rated) : .nan,
            ]
        }
        let point = statistics(Array(samples.indices))
        let bootstrap = ClusterBootstrap(resamples: resamples, confidence: confidence, seed: seed)
        let replicates = bootstrap.replicates(clusterCount: samples.count, statistics: statistics)
        func estimate(_ s: Int, pValue: Double?) -> Estimate? {
            guard point[s].isFinite else { return nil }
            let ci = ClusterBootstrap.percentileInterval(replicates.map { $0[s] }, confidence: confidence)
            return Estimate(value: point[s], lower: ci.lower, upper: ci.upper, pValue: pValue)
        }
        result.zSlope = estimate(0, pValue: Self.bootstrapPValue(replicates.map { $0[0] }))
        result.rawSlope = estimate(1, pValue: Self.bootstrapPValue(replicates.map { $0[1] }))
        if !pairItems.isEmpty {
            let test = SignFlipPermutationTest(resamples: 9_999, seed: seed ^ 0x5157)
            result.pairRate = estimate(2, pValue: test.test(pairItems.map { $0.pairRate! - 0.5 }).pValue)
        }
        if let z = result.zSlope {
            result.verdict = z.lower > 0 ? "pays for positivity" : (z.upper < 0 ? "penalises positivity" : "no clear premium")
        }
        return result
    }

    /// Two-sided bootstrap p-value of a slope against 0: how often the resampled slope falls on
    /// the other side of zero, counting the estimate itself once (as the calibration audit's γ).
    static func bootstrapPValue(_ values: [Double]) -> Double? {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty else { return nil }
        let below = Double(finite.filter { $0 <= 0 }.count)
        let above = Double(finite.filter { $0 >= 0 }.count)
        return min(1, 2 * (min(below, above) + 1) / (Double(finite.count) + 1))
    }
}

/// What makes two texts comparable for the pair rate.
public struct PremiumOptions: Sendable, Hashable {
    /// The smallest difference in compound sentiment for one text to count as more positive.
    public var minimumSentimentGap: Double
    /// The largest ratio of word counts (longer / shorter) for two texts to count as of similar
    /// length.
    public var maximumLengthRatio: Double

    public init(minimumSentimentGap: Double = 0.1, maximumLengthRatio: Double = 1.25) {
        self.minimumSentimentGap = minimumSentimentGap
        self.maximumLengthRatio = maximumLengthRatio
    }
}

/// One item's contribution to a scorer's premium: the demeaned cross-products of both
/// regressions and the item's pair rate.
struct PremiumSample {
    /// compound and log(1 + words).
    static let covariates = 2

    var scored: Int
    var raw: (crossX: [Double], crossY: [Double])
    var z: (crossX: [Double], crossY: [Double])
    var pairRate: Double?
    var pairs: Int

    init(texts: [PremiumText], options: PremiumOptions) {
        let usable = texts.filter { $0.score != nil }
        scored = usable.count
        let scores = usable.map { $0.score! }
        let z = PromptSample.zScores(scores, at: Array(usable.indices), count: usable.count).map { $0 ?? 0 }
        let rows = usable.map { [$0.compound, log(1 + Double($0.words))] }
        raw = WithinItemRegression.crossProducts(rows: rows, ys: scores, k: Self.covariates)
        self.z = WithinItemRegression.crossProducts(rows: rows, ys: z, k: Self.covariates)

        var wins = 0.0
        var pairs = 0
        for a in usable.indices {
            for b in usable.indices where b > a {
                let (x, y) = (usable[a], usable[b])
                guard abs(x.compound - y.compound) >= options.minimumSentimentGap else { continue }
                let shorter = Double(max(1, min(x.words, y.words)))
                guard Double(max(x.words, y.words)) / shorter <= options.maximumLengthRatio else { continue }
                let (positive, other) = x.compound > y.compound ? (x, y) : (y, x)
                wins += positive.score! > other.score! ? 1 : (positive.score! == other.score! ? 0.5 : 0)
                pairs += 1
            }
        }
        self.pairs = pairs
        pairRate = pairs > 0 ? wins / Double(pairs) : nil
    }
}
