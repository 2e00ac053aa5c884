import Foundation
import PlauditCore
import PlauditText
import Testing

/// Oracles/vader_oracle.json, written by Oracles/make_vader_oracle.py: `polarity_scores` of the Python
/// package `vaderSentiment` 3.3.2 for several thousand sentences, grouped by the rule they exercise.
struct VaderOracle: Decodable {
    struct Meta: Decodable {
        let version: String
        let count: Int
    }

    struct Case: Decodable {
        let group: String
        let text: String
        let neg: Double
        let neu: Double
        let pos: Double
        let compound: Double
    }

    let meta: Meta
    let cases: [Case]

    static func load() throws -> VaderOracle {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Oracles/vader_oracle.json")
        return try JSONDecoder().decode(VaderOracle.self, from: Data(contentsOf: url))
    }
}

@Suite("VADER against the Python package")
struct VaderOracleTests {
    static let tolerance = 1e-4

    @Test("every oracle sentence matches to 1e-4 on all four scores", VaderFixtures.needsLexicon)
    func oracle() throws {
        let analyzer = try VaderFixtures.analyzer()
        let oracle = try VaderOracle.load()
        #expect(oracle.meta.version == "3.3.2")
        #expect(oracle.cases.count == oracle.meta.count)
        #expect(oracle.cases.count >= 2_000)

        var maxError = (neg: 0.0, neu: 0.0, pos: 0.0, compound: 0.0)
        var failures: [String] = []
        for item in oracle.cases {
            let scores = analyzer.scores(item.text)
            let errors = (
                neg: abs(scores.negative - item.neg), neu: abs(scores.neutral - item.neu),
                pos: abs(scores.positive - item.pos), compound: abs(scores.compound - item.compound)
            )
            maxError = (
                max(maxError.neg, errors.neg), max(maxError.neu, errors.neu), max(maxError.pos, errors.pos),
                max(maxError.compound, errors.compound)
            )
            if max(errors.neg, errors.neu, errors.pos, errors.compound) > Self.tolerance {
                failures.append(
                    "[\(item.group)] \(item.text.debugDescription): swift \(scores), python "
                        + "neg \(item.neg) neu \(item.neu) pos \(item.pos) compound \(item.compound)")
            }
        }
        print(
            "VADER oracle: \(oracle.cases.count) sentences; max |error| neg \(maxError.neg), neu \(maxError.neu), "
                + "pos \(maxError.pos), compound \(maxError.compound)")
        #expect(failures.isEmpty, "\(failures.count) sentences differ:\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    @Test("the oracle exercises every rule group")
    func groups() throws {
        let groups = Set(try VaderOracle.load().cases.map(\.group))
        let expected: Set = [
            "reference", "booster", "dampener-phrase", "negation", "negation-nt", "never-so-this",
            "without-doubt", "no", "least", "but", "caps", "punctuation", "punctuation-only", "idiom",
            "emoticon", "emoji", "unicode", "strip", "review", "paragraph", "random",
        ]
        #expect(groups == expected)
    }

    @Test("classify agrees with scores on the oracle sentences", VaderFixtures.needsLexicon)
    func classifyOracle() async throws {
        let analyzer = try VaderFixtures.analyzer()
        let texts = try VaderOracle.load().cases.map(\.text)
        let batch = try await analyzer.classify(texts)
        #expect(batch == texts.map(analyzer.scores))
    }
}
