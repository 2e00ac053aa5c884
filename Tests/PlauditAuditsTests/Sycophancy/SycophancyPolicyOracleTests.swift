import Foundation
import PlauditCore
import Testing

@testable import PlauditAudits

/// The policy-side statistics against statsmodels and scipy: counts, Wilson intervals,
/// McNemar exact p-values and Benjamini–Hochberg q-values on a seeded grade table
/// (Oracles/make_sycophancy_oracle.py → Oracles/sycophancy_policy.json).
@Suite("Sycophancy policy statistics against the statsmodels oracle")
struct SycophancyPolicyOracleTests {
    struct Oracle: Decodable {
        struct Row: Decodable {
            var item: String
            var context: String
            var contextGroup: String
            var belief: String
            var grade: String?

            enum CodingKeys: String, CodingKey {
                case item, context, belief, grade
                case contextGroup = "context_group"
            }
        }
        struct Versus: Decodable {
            var pairs: Int
            var b: Int
            var c: Int
            var delta: Double?
            var p: Double?
            var q: Double?
        }
        struct Condition: Decodable {
            var context: String
            var contextGroup: String
            var belief: String
            var probes: Int
            var correct: Int
            var incorrect: Int
            var refusals: Int
            var failures: Int
            var errorRate: [Double]?
            var versus: Versus?

            enum CodingKeys: String, CodingKey {
                case context, belief, probes, correct, incorrect, refusals, failures, versus
                case contextGroup = "context_group"
                case errorRate = "error_rate"
            }
        }
        struct Affirmation: Decodable {
            var context: String
            var rate: [Double]?
            var versus: Versus
        }
        var grades: [Row]
        var conditions: [Condition]
        var affirmation: [Affirmation]

        static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Oracles/sycophancy_policy.json")

        static func load() throws -> Oracle {
            try JSONDecoder().decode(Oracle.self, from: Data(contentsOf: url))
        }
    }

    /// Probes and graded answers from the oracle's table, in the builder's order.
    static func inputs(_ oracle: Oracle) throws -> ([SycophancyProbe], [GradedAnswer]) {
        var probes: [SycophancyProbe] = []
        var answers: [GradedAnswer] = []
        for row in oracle.grades {
            let belief = try #require(SycophancyBelief(rawValue: row.belief))
            let condition = SycophancyCondition(context: row.context, belief: belief)
            let id = SycophancyProbe.id(item: row.item, condition: condition)
            probes.append(
                SycophancyProbe(
                    id: id, itemID: row.item, category: nil, question: "q", correct: "c", incorrect: "i", correctAnswers: ["c"],
                    incorrectAnswers: ["i"], context: row.context, contextGroup: row.contextGroup,
                    statementIndex: row.context == "none" ? nil : 0, statement: row.context == "none" ? nil : "s", belief: belief,
                    prompt: "p", contextsVersion: "1", contextsSHA256: "x", seed: 1))
            let grade = row.grade.map { AnswerGrade(rawValue: $0)! }
            answers.append(
                GradedAnswer(
                    probeID: id, itemID: row.item, context: row.context, belief: belief, answer: grade == nil ? nil : "a", grade: grade,
                    method: grade == nil ? nil : .judge))
        }
        return (probes, answers)
    }

    static func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-12) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): abs(a - b) <= tolerance * max(1, abs(b))
        default: false
        }
    }

    static func matches(_ actual: PairedComparison?, _ expected: Oracle.Versus?) -> Bool {
        guard let actual, let expected else { return actual == nil && expected == nil }
        return actual.pairs == expected.pairs && actual.b == expected.b && actual.c == expected.c
            && close(actual.delta, expected.delta) && close(actual.pValue, expected.p, 1e-11) && close(actual.qValue, expected.q, 1e-11)
    }

    static func matches(_ actual: Estimate?, _ expected: [Double]?) -> Bool {
        guard let actual, let expected else { return actual == nil && expected == nil }
        return close(actual.value, expected[0]) && close(actual.lower, expected[1]) && close(actual.upper, expected[2])
    }

    @Test("36 conditions: counts, Wilson intervals, McNemar p and BH q equal the oracle's")
    func conditions() throws {
        let oracle = try Oracle.load()
        let (probes, answers) = try Self.inputs(oracle)
        let result = SycophancyPolicyAnalysis().analyze(probes: probes, answers: answers)
        #expect(result.conditions.count == 36)
        #expect(oracle.conditions.count == 36)
        for (actual, expected) in zip(result.conditions, oracle.conditions) {
            let label = "\(expected.context) × \(expected.belief)"
            #expect(actual.context == expected.context && actual.belief.rawValue == expected.belief, "\(label): order")
            #expect(actual.contextGroup == expected.contextGroup, "\(label)")
            let actualCounts: [Int] = [actual.probes, actual.correct, actual.incorrect, actual.refusals, actual.failures]
            let expectedCounts: [Int] = [expected.probes, expected.correct, expected.incorrect, expected.refusals, expected.failures]
            #expect(actualCounts == expectedCounts, "\(label): counts")
            #expect(Self.matches(actual.errorRate, expected.errorRate), "\(label): error rate \(String(describing: actual.errorRate))")
            #expect(Self.matches(actual.versusUnmodified, expected.versus), "\(label): \(String(describing: actual.versusUnmodified))")
        }
        // The oracle covers the edge cases: the failed condition has no pairs and no p-value,
        // and BH ran over the other 34.
        let failed = try #require(result.conditions.first { $0.context == "low-stakes" && $0.belief == .deniesCorrect })
        #expect(failed.failures == 60 && failed.errorRate == nil && failed.versusUnmodified?.pairs == 0)
        #expect(failed.versusUnmodified?.qValue == nil)
        #expect(result.conditions.compactMap { $0.versusUnmodified?.qValue }.count == 34)
    }

    @Test("affirmation per context against the neutral control equals the oracle's")
    func affirmation() throws {
        let oracle = try Oracle.load()
        let (probes, answers) = try Self.inputs(oracle)
        let result = SycophancyPolicyAnalysis().analyze(probes: probes, answers: answers)
        #expect(result.affirmation.count == 9)
        for (actual, expected) in zip(result.affirmation, oracle.affirmation) {
            #expect(actual.context == expected.context)
            #expect(Self.matches(actual.rate, expected.rate), "\(expected.context): rate")
            #expect(Self.matches(actual.versusNeutral, expected.versus), "\(expected.context): \(String(describing: actual.versusNeutral))")
        }
        // The planted sad × incorrect effect is the largest affirmation rate.
        let sad = try #require(result.affirmation.first { $0.context == "sad" }?.rate?.value)
        #expect(result.affirmation.allSatisfy { ($0.rate?.value ?? 0) <= sad })
    }

    @Test("grading counts by method; a probe without an answer is a generation failure")
    func gradingCounts() throws {
        let oracle = try Oracle.load()
        let (probes, original) = try Self.inputs(oracle)
        var answers = original
        answers[0].method = .stringMatch
        answers.removeLast()
        let result = SycophancyPolicyAnalysis().analyze(probes: probes, answers: answers)
        let graded = answers.filter { $0.grade != nil }
        #expect(result.grading.byMethod.values.reduce(0, +) == graded.count)
        #expect(result.grading.byMethod["string-match/\(answers[0].grade!.rawValue)"] == 1)
        #expect(result.grading.generationFailures == answers.filter { $0.answer == nil }.count + 1)
        #expect(result.grading.judgeFailures == 0)
    }
}
