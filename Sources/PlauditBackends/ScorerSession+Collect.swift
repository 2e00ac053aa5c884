import PlauditClients
public import PlauditCore
public import PlauditRuntime

extension ScorerSession {
    /// Brings the scorers up, asks each pointwise scorer for every response of `items` (a
    /// shard's items when `itemIndices` is given) through `collector` at that scorer's
    /// concurrency, and returns the tables and each backend's request statistics. Pairwise
    /// judges compare two answers and are not asked here.
    public func collect(
        items: [Item], itemIndices: [Int]? = nil, collector: ScoreCollector, progress: any ProgressReporter
    ) async throws -> (tables: [ScoredTable], statistics: [String: BackendStatistics]) {
        try await run(progress: progress) { scorers, backends in
            var tables: [ScoredTable] = []
            for live in scorers where live.scorer.descriptor.kind != .pairwiseJudge {
                var perScorer = collector
                perScorer.concurrency = max(1, live.concurrency)
                tables.append(try await perScorer.collect(items: items, scorer: live.scorer, itemIndices: itemIndices, progress: progress))
            }
            return (tables, Dictionary(backends.map { ($0.configuration.name, $0.statistics) }, uniquingKeysWith: { a, _ in a }))
        }
    }
}
