/// A seeded percentile bootstrap that resamples whole clusters.
///
/// Responses to the same prompt are not independent, so plaudit resamples prompts (clusters) with replacement
/// and keeps each prompt's responses together; intervals then reflect prompt-to-prompt variation.
public struct ClusterBootstrap: Sendable {
    /// Number of bootstrap replicates.
    public let resamples: Int
    /// Coverage of ``percentileInterval(_:confidence:)`` intervals built from the replicates, in (0, 1).
    public let confidence: Double
    /// Seed of the resampling stream; equal seeds give identical replicates.
    public let seed: UInt64

    /// Configures the bootstrap; `resamples` must be positive.
    public init(resamples: Int = 2_000, confidence: Double = 0.95, seed: UInt64) {
        precondition(resamples > 0, "resamples must be positive")
        self.resamples = resamples
        self.confidence = confidence
        self.seed = seed
    }

    /// Draws `resamples` samples of `clusterCount` cluster indices (uniform, with replacement, seeded) and
    /// evaluates `statistics` on each; returns `replicates[r][s]`, the s-th statistic of replicate r.
    ///
    /// The index array handed to `statistics` lists the drawn clusters (repeats included) and is reused between
    /// calls, so the closure should read it rather than keep it. With `clusterCount == 0` the closure receives an
    /// empty array each time.
    public func replicates(clusterCount: Int, statistics: ([Int]) -> [Double]) -> [[Double]] {
        var result: [[Double]] = []
        result.reserveCapacity(resamples)
        forEachResample(clusterCount: clusterCount) { result.append(statistics($0)) }
        return result
    }

    /// Replicates of a single statistic: the same draws as ``replicates(clusterCount:statistics:)`` with the
    /// same seed, one value per replicate.
    public func replicates(clusterCount: Int, statistic: ([Int]) -> Double) -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(resamples)
        forEachResample(clusterCount: clusterCount) { result.append(statistic($0)) }
        return result
    }

    private func forEachResample(clusterCount: Int, _ body: ([Int]) -> Void) {
        precondition(clusterCount >= 0, "clusterCount must not be negative")
        var generator = SeededGenerator(seed: seed)
        var indices = [Int](repeating: 0, count: clusterCount)
        for _ in 0..<resamples {
            for position in 0..<clusterCount {
                indices[position] = generator.nextInt(upperBound: clusterCount)
            }
            body(indices)
        }
    }

    /// Percentile interval at this bootstrap's ``confidence``; see ``percentileInterval(_:confidence:)``.
    public func interval(_ values: [Double]) -> (lower: Double, upper: Double) {
        Self.percentileInterval(values, confidence: confidence)
    }

    /// The equal-tailed percentile interval of the finite values (NaN and infinities dropped): the numpy
    /// 'linear' quantiles at α = (1 − confidence)/2 and 1 − α. NaN bounds when no finite value remains.
    public static func percentileInterval(_ values: [Double], confidence: Double) -> (lower: Double, upper: Double) {
        let finite = values.filter(\.isFinite).sorted()
        guard !finite.isEmpty, confidence > 0, confidence < 1 else { return (.nan, .nan) }
        let alpha = (1 - confidence) / 2
        return (Descriptive.quantile(sorted: finite, alpha), Descriptive.quantile(sorted: finite, 1 - alpha))
    }
}
