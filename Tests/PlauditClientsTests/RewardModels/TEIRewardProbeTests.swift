import Foundation
import PlauditClients
import PlauditCore
import PlauditTesting
import Testing

@Suite("TEIRewardScorer start-up probe")
struct TEIRewardProbeTests {
    /// A TEI `/predict` answer for one input whose only label scores `score`.
    static func answer(_ score: Double) -> FakeHTTPServer.Reply {
        .json(TEIRewardScorerTests.predictions([[("LABEL_0", score)]]))
    }

    @Test("raw logits: three scores, no warning; the good answer above the bad one")
    func logits() async throws {
        let report = try await withBackend(
            kind: .tei, model: TEIRewardScorerTests.model,
            handler: { request in
                let text = (request.json?["inputs"] as? [[String]])?.first?.last ?? ""
                return Self.answer(text.contains("Berlin") ? -2.5 : (text.contains("Paris") ? 1.82 : 0.4))
            }
        ) { _, client in try await TEIRewardScorer(backend: client).probe() }
        #expect(report.samples.map(\.score) == [1.82, -2.5, 0.4])
        #expect(report.warnings.isEmpty)
    }

    @Test("the same score for every conversation stops the run with advice")
    func constant() async throws {
        await #expect(throws: RewardProbeError.self) {
            _ = try await withBackend(kind: .tei, model: TEIRewardScorerTests.model, handler: { _ in Self.answer(1.0) }) { _, client in
                try await TEIRewardScorer(backend: client).probe()
            }
        }
    }

    @Test("scores all in [0, 1] only warn (they may be a classifier's logits, or probabilities)")
    func unitInterval() async throws {
        let report = try await withBackend(
            kind: .tei, model: TEIRewardScorerTests.model,
            handler: { request in
                let text = (request.json?["inputs"] as? [[String]])?.first?.last ?? ""
                return Self.answer(text.contains("Berlin") ? 0.1 : 0.9)
            }
        ) { _, client in try await TEIRewardScorer(backend: client).probe() }
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.contains("raw_scores") == true)
    }
}
