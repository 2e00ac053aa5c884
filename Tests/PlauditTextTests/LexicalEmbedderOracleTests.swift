import Foundation
import PlauditCore
import Testing

@testable import PlauditText

/// Oracles/lexical_oracle.json, written by Oracles/make_lexical_oracle.py: an independent Python implementation
/// of the lexical embedder's spec, computed in float64.
struct LexicalOracle: Decodable {
    struct StoredVector: Decodable {
        let index: Int
        let values: [Double]
    }

    /// One `vectors(for:)` call: its texts, settings, and expected results.
    struct Case: Decodable {
        let name: String
        let dimension: Int
        let wordNgrams: [Int]
        let charNgrams: [Int]
        let texts: [String]
        /// Full vectors for some of the texts (none for the default-dimension case).
        let vectors: [StoredVector]
        /// Cosines between all pairs of texts; 0 where either vector is all-zero.
        let cosines: [[Double]]
        /// Python's words per text, and its numbers of distinct word and character n-grams.
        let words: [[String]]?
        let wordFeatureCounts: [Int]?
        let charFeatureCounts: [Int]?

        var embedder: LexicalEmbedder {
            LexicalEmbedder(
                dimension: dimension, wordNGrams: wordNgrams[0]...wordNgrams[1],
                characterNGrams: charNgrams[0]...charNgrams[1])
        }
    }

    /// A text that Python's `isalpha`/`lower` and Swift's Unicode properties/`lowercased()` split differently.
    struct Divergence: Decodable {
        let name: String
        let text: String
        let swiftWords: [String]
        let pythonWords: [String]
        let note: String
    }

    /// A text holding one Hangul word precomposed and as conjoining jamo.
    struct Normalisation: Decodable {
        let text: String
        let pythonWordFeatures: Int
        let pythonCharFeatures: Int
    }

    let cases: [Case]
    let divergences: [Divergence]
    let normalisation: Normalisation

    /// The whole oracle file, parsed once.
    static let shared: LexicalOracle = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Oracles/lexical_oracle.json")
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(LexicalOracle.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()

    static func named(_ name: String) -> Case {
        guard let found = shared.cases.first(where: { $0.name == name }) else {
            fatalError("lexical oracle has no case \(name)")
        }
        return found
    }
}

/// The cosine of two Float vectors, computed in Double; 0 when either is all-zero (the oracle's convention).
func cosine(_ a: [Float], _ b: [Float]) -> Double {
    var dot = 0.0
    var na = 0.0
    var nb = 0.0
    for (x, y) in zip(a, b) {
        dot += Double(x) * Double(y)
        na += Double(x) * Double(x)
        nb += Double(y) * Double(y)
    }
    return na == 0 || nb == 0 ? 0 : dot / (na.squareRoot() * nb.squareRoot())
}

@Suite("Lexical embedder against the Python oracle")
struct LexicalEmbedderOracleTests {
    /// Absolute tolerance per vector component (Swift accumulates in Float, Python in float64).
    static let componentTolerance = 1e-5
    /// Absolute tolerance per cosine.
    static let cosineTolerance = 1e-6

    @Test("the oracle file holds the expected cases")
    func fixture() {
        let oracle = LexicalOracle.shared
        #expect(oracle.cases.map(\.name) == ["corpus-1024", "corpus-8192", "small-corpus-1024", "custom-ngrams-1024"])
        let corpus = LexicalOracle.named("corpus-1024")
        #expect(corpus.texts.count == 41)
        #expect(corpus.vectors.count == 8)
        #expect(corpus.cosines.count == corpus.texts.count)
        #expect(corpus.cosines.allSatisfy { $0.count == corpus.texts.count })
        let full = LexicalOracle.named("corpus-8192")
        #expect(full.dimension == LexicalEmbedder().dimension)
        #expect(full.texts == corpus.texts)
        #expect(full.vectors.isEmpty)
        #expect(corpus.vectors.allSatisfy { $0.values.count == corpus.dimension })
    }

    @Test(
        "words and distinct n-gram counts match the oracle's tokenisation",
        arguments: ["corpus-1024", "small-corpus-1024", "custom-ngrams-1024"])
    func tokenisation(caseName: String) throws {
        let oracle = LexicalOracle.named(caseName)
        let words = try #require(oracle.words)
        let wordCounts = try #require(oracle.wordFeatureCounts)
        let charCounts = try #require(oracle.charFeatureCounts)
        let embedder = oracle.embedder
        for (index, text) in oracle.texts.enumerated() {
            let label = "\(caseName)[\(index)] \(text.debugDescription)"
            // Compare scalar by scalar: String equality would hide normalisation differences.
            let swiftWords = LexicalFeatures.words(in: text)
            #expect(
                swiftWords.map { Array($0.unicodeScalars) } == words[index].map { Array($0.unicodeScalars) },
                "\(label): words \(swiftWords), expected \(words[index])")
            let features = LexicalFeatures(
                text, wordNGrams: embedder.wordNGrams, characterNGrams: embedder.characterNGrams)
            #expect(features.words.count == wordCounts[index], "\(label): distinct word n-grams")
            #expect(features.characters.count == charCounts[index], "\(label): distinct character n-grams")
        }
    }

    @Test(
        "vectors match the oracle to 1e-5 per component",
        arguments: ["corpus-1024", "small-corpus-1024", "custom-ngrams-1024"])
    func vectors(caseName: String) {
        let oracle = LexicalOracle.named(caseName)
        let vectors = oracle.embedder.vectors(for: oracle.texts)
        #expect(vectors.count == oracle.texts.count)
        #expect(!oracle.vectors.isEmpty)
        for stored in oracle.vectors {
            let actual = vectors[stored.index]
            let label = "\(caseName)[\(stored.index)] \(oracle.texts[stored.index].debugDescription)"
            #expect(actual.count == oracle.dimension, "\(label): dimension")
            var worst = 0.0
            var worstIndex = 0
            for (i, (a, e)) in zip(actual, stored.values).enumerated() where abs(Double(a) - e) > worst {
                worst = abs(Double(a) - e)
                worstIndex = i
            }
            #expect(
                worst <= Self.componentTolerance,
                "\(label): component \(worstIndex) is \(actual[worstIndex]), expected \(stored.values[worstIndex])")
        }
    }

    @Test(
        "pairwise cosines match the oracle to 1e-6",
        arguments: ["corpus-1024", "corpus-8192", "small-corpus-1024", "custom-ngrams-1024"])
    func cosines(caseName: String) {
        let oracle = LexicalOracle.named(caseName)
        let vectors = oracle.embedder.vectors(for: oracle.texts)
        var mismatches: [String] = []
        for i in vectors.indices {
            for j in vectors.indices {
                let actual = cosine(vectors[i], vectors[j])
                let expected = oracle.cosines[i][j]
                if abs(actual - expected) > Self.cosineTolerance {
                    mismatches.append("(\(i), \(j)): \(actual) vs \(expected)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(caseName): \(mismatches.count) cosines differ: \(mismatches.prefix(10))")
    }

    /// Where Python's `str.isalpha()` (general category L) and `str.lower()` (with Final_Sigma) read a text
    /// differently from the Unicode Alphabetic property and Swift's `lowercased()`, which the embedder uses.
    /// Swift's words are the ones the embedder documents; the oracle corpus avoids these characters.
    @Test("documented Unicode differences from Python split words as the Alphabetic property says")
    func divergences() {
        let divergences = LexicalOracle.shared.divergences
        #expect(divergences.map(\.name) == ["final sigma", "Devanagari vowel signs", "circled letters"])
        for divergence in divergences {
            let words = LexicalFeatures.words(in: divergence.text).map { Array($0.unicodeScalars) }
            #expect(
                words == divergence.swiftWords.map { Array($0.unicodeScalars) },
                "\(divergence.name) (\(divergence.note)): got \(words)")
            #expect(words != divergence.pythonWords.map { Array($0.unicodeScalars) }, "\(divergence.name)")
        }
    }

    /// The spec hashes and counts features by their UTF-8 bytes, and so does `LexicalFeatures`; the text is
    /// NFC-normalised first, so a word written precomposed and the same word as conjoining jamo are one word.
    @Test("canonically equivalent spellings give the same features (NFC first)")
    func canonicalEquivalence() {
        let oracle = LexicalOracle.shared.normalisation
        let nfc = "\u{D55C}\u{AD6D}"
        let nfd = "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}"
        #expect(oracle.text.unicodeScalars.elementsEqual("\(nfc) \(nfd)".unicodeScalars))
        let features = LexicalFeatures(oracle.text, wordNGrams: 1...2, characterNGrams: 3...5)
        // No character n-gram of up to 5 scalars has a canonically equivalent twin here.
        #expect(features.characters.count == oracle.pythonCharFeatures)
        // After NFC both spellings are one word: one unigram counted twice plus the bigram.
        #expect(features.words.count == 2)
        #expect(features.words[FeatureHash.fnv1a(nfc, namespace: 1)] == 2)
        #expect(features.words.count == oracle.pythonWordFeatures)
    }
}
