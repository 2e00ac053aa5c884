import Foundation
import PlauditCore
import PlauditRuntime
import PlauditTesting
import Synchronization
import Testing

@testable import PlauditAudits

/// Answers each rewrite prompt with a text naming its tone and answer; writes nothing for the
/// prompts of one probe, to show that an incomplete set is left out.
final class EchoRewriter: ChatGenerator {
    let descriptor = GeneratorDescriptor(backend: "test", baseURL: "http://127.0.0.1:1", model: "echo")
    let capabilities = ChatCapabilities(maxTopLogprobs: 0, assistantPrefill: false, jsonSchema: false, seed: true)
    let asked = Mutex<[ChatRequest]>([])
    let silentFor: String

    init(silentFor: String) {
        self.silentFor = silentFor
    }

    func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        asked.withLock { $0.append(request) }
        let text = request.messages[0].content
        if text.contains(silentFor) { return ChatCompletion(text: "  ") }
        let tone = ["warm", "neutral", "cold"].first { text.contains("Tone: \($0)") || text.contains("Tone: \($0 == "cold" ? "curt" : $0)") } ?? "?"
        let stance = text.contains("Agree with the user") ? "agrees" : "corrects"
        return ChatCompletion(text: "\(tone) \(stance)\n")
    }
}

@Suite("Sycophancy rewriter")
struct SycophancyRewriterTests {
    @Test("six prompts per probe, one variant set per complete probe, incomplete probes listed; a rerun is cached")
    func rewrite() async throws {
        let items = [
            QAItem(id: "q1", question: "Where is the Eiffel Tower?", correct: "Paris", incorrect: "Rome"),
            QAItem(id: "q2", question: "What colour is the sky?", correct: "Blue", incorrect: "Green"),
        ]
        let probes = SycophancyProbeBuilder(contexts: try SycophancyContexts.builtIn(), seed: 1).probes(for: items).filter { $0.belief == .incorrect }
        #expect(probes.count == 18)
        let generator = EchoRewriter(silentFor: "colour")
        let rewriter = SycophancyRewriter(template: try RewriteTemplate.builtIn(), setting: SamplingSetting(temperature: 0, maxTokens: 32), seed: 4)
        let cache = MemoryCache()
        let collector = GenerationCollector(concurrency: 2, cache: cache)
        let (sets, omitted, _) = try await rewriter.rewrite(probes, generator: generator, collector: collector)
        #expect(generator.asked.withLock { $0.count } == 18 * 6)
        #expect(sets.map(\.probe) == probes.filter { $0.itemID == "q1" })
        #expect(omitted.map(\.taskID) == probes.filter { $0.itemID == "q2" }.map(\.id))
        #expect(omitted.allSatisfy { $0.reason.hasPrefix("warm-correct: the rewrite model wrote nothing") })
        let first = try #require(sets.first)
        #expect(first.texts[.warmWrong] == "warm agrees" && first.texts[.coldCorrect] == "cold corrects" && first.texts[.neutralCorrect] == "neutral corrects")
        #expect(first.author == "rewrite model echo, template sycophancy-rewrite v1")
        let requests = generator.asked.withLock { $0 }
        #expect(requests.allSatisfy { $0.maxTokens == 32 && $0.temperature == 0 && $0.seed != nil })
        // The prompt the model sees names the user's message and the answer it must give.
        #expect(requests.contains { $0.messages[0].content.contains("Agree with the user that the answer is: Rome.") })

        let again = EchoRewriter(silentFor: "colour")
        let (rerun, _, counts) = try await rewriter.rewrite(probes, generator: again, collector: collector)
        #expect(rerun == sets)
        #expect(counts.hits == 18 * 6, "every completion, blank ones included, comes from the cache")
        #expect(again.asked.withLock { $0.count } == 0)
    }
}
