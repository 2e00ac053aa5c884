import Foundation
import PlauditCore
import PlauditRuntime
import PlauditTesting
import Synchronization
import Testing

/// Score collection looks the cache up a window at a time while earlier windows' questions are
/// asked. These runs span several windows (256, 512, 1,024, 2,048 requests) and check that the
/// counts, the questions asked and the batches are those of one lookup of everything first.
@Suite("ScoreCollector across lookup windows")
struct ScoreCollectorWindowTests {
    /// Request i carries text i % 1000 (each text three times, in different windows).
    static let requests = (0..<3000).map { i in
        ScoringRequest(itemID: "q\(i)", responseID: "r", prompt: .text("prompt"), response: "text \(i % 1000) " + String(repeating: "x", count: i % 1000 % 13))
    }

    static func expectedScore(_ i: Int) -> Double { Double(requests[i].response.count) }

    /// Records each call's batch.
    final class BatchRecorder: RewardScorer {
        let batches = Mutex<[[String]]>([])
        var descriptor: ScorerDescriptor { ScorerDescriptor(name: "len", kind: .rewardModel, backend: "test") }
        var cacheIdentity: ScorerCacheIdentity? { ScorerCacheIdentity(backendKind: "test", baseURL: "http://127.0.0.1:1", model: "len") }
        var batchSize: Int { 4 }
        func score(_ request: ScoringRequest) async throws -> ScoreOutcome { try await score(batch: [request])[0] }
        func score(batch: [ScoringRequest]) async throws -> [ScoreOutcome] {
            batches.withLock { $0.append(batch.map(\.response)) }
            return batch.map { .score(Double($0.response.count)) }
        }
    }

    @Test("hits, misses and questions asked equal one lookup of everything; duplicates in later windows are asked once")
    func countsAcrossWindows() async throws {
        let cache = MemoryCache()
        let stored = (0..<1000).filter { $0 % 7 == 0 }
        _ = try await ScoreCollector(cache: cache).collect(requests: stored.map { Self.requests[$0] }, scorer: RecordingScorer(), progress: SilentProgress())
        let scorer = RecordingScorer()
        let result = try await ScoreCollector(concurrency: 8, cache: cache).collect(requests: Self.requests, scorer: scorer, progress: SilentProgress())
        #expect(result.counts.hits == 3 * stored.count)
        #expect(result.counts.misses == 3000 - 3 * stored.count)
        #expect(result.counts.stored == 1000 - stored.count)
        let asked = scorer.asked.withLock { $0 }
        #expect(asked.count == 1000 - stored.count && Set(asked).count == asked.count)
        #expect(result.values == Self.requests.indices.map { Self.expectedScore($0) })
        #expect(result.failures.isEmpty)
    }

    @Test("batches are consecutive runs of the questions to ask, in request order, across window edges")
    func batchesAcrossWindows() async throws {
        let cache = MemoryCache()
        let stored = (0..<1000).filter { $0 % 5 == 0 }
        _ = try await ScoreCollector(cache: cache).collect(requests: stored.map { Self.requests[$0] }, scorer: RecordingScorer(), progress: SilentProgress())
        let scorer = BatchRecorder()
        let result = try await ScoreCollector(concurrency: 1, cache: cache).collect(requests: Self.requests, scorer: scorer, progress: SilentProgress())
        let toAsk = (0..<1000).filter { $0 % 5 != 0 }.map { Self.requests[$0].response }
        let expected = stride(from: 0, to: toAsk.count, by: 4).map { Array(toAsk[$0..<min($0 + 4, toAsk.count)]) }
        #expect(scorer.batches.withLock { $0 } == expected)
        #expect(result.values == Self.requests.indices.map { Self.expectedScore($0) })
    }

    @Test("a run that breaks in a later window keeps every answer received; the rerun asks only the rest")
    func resumeAcrossWindows() async throws {
        let cache = MemoryCache()
        let unique = Array(Self.requests.prefix(1000))
        let broken = RecordingScorer(breakAfter: 700)
        await #expect(throws: RecordingScorer.Broken.self) {
            _ = try await ScoreCollector(concurrency: 1, cache: cache).collect(requests: unique, scorer: broken, progress: SilentProgress())
        }
        let answered = Set(broken.asked.withLock { Array($0.prefix(700)) })
        #expect(cache.entries.withLock { $0.count } == 700)
        let resumed = RecordingScorer()
        let result = try await ScoreCollector(concurrency: 4, cache: cache).collect(requests: Self.requests, scorer: resumed, progress: SilentProgress())
        let again = resumed.asked.withLock { $0 }
        #expect(again.count == 300 && Set(again).isDisjoint(with: answered))
        #expect(result.counts.hits == 2100 && result.counts.stored == 300)
        #expect(result.values == Self.requests.indices.map { Self.expectedScore($0) })
    }
}
