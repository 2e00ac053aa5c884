import Foundation
import PlauditClients
import PlauditCore
import PlauditTesting
import Synchronization
import Testing

/// The endpoint embedders' cache identities, their progress per batch and their request counts,
/// against a fake server on 127.0.0.1.
@Suite("Endpoint embedders: cache identity, progress, requests")
struct EmbedderCacheIdentityTests {
    /// `/v1/embeddings` and TEI's `/embed`, answering `[length, 1]` per text.
    static let handler: FakeHTTPServer.Handler = { request in
        let inputs = (request.json?["input"] ?? request.json?["inputs"]) as? [String] ?? []
        let vectors = inputs.map { [Float($0.count), 1] }
        let body: Any =
            request.path == "/embed" ? vectors : ["data": vectors.enumerated().map { ["index": $0.offset, "embedding": $0.element] as [String: Any] }]
        return .json(String(decoding: try! JSONSerialization.data(withJSONObject: body), as: UTF8.self))
    }

    @Test("Identity: kind, URL, model, dimension and request settings; none without a model")
    func identities() async throws {
        try await withFakeBackend(Self.handler) { fake in
            let vllm = try OpenAIEmbedder(client: fake.client(.vllm, model: "e5"), dimension: 2)
            let identity = try #require(vllm.cacheIdentity)
            #expect(identity.kind == "vllm" && identity.model == "e5" && identity.dimension == 2)
            #expect(identity.source == fake.server.baseURL)
            #expect(identity.parameters == ["endpoint": "/v1/embeddings", "encoding_format": "float"])
            #expect(try OpenAIEmbedder(client: fake.client(.vllm), dimension: 2).cacheIdentity == nil, "no model: not cached")

            let tei = try TEIEmbedder(client: fake.client(.tei, model: "bge", options: ["normalize": "false"]), dimension: 2)
            #expect(tei.cacheIdentity?.parameters == ["endpoint": "/embed", "normalize": "false", "truncate": "false"])
            let normalized = try TEIEmbedder(client: fake.client(.tei, model: "bge"), dimension: 2)
            #expect(normalized.cacheIdentity != tei.cacheIdentity)
            // Headers change where answers come from, so they change the identity too.
            let routed = try OpenAIEmbedder(client: fake.client(.vllm, model: "e5", headers: ["x-route": "b"]), dimension: 2)
            #expect(routed.cacheIdentity?.source != identity.source)
            let ollama = try OllamaEmbedder(client: fake.client(.ollama, model: "nomic"), dimension: 2)
            #expect(ollama.cacheIdentity?.parameters["endpoint"] == "/api/embed")
        }
    }

    @Test("Progress after each batch, up to every text; request counts include the dimension probe")
    func progressAndRequests() async throws {
        try await withFakeBackend(Self.handler) { fake in
            let embedder = try await OpenAIEmbedder.connect(client: fake.client(.vllm, model: "e5", maxBatchSize: 4))
            #expect(embedder.requestStatistics?.requests == 1)
            let reported = Mutex<[Int]>([])
            let texts = (0..<10).map { String(repeating: "w", count: $0 + 1) }
            let vectors = try await embedder.embed(texts) { done in reported.withLock { $0.append(done) } }
            #expect(vectors == texts.map { [Float($0.count), 1] })
            // One report per batch (4, 4 and 2 texts, in whatever order they finish), increasing.
            let counts = reported.withLock { $0 }
            #expect(counts.count == 3 && counts.last == 10)
            #expect(zip(counts, counts.dropFirst()).allSatisfy { $0 < $1 })
            #expect(embedder.requestStatistics?.requests == 4)
        }
    }
}
