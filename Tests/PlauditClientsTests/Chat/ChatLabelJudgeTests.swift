import Foundation
import PlauditClients
import PlauditCore
import Testing

@Suite("ChatLabelJudge over a scripted generator")
struct ChatLabelJudgeTests {
    static let rubric = LabelRubric(
        id: "grade", version: "1", labels: ["CORRECT", "INCORRECT", "REFUSAL"], template: "Key: {{prompt}}\nAnswer: {{response}}",
        responsePrefix: "Verdict:", sha256: "feed")
    static let request = ScoringRequest(itemID: "q1", responseID: "p1", prompt: .text("Question: Q?"), response: "It is B.")
    static let prefill = ChatCapabilities(maxTopLogprobs: 20, assistantPrefill: true, jsonSchema: true, seed: true)
    static let noPrefill = ChatCapabilities(maxTopLogprobs: 0, assistantPrefill: false, jsonSchema: false, seed: false)

    @Test("one short request with the prefill; the label read from the continuation")
    func firstReply() async throws {
        let generator = ScriptedGenerator(capabilities: Self.prefill, answers: [ChatCompletion(text: " INCORRECT")])
        let judge = ChatLabelJudge(name: "grader", generator: generator, rubric: Self.rubric)
        #expect(try await judge.label(Self.request) == .label("INCORRECT"))
        let sent = try #require(generator.requests.first)
        #expect(generator.requests.count == 1)
        #expect(sent.maxTokens == 8 && sent.temperature == 0 && sent.seed == 0 && sent.topLogprobs == nil)
        #expect(sent.messages == [
            ChatMessage(role: "user", content: "Key: Question: Q?\nAnswer: It is B."), ChatMessage(role: "assistant", content: "Verdict:"),
        ])
        #expect(judge.labels == ["CORRECT", "INCORRECT", "REFUSAL"])
        #expect(judge.descriptor.kind == .judge && judge.descriptor.rubric?.sha256 == "feed" && judge.descriptor.model == "judge-model")
    }

    @Test("no prefill where the backend cannot continue a message")
    func noPrefill() async throws {
        let generator = ScriptedGenerator(capabilities: Self.noPrefill, answers: [ChatCompletion(text: "Refusal.")])
        let judge = ChatLabelJudge(name: "grader", generator: generator, rubric: Self.rubric)
        #expect(try await judge.label(Self.request) == .label("REFUSAL"))
        #expect(generator.requests.first?.messages.count == 1)
        let other = ChatLabelJudge(name: "grader", generator: ScriptedGenerator(capabilities: Self.prefill, answers: []), rubric: Self.rubric)
        #expect(judge.cacheIdentity?.parameters != other.cacheIdentity?.parameters, "the prefill is part of the cache identity")
        #expect(judge.cacheIdentity?.rubricSHA256 == "feed")
    }

    @Test("an unparseable reply is asked again once, longer; then it is a failure, never a label")
    func retryThenFailure() async throws {
        let recovered = ScriptedGenerator(
            capabilities: Self.prefill, answers: [ChatCompletion(text: " CORRECT or INCORRECT"), ChatCompletion(text: " The answer is correct.")])
        #expect(try await ChatLabelJudge(name: "g", generator: recovered, rubric: Self.rubric).label(Self.request) == .label("CORRECT"))
        #expect(recovered.requests.map(\.maxTokens) == [8, 48])

        let hopeless = ScriptedGenerator(capabilities: Self.prefill, answers: [ChatCompletion(text: " hmm"), ChatCompletion(text: " I think\nso")])
        let outcome = try await ChatLabelJudge(name: "g", generator: hopeless, rubric: Self.rubric).label(Self.request)
        guard case .failure(let reason) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(reason.contains("no single label") && reason.contains("I think so"))
        #expect(hopeless.requests.count == 2)
    }
}
