import Foundation
import Testing

@testable import PlauditText

/// The native tokenizer against `Oracles/tokenizer_oracle.json`, written by Hugging Face `tokenizers` itself.
@Suite("WordPiece tokenizer against Hugging Face tokenizers")
struct WordPieceOracleTests {
    @Test("the oracle covers every kind of text the brief lists")
    func fixture() {
        let oracle = WordPieceFixtures.oracle
        #expect(oracle.cases.count >= 1500)
        #expect(oracle.meta.defaultMaxLength == WordPieceTokenizer.defaultMaxLength)
        let groups = Set(oracle.cases.map { $0.name.split(separator: "-").dropLast().joined(separator: "-") })
        for group in [
            "prose", "punctuation", "numbers-urls-code", "accented", "scripts", "cjk", "emoji", "combining",
            "control", "whitespace", "special-tokens", "long-words", "unknown-pieces", "long-texts", "sweep", "random",
        ] {
            #expect(groups.contains(group), "no \(group) cases")
        }
        #expect(oracle.cases.contains { $0.text.isEmpty })
        #expect(oracle.cases.contains { $0.ids.count == WordPieceTokenizer.defaultMaxLength })
    }

    @Test(
        "every oracle text gets Hugging Face's ids, whatever the chunk size",
        .enabled(if: WordPieceFixtures.available || WordPieceFixtures.required, WordPieceFixtures.missingComment),
        arguments: [WordPieceEncoder.defaultChunkSize, 1, 7])
    func ids(chunkSize: Int) throws {
        let tokenizer = try WordPieceFixtures.tokenizer()
        var mismatches = 0
        for oracleCase in WordPieceFixtures.oracle.cases {
            let ids = tokenizer.encode(oracleCase.text, maxLength: oracleCase.maxLength, chunkSize: chunkSize)
            if ids != oracleCase.ids {
                mismatches += 1
                if mismatches <= 20 {
                    Issue.record(
                        """
                        \(oracleCase.name): \(oracleCase.text.debugDescription.prefix(200))
                          swift: \(ids.prefix(40))
                          hf:    \(oracleCase.ids.prefix(40))
                        """)
                }
            }
        }
        #expect(mismatches == 0, "\(mismatches) of \(WordPieceFixtures.oracle.cases.count) texts differ")
    }

    @Test(
        "the public encode() is the default chunk size",
        .enabled(if: WordPieceFixtures.available || WordPieceFixtures.required, WordPieceFixtures.missingComment))
    func publicEncode() throws {
        let tokenizer = try WordPieceFixtures.tokenizer()
        for oracleCase in WordPieceFixtures.oracle.cases
        where oracleCase.maxLength == WordPieceTokenizer.defaultMaxLength {
            #expect(tokenizer.encode(oracleCase.text) == oracleCase.ids, "\(oracleCase.name)")
        }
    }

    @Test(
        "tokens() gives Hugging Face's pieces",
        .enabled(if: WordPieceFixtures.available || WordPieceFixtures.required, WordPieceFixtures.missingComment))
    func pieces() throws {
        let tokenizer = try WordPieceFixtures.tokenizer()
        for example in WordPieceFixtures.oracle.pieces {
            #expect(tokenizer.tokens(example.text) == example.tokens, "\(example.text.debugDescription)")
        }
    }

    @Test("clean_text drops and spaces the same code points")
    func cleanText() {
        let characters = WordPieceFixtures.oracle.characters
        let classes = BertCharacterClasses.standard
        let dropped = WordPieceFixtures.membership(characters.dropped)
        let spaced = WordPieceFixtures.membership(characters.toSpace)
        var differences: [UInt32] = []
        for value in WordPieceFixtures.allCodePoints {
            let index = Int(value)
            // U+0020 is left as it is, so the probe does not list it as spaced.
            let swiftSpaced = classes.isCleanedToSpace(value) && value != 0x20
            if classes.isDropped(value) != dropped[index] || swiftSpaced != spaced[index] {
                differences.append(value)
            }
        }
        #expect(differences.isEmpty, "differ at \(Self.hex(differences))")
    }

    @Test("handle_chinese_chars spaces out the same code points")
    func chinese() {
        let chinese = WordPieceFixtures.membership(WordPieceFixtures.oracle.characters.chinese)
        let differences = WordPieceFixtures.allCodePoints.filter {
            BertCharacterClasses.standard.isChinese($0) != chinese[Int($0)]
        }
        #expect(differences.isEmpty, "differ at \(Self.hex(differences))")
        // BERT's ranges skip the start of CJK Extension E.
        #expect(!BertCharacterClasses.standard.isChinese(0x2B820))
        #expect(BertCharacterClasses.standard.isChinese(0x2B920))
    }

    @Test("the pre-tokenizer isolates and splits on the same code points")
    func preTokenizerClasses() {
        let characters = WordPieceFixtures.oracle.characters
        let classes = BertCharacterClasses.standard
        let punctuation = WordPieceFixtures.membership(characters.punctuation)
        let whitespace = WordPieceFixtures.membership(characters.splitWhitespace)
        var differences: [UInt32] = []
        for value in WordPieceFixtures.allCodePoints {
            let index = Int(value)
            if classes.isPunctuation(value) != punctuation[index] || classes.isWhitespace(value) != whitespace[index] {
                differences.append(value)
            }
        }
        #expect(differences.isEmpty, "differ at \(Self.hex(differences))")
    }

    @Test("strip_accents removes the same marks and decomposes the same code points")
    func stripAccents() {
        let characters = WordPieceFixtures.oracle.characters
        let stripped = WordPieceFixtures.membership(characters.stripped)
        let marks = WordPieceFixtures.allCodePoints.filter {
            BertCharacterClasses.standard.isNonspacingMark($0) != stripped[Int($0)]
        }
        #expect(marks.isEmpty, "marks differ at \(Self.hex(marks))")

        // Decompose every other code point of the planes that have decompositions, each followed by "|" (a
        // starter, so that no canonical reordering reaches across), in one go.
        var expected: [UInt32: String] = [:]
        for mapping in characters.decomposed {
            expected[mapping.codePoint] = mapping.result
        }
        let probed = WordPieceFixtures.allCodePoints.filter { value in
            value >= 0xC0 && value < 0x30000 && !stripped[Int(value)] && !(0xAC00...0xD7A3).contains(value)
                && value != 0x7C
        }
        var buffer: [UInt32] = []
        for value in probed {
            buffer.append(value)
            buffer.append(0x7C)
        }
        BertNormalizer.decompose(&buffer)
        let pieces = buffer.split(separator: 0x7C, omittingEmptySubsequences: false)
        #expect(pieces.count == probed.count + 1)
        var differences: [UInt32] = []
        for (value, piece) in zip(probed, pieces) {
            var result = String.UnicodeScalarView()
            for scalar in piece where !BertCharacterClasses.standard.isNonspacingMark(scalar) {
                if let scalar = Unicode.Scalar(scalar) { result.append(scalar) }
            }
            let want = expected[value] ?? String(Character(Unicode.Scalar(value)!))
            if !String(result).unicodeScalars.elementsEqual(want.unicodeScalars) {
                differences.append(value)
            }
        }
        #expect(differences.isEmpty, "decompositions differ at \(Self.hex(differences))")
    }

    @Test("lowercasing maps the same code points the same way")
    func lowercase() {
        var expected: [UInt32: [UInt32]] = [:]
        for mapping in WordPieceFixtures.oracle.characters.lowercase {
            expected[mapping.codePoint] = mapping.result.unicodeScalars.map(\.value)
        }
        var differences: [UInt32] = []
        var output: [UInt32] = []
        for value in WordPieceFixtures.allCodePoints {
            output.removeAll(keepingCapacity: true)
            if value < 0x80 {
                output.append(BertCharacterClasses.lowercasedASCII(value))
            } else {
                BertNormalizer.appendLowercase(of: value, to: &output)
            }
            if output != expected[value, default: [value]] {
                differences.append(value)
            }
        }
        #expect(differences.isEmpty, "differ at \(Self.hex(differences))")
    }

    /// The first code points of a list, in hexadecimal, for failure messages.
    static func hex(_ values: [UInt32]) -> String {
        values.prefix(40).map { "U+" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
            + (values.count > 40 ? " … (\(values.count) in all)" : "")
    }
}
