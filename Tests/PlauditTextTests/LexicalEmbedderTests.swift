import Foundation
import PlauditCore
import Testing

@testable import PlauditText

@Suite("Lexical embedder properties")
struct LexicalEmbedderTests {
    static let paragraph = """
        The committee reviewed the proposal in detail and concluded that the new bridge would reduce travel \
        times across the river by about twenty minutes. Construction is expected to begin next spring.
        """
    static let paraphrase = """
        After a detailed review, the committee decided the proposed bridge would cut journeys over the river \
        by roughly twenty minutes. Building should start next spring.
        """
    static let unrelated = """
        Stock markets fell sharply on Tuesday after the central bank raised interest rates for the third time \
        this year, and bond yields climbed.
        """

    /// Varied texts; the last five have no words.
    static let corpus: [String] = [
        paragraph, paraphrase, unrelated,
        "The cat sat on the mat.", "The cat is sitting on the mat.",
        "Café naïve résumé", "時間は川です", "Привет, мир!", "x² ½ 2024-05-17", "I love it 😀 so much",
        "a", "ab", "buffalo buffalo buffalo buffalo",
        "", "   \t\n", "!!! ...", "😀🎉👍🏽", "\u{0301}",
    ]

    static func norm(_ v: [Float]) -> Double {
        v.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
    }

    @Test("one vector per text, each of the configured dimension", arguments: [1, 7, 1024, 8192])
    func shape(dimension: Int) {
        let vectors = LexicalEmbedder(dimension: dimension).vectors(for: Self.corpus)
        #expect(vectors.count == Self.corpus.count)
        #expect(vectors.allSatisfy { $0.count == dimension })
        #expect(LexicalEmbedder(dimension: dimension).vectors(for: []).isEmpty)
    }

    @Test("every vector has unit norm, or is all-zero exactly when the text has no words")
    func unitNorm() {
        for dimension in [64, 1024, 8192] {
            let vectors = LexicalEmbedder(dimension: dimension).vectors(for: Self.corpus)
            for (text, vector) in zip(Self.corpus, vectors) {
                let label = "\(dimension) \(text.debugDescription)"
                #expect(vector.allSatisfy { $0.isFinite }, "\(label)")
                if LexicalFeatures.words(in: text).isEmpty {
                    #expect(vector.allSatisfy { $0 == 0 }, "\(label): expected the zero vector")
                } else {
                    #expect(abs(Self.norm(vector) - 1) < 1e-5, "\(label): norm \(Self.norm(vector))")
                }
            }
        }
        // A single text on its own (n = 1, every idf is 1).
        #expect(abs(Self.norm(LexicalEmbedder().vectors(for: ["hello"])[0]) - 1) < 1e-6)
        #expect(LexicalEmbedder().vectors(for: [""])[0] == [Float](repeating: 0, count: 8192))
    }

    /// At 8192 buckets no bucket of this corpus receives more than two features of one family from one text, so
    /// the per-bucket Float sums cannot depend on the order in which the features are visited.
    @Test("the same corpus gives identical vectors across calls and instances")
    func deterministic() {
        let first = LexicalEmbedder().vectors(for: Self.corpus)
        for _ in 0..<3 {
            #expect(LexicalEmbedder().vectors(for: Self.corpus) == first)
        }
        #expect(LexicalEmbedder(dimension: 8192).vectors(for: Self.corpus) == first)
    }

    /// Known issue: `LexicalEmbedder.hashed` visits a text's features in `Dictionary` order, which Swift seeds per
    /// process and per dictionary instance. When three or more features of one family land in one bucket, their
    /// Float sum depends on that order, so vectors can differ in the last bits between calls and between
    /// processes (seen in most runs at 16 and 64 buckets, and at 1024 buckets on the oracle corpus's long
    /// texts). The differences stay within float rounding.
    @Test("crowded buckets: vectors agree to rounding, bit-identical only by luck")
    func crowdedBuckets() {
        let texts = Self.corpus + LexicalOracle.named("corpus-1024").texts
        let first = LexicalEmbedder(dimension: 16).vectors(for: texts)
        var runs: [[[Float]]] = []
        for _ in 0..<10 {
            let again = LexicalEmbedder(dimension: 16).vectors(for: texts)
            for (a, b) in zip(again, first) {
                #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-6 })
            }
            runs.append(again)
        }
        #expect(runs.allSatisfy { $0 == first }, "vectors must be bit-identical across calls")
    }

    @Test("duplicate texts get identical vectors; reordering the corpus reorders the vectors")
    func duplicatesAndOrder() {
        let embedder = LexicalEmbedder()
        let texts = ["the cat sat", "a dog barked", "the cat sat", "fish swim"]
        let vectors = embedder.vectors(for: texts)
        #expect(vectors[0] == vectors[2])
        let reversed = embedder.vectors(for: texts.reversed())
        for (a, b) in zip(vectors, reversed.reversed()) {
            #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-6 })
        }
    }

    @Test("IDF is taken over the texts of one call")
    func corpusDependence() {
        let embedder = LexicalEmbedder()
        let alone = embedder.vectors(for: ["the cat sat"])[0]
        let withOthers = embedder.vectors(for: ["the cat sat", "the dog sat", "the bird flew"])[0]
        #expect(alone != withOthers)
        #expect(cosine(alone, withOthers) < 0.9999)
        #expect(cosine(alone, withOthers) > 0.5)
    }

    @Test("a paraphrase is closer than an unrelated sentence")
    func paraphraseIsCloser() {
        for dimension in [1024, 8192] {
            let v = LexicalEmbedder(dimension: dimension).vectors(for: Self.corpus)
            #expect(cosine(v[0], v[1]) > cosine(v[0], v[2]) + 0.1, "dimension \(dimension)")
            #expect(cosine(v[0], v[1]) > cosine(v[1], v[2]) + 0.1, "dimension \(dimension)")
            #expect(cosine(v[3], v[4]) > cosine(v[3], v[2]) + 0.1, "dimension \(dimension)")
            #expect(abs(cosine(v[0], v[0]) - 1) < 1e-6)
        }
    }

    @Test("case and punctuation do not change the vector")
    func caseAndPunctuation() {
        let v = LexicalEmbedder().vectors(for: ["Hello, World!", "hello world", "HELLO -- world...", "hello there"])
        #expect(v[0] == v[1])
        #expect(v[0] == v[2])
        #expect(v[0] != v[3])
    }

    @Test("the descriptor reports the name, dimension and parameters")
    func descriptor() {
        let standard = LexicalEmbedder().descriptor
        #expect(standard.name == "lexical-tfidf")
        #expect(standard.dimension == 8192)
        #expect(
            standard.parameters == [
                "word_ngrams": "1-2",
                "char_ngrams": "3-5 (within words)",
                "hashing": "fnv1a-64, signed",
                "tf": "1 + ln(tf)",
                "idf": "ln((1 + n) / (1 + df)) + 1 over the embedded corpus (in an audit, each prompt's responses)",
            ])
        let custom = LexicalEmbedder(dimension: 300, wordNGrams: 1...3, characterNGrams: 2...4)
        #expect(custom.descriptor.dimension == 300)
        #expect(custom.descriptor.parameters["word_ngrams"] == "1-3")
        #expect(custom.descriptor.parameters["char_ngrams"] == "2-4 (within words)")
        #expect(custom.descriptor == EmbedderDescriptor(
            name: "lexical-tfidf", dimension: 300, parameters: custom.descriptor.parameters))
        #expect(custom.descriptor != standard)
    }

    @Test("embed(_:) returns what vectors(for:) returns, also through the Embedder protocol")
    func asyncEmbedMatches() async throws {
        let embedder = LexicalEmbedder()
        let expected = embedder.vectors(for: Self.corpus)
        #expect(try await embedder.embed(Self.corpus) == expected)
        let existential: any Embedder = embedder
        #expect(try await existential.embed(Self.corpus) == expected)
        #expect(existential.descriptor == embedder.descriptor)
        #expect(try await embedder.embed([]).isEmpty)
    }

    @Test("words are maximal runs of letters and digits after lower-casing")
    func words() {
        #expect(LexicalFeatures.words(in: "Hello, World! 42x y_z") == ["hello", "world", "42x", "y", "z"])
        #expect(LexicalFeatures.words(in: "don't stop-me now") == ["don", "t", "stop", "me", "now"])
        #expect(LexicalFeatures.words(in: "Café NAÏVE") == ["café", "naïve"])
        #expect(LexicalFeatures.words(in: "時間は川です。次") == ["時間は川です", "次"])
        #expect(LexicalFeatures.words(in: "x² ½ Ⅻ") == ["x²", "½", "ⅻ"])
        #expect(LexicalFeatures.words(in: " \t\n!?😀").isEmpty)
        #expect(LexicalFeatures.words(in: "").isEmpty)
    }

    @Test("word 1-2-grams and character 3-5-grams within space-padded words")
    func features() {
        // Features are kept as FNV-1a hashes: word n-grams in namespace 1, character n-grams in 2.
        func words(_ expected: [String: Int]) -> [UInt64: Int] {
            Dictionary(uniqueKeysWithValues: expected.map { (FeatureHash.fnv1a($0.key, namespace: 1), $0.value) })
        }
        func characters(_ expected: [String: Int]) -> [UInt64: Int] {
            Dictionary(uniqueKeysWithValues: expected.map { (FeatureHash.fnv1a($0.key, namespace: 2), $0.value) })
        }
        let ab = LexicalFeatures("AB", wordNGrams: 1...2, characterNGrams: 3...5)
        #expect(ab.words.byHash == words(["ab": 1]))
        #expect(ab.characters.byHash == characters([" ab": 1, "ab ": 1, " ab ": 1]))
        let i = LexicalFeatures("I", wordNGrams: 1...2, characterNGrams: 3...5)
        #expect(i.characters.byHash == characters([" i ": 1]))
        let text = LexicalFeatures("the cat, the cat", wordNGrams: 1...2, characterNGrams: 3...5)
        #expect(text.words.byHash == words(["the": 2, "cat": 2, "the cat": 2, "cat the": 1]))
        #expect(text.words[FeatureHash.fnv1a("the cat", namespace: 1)] == 2 && text.words[FeatureHash.fnv1a("a cat", namespace: 1)] == 0)
        // " the " and " cat ": 3 + 2 + 1 n-grams each, each seen twice; none spans the two words.
        let within = [" th", "the", "he ", " the", "the ", " the ", " ca", "cat", "at ", " cat", "cat ", " cat "]
        #expect(text.characters.byHash == characters(Dictionary(uniqueKeysWithValues: within.map { ($0, 2) })))
        let unigrams = LexicalFeatures("one two three", wordNGrams: 1...1, characterNGrams: 5...5)
        #expect(unigrams.words.byHash == words(["one": 1, "two": 1, "three": 1]))
        #expect(unigrams.characters.byHash == characters([" one ": 1, " two ": 1, " thre": 1, "three": 1, "hree ": 1]))
        // Multi-byte scalars: each n-gram is hashed over the scalars' UTF-8 bytes.
        let accented = LexicalFeatures("Ça 時間", wordNGrams: 1...2, characterNGrams: 3...3)
        #expect(accented.words.byHash == words(["ça": 1, "時間": 1, "ça 時間": 1]))
        #expect(accented.characters.byHash == characters([" ça": 1, "ça ": 1, " 時間": 1, "時間 ": 1]))
    }

    @Test("FNV-1a 64 over the namespace byte and UTF-8 matches the reference values")
    func featureHash() {
        // Reference FNV-1a 64 values: "" = cbf29ce484222325, "a" = af63dc4c8601ec8c, "foobar" = 85944171f73967e8.
        // The namespace byte is hashed first, so namespace "a" (0x61) with "" is FNV-1a("a").
        #expect(FeatureHash.fnv1a("", namespace: 0x61) == 0xaf63_dc4c_8601_ec8c)
        #expect(FeatureHash.fnv1a("oobar", namespace: 0x66) == 0x8594_4171_f739_67e8)
        #expect(FeatureHash.fnv1a("the", namespace: 1) == 0x2b77_2378_2076_71bf)
        #expect(FeatureHash.fnv1a(" th", namespace: 2) == 0xa34c_5e90_e814_a9db)
        #expect(FeatureHash.fnv1a("the", namespace: 1) != FeatureHash.fnv1a("the", namespace: 2))
        for (text, namespace) in [("the", UInt8(1)), (" th", UInt8(2)), ("時間", UInt8(1)), ("x", UInt8(2))] {
            let hash = FeatureHash.fnv1a(text, namespace: namespace)
            for dimension in [1, 1000, 1024, 8192] {
                let (index, sign) = FeatureHash.bucket(text, namespace: namespace, dimension: dimension)
                #expect(index == Int(hash % UInt64(dimension)))
                #expect(sign == (hash >> 63 == 0 ? 1 : -1))
            }
        }
        // 0x2b77... has top bit 0, 0xa34c... has top bit 1.
        #expect(FeatureHash.bucket("the", namespace: 1, dimension: 8192).sign == 1)
        #expect(FeatureHash.bucket(" th", namespace: 2, dimension: 8192).sign == -1)
    }
}
