import Foundation
import Testing

@testable import PlauditText

/// Loading vocabularies, good and bad, and the tokenizer over small hand-made ones. Needs no installed model.
@Suite("WordPiece vocabulary")
struct WordPieceVocabularyTests {
    /// A scratch folder for this suite's files.
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "plaudit-wordpiece-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Writes `bytes` to a new file and returns its URL.
    static func file(_ bytes: [UInt8], name: String = #function) throws -> URL {
        let url = folder.appendingPathComponent(
            "\(name.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        return url
    }

    /// Writes one token per line.
    static func file(lines: [String], name: String = #function) throws -> URL {
        try file(Array(lines.map { $0 + "\n" }.joined().utf8), name: name)
    }

    static let specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

    /// Asserts that loading `url` fails with `problem` at `line`.
    static func expectError(
        _ url: URL, line: Int?, problem: WordPieceVocabularyError.Problem,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try WordPieceTokenizer(vocabulary: url)
            Issue.record("\(url.lastPathComponent) loaded", sourceLocation: sourceLocation)
        } catch {
            #expect(
                error == WordPieceVocabularyError(file: url, line: line, problem: problem),
                sourceLocation: sourceLocation)
            #expect(
                error.description.hasPrefix(url.path + (line.map { ":\($0)" } ?? "") + ": "),
                sourceLocation: sourceLocation)
        }
    }

    @Test("a missing file is unreadable, without a line")
    func missing() {
        let url = Self.folder.appendingPathComponent("no-such-vocab.txt")
        do {
            _ = try WordPieceTokenizer(vocabulary: url)
            Issue.record("a missing file loaded")
        } catch {
            #expect(error.file == url)
            #expect(error.line == nil)
            guard case .unreadable = error.problem else {
                Issue.record("expected .unreadable, got \(error.problem)")
                return
            }
        }
    }

    @Test("an empty file is an error")
    func emptyFile() throws {
        Self.expectError(try Self.file([]), line: nil, problem: .empty)
        Self.expectError(try Self.file([0x0A]), line: nil, problem: .empty)
    }

    @Test("a line that is not UTF-8 is named")
    func invalidUTF8() throws {
        let bytes = Array("[UNK]\n[CLS]\n".utf8) + [0x61, 0xFF, 0x62, 0x0A] + Array("[SEP]\n".utf8)
        Self.expectError(try Self.file(bytes), line: 3, problem: .invalidUTF8)
    }

    @Test("a blank line is named")
    func blankLine() throws {
        Self.expectError(try Self.file(lines: ["[UNK]", "  ", "[CLS]", "[SEP]"]), line: 2, problem: .emptyToken)
        Self.expectError(try Self.file(lines: ["[UNK]", "[CLS]", "[SEP]", ""]), line: 4, problem: .emptyToken)
    }

    @Test("a repeated token is named with the line of its first appearance")
    func duplicate() throws {
        let url = try Self.file(lines: ["[UNK]", "hello", "[CLS]", "[SEP]", "hello"])
        Self.expectError(url, line: 5, problem: .duplicateToken("hello", firstLine: 2))
    }

    @Test("tokens that are only canonically equivalent are not duplicates")
    func canonicalEquivalents() throws {
        let url = try Self.file(lines: ["[UNK]", "[CLS]", "[SEP]", "\u{E9}", "e\u{301}"])
        #expect(try WordPieceTokenizer(vocabulary: url).vocabularySize == 5)
    }

    @Test("a missing [UNK], [CLS] or [SEP] is an error", arguments: ["[UNK]", "[CLS]", "[SEP]"])
    func missingSpecial(token: String) throws {
        let url = try Self.file(lines: Self.specials.filter { $0 != token } + ["a"])
        Self.expectError(url, line: nil, problem: .missingSpecialToken(token))
    }

    @Test("CRLF line endings and trailing spaces are trimmed, as Hugging Face does")
    func lineEndings() throws {
        let url = try Self.file(Array("[PAD]\r\n[UNK] \r\n[CLS]\r\n[SEP]\t\r\nhello\r\n##s\r\n".utf8))
        let tokenizer = try WordPieceTokenizer(vocabulary: url)
        #expect(tokenizer.vocabularySize == 6)
        #expect(tokenizer.encode("hellos") == [2, 4, 5, 3])
    }

    @Test("a small vocabulary: greedy longest match first, ## continuations, [UNK] for uncovered words")
    func smallVocabulary() throws {
        let tokens = Self.specials + ["un", "una", "##ff", "##ffa", "##able", "##ble", "aff", "##a", "!", "x"]
        let tokenizer = try WordPieceTokenizer(vocabulary: try Self.file(lines: tokens))
        #expect(tokenizer.tokens("unaffable") == ["una", "##ffa", "##ble"])
        #expect(tokenizer.tokens("UNAFF!") == ["una", "##ff", "!"])
        #expect(tokenizer.tokens("affa x") == ["aff", "##a", "x"])
        // "b" starts no piece: the whole word is unknown, not just its tail.
        #expect(tokenizer.tokens("unab x") == ["[UNK]", "x"])
        #expect(tokenizer.encode("unaffable!") == [2, 6, 8, 10, 13, 3])
        #expect(tokenizer.encode("[MASK] x", maxLength: 3) == [2, 4, 3])
    }

    @Test("pieces are looked up by bytes: precomposed Hangul does not match the jamo that NFD produces")
    func byteExactLookup() throws {
        // "한" precomposed (U+D55C) and its jamo U+1112 U+1161 U+11AB.
        let tokens = Self.specials + ["\u{D55C}", "\u{1112}", "##\u{1161}", "##\u{11AB}"]
        let tokenizer = try WordPieceTokenizer(vocabulary: try Self.file(lines: tokens))
        #expect(tokenizer.tokens("\u{D55C}") == ["\u{1112}", "##\u{1161}", "##\u{11AB}"])
        #expect(tokenizer.encode("\u{D55C}") == [2, 6, 7, 8, 3])
    }
}
