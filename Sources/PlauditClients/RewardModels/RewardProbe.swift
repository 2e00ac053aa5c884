public import PlauditCore

/// The fixed conversations of a reward model's startup probe and the checks on their scores
/// (research/serving_apis.md §9, "Startup probes"): the obviously good answer should beat the
/// obviously bad one, and the values should be unbounded logits, neither one constant (a
/// softmax over a single label) nor all in [0, 1] (a sigmoid).
public enum RewardProbe {
    /// The good and bad answers share one question so they are comparable; the third, to a
    /// different question, makes "all identical" meaningful with three values.
    public static let conversations: [(name: String, prompt: String, response: String)] = [
        (
            "good", "What is the capital of France?",
            "The capital of France is Paris."
        ),
        (
            "bad", "What is the capital of France?",
            "The capital of France is Berlin, a city famous for the Eiffel Tower. Actually I'm not sure, maybe it is Madrid."
        ),
        (
            "other", "How many legs does a spider have?",
            "A spider has eight legs."
        ),
    ]

    /// Scores the fixed conversations with `scorer` and checks them.
    ///
    /// - Parameters:
    ///   - constantAdvice: what to do when every score is the same.
    ///   - unitIntervalAdvice: what to do when every score lies in [0, 1].
    ///   - unitIntervalIsError: whether scores all in [0, 1] throw (`true`) or only warn.
    /// - Throws: ``RewardProbeError`` for constant scores, and for scores all in [0, 1] when
    ///   `unitIntervalIsError`; the scorer's own error when a probe cannot be scored at all.
    public static func run(
        _ scorer: some RewardScorer,
        constantAdvice: String,
        unitIntervalAdvice: String,
        unitIntervalIsError: Bool
    ) async throws -> RewardProbeReport {
        var samples: [RewardProbeReport.Sample] = []
        for (index, conversation) in conversations.enumerated() {
            let request = ScoringRequest(
                itemID: "plaudit-probe", responseID: conversation.name, prompt: .text(conversation.prompt),
                response: conversation.response
            )
            switch try await scorer.score(request) {
            case .score(let value):
                samples.append(
                    .init(
                        name: conversation.name, prompt: conversation.prompt, response: conversation.response,
                        score: value))
            case .failure(let reason):
                throw RewardProbeError(
                    message:
                        "startup probe: '\(scorer.descriptor.name)' could not score probe conversation \(index + 1) (\(conversation.name)): \(reason)",
                    report: RewardProbeReport(samples: samples)
                )
            }
        }
        var report = RewardProbeReport(samples: samples)
        let values = samples.map(\.score)
        if let first = values.first, values.allSatisfy({ $0 == first }) {
            throw RewardProbeError(
                message:
                    "startup probe: '\(scorer.descriptor.name)' gave the same score, \(first), to all \(values.count) probe conversations. \(constantAdvice)",
                report: report
            )
        }
        if values.allSatisfy({ (0...1).contains($0) }) {
            let message =
                "'\(scorer.descriptor.name)' scored all \(values.count) probe conversations in [0, 1]: these look like sigmoid probabilities, not raw logits. \(unitIntervalAdvice)"
            if unitIntervalIsError {
                throw RewardProbeError(message: "startup probe: " + message, report: report)
            }
            report.warnings.append(message)
        }
        if let good = report.score(of: "good"), let bad = report.score(of: "bad"), good <= bad {
            report.warnings.append(
                "'\(scorer.descriptor.name)' scored an obviously bad answer (\(bad)) at or above an obviously good one (\(good)); check the model, the chat template and the score's sign"
            )
        }
        return report
    }
}
