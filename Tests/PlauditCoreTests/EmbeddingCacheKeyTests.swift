import Foundation
import PlauditCore
import Testing

/// How vectors are keyed and stored: ``CacheKey/init(embedding:text:)`` and ``EmbeddingBlob``.
@Suite("Embedding cache keys and blobs")
struct EmbeddingCacheKeyTests {
    static let identity = EmbedderCacheIdentity(
        kind: "tei", source: "http://127.0.0.1:8080", model: "bge-small", dimension: 384, parameters: ["endpoint": "/embed", "normalize": "true"])

    @Test("A blob reads back bit for bit: signed zeros, subnormals, extremes, ordinary values")
    func blobRoundTrip() throws {
        let vector: [Float] = [
            0, -0.0, 1, -1, .pi, Float.leastNonzeroMagnitude, -Float.leastNonzeroMagnitude, Float.leastNormalMagnitude,
            .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 0.1, 1e-30, 123_456.789,
        ] + (0..<371).map { Float(sin(Double($0))) }
        let blob = EmbeddingBlob.encode(vector)
        #expect(blob.count == vector.count * 4)
        let back = try #require(EmbeddingBlob.decode(blob, dimension: vector.count))
        #expect(back.map(\.bitPattern) == vector.map(\.bitPattern))
        // Little-endian on every machine: 1.0 is 0x3F800000.
        #expect(Array(EmbeddingBlob.encode([1])) == [0x00, 0x00, 0x80, 0x3F])
    }

    @Test("A blob of another length, a damaged one or one with a NaN or infinity reads as missing")
    func badBlobs() {
        let blob = EmbeddingBlob.encode([1, 2, 3, 4])
        #expect(EmbeddingBlob.decode(blob, dimension: 3) == nil)
        #expect(EmbeddingBlob.decode(blob, dimension: 5) == nil)
        #expect(EmbeddingBlob.decode(blob.dropLast(), dimension: 4) == nil)
        #expect(EmbeddingBlob.decode(Data(), dimension: 0) == nil)
        #expect(EmbeddingBlob.decode(EmbeddingBlob.encode([1, .nan, 3, 4]), dimension: 4) == nil)
        #expect(EmbeddingBlob.decode(EmbeddingBlob.encode([1, .infinity, 3, 4]), dimension: 4) == nil)
        #expect(EmbeddingBlob.decode(blob, dimension: 4) == [1, 2, 3, 4])
    }

    @Test("Every part of the identity and the text changes the key; credentials in the URL do not")
    func keyParts() {
        let base = CacheKey(embedding: Self.identity, text: "a text")
        #expect(base == CacheKey(embedding: Self.identity, text: "a text"))
        #expect(base.hex.count == 64)
        var changes: [EmbedderCacheIdentity] = []
        for change in 0..<6 {
            var other = Self.identity
            switch change {
            case 0: other.kind = "openai"
            case 1: other.source = "http://127.0.0.1:8081"
            case 2: other.model = "bge-base"
            case 3: other.dimension = 768
            case 4: other.parameters["normalize"] = "false"
            default: other.parameters["truncate"] = "false"
            }
            changes.append(other)
        }
        let keys = Set(changes.map { CacheKey(embedding: $0, text: "a text") } + [base, CacheKey(embedding: Self.identity, text: "a text ")])
        #expect(keys.count == 8)
        var withCredentials = Self.identity
        withCredentials.source = "http://user:secret@127.0.0.1:8080"
        #expect(CacheKey(embedding: withCredentials, text: "a text") == base)
    }

    @Test("Parameters are hashed name by name: no two parameter sets give one key by concatenation")
    func parameterBoundaries() {
        var a = Self.identity
        a.parameters = ["x": "1;y=2"]
        var b = Self.identity
        b.parameters = ["x": "1", "y": "2"]
        #expect(CacheKey(embedding: a, text: "t") != CacheKey(embedding: b, text: "t"))
        var c = Self.identity
        c.model = "bge-small" + "x"
        c.parameters = [:]
        var d = Self.identity
        d.parameters = [:]
        #expect(CacheKey(embedding: c, text: "t") != CacheKey(embedding: d, text: "xt"))
    }

    @Test("The namespace names the embedder's kind")
    func namespace() {
        #expect(Self.identity.namespace == "embedding/tei")
    }

    @Test("Manifest counts: four embedding counts; requests added only where the manifest counts them")
    func manifestCounts() {
        let counts = EmbeddingCounts(hits: 5, computed: 2, stored: 2, requests: 3)
        var withRequests = ["requests": 10]
        counts.record(in: &withRequests)
        #expect(
            withRequests == ["requests": 13, "embedding_cache_hits": 5, "embeddings_computed": 2, "embedding_cache_stored": 2, "embedding_requests": 3])
        var without: [String: Int] = [:]
        counts.record(in: &without)
        #expect(without["requests"] == nil && without["embeddings_computed"] == 2)
    }
}
