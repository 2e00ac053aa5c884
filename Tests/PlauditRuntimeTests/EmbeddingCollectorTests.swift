import Foundation
import PlauditCore
import PlauditRuntime
import PlauditTesting
import Synchronization
import Testing

/// Every progress update, in order.
final class RecordingProgress: ProgressReporter {
    struct Update: Equatable {
        var phase: String
        var done: Int
        var total: Int
        var cached: Int
    }

    let updates = Mutex<[Update]>([])
    let finished = Mutex<[String]>([])

    func update(phase: String, done: Int, total: Int, failed: Int, cached: Int) {
        updates.withLock { $0.append(Update(phase: phase, done: done, total: total, cached: cached)) }
    }

    func finish(phase: String) {
        finished.withLock { $0.append(phase) }
    }

    var all: [Update] { updates.withLock { $0 } }
}

/// An embedder that throws on its `failOnCall`-th call, as a server that goes away would.
final class FailingEmbedder: Embedder {
    struct Gone: Error {}
    let inner = TrigramEmbedder()
    let calls = Mutex(0)
    let failOnCall: Int

    init(failOnCall: Int) { self.failOnCall = failOnCall }

    var descriptor: EmbedderDescriptor { inner.descriptor }
    var cacheIdentity: EmbedderCacheIdentity? { inner.cacheIdentity }

    func embed(_ texts: [String]) async throws -> [[Float]] {
        let call = calls.withLock { count in
            count += 1
            return count
        }
        if call == failOnCall { throw Gone() }
        return try await inner.embed(texts)
    }
}

@Suite("EmbeddingCollector: cached vectors, chunks, progress")
struct EmbeddingCollectorTests {
    static let texts = (0..<40).map { "answer number \($0) about rivers, towns and time" }

    static func bits(_ vectors: [[Float]]) -> [[UInt32]] { vectors.map { $0.map(\.bitPattern) } }

    @Test("A second run embeds nothing and gives the same vectors, bit for bit")
    func rerunEmbedsNothing() async throws {
        let cache = MemoryCache()
        let first = CountingEmbedder()
        let one = try await EmbeddingCollector(cache: cache).embed(Self.texts, embedder: first, progress: SilentProgress())
        #expect(first.computedCount == 40)
        #expect(one.counts == EmbeddingCounts(hits: 0, computed: 40, stored: 40, requests: 0))
        let second = CountingEmbedder()
        let progress = RecordingProgress()
        let two = try await EmbeddingCollector(cache: cache).embed(Self.texts, embedder: second, progress: progress)
        #expect(second.computedCount == 0)
        #expect(second.calls.withLock { $0 } == 0)
        #expect(two.counts == EmbeddingCounts(hits: 40, computed: 0, stored: 0, requests: 0))
        #expect(Self.bits(two.vectors) == Self.bits(one.vectors))
        #expect(Self.bits(one.vectors) == Self.bits(try await TrigramEmbedder().embed(Self.texts)))
        #expect(progress.all.last == RecordingProgress.Update(phase: "embedding", done: 40, total: 40, cached: 40))
        #expect(progress.finished.withLock { $0 } == ["embedding"])
    }

    @Test("Another identity (another model) misses and stores its own vectors beside the first")
    func otherIdentityMisses() async throws {
        let cache = MemoryCache()
        _ = try await EmbeddingCollector(cache: cache).embed(Self.texts, embedder: CountingEmbedder(), progress: SilentProgress())
        var other = try #require(TrigramEmbedder().cacheIdentity)
        other.model = "trigram-v2"
        let embedder = CountingEmbedder(TrigramEmbedder(), identity: other)
        let run = try await EmbeddingCollector(cache: cache).embed(Self.texts, embedder: embedder, progress: SilentProgress())
        #expect(embedder.computedCount == 40)
        #expect(run.counts.hits == 0)
        #expect(cache.vectors.withLock { $0.count } == 80)
    }

    @Test("A damaged stored vector is a miss: that text alone is embedded again and stored repaired")
    func corruptBlob() async throws {
        let cache = MemoryCache()
        let one = try await EmbeddingCollector(cache: cache).embed(Self.texts, embedder: CountingEmbedder(), progress: SilentProgress())
        let identity = try #require(TrigramEmbedder().cacheIdentity)
        let damaged = CacheKey(embedding: identity, text: Self.texts[3])
        let wrongLength = CacheKey(embedding: identity, text: Self.texts[9])
        cache.vectors.withLock { stored in
            stored[damaged]!.blob = stored[damaged]!.blob.prefix(10)
            stored[wrongLength]!.dims = 12
        }
        let embedder = CountingEmbedder()
        let two = try await EmbeddingCollector(cache: cache).embed(Self.texts, embedder: embedder, progress: SilentProgress())
        #expect(embedder.computedCount == 2)
        #expect(two.counts == EmbeddingCounts(hits: 38, computed: 2, stored: 2, requests: 0))
        #expect(Self.bits(two.vectors) == Self.bits(one.vectors))
        let three = CountingEmbedder()
        _ = try await EmbeddingCollector(cache: cache).embed(Self.texts, embedder: three, progress: SilentProgress())
        #expect(three.computedCount == 0)
    }

    @Test("An embedder without a cache identity (corpus-weighted) gets every text in one call and nothing is stored")
    func corpusEmbedderNotCached() async throws {
        let cache = MemoryCache()
        for _ in 0..<2 {
            let embedder = CountingEmbedder(TrigramEmbedder(), identity: nil)
            let run = try await EmbeddingCollector(cache: cache, chunkSize: 7).embed(Self.texts, embedder: embedder, progress: SilentProgress())
            #expect(embedder.calls.withLock { $0 } == 1)
            #expect(embedder.computedCount == 40)
            #expect(run.counts == EmbeddingCounts(hits: 0, computed: 40, stored: 0, requests: 0))
        }
        #expect(cache.vectors.withLock { $0.isEmpty })
        #expect(cache.vectorLookups.withLock { $0 } == 0)
    }

    @Test("Without a cache: one call over every text, as before caching existed")
    func noCache() async throws {
        let embedder = CountingEmbedder()
        let run = try await EmbeddingCollector(cache: nil, chunkSize: 7).embed(Self.texts + Self.texts, embedder: embedder, progress: SilentProgress())
        #expect(embedder.calls.withLock { $0 } == 1)
        #expect(run.counts == EmbeddingCounts(computed: 80))
    }

    @Test("--refresh embeds every text again and replaces the stored vectors")
    func refresh() async throws {
        let cache = MemoryCache()
        _ = try await EmbeddingCollector(cache: cache).embed(Self.texts, embedder: CountingEmbedder(), progress: SilentProgress())
        let identity = try #require(TrigramEmbedder().cacheIdentity)
        let key = CacheKey(embedding: identity, text: Self.texts[0])
        cache.vectors.withLock { $0[key]!.blob = EmbeddingBlob.encode([Float](repeating: 0.5, count: TrigramEmbedder.dimension)) }
        let embedder = CountingEmbedder()
        let run = try await EmbeddingCollector(cache: cache, refresh: true).embed(Self.texts, embedder: embedder, progress: SilentProgress())
        #expect(embedder.computedCount == 40)
        #expect(run.counts == EmbeddingCounts(hits: 0, computed: 40, stored: 40, requests: 0))
        #expect(cache.vectorLookups.withLock { $0 } == 1)
        let stored = cache.vectors.withLock { $0[key]! }
        #expect(EmbeddingBlob.decode(stored.blob, dimension: TrigramEmbedder.dimension) == run.vectors[0])
    }

    @Test("A text that occurs twice is embedded once; both get its vector and count as one stored")
    func duplicates() async throws {
        let cache = MemoryCache()
        let texts = Self.texts + Self.texts.prefix(5)
        let embedder = CountingEmbedder()
        let run = try await EmbeddingCollector(cache: cache).embed(texts, embedder: embedder, progress: SilentProgress())
        #expect(embedder.computedCount == 40)
        #expect(run.counts == EmbeddingCounts(hits: 0, computed: 40, stored: 40, requests: 0))
        #expect(run.vectors.count == 45)
        #expect(Self.bits(Array(run.vectors[40...])) == Self.bits(Array(run.vectors[0..<5])))
    }

    @Test("Chunks are stored as they complete: a run that fails midway keeps what it computed, and the rerun embeds only the rest")
    func chunksSurviveAFailure() async throws {
        let cache = MemoryCache()
        let collector = EmbeddingCollector(cache: cache, chunkSize: 16)
        await #expect(throws: FailingEmbedder.Gone.self) {
            _ = try await collector.embed(Self.texts, embedder: FailingEmbedder(failOnCall: 2), progress: SilentProgress())
        }
        #expect(cache.vectors.withLock { $0.count } == 16)
        let embedder = CountingEmbedder()
        let progress = RecordingProgress()
        let run = try await collector.embed(Self.texts, embedder: embedder, progress: progress)
        #expect(embedder.computedCount == 24)
        #expect(embedder.calls.withLock { $0 } == 2)
        #expect(run.counts == EmbeddingCounts(hits: 16, computed: 24, stored: 24, requests: 0))
        #expect(Self.bits(run.vectors) == Self.bits(try await TrigramEmbedder().embed(Self.texts)))
        // Progress: the cached count first, then as chunks complete; each count once, never
        // backwards, ending at the total.
        let done = progress.all.map(\.done)
        #expect(done.first == 16 && done.last == 40)
        #expect(zip(done, done.dropFirst()).allSatisfy { $0 < $1 }, "\(done)")
        #expect(progress.all.allSatisfy { $0.cached == 16 && $0.total == 40 })
        #expect(done.contains(32))
    }

    @Test("The wrong number of vectors or a vector of the wrong length is an AuditError naming the embedder")
    func badEmbedder() async throws {
        struct Short: Embedder {
            var descriptor: EmbedderDescriptor { EmbedderDescriptor(name: "short", dimension: 4) }
            var cacheIdentity: EmbedderCacheIdentity? { EmbedderCacheIdentity(kind: "short", source: "memory:", model: "s", dimension: 4) }
            func embed(_ texts: [String]) async throws -> [[Float]] { texts.map { _ in [1, 2, 3] } }
        }
        let error = await #expect(throws: AuditError.self) {
            _ = try await EmbeddingCollector(cache: MemoryCache()).embed(["a", "b"], embedder: Short(), progress: SilentProgress())
        }
        #expect(error?.description.contains("short") == true)
        #expect(error?.description.contains("expected 4") == true)
    }
}
