import Foundation
import PlauditAudits
import PlauditCore
import PlauditRuntime
import PlauditTesting
import PlauditText
import Synchronization
import Testing

/// The demo's shape run twice through the library (the bundled open-ended fixture, two live
/// scorers, responses embedded), with fakes for the models: the second run must ask no scorer
/// and embed nothing, say so in its manifest, and give the same results. The same for the
/// other jobs that embed, and the lexical embedder, which is never cached.
@Suite("embedding cache through the jobs")
struct EmbeddingCacheJobTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Stand-ins for the demo's judge and perplexity scorer.
    static func models(embedder: CountingEmbedder = CountingEmbedder()) -> FakeModels {
        FakeModels(
            scorers: [
                .init(name: "judge") { TestNoise.unit($0.itemID + $0.response) * 10 },
                .init(name: "perplexity") { -Double($0.response.count) / 100 + TestNoise.unit($0.response) },
            ],
            embedder: embedder)
    }

    static func demoRequest() -> CalibrationRequest {
        let fixture = root.appendingPathComponent("fixtures/open-ended").path
        var request = CalibrationRequest(dataset: [fixture], command: RecordedCommand(words: ["audit", fixture]))
        request.resamples = 200
        request.permutations = 199
        request.threshold = 0.4
        return request
    }

    static func run(_ models: FakeModels, cache: (any ResponseCache)?, refresh: Bool = false) async throws -> CalibrationResults {
        let job = try CalibrationJob.plan(Self.demoRequest(), models: models, progress: SilentProgress())
        guard case .results(let results, _) = try await job.run(models: models, cache: cache, refresh: refresh, progress: SilentProgress()) else {
            throw AuditError("a shard came back")
        }
        return results
    }

    /// The results as JSON without the manifest (times, counts), keys sorted.
    static func withoutManifest<T: Encodable>(_ results: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var object = try JSONSerialization.jsonObject(with: encoder.encode(results)) as! [String: Any]
        object.removeValue(forKey: "manifest")
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    @Test("the demo's audit twice: the second run asks nothing, embeds nothing, counts it in the manifest, and gives equal results")
    func demoTwice() async throws {
        let cache = MemoryCache()
        let models = Self.models()
        let first = try await Self.run(models, cache: cache)
        let responses = try #require(first.manifest.counts["responses"])
        #expect(responses == 324)
        #expect(first.manifest.counts["embeddings_computed"] == responses)
        #expect(first.manifest.counts["embedding_cache_stored"] == responses)
        #expect(first.manifest.counts["embedding_cache_hits"] == 0)
        #expect(models.embedder.computedCount == responses)
        let asked = models.asked.withLock { $0 }
        #expect(asked == ["judge": responses, "perplexity": responses])

        let second = try await Self.run(models, cache: cache)
        #expect(models.asked.withLock { $0 } == asked, "a cached rerun asked a scorer again")
        #expect(models.embedder.computedCount == responses, "a cached rerun embedded again")
        let counts = second.manifest.counts
        #expect(counts["requests"] == 0)
        #expect(counts["embedding_requests"] == 0)
        #expect(counts["embeddings_computed"] == 0)
        #expect(counts["embedding_cache_hits"] == responses)
        #expect(counts["embedding_cache_stored"] == 0)
        #expect(counts["cache_misses"] == 0 && counts["cache_hits"] == 2 * responses)
        #expect(try Self.withoutManifest(second) == Self.withoutManifest(first))

        // Without a cache the same vectors come out, so the same results.
        let uncached = try await Self.run(Self.models(), cache: nil)
        #expect(try Self.withoutManifest(uncached) == Self.withoutManifest(first))
        #expect(uncached.manifest.counts["embeddings_computed"] == responses && uncached.manifest.counts["embedding_cache_stored"] == 0)
    }

    @Test("--refresh embeds again and stores; another embedder identity misses")
    func refreshAndIdentity() async throws {
        let cache = MemoryCache()
        _ = try await Self.run(Self.models(), cache: cache)
        let refreshed = Self.models()
        let again = try await Self.run(refreshed, cache: cache, refresh: true)
        #expect(refreshed.embedder.computedCount == 324)
        #expect(again.manifest.counts["embedding_cache_stored"] == 324 && again.manifest.counts["embedding_cache_hits"] == 0)

        var identity = try #require(TrigramEmbedder().cacheIdentity)
        identity.source = "another-model-file"
        let other = Self.models(embedder: CountingEmbedder(TrigramEmbedder(), identity: identity))
        let run = try await Self.run(other, cache: cache)
        #expect(other.embedder.computedCount == 324)
        #expect(run.manifest.counts["embedding_cache_hits"] == 0)
    }

    @Test("the lexical embedder weighs words over the corpus: it is never cached per text, and every run embeds again")
    func lexicalNotCached() async throws {
        #expect(LexicalEmbedder().cacheIdentity == nil)
        let cache = MemoryCache()
        for _ in 0..<2 {
            let models = Self.models(embedder: CountingEmbedder(LexicalEmbedder()))
            let results = try await Self.run(models, cache: cache)
            #expect(models.embedder.computedCount == 324)
            #expect(models.embedder.calls.withLock { $0 } == 1, "the corpus must be embedded in one call")
            #expect(results.manifest.counts["embeddings_computed"] == 324)
            #expect(results.manifest.counts["embedding_cache_stored"] == 0)
            #expect(results.manifest.counts["embedding_cache_hits"] == 0)
        }
        #expect(cache.vectors.withLock { $0.isEmpty })
    }

    @Test("homogeneity on the bundled generations: the cached rerun embeds nothing and gives equal results")
    func homogeneityTwice() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let cache = MemoryCache()
        let models = Self.models()
        var request = HomogeneityRequest(folder: dir.url, command: RecordedCommand(words: ["homogeneity"]))
        request.dataset = [Self.root.appendingPathComponent("fixtures/homogeneity/generations.jsonl").path]
        request.resamples = 200
        let job = try HomogeneityJob.plan(request, models: models, progress: SilentProgress())
        let first = try await job.run(models: models, cache: cache, progress: SilentProgress())
        let texts = try #require(first.manifest.counts["responses"])
        // The fixture repeats a few generations word for word: each distinct text is embedded once.
        let distinct = Set(try DatasetReader().read(paths: request.dataset).items.flatMap { $0.responses.map(\.text) }).count
        #expect(distinct < texts)
        #expect(first.manifest.counts["embeddings_computed"] == distinct && models.embedder.computedCount == distinct)
        #expect(first.manifest.counts["embedding_cache_stored"] == distinct)
        let second = try await job.run(models: models, cache: cache, progress: SilentProgress())
        #expect(models.embedder.computedCount == distinct)
        #expect(second.manifest.counts["embeddings_computed"] == 0 && second.manifest.counts["embedding_cache_hits"] == texts)
        #expect(try Self.withoutManifest(second) == Self.withoutManifest(first))
    }
}
