import Testing

@testable import PlauditStats

@Suite("ClusterBootstrap")
struct ClusterBootstrapTests {
    private static let oracle = Oracle.root["cluster_bootstrap"]
    private static let clusters = oracle["clusters"].matrix

    private static func statistic(_ name: String) -> ([Int]) -> Double {
        let sums = clusters.map { $0.reduce(0, +) }
        let counts = clusters.map { Double($0.count) }
        let means = zip(sums, counts).map { $0 / $1 }
        switch name {
        case "pooled_mean":
            return { indices in
                var sum = 0.0
                var count = 0.0
                for i in indices {
                    sum += sums[i]
                    count += counts[i]
                }
                return sum / count
            }
        default:
            return { indices in indices.reduce(0.0) { $0 + means[$1] } / Double(indices.count) }
        }
    }

    /// The Python oracle uses 200,000 numpy resamples, Swift 20,000 from its own generator. For a bootstrap
    /// distribution with standard deviation sd and a near-normal shape, the Monte Carlo standard error of the
    /// 2.5% (or 5%) quantile with R draws is sqrt(α(1 − α)/R) / φ(z_α) · sd ≈ 0.019 sd for R = 20,000
    /// (0.006 sd for the oracle), about 0.02 sd combined. The tolerance of 0.1 sd is 5 combined standard errors;
    /// the seeds are fixed, so the check is deterministic.
    @Test("percentile intervals agree with a 200k-resample numpy bootstrap within Monte Carlo error")
    func matchesNumpy() {
        for expected in Self.oracle["statistics"].array {
            let name = expected.name
            let bootstrap = ClusterBootstrap(resamples: 20_000, confidence: expected["confidence"].double, seed: 99)
            let values = bootstrap.replicates(clusterCount: Self.clusters.count, statistic: Self.statistic(name))
            let interval = bootstrap.interval(values)
            let tolerance = 0.1 * expected["sd"].double
            #expect(
                abs(interval.lower - expected["lower"].double) <= tolerance,
                "\(name) lower \(interval.lower) vs \(expected["lower"].double)")
            #expect(
                abs(interval.upper - expected["upper"].double) <= tolerance,
                "\(name) upper \(interval.upper) vs \(expected["upper"].double)")
            let sd = Descriptive.standardDeviation(values)
            #expect(abs(sd / expected["sd"].double - 1) < 0.05, "\(name) sd \(sd)")
        }
    }

    @Test("same seed gives identical replicates; different seeds differ")
    func determinism() {
        let statistics: ([Int]) -> [Double] = { indices in
            [Double(indices.reduce(0, +)), Double(indices.first ?? -1)]
        }
        let a = ClusterBootstrap(resamples: 500, seed: 7).replicates(clusterCount: 40, statistics: statistics)
        let b = ClusterBootstrap(resamples: 500, seed: 7).replicates(clusterCount: 40, statistics: statistics)
        let c = ClusterBootstrap(resamples: 500, seed: 8).replicates(clusterCount: 40, statistics: statistics)
        #expect(a == b)
        #expect(a != c)
        #expect(a.count == 500 && a.allSatisfy { $0.count == 2 })
        let single = ClusterBootstrap(resamples: 500, seed: 7).replicates(clusterCount: 40) { indices in
            Double(indices.reduce(0, +))
        }
        #expect(single == a.map { $0[0] })
    }

    @Test("zero clusters hand the statistic an empty sample every time")
    func noClusters() {
        let values = ClusterBootstrap(resamples: 3, seed: 1).replicates(clusterCount: 0) { Double($0.count) }
        #expect(values == [0, 0, 0])
    }

    @Test("drawn indices are uniform over the clusters")
    func uniformDraws() {
        var counts = [Int](repeating: 0, count: 7)
        _ = ClusterBootstrap(resamples: 10_000, seed: 3).replicates(clusterCount: 7) { indices in
            for i in indices { counts[i] += 1 }
            return []
        }
        // 70,000 draws: each count is 10,000 ± 5 standard deviations (sd ≈ 93).
        #expect(counts.allSatisfy { abs($0 - 10_000) < 470 }, "\(counts)")
    }
}
