import Foundation
import Testing

@testable import PlauditText

/// Behaviour of the tokenizer with the installed MiniLM vocabulary: specials, truncation, known pieces.
@Suite(
    "WordPiece tokenizer with the MiniLM vocabulary",
    .enabled(if: WordPieceFixtures.available || WordPieceFixtures.required, WordPieceFixtures.missingComment))
struct WordPieceTokenizerTests {
    static let classifier: Int32 = 101
    static let separator: Int32 = 102
    static let unknown: Int32 = 100

    @Test("the vocabulary has all-MiniLM-L6-v2's 30,522 ids")
    func vocabularySize() throws {
        let tokenizer = try WordPieceFixtures.tokenizer()
        #expect(tokenizer.vocabularySize == 30_522)
        #expect(tokenizer.encode("The quick brown fox.").allSatisfy { $0 >= 0 && Int($0) < tokenizer.vocabularySize })
    }

    @Test(
        "empty and white-space-only texts are [CLS] [SEP]",
        arguments: ["", " ", "\n\t \u{00A0}\u{3000}", "\u{200B}\u{0}"])
    func empty(text: String) throws {
        #expect(try WordPieceFixtures.tokenizer().encode(text) == [Self.classifier, Self.separator])
    }

    @Test("words split into ## continuation pieces")
    func continuationPieces() throws {
        let tokenizer = try WordPieceFixtures.tokenizer()
        #expect(tokenizer.tokens("unaffable") == ["una", "##ffa", "##ble"])
        #expect(
            tokenizer.tokens("The tokenizer splits unaffable words.")
                == ["the", "token", "##izer", "splits", "una", "##ffa", "##ble", "words", "."])
        #expect(tokenizer.tokens("supercalifragilistic") == ["super", "##cal", "##if", "##rag", "##ilis", "##tic"])
        #expect(tokenizer.encode("unaffable") == [Self.classifier, 14477, 20961, 3468, Self.separator])
    }

    @Test("accents are stripped, case folded, punctuation isolated, symbols kept inside words")
    func normalization() throws {
        let tokenizer = try WordPieceFixtures.tokenizer()
        #expect(tokenizer.tokens("Héllo, WÖRLD!") == ["hello", ",", "world", "!"])
        #expect(tokenizer.tokens("€100 costs £5.") == ["€", "##100", "costs", "£5", "."])
        #expect(tokenizer.tokens("GPT-4o's") == ["gp", "##t", "-", "4", "##o", "'", "s"])
        // Decomposed input gives the same pieces as precomposed.
        #expect(tokenizer.tokens("cafe\u{301}") == tokenizer.tokens("café"))
    }

    @Test("special tokens written in the text are recognised before normalization")
    func literalSpecialTokens() throws {
        let tokenizer = try WordPieceFixtures.tokenizer()
        #expect(tokenizer.tokens("ok[SEP]ok") == ["ok", "[SEP]", "ok"])
        #expect(tokenizer.encode("[UNK]") == [Self.classifier, Self.unknown, Self.separator])
        // Case-sensitive: lowercase is ordinary text.
        #expect(tokenizer.tokens("[sep]") == ["[", "sep", "]"])
    }

    @Test("a word over 100 code points, or with an unmatched part, is one [UNK]")
    func unknownWords() throws {
        let tokenizer = try WordPieceFixtures.tokenizer()
        #expect(tokenizer.tokens(String(repeating: "a", count: 100)) != ["[UNK]"])
        #expect(tokenizer.tokens(String(repeating: "a", count: 101)) == ["[UNK]"])
        #expect(tokenizer.tokens("x \(String(repeating: "b", count: 150)) y") == ["x", "[UNK]", "y"])
        #expect(tokenizer.tokens("hello𓀀world") == ["[UNK]"])
    }

    @Test("long texts are cut to 256 ids, [CLS] first and [SEP] last")
    func truncation() throws {
        let tokenizer = try WordPieceFixtures.tokenizer()
        let text = String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 100)
        let ids = tokenizer.encode(text)
        #expect(ids.count == WordPieceTokenizer.defaultMaxLength)
        #expect(ids.first == Self.classifier)
        #expect(ids.last == Self.separator)
        #expect(ids.dropFirst().dropLast().allSatisfy { $0 != Self.classifier && $0 != Self.separator })
        // The untruncated pieces start with the truncated ones.
        let pieces = tokenizer.tokens(text).prefix(254).compactMap { tokenizer.vocabulary.id(of: $0) }
        #expect(Array(ids.dropFirst().dropLast()) == pieces)

        let short = tokenizer.encode(text, maxLength: 10)
        #expect(short.count == 10)
        #expect(short == Array(ids.prefix(9)) + [Self.separator])
        #expect(tokenizer.encode(text, maxLength: 2) == [Self.classifier, Self.separator])
    }

    @Test("truncation cuts pieces, not words, and an [UNK] counts as one piece")
    func truncationInsideWords() throws {
        let tokenizer = try WordPieceFixtures.tokenizer()
        let a: Int32 = 1037
        // 253 pieces of "a", then "una ##ffa ##ble": only "una" fits in the 254 left for pieces.
        let ids = tokenizer.encode(String(repeating: "a ", count: 253) + "unaffable")
        #expect(ids.count == 256)
        #expect(ids.suffix(3) == [a, 14477, Self.separator])
        // Exactly 254 pieces: nothing is cut.
        let exact = tokenizer.encode(String(repeating: "a ", count: 251) + "unaffable")
        #expect(exact.count == 256)
        #expect(exact.suffix(4) == [14477, 20961, 3468, Self.separator])
        // A 150-letter word is one [UNK], so it fits where its letters would not.
        let unknown = tokenizer.encode(String(repeating: "a ", count: 253) + String(repeating: "x", count: 150))
        #expect(unknown.suffix(2) == [Self.unknown, Self.separator])
    }

    @Test("encoding is the same from many tasks at once")
    func concurrent() async throws {
        let tokenizer = try WordPieceFixtures.tokenizer()
        let texts = WordPieceFixtures.oracle.cases.prefix(200).map(\.text)
        let expected = texts.map { tokenizer.encode($0) }
        let results = await withTaskGroup(of: (Int, [Int32]).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, tokenizer.encode(text)) }
            }
            var results = [[Int32]](repeating: [], count: texts.count)
            for await (index, ids) in group {
                results[index] = ids
            }
            return results
        }
        #expect(results == expected)
    }
}
