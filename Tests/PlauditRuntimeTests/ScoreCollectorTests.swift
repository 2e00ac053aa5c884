import Foundation
import PlauditCore
import PlauditRuntime
import PlauditTesting
import Synchronization
import Testing

/// Scores = response length, records every request, fails on texts containing "bad", and
/// throws (as an unusable server would) after `breakAfter` calls.
final class RecordingScorer: RewardScorer {
    let asked = Mutex<[String]>([])
    let breakAfter: Int?
    let batchSize: Int

    init(breakAfter: Int? = nil, batchSize: Int = 1) {
        self.breakAfter = breakAfter
        self.batchSize = batchSize
    }

    var descriptor: ScorerDescriptor { ScorerDescriptor(name: "len", kind: .rewardModel, backend: "test") }
    var cacheIdentity: ScorerCacheIdentity? { ScorerCacheIdentity(backendKind: "test", baseURL: "http://127.0.0.1:1", model: "len") }

    struct Broken: Error {}

    func score(_ request: ScoringRequest) async throws -> ScoreOutcome {
        let count = asked.withLock { asked in
            asked.append(request.response)
            return asked.count
        }
        if let breakAfter, count > breakAfter { throw Broken() }
        if request.response.contains("bad") { return .failure("bad text") }
        return .score(Double(request.response.count))
    }

    func score(batch: [ScoringRequest]) async throws -> [ScoreOutcome] {
        var out: [ScoreOutcome] = []
        for request in batch { out.append(try await score(request)) }
        return out
    }
}

@Suite("ScoreCollector: cache, resume, batching")
struct ScoreCollectorTests {
    static let items: [Item] = (0..<6).map { i in
        Item(
            id: "q\(i)", prompt: .text("prompt \(i)"),
            responses: (0..<5).map { j in Response(id: "r\(j)", text: j == 4 && i == 2 ? "bad answer" : String(repeating: "x", count: i * 5 + j + 1)) }
        )
    }

    @Test("a second run asks nothing and returns identical scores; failures are not cached")
    func rerunIsFree() async throws {
        let cache = MemoryCache()
        let first = RecordingScorer()
        let a = try await ScoreCollector(concurrency: 4, cache: cache).collect(items: Self.items, scorer: first, progress: SilentProgress())
        #expect(first.asked.withLock { $0.count } == 30)
        #expect(a.failures.count == 1)
        #expect(a.counts.misses == 30)
        #expect(a.counts.stored == 29)
        let second = RecordingScorer()
        let b = try await ScoreCollector(concurrency: 4, cache: cache).collect(items: Self.items, scorer: second, progress: SilentProgress())
        #expect(second.asked.withLock { $0 } == ["bad answer"])
        #expect(b.counts.hits == 29)
        #expect(b.scores == a.scores)
        #expect(b.failures.map(\.responseID) == ["r4"])
        #expect(cache.lookups.withLock { $0 } == 2)
    }

    @Test("answers received before the scorer broke are kept; the rerun asks only for the rest")
    func resumeAfterFailure() async throws {
        let cache = MemoryCache()
        let broken = RecordingScorer(breakAfter: 12)
        await #expect(throws: RecordingScorer.Broken.self) {
            _ = try await ScoreCollector(concurrency: 1, cache: cache).collect(items: Self.items, scorer: broken, progress: SilentProgress())
        }
        let answered = Set(broken.asked.withLock { Array($0.prefix(12)) })
        #expect(cache.entries.withLock { $0.count } == 12)
        let resumed = RecordingScorer()
        let table = try await ScoreCollector(concurrency: 3, cache: cache).collect(items: Self.items, scorer: resumed, progress: SilentProgress())
        let askedAgain = Set(resumed.asked.withLock { $0 })
        #expect(askedAgain.isDisjoint(with: answered))
        #expect(resumed.asked.withLock { $0.count } == 30 - 12)
        let fresh = try await ScoreCollector(concurrency: 2).collect(items: Self.items, scorer: RecordingScorer(), progress: SilentProgress())
        #expect(table.scores == fresh.scores)
    }

    @Test("refresh asks again and replaces; no cache asks every time")
    func refreshAndNoCache() async throws {
        let cache = MemoryCache()
        _ = try await ScoreCollector(cache: cache).collect(items: Self.items, scorer: RecordingScorer(), progress: SilentProgress())
        let again = RecordingScorer()
        _ = try await ScoreCollector(cache: cache, refresh: true).collect(items: Self.items, scorer: again, progress: SilentProgress())
        #expect(again.asked.withLock { $0.count } == 30)
        let uncached = RecordingScorer()
        _ = try await ScoreCollector().collect(items: Self.items, scorer: uncached, progress: SilentProgress())
        #expect(uncached.asked.withLock { $0.count } == 30)
    }

    @Test("batches, and a shard's subset, give the same scores for the items asked")
    func batchesAndShards() async throws {
        let whole = try await ScoreCollector(concurrency: 2).collect(items: Self.items, scorer: RecordingScorer(), progress: SilentProgress())
        let batched = try await ScoreCollector(concurrency: 2).collect(items: Self.items, scorer: RecordingScorer(batchSize: 4), progress: SilentProgress())
        #expect(batched.scores == whole.scores)
        let shard = RecordingScorer()
        let part = try await ScoreCollector(concurrency: 2).collect(items: Self.items, scorer: shard, itemIndices: [1, 4], progress: SilentProgress())
        #expect(shard.asked.withLock { $0.count } == 10)
        for i in Self.items.indices {
            #expect(part.scores[i] == ([1, 4].contains(i) ? whole.scores[i] : [Double?](repeating: nil, count: 5)))
        }
    }

    @Test("the same prompt and response twice in one run is asked once and scored for both")
    func duplicatesAskedOnce() async throws {
        let items = [
            Item(id: "a", prompt: .text("same"), responses: [Response(id: "1", text: "twin"), Response(id: "2", text: "twin"), Response(id: "3", text: "other")]),
            Item(id: "b", prompt: .text("same"), responses: [Response(id: "1", text: "twin")]),
        ]
        let scorer = RecordingScorer()
        let table = try await ScoreCollector(concurrency: 2, cache: MemoryCache()).collect(items: items, scorer: scorer, progress: SilentProgress())
        #expect(scorer.asked.withLock { $0.sorted() } == ["other", "twin"])
        #expect(table.scores == [[4, 4, 5], [4]])
    }
}
