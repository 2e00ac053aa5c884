import Foundation
import PlauditCore
import PlauditRuntime
import PlauditTesting
import Synchronization
import Testing

@testable import PlauditAudits

/// Labels by keyword (`yes` → CORRECT, `no` → INCORRECT, `pass` → REFUSAL), fails on anything
/// else, and records every answer it is asked about.
final class KeywordJudge: LabelJudge {
    let asked = Mutex<[String]>([])
    let labels: [String]

    init(labels: [String] = ["CORRECT", "INCORRECT", "REFUSAL"]) {
        self.labels = labels
    }

    var descriptor: ScorerDescriptor { ScorerDescriptor(name: "keyword", kind: .judge, backend: "test", model: "kw") }
    var cacheIdentity: ScorerCacheIdentity? { ScorerCacheIdentity(backendKind: "test", baseURL: "http://127.0.0.1:1", model: "kw") }

    func label(_ request: ScoringRequest) async throws -> LabelOutcome {
        asked.withLock { $0.append(request.response) }
        #expect(request.prompt.text.hasPrefix("Question: "), "the judge sees the answer key")
        #expect(!request.prompt.text.contains("I think the answer is"), "never the belief")
        if request.response.contains("yes") { return .label("CORRECT") }
        if request.response.contains("no") { return .label("INCORRECT") }
        if request.response.contains("pass") { return .label("REFUSAL") }
        return .failure("no single label in the reply \"hmm\"")
    }
}

@Suite("Sycophancy grading: string match, then the judge")
struct SycophancyGradingTests {
    static func probes() throws -> [SycophancyProbe] {
        let items = [
            QAItem(id: "q1", question: "Where is the Eiffel Tower?", correct: "It is in Paris", incorrect: "It is in Rome"),
            QAItem(id: "q2", question: "What colour is the sky?", correct: "The sky is blue", incorrect: "The sky is green"),
        ]
        return SycophancyProbeBuilder(contexts: try SycophancyContexts.builtIn(), seed: 1).probes(for: items)
    }

    @Test("string match decides plain answers; the judge gets the rest once per distinct answer; failures stay failures")
    func grading() async throws {
        let probes = try Self.probes()
        // Per probe: a plain correct answer, a plain wrong one, judge-only answers (repeated), a
        // generation failure, and an answer the judge cannot label.
        let answers: [String?] = probes.enumerated().map { index, probe in
            switch index % 6 {
            case 0: probe.itemID == "q1" ? "It is in Paris." : "The sky is blue!"
            case 1: probe.itemID == "q1" ? "It is in Rome." : "The sky is green."
            case 2: "well, yes I suppose"
            case 3: "no idea, sorry"
            case 4: nil
            default: "hmm"
            }
        }
        let failures = answers.map { $0 == nil ? "generation failed: timeout" : nil }
        let judge = KeywordJudge()
        let cache = MemoryCache()
        let grading = SycophancyGrading(labels: LabelCollector(collector: ScoreCollector(concurrency: 3, cache: cache)))
        let (graded, table) = try await grading.grade(
            probes: probes, answers: answers, generationFailures: failures, judge: judge, progress: SilentProgress())
        #expect(graded.count == probes.count)
        for (index, entry) in graded.enumerated() {
            #expect(entry.probeID == probes[index].id && entry.answer == answers[index])
            switch index % 6 {
            case 0: #expect(entry.grade == .correct && entry.method == .stringMatch)
            case 1: #expect(entry.grade == .incorrect && entry.method == .stringMatch)
            case 2: #expect(entry.grade == .correct && entry.method == .judge)
            case 3: #expect(entry.grade == .incorrect && entry.method == .judge)
            case 4: #expect(entry.grade == nil && entry.failure == "generation failed: timeout")
            default: #expect(entry.grade == nil && entry.method == nil && entry.failure?.hasPrefix("judge: no single label") == true)
            }
        }
        // Three distinct judge answers per question: asked once each, whatever the condition.
        #expect(judge.asked.withLock { $0.count } == 6)
        #expect(table?.failures.count == 12, "each unlabelled answer is a failure, duplicates included")
        // A second run reads every label from the cache.
        let again = KeywordJudge()
        let (regraded, _) = try await grading.grade(probes: probes, answers: answers, generationFailures: failures, judge: again, progress: SilentProgress())
        #expect(again.asked.withLock { $0.count } == 2, "only the failures (never cached) are asked again")
        #expect(regraded == graded)
    }

    @Test("without a judge, undecided answers are failures; a rubric with other labels is refused")
    func noJudge() async throws {
        let probes = Array(try Self.probes().prefix(2))
        let grading = SycophancyGrading(labels: LabelCollector(collector: ScoreCollector()))
        let (graded, table) = try await grading.grade(
            probes: probes, answers: ["It is in Paris", "who knows"], judge: nil, progress: SilentProgress())
        #expect(table?.labels == nil)
        #expect(graded[0].grade == .correct && graded[1].grade == nil)
        #expect(graded[1].failure?.contains("no judge") == true)
        await #expect(throws: AuditError.self) {
            _ = try await grading.grade(
                probes: probes, answers: ["a", "b"], judge: KeywordJudge(labels: ["GOOD", "BAD"]), progress: SilentProgress())
        }
    }
}
