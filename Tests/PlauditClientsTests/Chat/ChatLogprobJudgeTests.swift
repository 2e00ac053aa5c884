import Foundation
import PlauditClients
import PlauditCore
import Synchronization
import Testing

/// A generator that answers from a script and records every request.
final class ScriptedGenerator: ChatGenerator {
    let capabilities: ChatCapabilities
    let descriptor = GeneratorDescriptor(backend: "vllm", baseURL: "http://127.0.0.1:9", model: "judge-model")
    private let answers: [ChatCompletion]
    private let state = Mutex<[ChatRequest]>([])

    init(capabilities: ChatCapabilities, answers: [ChatCompletion]) {
        self.capabilities = capabilities
        self.answers = answers
    }

    var requests: [ChatRequest] { state.withLock { $0 } }

    func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        state.withLock { requests in
            requests.append(request)
            return answers[min(requests.count - 1, answers.count - 1)]
        }
    }
}

@Suite("ChatLogprobJudge over a scripted generator")
struct ChatLogprobJudgeTests {
    static let rubric = Rubric(
        id: "r", version: "1", template: "Rate {{response}} for {{prompt}}.", scale: 1...9, responsePrefix: "Rating (1-9): ",
        sha256: "abc123"
    )
    static let request = ScoringRequest(itemID: "i", responseID: "a", prompt: .text("a haiku"), response: "Old pond...")
    static let withLogprobs = ChatCapabilities(maxTopLogprobs: 20, assistantPrefill: true, jsonSchema: true, seed: true)
    static let textOnly = ChatCapabilities(maxTopLogprobs: 0, assistantPrefill: true, jsonSchema: false, seed: false)
    static let noPrefill = ChatCapabilities(maxTopLogprobs: 0, assistantPrefill: false, jsonSchema: true, seed: true)

    static func position(_ token: String, _ top: [(String, Double)]) -> TokenLogprobs {
        TokenLogprobs(token: token, logprob: top.first { $0.0 == token }?.1 ?? -1, top: top.map { TokenLogprob(token: $0.0, logprob: $0.1) })
    }

    @Test("prefill and logprobs: one token, expected rating over the rating tokens, \"7\" and \" 7\" added up")
    func expectedRating() async throws {
        let answer = ChatCompletion(text: "7", tokens: [Self.position("7", [("7", log(0.5)), ("8", log(0.4)), (" 7", log(0.1)), ("x", log(0.05))])])
        let generator = ScriptedGenerator(capabilities: Self.withLogprobs, answers: [answer])
        let judge = ChatLogprobJudge(name: "j", generator: generator, rubric: Self.rubric)
        let outcome = try await judge.score(Self.request)
        #expect(abs(try #require(outcome.value) - 7.4) < 1e-9)
        let sent = try #require(generator.requests.first)
        #expect(generator.requests.count == 1)
        #expect(sent.maxTokens == 1)
        #expect(sent.topLogprobs == 20)
        #expect(sent.temperature == 0)
        #expect(sent.seed == 0)
        #expect(sent.messages == [
            ChatMessage(role: "user", content: "Rate Old pond... for a haiku."), ChatMessage(role: "assistant", content: "Rating (1-9): "),
        ])
    }

    @Test("logprobs without prefill: the rating position is the first generated token that spells a rating")
    func ratingPosition() async throws {
        let answer = ChatCompletion(
            text: "Rating: 6",
            tokens: [
                Self.position("Rating", [("Rating", -0.1), ("5", -3)]), Self.position(":", [(":", -0.01)]),
                Self.position(" 6", [(" 6", log(0.75)), (" 2", log(0.25))]),
            ]
        )
        let capabilities = ChatCapabilities(maxTopLogprobs: 5, assistantPrefill: false, jsonSchema: true, seed: true)
        let generator = ScriptedGenerator(capabilities: capabilities, answers: [answer])
        let outcome = try await ChatLogprobJudge(name: "j", generator: generator, rubric: Self.rubric).score(Self.request)
        #expect(abs(try #require(outcome.value) - 5.0) < 1e-9)
        let sent = try #require(generator.requests.first)
        #expect(sent.topLogprobs == 5, "capped at the backend's limit")
        #expect(sent.maxTokens == 16)
        #expect(sent.messages.count == 1, "no prefill where the backend cannot continue one")
    }

    @Test("no logprobs: the reply is parsed; prefill still sent where supported")
    func parsedReply() async throws {
        let generator = ScriptedGenerator(capabilities: Self.textOnly, answers: [ChatCompletion(text: "8")])
        let outcome = try await ChatLogprobJudge(name: "j", generator: generator, rubric: Self.rubric).score(Self.request)
        #expect(outcome == .score(8))
        #expect(generator.requests[0].topLogprobs == nil)
        #expect(generator.requests[0].messages.last?.role == "assistant")
        #expect(generator.requests[0].maxTokens == 16)

        let plain = ScriptedGenerator(capabilities: Self.noPrefill, answers: [ChatCompletion(text: "Rating: 6/9")])
        #expect(try await ChatLogprobJudge(name: "j", generator: plain, rubric: Self.rubric).score(Self.request) == .score(6))
        #expect(plain.requests[0].messages.count == 1)
    }

    @Test("one longer retry, then a failure, never a middle score")
    func retryThenFailure() async throws {
        let retried = ScriptedGenerator(capabilities: Self.withLogprobs, answers: [
            ChatCompletion(text: "I", tokens: [Self.position("I", [("I", -0.1), ("The", -2)])]), ChatCompletion(text: "I would say 3."),
        ])
        #expect(try await ChatLogprobJudge(name: "j", generator: retried, rubric: Self.rubric).score(Self.request) == .score(3))
        #expect(retried.requests.map(\.maxTokens) == [1, 64])
        #expect(retried.requests[1].topLogprobs == nil)

        let hopeless = ScriptedGenerator(capabilities: Self.textOnly, answers: [ChatCompletion(text: "No."), ChatCompletion(text: "I cannot rate 10 or 0.")])
        let outcome = try await ChatLogprobJudge(name: "j", generator: hopeless, rubric: Self.rubric).score(Self.request)
        #expect(outcome.value == nil)
        guard case .failure(let reason) = outcome else { Issue.record("expected a failure"); return }
        #expect(reason.contains("I cannot rate"))
        #expect(hopeless.requests.count == 2)
    }

    @Test("cache identity: backend, URL, model, rubric hash and settings")
    func cacheIdentity() throws {
        let generator = ScriptedGenerator(capabilities: Self.withLogprobs, answers: [])
        let judge = ChatLogprobJudge(name: "j", generator: generator, rubric: Self.rubric)
        let identity = try #require(judge.cacheIdentity)
        #expect(identity.backendKind == "vllm")
        #expect(identity.baseURL == "http://127.0.0.1:9")
        #expect(identity.model == "judge-model")
        #expect(identity.rubricSHA256 == "abc123")
        #expect(identity.parameters.contains("top_logprobs=20"))
        #expect(identity.parameters.contains("prefill=true"))
        let fewer = ChatLogprobJudge(name: "j", generator: generator, rubric: Self.rubric, topLogprobs: 5)
        #expect(fewer.cacheIdentity != identity)
        let text = ChatLogprobJudge(name: "j", generator: ScriptedGenerator(capabilities: Self.noPrefill, answers: []), rubric: Self.rubric)
        #expect(text.cacheIdentity?.parameters.contains("top_logprobs=0;prefill=false") == true)
        #expect(judge.descriptor == ScorerDescriptor(name: "j", kind: .judge, backend: "vllm", model: "judge-model", rubric: Self.rubric.reference))
    }
}
