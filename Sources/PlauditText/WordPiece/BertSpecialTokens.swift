/// The special tokens that are recognised in the raw text before any normalization: `[PAD]`, `[UNK]`, `[CLS]`,
/// `[SEP]` and `[MASK]`, those of them that the vocabulary has.
///
/// Why: in Hugging Face `tokenizers` these are "added tokens" with `normalized: false`, so the literal text
/// `[SEP]` in a response is split out first and encoded as the special id (102), not as `[`, `sep`, `]`.
/// Matching is exact and case-sensitive (`[sep]` is ordinary text), needs no word boundary (`a[SEP]b` splits
/// too), and takes the leftmost match; no special token is a prefix of another, so leftmost-longest is simply
/// the first one found.
struct BertSpecialTokens: Sendable {
    /// The token names, in the order they are tried.
    static let names = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

    /// Each special token the vocabulary has: its code points and its id.
    private let tokens: [(scalars: [UInt32], id: Int32)]

    /// The special tokens of `vocabulary`.
    init(vocabulary: WordPieceVocabulary) {
        tokens = Self.names.compactMap { name in
            vocabulary.id(of: name).map { (name.unicodeScalars.map(\.value), $0) }
        }
    }

    /// The special token that starts at `position` of `text`, as its length in code points and its id.
    @inline(__always)
    func match(in text: [UInt32], at position: Int) -> (length: Int, id: Int32)? {
        // Every special token starts with "[".
        guard text[position] == 0x5B else { return nil }
        for token in tokens where position + token.scalars.count <= text.count {
            if text[position..<(position + token.scalars.count)].elementsEqual(token.scalars) {
                return (token.scalars.count, token.id)
            }
        }
        return nil
    }
}
