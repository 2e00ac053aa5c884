import Foundation
import PlauditCore

/// The bookkeeping of one score collection, window by window: which requests the cache
/// answers, which must be asked (each distinct question once), how they group into the
/// scorer's batches, and the results as they come in.
///
/// Windows let a cold run send its first requests after one small lookup instead of after
/// keying and looking up every response. The counts are those of one lookup of everything
/// before any request: a question already asked in an earlier window is a miss again (it is
/// not looked up, so an answer stored meanwhile does not turn it into a hit), and the batches
/// are the same consecutive runs of the questions to ask.
struct ScorePlan {
    /// The first window is small so that requests start at once; later ones double up to
    /// ``largestWindow`` (lookups in calls of a few thousand keys cost little per key).
    static let firstWindow = 256
    static let largestWindow = 4_096

    private enum Asked {
        /// Asked, not yet answered: the later requests with the same question.
        case waiting([ScoreJob])
        case answered(ScoreOutcome)
    }

    private(set) var jobs: [ScoreJob]
    private var keys: ScoreCacheCoding.Keys?
    private let batchSize: Int
    private let scorerName: String
    private var next = 0
    private var window = Self.firstWindow
    /// Questions to ask that do not yet fill a batch.
    private var carry: [ScoreJob] = []
    private var asked: [CacheKey: Asked] = [:]
    private(set) var result: ScoredRequests
    /// Requests settled so far: hits, answers and failures.
    private(set) var done = 0

    /// - Parameter identity: the scorer's cache identity; `nil` when nothing is cached (then
    ///   nothing is keyed, looked up or merged).
    init(requests: [ScoringRequest], identity: ScorerCacheIdentity?, batchSize: Int, scorerName: String) {
        jobs = requests.enumerated().map { ScoreJob(index: $0, request: $1, key: nil) }
        keys = identity.map { ScoreCacheCoding.Keys(identity: $0) }
        self.batchSize = max(1, batchSize)
        self.scorerName = scorerName
        result = ScoredRequests(values: Array(repeating: nil, count: requests.count))
    }

    /// The batches to ask from the next window (possibly none, when the cache answers all of
    /// it), or `nil` when every request has been handed out.
    mutating func nextBatches(lookup: ([CacheKey]) async throws -> [Data?]) async throws -> [[ScoreJob]]? {
        if next >= jobs.count && carry.isEmpty { return nil }
        let range = next..<min(jobs.count, next + window)
        next = range.upperBound
        window = min(Self.largestWindow, 2 * window)
        if keys == nil {
            carry.append(contentsOf: jobs[range])
        } else {
            try await sortOut(range, lookup: lookup)
        }
        var batches: [[ScoreJob]] = []
        var start = 0
        while carry.count - start >= batchSize || (next >= jobs.count && start < carry.count) {
            let end = min(start + batchSize, carry.count)
            batches.append(Array(carry[start..<end]))
            start = end
        }
        carry.removeFirst(start)
        return batches
    }

    /// Keys the window's requests, looks up those whose question was not asked before, and
    /// settles hits; misses go to ``carry`` (first asking) or wait on the earlier asking.
    private mutating func sortOut(_ range: Range<Int>, lookup: ([CacheKey]) async throws -> [Data?]) async throws {
        var toLookUp: [Int] = []
        for index in range {
            let key = keys!.key(for: jobs[index].request)
            jobs[index].key = key
            if asked[key] == nil { toLookUp.append(index) }
        }
        let stored = try await lookup(toLookUp.map { jobs[$0].key! })
        var found = [Double?](repeating: nil, count: range.count)
        for (index, bytes) in zip(toLookUp, stored) {
            if let bytes, let value = ScoreCacheCoding.decode(bytes) { found[index - range.lowerBound] = value }
        }
        for index in range {
            let job = jobs[index]
            if let value = found[index - range.lowerBound] {
                result.values[index] = value
                result.counts.hits += 1
                done += 1
                continue
            }
            result.counts.misses += 1
            switch asked[job.key!] {
            case nil:
                asked[job.key!] = .waiting([])
                carry.append(job)
            case .waiting(var later):
                later.append(job)
                asked[job.key!] = .waiting(later)
            case .answered(let outcome):
                settle(job, with: outcome)
            }
        }
    }

    /// Records the answer to `first` for it and every request waiting on the same question;
    /// returns the score to store under its key, if there is one to store.
    mutating func receive(_ outcome: ScoreOutcome, for first: ScoreJob) -> (key: CacheKey, value: Double)? {
        var later: [ScoreJob] = []
        if let key = first.key {
            if case .waiting(let waiting) = asked[key] { later = waiting }
            asked[key] = .answered(outcome)
        }
        for job in [first] + later { settle(job, with: outcome) }
        if case .score(let value) = outcome, value.isFinite, let key = first.key { return (key, value) }
        return nil
    }

    private mutating func settle(_ job: ScoreJob, with outcome: ScoreOutcome) {
        done += 1
        switch outcome {
        case .score(let value) where value.isFinite:
            result.values[job.index] = value
        case .score(let value):
            result.failures.append(
                .init(scorer: scorerName, itemID: job.request.itemID, responseID: job.request.responseID, reason: "non-finite score \(value)"))
        case .failure(let reason):
            result.failures.append(.init(scorer: scorerName, itemID: job.request.itemID, responseID: job.request.responseID, reason: reason))
        }
    }

    /// Puts the failures in request order (completion order depends on timing; the record
    /// does not).
    mutating func sortFailures() {
        guard result.failures.count > 1 else { return }
        let order = Dictionary(
            jobs.map { ($0.request.itemID + "\u{0}" + $0.request.responseID, $0.index) }, uniquingKeysWith: { first, _ in first })
        result.failures.sort {
            (order[$0.itemID + "\u{0}" + $0.responseID] ?? 0) < (order[$1.itemID + "\u{0}" + $1.responseID] ?? 0)
        }
    }
}
