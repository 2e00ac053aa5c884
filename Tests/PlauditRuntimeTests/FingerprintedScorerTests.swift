import Foundation
import PlauditCore
import PlauditRuntime
import PlauditTesting
import Synchronization
import Testing

/// Notes only.
final class NoteRecorder: ProgressReporter {
    let notes = Mutex<[String]>([])
    func update(phase: String, done: Int, total: Int, failed: Int, cached: Int) {}
    func finish(phase: String) {}
    func note(_ message: String) { notes.withLock { $0.append(message) } }
}

@Suite("FingerprintedScorer: a changed model gets a new cache namespace and one note")
struct FingerprintedScorerTests {
    @Test("same fingerprint: all from the cache, no note; a new one: everything asked again, one note, the old answers kept")
    func changedModel() async throws {
        let cache = MemoryCache()
        let items = ScoreCollectorTests.items
        let a = FingerprintedScorer(RecordingScorer(), fingerprint: ModelFingerprint(parts: ["probe.good=1.82"]))
        let progress = NoteRecorder()
        let first = try await ScoreCollector(concurrency: 2, cache: cache).collect(items: items, scorer: a, progress: progress)
        let again = try await ScoreCollector(concurrency: 2, cache: cache).collect(items: items, scorer: a, progress: progress)
        #expect(first.counts.stored == 29 && again.counts.hits == 29)
        #expect(progress.notes.withLock { $0 }.isEmpty)
        let entriesBefore = cache.entries.withLock { $0.count }

        let inner = RecordingScorer()
        let b = FingerprintedScorer(inner, fingerprint: ModelFingerprint(parts: ["probe.good=2.32"]))
        let second = try await ScoreCollector(concurrency: 2, cache: cache).collect(items: items, scorer: b, progress: progress)
        #expect(second.counts.hits == 0 && second.counts.stored == 29)
        #expect(inner.asked.withLock { $0.count } == 30)
        let notes = progress.notes.withLock { $0 }
        #expect(notes.count == 1)
        #expect(notes.first == "len: the model answering at http://127.0.0.1:1 changed since the cached answers (fingerprint \(a.fingerprint.hex) → \(b.fingerprint.hex)): its answers are asked again; the old ones stay in the cache")
        #expect(cache.entries.withLock { $0.count } == entriesBefore + 29)
        // The same model once more: no note.
        _ = try await ScoreCollector(concurrency: 2, cache: cache).collect(items: items, scorer: b, progress: progress)
        #expect(progress.notes.withLock { $0.count } == 1)
    }

    @Test("the fingerprint ends the identity's parameters; scoring is forwarded")
    func identity() async throws {
        let scorer = FingerprintedScorer(RecordingScorer(), fingerprint: ModelFingerprint(hex: "0123456789abcdef"))
        #expect(scorer.cacheIdentity?.parameters == "fingerprint=0123456789abcdef")
        #expect(scorer.baseIdentity?.parameters == "")
        let outcome = try await scorer.score(ScoringRequest(itemID: "i", responseID: "r", prompt: .text("p"), response: "abc"))
        #expect(outcome == .score(3))
    }
}
