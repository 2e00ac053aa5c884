import PlauditCore
import Testing

@testable import PlauditAudits

@Suite("Validity rules and stages")
struct ValidityRulesTests {
    static func item(_ texts: [String], valid: [Bool?]? = nil) -> Item {
        Item(
            id: "p", prompt: .text("Name a colour."),
            responses: texts.enumerated().map { j, text in Response(id: "r\(j)", text: text, valid: valid?[j]) })
    }

    @Test("empty answers are invalid; an exact copy is kept once; refusals match case-insensitively; flagged answers are left alone")
    func rules() {
        var data = Dataset(items: [
            Self.item(["Blue.", "  Blue.\n", "", " \n", "I'm sorry, I can't help with that.", "Vermilion.", "Blue."], valid: [nil, nil, nil, nil, nil, nil, true]),
            Self.item(["Blue.", "Teal."]),
        ])
        let outcome = ValidityRules(refusalPatterns: ["I'M SORRY", ""]).apply(to: &data)
        #expect(data.items[0].responses.map(\.valid) == [nil, false, false, false, false, nil, true])
        #expect(data.items[1].responses.map(\.valid) == [nil, nil], "copies are per prompt")
        #expect(outcome == ValidityRules.Outcome(empty: 2, duplicates: 1, refusals: 1))
        #expect(outcome.summary == "2 empty, 1 exact duplicates (kept once), 1 refusals")

        var plain = Dataset(items: [Self.item(["I'm sorry, I can't.", "Blue."])])
        #expect(ValidityRules().apply(to: &plain).total == 0, "no refusal rule without patterns")
        #expect(plain.items[0].responses.allSatisfy { $0.valid == nil })
    }

    @Test("the validity source names every stage that decided something, in order; nil leaves the wording to the analysis")
    func source() {
        var stages = ValidityStages()
        #expect(stages.source(humanThreshold: nil) == nil)
        stages.dataFlags = 4
        #expect(stages.source(humanThreshold: nil) == nil, "flags in the data alone: the analysis says so")
        stages.dataFlags = 0
        stages.rules = .init(empty: 2, duplicates: 1, refusals: 0)
        #expect(stages.source(humanThreshold: nil) == "none: every response treated as valid, except what the rules caught (2 empty, 1 exact duplicates (kept once))")
        var labels = LabelsFile.Applied(file: "l.jsonl")
        labels.valid = 3
        labels.invalid = 1
        stages.labels = labels
        stages.responses = 10
        #expect(
            stages.source(humanThreshold: nil)
                == "labels file l.jsonl (3 valid, 1 invalid); then rules (2 empty, 1 exact duplicates (kept once)); the other 3 responses treated as valid",
            "what no stage decided is said, not assumed quietly")
        stages.dataFlags = 2
        stages.scored = ScoredValidity(scorer: "v", threshold: 0.5, valid: 5, invalid: 2, decidedElsewhere: 9)
        #expect(
            stages.source(humanThreshold: 3)
                == "valid flags in the data (2 responses); then labels file l.jsonl (3 valid, 1 invalid); then rules (2 empty, 1 exact duplicates (kept once)); then mean human rating ≥ 3.0; then validity scorer v, score ≥ 0.5 (5 valid, 2 invalid; 9 decided before it)")
        #expect(stages.counts["labels_invalid"] == 1 && stages.counts["rule_empty"] == 2 && stages.counts["validity_valid"] == 5)
    }
}
