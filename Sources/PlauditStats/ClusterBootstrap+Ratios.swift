extension ClusterBootstrap {
    /// Replicates of several ratios of cluster sums, such as a paired rate per condition when
    /// items are the clusters: in replicate r, statistic s is Σ numerator / Σ denominator over
    /// the drawn clusters (repeats counted), NaN when the denominators sum to 0.
    ///
    /// `numerators` and `denominators` are cluster-major, `statistics` values per cluster:
    /// cluster k's value of statistic s is at `k * statistics + s`. The draws are those of
    /// ``replicates(clusterCount:statistics:)`` with the same seed; returns `replicates[r][s]`.
    public func ratioReplicates(numerators: [Double], denominators: [Double], statistics: Int) -> [[Double]] {
        precondition(statistics > 0, "statistics must be positive")
        precondition(numerators.count == denominators.count && numerators.count % statistics == 0, "one value per cluster and statistic")
        let clusters = numerators.count / statistics
        var top = [Double](repeating: 0, count: statistics)
        var bottom = [Double](repeating: 0, count: statistics)
        return numerators.withUnsafeBufferPointer { num in
            denominators.withUnsafeBufferPointer { den in
                replicates(clusterCount: clusters) { drawn -> [Double] in
                    for s in 0..<statistics {
                        top[s] = 0
                        bottom[s] = 0
                    }
                    for k in drawn {
                        let base = k * statistics
                        for s in 0..<statistics {
                            top[s] += num[base + s]
                            bottom[s] += den[base + s]
                        }
                    }
                    return (0..<statistics).map { bottom[$0] > 0 ? top[$0] / bottom[$0] : .nan }
                }
            }
        }
    }
}
