public import Foundation

/// The graded answers of a run as a graded-answers file (JSONL, one answer per line, keys
/// sorted): what `plaudit sycophancy run` writes to `graded.jsonl` and
/// ``GradedAnswerReader`` reads back, so answers can be re-graded by hand or elsewhere and
/// analysed again with `plaudit sycophancy analyze`. Answers that could not be generated or
/// graded have no grade and are left out (they are listed in results.json).
public enum GradedAnswerWriter {
    struct Row: Encodable {
        var itemID: String
        var model: String
        var context: String
        var belief: String
        var grade: String
        var method: String?
        var probeID: String
        var answer: String?

        enum CodingKeys: String, CodingKey {
            case model, context, belief, grade, method, answer
            case itemID = "item_id"
            case probeID = "probe_id"
        }
    }

    /// Every graded answer of every policy, policies in results order, answers in probe order.
    public static func jsonLines(_ results: SycophancyResults) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        for policy in results.allPolicies {
            for answer in policy.answers {
                guard let grade = answer.grade else { continue }
                let row = Row(
                    itemID: answer.itemID, model: policy.name ?? "policy", context: answer.context, belief: answer.belief.rawValue,
                    grade: grade.rawValue, method: answer.method?.rawValue, probeID: answer.probeID, answer: answer.answer)
                out.append(try encoder.encode(row))
                out.append(0x0A)
            }
        }
        return out
    }
}
