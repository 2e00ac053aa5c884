import Foundation
import PlauditCore
import Testing

@testable import PlauditText

/// VADER against its published examples, its label thresholds, and its lexicon-file handling.
@Suite("VADER sentiment")
struct VaderTests {
    /// Compound scores published with VADER (README and demo of `vaderSentiment` 3.3.2), each
    /// re-checked against the package.
    static let published: [(String, Double)] = [
        ("VADER is smart, handsome, and funny.", 0.8316),
        ("VADER is smart, handsome, and funny!", 0.8439),
        ("The book was kind of good.", 0.3832),
        ("At least it isn't a horrible book.", 0.431),
        ("Today SUX!", -0.5461),
        ("Not bad at all :)", 0.705),
        ("The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042),
    ]

    @Test("published compound scores", VaderFixtures.needsLexicon, arguments: published)
    func publishedValues(text: String, compound: Double) throws {
        let analyzer = try VaderFixtures.analyzer()
        #expect(abs(analyzer.scores(text).compound - compound) < 1e-9, "\(text)")
    }

    @Test("published proportions", VaderFixtures.needsLexicon)
    func publishedProportions() throws {
        let analyzer = try VaderFixtures.analyzer()
        #expect(analyzer.scores("VADER is smart, handsome, and funny.")
            == SentimentScores(negative: 0, neutral: 0.254, positive: 0.746, compound: 0.8316))
        #expect(analyzer.scores("Today SUX!")
            == SentimentScores(negative: 0.779, neutral: 0.221, positive: 0, compound: -0.5461))
        #expect(analyzer.scores("The plot was good, but the characters are uncompelling and the dialog is not great.")
            == SentimentScores(negative: 0.327, neutral: 0.579, positive: 0.094, compound: -0.7042))
    }

    @Test("empty and blank texts score zero", VaderFixtures.needsLexicon)
    func emptyTexts() throws {
        let analyzer = try VaderFixtures.analyzer()
        let zero = SentimentScores(negative: 0, neutral: 0, positive: 0, compound: 0)
        for text in ["", " ", "\t\n", "\u{3000}\u{A0}"] { #expect(analyzer.scores(text) == zero) }
        // Punctuation alone is one neutral token.
        #expect(analyzer.scores("!!!") == SentimentScores(negative: 0, neutral: 1, positive: 0, compound: 0))
    }

    @Test("labels follow the ±0.05 compound thresholds", VaderFixtures.needsLexicon)
    func labels() throws {
        let analyzer = try VaderFixtures.analyzer()
        #expect(analyzer.scores("The book was good.").label == .positive)
        #expect(analyzer.scores("The book was bad.").label == .negative)
        #expect(analyzer.scores("The book has pages.").label == .neutral)
        #expect(analyzer.scores("").label == .neutral)
    }

    @Test("label thresholds are inclusive at ±0.05")
    func thresholds() {
        func label(_ compound: Double) -> SentimentLabel {
            SentimentScores(negative: 0, neutral: 1, positive: 0, compound: compound).label
        }
        #expect(label(0.05) == .positive)
        #expect(label(0.0499) == .neutral)
        #expect(label(0) == .neutral)
        #expect(label(-0.0499) == .neutral)
        #expect(label(-0.05) == .negative)
        #expect(label(1) == .positive)
        #expect(label(-1) == .negative)
    }

    @Test("classify scores each text in order", VaderFixtures.needsLexicon)
    func classify() async throws {
        let analyzer = try VaderFixtures.analyzer()
        let texts = ["good", "bad", "", "The book was kind of good.", "good"]
        let results = try await analyzer.classify(texts)
        #expect(results == texts.map(analyzer.scores))
        #expect(results[0] == results[4])
        #expect(analyzer.name == "vader-3.3.2")
        #expect(try await analyzer.classify([]).isEmpty)
    }

    @Test("the shipped lexicons parse in full", VaderFixtures.needsLexicon)
    func shippedLexicon() throws {
        let lexicon = try VaderFixtures.analyzer().lexicon
        // 7,520 lines, 14 of which repeat an earlier key; 3,570 emoji lines, all distinct
        // (`len(analyzer.lexicon)` and `len(analyzer.emojis)` in Python).
        #expect(lexicon.lexiconCount == 7_506)
        #expect(lexicon.emojiCount == 3_570)
    }

    // MARK: - Lexicon files (no assets needed)

    @Test("a line without a tab is reported with its file and line")
    func malformedLine() throws {
        let files = try VaderFixtures.temporaryLexicon(
            lexicon: "good\t1.9\t0.9\t[2]\r\nbad\t-2.5\t0.7\t[-3]\r\nbroken line\r\n", emoji: "😀\tgrinning face\n")
        let error = #expect(throws: VaderLexiconError.self) {
            try VaderLexicon(lexicon: files.lexicon, emoji: files.emoji)
        }
        #expect(error?.file == files.lexicon)
        #expect(error?.line == 3)
        #expect(error?.description.contains("\(VaderLexicon.lexiconFileName):3:") == true)
    }

    @Test("a valence that is not a number is reported with its file and line")
    func badValence() throws {
        let files = try VaderFixtures.temporaryLexicon(lexicon: "good\t1.9\n\nbad\tminus two\n", emoji: "")
        do {
            _ = try VaderLexicon(lexicon: files.lexicon, emoji: files.emoji)
            Issue.record("expected an error")
        } catch {
            #expect(error.file == files.lexicon)
            #expect(error.line == 3)
        }
    }

    @Test("a malformed emoji line is reported with its file and line")
    func malformedEmojiLine() throws {
        let files = try VaderFixtures.temporaryLexicon(lexicon: "good\t1.9\n", emoji: "😀\tgrinning face\n😁\n")
        do {
            _ = try VaderLexicon(lexicon: files.lexicon, emoji: files.emoji)
            Issue.record("expected an error")
        } catch {
            #expect(error == .malformedLine(file: files.emoji, line: 2, reason: error.reason))
        }
    }

    @Test("a missing file is reported")
    func missingFile() throws {
        let files = try VaderFixtures.temporaryLexicon(lexicon: "good\t1.9\n", emoji: "")
        let missing = files.lexicon.deletingLastPathComponent().appendingPathComponent("absent.txt")
        do {
            _ = try VaderLexicon(lexicon: missing, emoji: files.emoji)
            Issue.record("expected an error")
        } catch {
            guard case .unreadable(let file, _) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(file == missing)
        }
    }

    @Test("a small lexicon scores as the formulas say")
    func smallLexicon() throws {
        // CRLF endings, a repeated key (the later wins), emoji, and a blank line (skipped; the Python
        // package would reject a "\r" line). Expected values from the package given the same files
        // without the blank line.
        let files = try VaderFixtures.temporaryLexicon(
            lexicon: "good\t1.0\t0\t[]\r\n\r\ngood\t2.0\t0\t[]\r\nbad\t-2.5\r\n:)\t2.0\r\n",
            emoji: "💘\theart with arrow\r\n👍🏽\tthumbs up: medium skin tone\r\n")
        let lexicon = try VaderLexicon(lexicon: files.lexicon, emoji: files.emoji)
        #expect(lexicon.lexiconCount == 3)
        #expect(lexicon.emojiCount == 2)
        let analyzer = VaderAnalyzer(lexicon: lexicon)

        // One word of valence 2: compound 2 / sqrt(4 + 15); pos (2 + 1) / 3 = 1.
        #expect(analyzer.scores("good") == SentimentScores(negative: 0, neutral: 0, positive: 1, compound: 0.4588))
        // "very" boosts by 0.293 and is itself neutral: 2.293 / sqrt(2.293² + 15), pos 3.293 / 4.293.
        #expect(
            analyzer.scores("very good")
                == SentimentScores(negative: 0, neutral: 0.233, positive: 0.767, compound: 0.5095))
        // "not" negates: 2 × −0.74.
        #expect(analyzer.scores("not good").compound == -0.357)
        // The emoji is replaced by its description, which holds no lexicon word here.
        #expect(analyzer.scores("💘") == SentimentScores(negative: 0, neutral: 1, positive: 0, compound: 0))
        // Punctuation is stripped from words but an emoticon is kept whole.
        #expect(analyzer.scores("(good)") == analyzer.scores("good"))
        #expect(analyzer.scores(":)") == analyzer.scores("good"))
    }

    @Test("Python's round: correctly rounded decimal of the binary value, ties to even")
    func pythonRound() {
        // Expected values from CPython 3.11 `round(x, n)`.
        let cases: [(Double, Int, Double)] = [
            (0.0005, 3, 0.001), (0.0015, 3, 0.002), (0.0025, 3, 0.003), (2.675, 2, 2.67),
            (0.12345, 4, 0.1235), (-0.12345, 4, -0.1235), (0.5, 0, 0), (1.5, 0, 2), (2.5, 0, 2),
            (-0.0004, 3, 0), (0.8316499999999999, 4, 0.8316), (0.9999, 3, 1), (0.1, 3, 0.1),
            (0.4325, 3, 0.432), (0.4335, 3, 0.433), (-0.70425, 4, -0.7043),
        ]
        for (x, digits, expected) in cases {
            #expect(PythonText.round(x, digits: digits) == expected, "round(\(x), \(digits))")
        }
    }
}

extension VaderLexiconError {
    /// The reason text of a malformed line (for rebuilding an expected value in tests).
    var reason: String {
        switch self {
        case .malformedLine(_, _, let reason), .unreadable(_, let reason): reason
        case .notUTF8: ""
        }
    }
}
