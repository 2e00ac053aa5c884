public import PlauditCore

/// Words as the lexical embedder sees them: the text NFC-normalised and lower-cased, split into
/// maximal runs of letters and digits (so "don't" gives "don" and "t", and punctuation is
/// dropped). Used for the monoculture audit's word frequencies.
public struct PlainWordTokenizer: WordTokenizer {
    public init() {}

    public var name: String { "lowercase letter-and-digit runs (NFC)" }

    public func words(in text: String) -> [String] {
        LexicalFeatures.words(in: text)
    }
}
