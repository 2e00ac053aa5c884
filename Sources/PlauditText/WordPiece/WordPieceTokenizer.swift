public import Foundation

/// The BERT WordPiece tokenizer of all-MiniLM-L6-v2, native: the same token ids as the model's Hugging Face
/// `tokenizers` tokenizer as sentence-transformers runs it (special tokens added, truncated to 256 ids, no
/// padding).
///
/// The pipeline, stage by stage as in Hugging Face:
/// 1. special tokens written literally in the text (`[SEP]`, `[CLS]`, …) are split out first (`BertSpecialTokens`);
/// 2. the rest is normalized: cleaned, CJK ideographs spaced out, accents stripped, lowercased (`BertNormalizer`);
/// 3. split into words on white space and around punctuation (`BertPreTokenizer`);
/// 4. each word is cut greedily into the longest vocabulary pieces from the left, continuation pieces carrying
///    `##`; a word longer than 100 code points, or with any part no piece covers, becomes one `[UNK]`;
/// 5. the pieces are truncated to `maxLength - 2` and wrapped in `[CLS]` … `[SEP]`.
///
/// Truncation cuts pieces, not words: a word can lose its last pieces. Because ids come out in text order, the
/// encoder stops reading as soon as it has enough, so a long response costs no more than its first 256 ids.
///
/// A value type holding only immutable tables: safe to share between tasks.
public struct WordPieceTokenizer: Sendable {
    /// The number of ids sentence-transformers keeps for all-MiniLM-L6-v2 (its `max_seq_length`), `[CLS]` and
    /// `[SEP]` included.
    public static let defaultMaxLength = 256

    /// Words longer than this many code points become `[UNK]` without being looked at (`max_input_chars_per_word`).
    public static let maxInputCharactersPerWord = 100

    let vocabulary: WordPieceVocabulary
    let specialTokens: BertSpecialTokens
    let unknownID: Int32
    let classifierID: Int32
    let separatorID: Int32
    let normalizer = BertNormalizer()
    let preTokenizer = BertPreTokenizer()

    /// Loads the vocabulary (`vocab.txt`: one token per line, ids by line number).
    ///
    /// Throws `WordPieceVocabularyError`, naming the file and line, for an unreadable or empty file, a line that
    /// is not UTF-8 or holds no token, a repeated token, or a missing `[UNK]`, `[CLS]` or `[SEP]`.
    public init(vocabulary: URL) throws(WordPieceVocabularyError) {
        let table = try WordPieceVocabulary(contentsOf: vocabulary)
        func required(_ token: String) throws(WordPieceVocabularyError) -> Int32 {
            guard let id = table.id(of: token) else {
                throw WordPieceVocabularyError(file: vocabulary, line: nil, problem: .missingSpecialToken(token))
            }
            return id
        }
        self.unknownID = try required("[UNK]")
        self.classifierID = try required("[CLS]")
        self.separatorID = try required("[SEP]")
        self.vocabulary = table
        self.specialTokens = BertSpecialTokens(vocabulary: table)
    }

    /// The number of token ids (30,522 for all-MiniLM-L6-v2); every id is below it.
    public var vocabularySize: Int { vocabulary.count }

    /// The model input ids for `text`: `[CLS]`, its pieces, `[SEP]`, truncated so that there are at most
    /// `maxLength` ids in all (the pieces are cut, `[CLS]` and `[SEP]` always stay).
    ///
    /// - Precondition: `maxLength >= 2`, room for `[CLS]` and `[SEP]`.
    public func encode(_ text: String, maxLength: Int = WordPieceTokenizer.defaultMaxLength) -> [Int32] {
        encode(text, maxLength: maxLength, chunkSize: WordPieceEncoder.defaultChunkSize)
    }

    /// `encode(_:maxLength:)` reading the text in chunks of about `chunkSize` code points; the ids do not depend
    /// on it (the tests check this with chunks of one code point).
    func encode(_ text: String, maxLength: Int, chunkSize: Int) -> [Int32] {
        precondition(maxLength >= 2, "maxLength must leave room for [CLS] and [SEP]")
        // [CLS] and up to maxLength - 2 pieces, leaving room for [SEP].
        var encoder = WordPieceEncoder(tokenizer: self, limit: maxLength - 1, chunkSize: chunkSize)
        encoder.output.reserveCapacity(min(maxLength, text.utf8.count + 2))
        encoder.output.append(classifierID)
        encoder.encode(text)
        encoder.output.append(separatorID)
        return encoder.output
    }

    /// The pieces of `text` as vocabulary strings, without `[CLS]`/`[SEP]` and without truncation, e.g.
    /// `["una", "##ffa", "##ble"]`: for debugging and tests.
    public func tokens(_ text: String) -> [String] {
        var encoder = WordPieceEncoder(tokenizer: self, limit: .max)
        encoder.encode(text)
        return encoder.output.map { vocabulary.tokens[Int($0)] }
    }
}
