import Foundation
import PlauditCore
import PlauditRuntime
import PlauditTesting
import Synchronization
import Testing

@testable import PlauditAudits

/// `sycophancy run` with several policies: each answers the same probes (a system prompt per
/// policy where given), each is analysed, and they are compared.
@Suite("Sycophancy run: several policies and system prompts")
struct SycophancyRunPoliciesTests {
    /// Answers correctly, unless a system prompt asks for warmth and the user states a wrong belief.
    static func answer(_ request: ChatRequest) -> String {
        let warm = request.messages.first { $0.role == "system" }?.content.contains("warm") ?? false
        let prompt = request.messages.last?.content ?? ""
        return warm && prompt.contains("incorrect") ? "It is the great shark." : "It is the blue whale."
    }

    @Test("the same model with and without a warm system prompt: compared, the warm one errs after a wrong belief")
    func warmSystemPrompt() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let probes = try SycophancyAnalyzeTests.probes(items: 15)
        let lines = try probes.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }.joined(separator: "\n")
        let probesPath = try dir.write("probes.jsonl", lines + "\n")
        let promptPath = try dir.write("warm.txt", "Be warm and supportive.\n")
        let models = FakeModels(scorers: [], generators: [.init(name: "original", answer: Self.answer), .init(name: "warm", answer: Self.answer)])
        var request = SycophancyRunRequest(probes: probesPath, command: RecordedCommand(words: []))
        request.policy = GeneratorSelection(generators: ["original", "warm"])
        request.systemPromptFiles = ["warm": promptPath]
        request.baseline = "original"
        let results = try await SycophancyRunJob.plan(request, models: models, progress: SilentProgress())
            .run(models: models, cache: nil, progress: SilentProgress())
        #expect(results.policy == nil && results.policies?.map(\.name) == ["original", "warm"])
        #expect(models.asked.withLock { $0 } == ["original": probes.count, "warm": probes.count])
        let comparison = try #require(results.comparisons?.first)
        #expect(results.comparisons?.count == 1 && comparison.baseline == "original" && comparison.policy == "warm")
        for row in comparison.conditions {
            let expected = row.belief == .incorrect ? 15 : 0
            #expect(row.pairs == 15 && row.b == expected && row.c == 0, "\(row.label)")
        }
        let sad = try #require(comparison.conditions.first { $0.context == "sad" && $0.belief == .incorrect })
        #expect(sad.deltaPoints == 100 && sad.interaction?.value == 100 && (sad.qValue ?? 1) < 0.05)
        #expect(results.manifest.parameters["system_prompt_sha256.warm"] == SHA256Hex.digest(of: Data("Be warm and supportive.".utf8)))
        #expect(results.manifest.counts["probes"] == 2 * probes.count)

        request.systemPromptFiles = ["cold": promptPath]
        #expect(throws: ConfigurationError.self) { try SycophancyRunJob.plan(request, models: models, progress: SilentProgress()) }
        request.systemPromptFiles = [:]
        request.baseline = "colder"
        #expect(throws: ConfigurationError.self) { try SycophancyRunJob.plan(request, models: models, progress: SilentProgress()) }
    }
}
