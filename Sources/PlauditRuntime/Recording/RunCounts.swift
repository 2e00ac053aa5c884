public import PlauditCore

/// The counts every scoring run's manifest records: what the cache did for the live scorers and
/// what their backends were asked.
public enum RunCounts {
    public static func of(live: [ScoredTable], statistics: [String: BackendStatistics]) -> [String: Int] {
        [
            "cache_hits": live.reduce(0) { $0 + $1.counts.hits },
            "cache_misses": live.reduce(0) { $0 + $1.counts.misses },
            "cache_stored": live.reduce(0) { $0 + $1.counts.stored },
            "requests": statistics.values.reduce(0) { $0 + $1.requests },
            "retries": statistics.values.reduce(0) { $0 + $1.retries },
            "throttled": statistics.values.reduce(0) { $0 + $1.throttled },
            "request_failures": statistics.values.reduce(0) { $0 + $1.failures },
        ]
    }
}
