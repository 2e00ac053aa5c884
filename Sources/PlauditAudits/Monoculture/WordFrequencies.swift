import PlauditCore
import PlauditStats

/// Word counts pooled over one side's texts: the wording attribute (vocabulary size, word
/// entropy, and the cosine of two sides' count vectors).
struct WordFrequencies {
    var counts: [String: Int] = [:]
    var tokens = 0

    init(texts: [String], tokenizer: any WordTokenizer) {
        for text in texts {
            for word in tokenizer.words(in: text) {
                counts[word, default: 0] += 1
                tokens += 1
            }
        }
    }

    /// Shannon entropy (bits) of the word distribution; 0 without words.
    var entropy: Double {
        Entropy.shannon(counts: counts.keys.sorted().map { Double(counts[$0]!) })
    }

    /// Cosine similarity of the two count vectors over the union of their words.
    func cosine(_ other: WordFrequencies) -> Double {
        let words = Set(counts.keys).union(other.counts.keys).sorted()
        return Cosine.similarity(words.map { Float(counts[$0] ?? 0) }, words.map { Float(other.counts[$0] ?? 0) })
    }

    /// The summary of this side; `isSource` gives a cosine of exactly 1 rather than its rounding.
    func summary(source: WordFrequencies?, isSource: Bool) -> WordingSummary {
        WordingSummary(
            tokens: tokens, vocabulary: counts.count, entropy: entropy, cosineToSource: isSource ? 1 : source.map(cosine))
    }
}
