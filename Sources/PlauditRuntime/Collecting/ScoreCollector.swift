import Foundation
public import PlauditCore

/// Asks a live scorer for every response of every item: answers already in the cache are
/// read in one bulk lookup, the rest go out a bounded number of calls at a time (in batches
/// where the scorer takes arrays), and each new answer is stored as soon as it arrives.
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
        fanOut = CachedFanOut(concurrency: concurrency, cache: cache, refresh: refresh)
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
        var jobs = requests.enumerated().map { ScoreJob(index: $0, request: $1, key: nil) }
        var result = ScoredRequests(values: Array(repeating: nil, count: requests.count))
        let phase = "scoring \(name)"

        // Known answers, in one lookup.
        var pending = jobs
        // Without a model name a key cannot tell two models behind one URL apart: no caching.
        let identity = fanOut.cache == nil ? nil : scorer.cacheIdentity.flatMap { $0.model.isEmpty ? nil : $0 }
        var fanOut = self.fanOut
        if identity == nil { fanOut.cache = nil }
        // A model replaced behind the same URL and name has a new fingerprint, hence new keys;
        // say so once, so the new namespace is not a silent surprise.
        if let fingerprinted = scorer as? FingerprintedScorer, let cache = fanOut.cache,
            let note = try await FingerprintRecord.update(fingerprinted, cache: cache)
        {
            progress.note(note)
        }
        if let identity {
            for index in jobs.indices {
                jobs[index].key = try ScoreCacheCoding.key(identity: identity, request: jobs[index].request)
            }
            let stored = try await fanOut.lookup(jobs.map { $0.key! })
            pending = []
            for (job, bytes) in zip(jobs, stored) {
                if let bytes, let value = ScoreCacheCoding.decode(bytes) {
                    result.values[job.index] = value
                    result.counts.hits += 1
                } else {
                    pending.append(job)
                }
            }
            result.counts.misses = pending.count
        }
        progress.update(phase: phase, done: result.counts.hits, total: jobs.count, failed: 0, cached: result.counts.hits)

        // The same question twice in one run (identical prompt and response) is asked once.
        var duplicates: [CacheKey: [ScoreJob]] = [:]
        if identity != nil {
            var seen: Set<CacheKey> = []
            pending = pending.filter { job in
                if seen.insert(job.key!).inserted { return true }
                duplicates[job.key!, default: []].append(job)
                return false
            }
        }

        let batchSize = max(1, scorer.batchSize)
        let batches = stride(from: 0, to: pending.count, by: batchSize).map {
            Array(pending[$0..<min($0 + batchSize, pending.count)])
        }
        var done = result.counts.hits
        let stored = try await fanOut.fanOut(count: batches.count, namespace: "score/\(identity?.backendKind ?? "")") { index in
            let batch = batches[index]
            let outcomes =
                batch.count == 1
                ? [try await scorer.score(batch[0].request)]
                : try await scorer.score(batch: batch.map(\.request))
            guard outcomes.count == batch.count else {
                throw AuditError("scorer \(name) returned \(outcomes.count) outcomes for a batch of \(batch.count)")
            }
            return outcomes
        } receive: { index, outcomes, store in
            for (first, outcome) in zip(batches[index], outcomes) {
                for job in [first] + (first.key.flatMap { duplicates[$0] } ?? []) {
                    done += 1
                    switch outcome {
                    case .score(let value) where value.isFinite:
                        result.values[job.index] = value
                        if let key = job.key, job.index == first.index {
                            try await store(key, ScoreCacheCoding.encode(value))
                        }
                    case .score(let value):
                        result.failures.append(
                            .init(scorer: name, itemID: job.request.itemID, responseID: job.request.responseID, reason: "non-finite score \(value)"))
                    case .failure(let reason):
                        result.failures.append(
                            .init(scorer: name, itemID: job.request.itemID, responseID: job.request.responseID, reason: reason))
                    }
                }
            }
            progress.update(phase: phase, done: done, total: jobs.count, failed: result.failures.count, cached: result.counts.hits)
        }
        if identity != nil { result.counts.stored = stored }
        progress.finish(phase: phase)
        // Completion order depends on timing; the record does not.
        let order = Dictionary(
            jobs.map { ($0.request.itemID + "\u{0}" + $0.request.responseID, $0.index) }, uniquingKeysWith: { first, _ in first })
        result.failures.sort {
            (order[$0.itemID + "\u{0}" + $0.responseID] ?? 0) < (order[$1.itemID + "\u{0}" + $1.responseID] ?? 0)
        }
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

/// How scores are keyed and stored in the response cache.
enum ScoreCacheCoding {
    private struct CanonicalRequest: Encodable {
        let parameters: String
        let messages: [ChatMessage]
        let response: String
        /// Absent (not null) for pointwise requests, so their keys are unchanged.
        let second: String?
    }

    /// The key: the scorer's identity and the request's content (not its ids: the same text
    /// to the same scorer is the same answer, in any dataset).
    static func key(identity: ScorerCacheIdentity, request: ScoringRequest) throws -> CacheKey {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(
            CanonicalRequest(
                parameters: identity.parameters, messages: request.prompt.messages, response: request.response, second: request.second))
        return CacheKey(
            backendKind: identity.backendKind, baseURL: identity.baseURL, model: identity.model, request: body,
            rubricSHA256: identity.rubricSHA256)
    }

    /// Eight bytes, the IEEE 754 bit pattern little-endian: exact and compact.
    static func encode(_ value: Double) -> Data {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { Data($0) }
    }

    static func decode(_ data: Data) -> Double? {
        guard data.count == 8 else { return nil }
        var bits: UInt64 = 0
        for (shift, byte) in data.enumerated() { bits |= UInt64(byte) << (8 * UInt64(shift)) }
        let value = Double(bitPattern: bits)
        return value.isFinite ? value : nil
    }
}
