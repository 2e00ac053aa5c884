import Foundation
public import PlauditCore

/// Asks a live scorer for every response of every item: answers already in the cache are
/// read in bulk lookups, a window of requests at a time while the questions of earlier windows
/// are already out (see ``ScorePlan``), the rest go out a bounded number of calls at a time (in
/// batches where the scorer takes arrays), and each new answer is stored as soon as it arrives.
///
/// A run killed at any moment and started again therefore asks only for what was not yet
/// stored. Failures are recorded, never cached. Scorers without a cache identity, or whose
/// identity names no model, are not cached. A ``FingerprintedScorer`` whose fingerprint differs
/// from the one last recorded in the cache gets a one-line note (see ``FingerprintRecord``). If the scorer throws (it is unusable), the answers
/// received so far are stored before the error is rethrown.
public struct ScoreCollector: Sendable {
    /// Calls in flight, the cache and whether to refresh it.
    public var fanOut: CachedFanOut

    /// Calls in flight at once.
    public var concurrency: Int {
        get { fanOut.concurrency }
        set { fanOut.concurrency = max(1, newValue) }
    }

    public init(concurrency: Int = 1, cache: (any ResponseCache)? = nil, refresh: Bool = false) {
        fanOut = CachedFanOut(concurrency: concurrency, cache: cache, refresh: refresh, writeDelay: .milliseconds(20))
    }

    /// Scores per item and response (`nil` where the scorer failed or the item was not asked
    /// for), the failures, and what the cache did.
    ///
    /// - Parameter itemIndices: the items to score (a shard); `nil` for all.
    public func collect(
        items: [Item],
        scorer: any RewardScorer,
        itemIndices: [Int]? = nil,
        progress: any ProgressReporter
    ) async throws -> ScoredTable {
        var positions: [(item: Int, response: Int)] = []
        var requests: [ScoringRequest] = []
        for i in itemIndices ?? Array(items.indices) {
            for j in items[i].responses.indices {
                positions.append((i, j))
                requests.append(
                    ScoringRequest(
                        itemID: items[i].id, responseID: items[i].responses[j].id, prompt: items[i].prompt,
                        response: items[i].responses[j].text))
            }
        }
        let answered = try await collect(requests: requests, scorer: scorer, progress: progress)
        var table = ScoredTable(
            descriptor: scorer.descriptor, scores: items.map { [Double?](repeating: nil, count: $0.responses.count) },
            failures: answered.failures, counts: answered.counts)
        for (position, value) in zip(positions, answered.values) {
            table.scores[position.item][position.response] = value
        }
        return table
    }

    /// Scores for any list of requests (for example both orders of pairs for a pairwise
    /// judge): one value per request, in order (`nil` where it failed), the failures in request
    /// order, and what the cache did.
    public func collect(
        requests: [ScoringRequest],
        scorer: any RewardScorer,
        progress: any ProgressReporter
    ) async throws -> ScoredRequests {
        let name = scorer.descriptor.name
        let phase = "scoring \(name)"
        // Without a model name a key cannot tell two models behind one URL apart: no caching.
        let identity = fanOut.cache == nil ? nil : scorer.cacheIdentity.flatMap { $0.model.isEmpty ? nil : $0 }
        var uncachedWithoutIdentity = self.fanOut
        if identity == nil { uncachedWithoutIdentity.cache = nil }
        let fanOut = uncachedWithoutIdentity
        // A model replaced behind the same URL and name has a new fingerprint, hence new keys;
        // say so once, so the new namespace is not a silent surprise.
        if let fingerprinted = scorer as? FingerprintedScorer, let cache = fanOut.cache,
            let note = try await FingerprintRecord.update(fingerprinted, cache: cache)
        {
            progress.note(note)
        }

        // Known answers are looked up a window at a time, while the questions of earlier
        // windows are already being asked; the same question twice in one run is asked once.
        var plan = ScorePlan(requests: requests, identity: identity, batchSize: scorer.batchSize, scorerName: name)
        if requests.isEmpty { progress.update(phase: phase, done: 0, total: 0, failed: 0, cached: 0) }
        let stored = try await fanOut.fanOut(namespace: "score/\(identity?.backendKind ?? "")") {
            let batches = try await plan.nextBatches(lookup: fanOut.lookup)
            if batches != nil {
                progress.update(
                    phase: phase, done: plan.done, total: requests.count, failed: plan.result.failures.count, cached: plan.result.counts.hits)
            }
            return batches
        } work: { batch in
            let outcomes =
                batch.count == 1
                ? [try await scorer.score(batch[0].request)]
                : try await scorer.score(batch: batch.map(\.request))
            guard outcomes.count == batch.count else {
                throw AuditError("scorer \(name) returned \(outcomes.count) outcomes for a batch of \(batch.count)")
            }
            return outcomes
        } receive: { batch, outcomes, store in
            for (first, outcome) in zip(batch, outcomes) {
                if let answer = plan.receive(outcome, for: first) {
                    try await store(answer.key, ScoreCacheCoding.encode(answer.value))
                }
            }
            progress.update(
                phase: phase, done: plan.done, total: requests.count, failed: plan.result.failures.count, cached: plan.result.counts.hits)
        }
        progress.finish(phase: phase)
        plan.sortFailures()
        var result = plan.result
        if identity != nil { result.counts.stored = stored }
        return result
    }
}

/// Scores for a list of requests, in order.
public struct ScoredRequests: Sendable {
    /// One per request; `nil` where the scorer failed.
    public var values: [Double?]
    public var failures: [ScoreFailure] = []
    public var counts = CacheCounts()
}

/// One request to score (its position in the list), with its cache key once known.
struct ScoreJob: Sendable {
    var index: Int
    var request: ScoringRequest
    var key: CacheKey?
}

/// One scorer's scores over a dataset, what failed, and what the cache did.
public struct ScoredTable: Sendable {
    public var descriptor: ScorerDescriptor
    /// Per item, per response; `nil` where there is no score.
    public var scores: [[Double?]]
    public var failures: [ScoreFailure]
    public var counts: CacheCounts

    public init(
        descriptor: ScorerDescriptor, scores: [[Double?]], failures: [ScoreFailure] = [],
        counts: CacheCounts = CacheCounts()
    ) {
        self.descriptor = descriptor
        self.scores = scores
        self.failures = failures
        self.counts = counts
    }
}
