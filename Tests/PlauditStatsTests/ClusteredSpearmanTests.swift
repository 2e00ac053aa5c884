import Testing

@testable import PlauditStats

/// The linear-time resample ρ against Spearman's ρ of the expanded resample (the definition),
/// on data with many ties, clusters drawn several times and clusters left out.
@Suite("Clustered Spearman for bootstrap resamples")
struct ClusteredSpearmanTests {
    @Test("equals Correlation.spearman of the expanded resample, ties and repeats included")
    func matchesExpanded() throws {
        var rng = SeededGenerator(seed: 99)
        for trial in 0..<40 {
            let clusters = 2 + Int(rng.next() % 30)
            var x: [Double] = []
            var y: [Double] = []
            var cluster: [Int] = []
            for c in 0..<clusters {
                for _ in 0..<(1 + Int(rng.next() % 6)) {
                    // Few distinct values: plenty of ties, within and across clusters.
                    x.append(Double(rng.next() % 7) / 2)
                    y.append(trial % 5 == 0 ? 1 : Double(rng.next() % 5))
                    cluster.append(c)
                }
            }
            let fast = try #require(ClusteredSpearman(x: x, y: y, cluster: cluster, clusterCount: clusters))
            for _ in 0..<20 {
                let drawn = (0..<clusters).map { _ in Int(rng.next() % UInt64(clusters)) }
                let members = drawn.flatMap { c in cluster.indices.filter { cluster[$0] == c } }
                let expected = members.count >= 3 ? Correlation.spearman(members.map { x[$0] }, members.map { y[$0] }).coefficient : .nan
                let actual = fast.rho(drawn: drawn)
                #expect(expected.isNaN == actual.isNaN, "trial \(trial): \(expected) vs \(actual)")
                if !expected.isNaN { #expect(expected == actual, "trial \(trial)") }
            }
        }
    }

    @Test("the whole sample (every cluster once) gives the plain ρ; NaN input is left to the plain path")
    func wholeSample() throws {
        let x = [1.0, 2, 2, 3, 5, 4, 4, 9]
        let y = [2.0, 1, 3, 3, 6, 5, 7, 8]
        let cluster = [0, 0, 1, 1, 2, 2, 3, 3]
        let fast = try #require(ClusteredSpearman(x: x, y: y, cluster: cluster, clusterCount: 4))
        #expect(fast.rho(weights: [1, 1, 1, 1]) == Correlation.spearman(x, y).coefficient)
        // scipy.stats.spearmanr(x, y).statistic for these values.
        #expect(abs(fast.rho(weights: [1, 1, 1, 1]) - 0.9030468880657605) < 1e-12)
        #expect(fast.rho(weights: [1, 0, 0, 0]).isNaN)
        #expect(ClusteredSpearman(x: [1, .nan, 3], y: [1, 2, 3], cluster: [0, 1, 2], clusterCount: 3) == nil)
    }
}
