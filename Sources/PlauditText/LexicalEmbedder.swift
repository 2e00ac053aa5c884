public import PlauditCore
import Foundation
import Synchronization

/// Deterministic hashed TF-IDF vectors: the embedder that needs no model files.
///
/// Word 1–2-grams and character 3–5-grams are weighted by sublinear term frequency
/// (1 + ln tf) times smoothed IDF, hashed into ``dimension`` signed buckets, L2-normalised per
/// family, mixed with equal weight (character n-grams would otherwise outnumber words about
/// ten to one) and L2-normalised again. Text is NFC-normalised before it is split into words.
///
/// IDF is computed over the texts of one ``embed(_:)`` call, or over each group of
/// ``embed(groups:progress:)``: the audits embed each prompt's responses as a corpus of its own,
/// so a prompt's clusters do not change with the other prompts in a file (over a large file,
/// words shared by one prompt's answers would otherwise lose their weight and its clusters
/// merge). The same corpus always gives the same vectors, on any machine.
///
/// Its vectors are never cached (no ``cacheIdentity``): a text's vector changes with the other
/// texts of the call, so a vector stored per text would be wrong in another corpus, and one
/// stored per corpus would only serve the identical corpus again, which it embeds in well under
/// a second anyway.
public struct LexicalEmbedder: Embedder {
    public let dimension: Int
    public let wordNGrams: ClosedRange<Int>
    public let characterNGrams: ClosedRange<Int>

    public init(dimension: Int = 1 << 13, wordNGrams: ClosedRange<Int> = 1...2, characterNGrams: ClosedRange<Int> = 3...5) {
        precondition(dimension > 0, "dimension must be positive")
        precondition(wordNGrams.lowerBound >= 1 && characterNGrams.lowerBound >= 1, "n-grams have at least one word or character")
        self.dimension = dimension
        self.wordNGrams = wordNGrams
        self.characterNGrams = characterNGrams
    }

    public var descriptor: EmbedderDescriptor {
        EmbedderDescriptor(
            name: "lexical-tfidf",
            dimension: dimension,
            parameters: [
                "word_ngrams": "\(wordNGrams.lowerBound)-\(wordNGrams.upperBound)",
                "char_ngrams": "\(characterNGrams.lowerBound)-\(characterNGrams.upperBound) (within words)",
                "hashing": "fnv1a-64, signed",
                "tf": "1 + ln(tf)",
                "idf": "ln((1 + n) / (1 + df)) + 1 over the embedded corpus (in an audit, each prompt's responses)",
            ]
        )
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        vectors(for: texts)
    }

    public var dependsOnCorpus: Bool { true }

    /// Each group weighed on its own, the groups spread over the machine's cores (on Dispatch
    /// threads, not Swift's cooperative pool).
    public func embed(groups: [[String]], progress done: @escaping @Sendable (Int) -> Void) async throws -> [[[Float]]] {
        let embedder = self
        let texts = Atomic<Int>(0)
        return await DispatchWork.map(groups.count) { g in
            let vectors = embedder.vectors(for: groups[g])
            done(texts.add(groups[g].count, ordering: .relaxed).newValue)
            return vectors
        }
    }

    /// The synchronous core of ``embed(_:)``.
    public func vectors(for texts: [String]) -> [[Float]] {
        let features = texts.map { LexicalFeatures($0, wordNGrams: wordNGrams, characterNGrams: characterNGrams) }
        var wordDF: [UInt64: Int] = [:]
        var charDF: [UInt64: Int] = [:]
        wordDF.reserveCapacity(features.reduce(0) { $0 + $1.words.count })
        charDF.reserveCapacity(features.reduce(0) { $0 + $1.characters.count })
        for f in features {
            for hash in f.words.hashes { wordDF[hash, default: 0] += 1 }
            for hash in f.characters.hashes { charDF[hash, default: 0] += 1 }
        }
        let n = Double(texts.count)
        func idf(_ df: Int) -> Double { log((1 + n) / (1 + Double(df))) + 1 }
        return features.map { f in
            let words = hashed(f.words) { idf(wordDF[$0]!) }
            let chars = hashed(f.characters) { idf(charDF[$0]!) }
            var out = [Float](repeating: 0, count: dimension)
            for i in 0..<dimension { out[i] = words[i] + chars[i] }
            return Self.normalized(out)
        }
    }

    /// Sums in Double and in ascending hash order: dictionary order is seeded per process, and
    /// a Float sum of three or more features in one bucket would depend on it.
    private func hashed(_ features: LexicalFeatures.Counts, idf: (UInt64) -> Double) -> [Float] {
        var v = [Double](repeating: 0, count: dimension)
        for (hash, count) in zip(features.hashes, features.counts) {
            let (index, sign) = FeatureHash.bucket(hash: hash, dimension: dimension)
            v[index] += sign * (1 + log(Double(count))) * idf(hash)
        }
        return Self.normalized(v.map { Float($0) })
    }

    static func normalized(_ v: [Float]) -> [Float] {
        let norm = v.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? v.map { $0 / norm } : v
    }
}
