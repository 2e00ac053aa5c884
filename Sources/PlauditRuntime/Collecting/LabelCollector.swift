public import PlauditCore

/// Asks a ``LabelJudge`` for every response of every item, through ``ScoreCollector``: the
/// same cache, bulk lookup, de-duplication, concurrency and resumability as scores.
///
/// A label is stored as its index in the judge's labels (an exact small number), under a
/// cache identity that names the label set, so it can never be mistaken for a score.
public struct LabelCollector: Sendable {
    public var collector: ScoreCollector

    public init(collector: ScoreCollector) {
        self.collector = collector
    }

    /// Labels per item and response (`nil` where the judge failed or the item was not asked
    /// for), the failures, and what the cache did.
    public func collect(
        items: [Item], judge: any LabelJudge, itemIndices: [Int]? = nil, progress: any ProgressReporter
    ) async throws -> LabeledTable {
        let scorer = LabelIndexScorer(judge: judge)
        let table = try await collector.collect(items: items, scorer: scorer, itemIndices: itemIndices, progress: progress)
        let labels = table.scores.map { row in
            row.map { value -> String? in
                guard let value, let index = Int(exactly: value), judge.labels.indices.contains(index) else { return nil }
                return judge.labels[index]
            }
        }
        return LabeledTable(descriptor: judge.descriptor, labels: labels, failures: table.failures, counts: table.counts)
    }
}

/// One label judge's labels over a dataset, what failed, and what the cache did.
public struct LabeledTable: Sendable {
    public var descriptor: ScorerDescriptor
    /// Per item, per response; `nil` where there is no label.
    public var labels: [[String?]]
    public var failures: [ScoreFailure]
    public var counts: CacheCounts
}

/// A label judge seen as a scorer whose score is the label's index.
struct LabelIndexScorer: RewardScorer {
    let judge: any LabelJudge

    var descriptor: ScorerDescriptor { judge.descriptor }

    var cacheIdentity: ScorerCacheIdentity? {
        guard var identity = judge.cacheIdentity else { return nil }
        identity.parameters += ";output=label-index;labels=" + judge.labels.joined(separator: ",")
        return identity
    }

    func score(_ request: ScoringRequest) async throws -> ScoreOutcome {
        switch try await judge.label(request) {
        case .label(let label):
            guard let index = judge.labels.firstIndex(of: label) else {
                return .failure("label '\(label)' is not one of \(judge.labels.joined(separator: ", "))")
            }
            return .score(Double(index))
        case .failure(let reason):
            return .failure(reason)
        }
    }
}
