import Foundation
import PlauditClients
import PlauditCore
import PlauditTesting
import Testing

@Suite("TEIRewardScorer against a fake text-embeddings-inference")
struct TEIRewardScorerTests {
    static let model = "OpenAssistant/reward-model-deberta-v3-large-v2"

    /// Labels sorted by score, highest first, as TEI does.
    static func predictions(_ scores: [[(label: String, score: Double)]]) -> String {
        let items = scores.map { labels in
            "["
                + labels.sorted { $0.score > $1.score }.map { #"{"score": \#($0.score), "label": "\#($0.label)"}"# }
                .joined(separator: ", ") + "]"
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    @Test("/predict with pairs, raw_scores true, truncate false; scores picked by label from a reordered answer")
    func pairsAndLabels() async throws {
        let (outcomes, log) = try await withBackend(
            kind: .tei, model: Self.model, options: ["label": "good"],
            handler: { _ in
                // The first input's "good" is its top label, the second's is not: the order differs.
                .json(Self.predictions([[("good", 3.5), ("bad", -1.0)], [("good", -2.0), ("bad", 4.0)]]))
            }
        ) { server, client in
            let scorer = try TEIRewardScorer(backend: client)
            let batch = [
                request(
                    .messages([ChatMessage(role: "system", content: "S"), ChatMessage(role: "user", content: "Why?")]),
                    "Because."),
                request(.text("How?"), "Like so."),
            ]
            return (try await scorer.score(batch: batch), server.log)
        }
        #expect(outcomes == [.score(3.5), .score(-2.0)])
        let sent = try #require(log.first)
        #expect(sent.path == "/predict")
        #expect(sent.json?["inputs"] as? [[String]] == [["Why?", "Because."], ["How?", "Like so."]])
        #expect(sent.json?["raw_scores"] as? Bool == true)
        #expect(sent.json?["truncate"] as? Bool == false)
        #expect(Set(sent.json?.keys.map { $0 } ?? []) == ["inputs", "raw_scores", "truncate"])
    }

    @Test("input: text sends the response alone; one label is used without configuration")
    func textInputSingleLabel() async throws {
        let (outcome, log) = try await withBackend(
            kind: .tei, model: Self.model, options: ["input": "text"],
            handler: { _ in
                .json(Self.predictions([[("LABEL_0", 0.75)]]))
            }
        ) { server, client in
            (try await TEIRewardScorer(backend: client).score(request(.text("Q"), "An answer")), server.log)
        }
        #expect(outcome == .score(0.75))
        #expect(log.first?.json?["inputs"] as? [[String]] == [["An answer"]])
    }

    @Test("several labels without the label option, or an unknown label, is a configuration error listing them")
    func labelErrors() async throws {
        let answer = Self.predictions([[("POSITIVE", 2.0), ("NEGATIVE", -2.0)]])
        for options in [[:], ["label": "good"]] as [[String: String]] {
            let message = try await withBackend(
                kind: .tei, model: Self.model, options: options, handler: { _ in .json(answer) }
            ) { _, client in
                do {
                    _ = try await TEIRewardScorer(backend: client).score(request(.text("Q"), "A"))
                    return ""
                } catch { return String(describing: error) }
            }
            #expect(message.contains("NEGATIVE"))
            #expect(message.contains("POSITIVE"))
            #expect(message.contains("label"))
        }
    }

    @Test("a batch of 70 is sent as 32, 32 and 6, and outcomes keep input order")
    func splitsBatches() async throws {
        let (outcomes, log, batchSize) = try await withBackend(
            kind: .tei, model: Self.model,
            handler: { request in
                let inputs = request.json?["inputs"] as? [[String]] ?? []
                // Score = the number in the response text.
                return .json(Self.predictions(inputs.map { [("LABEL_0", Double($0[1]) ?? .nan)] }))
            }
        ) { server, client in
            let scorer = try TEIRewardScorer(backend: client)
            let batch = (0..<70).map { request(.text("Q\($0)"), "\($0)") }
            return (try await scorer.score(batch: batch), server.log, scorer.batchSize)
        }
        #expect(batchSize == 32)
        #expect(log.map { ($0.json?["inputs"] as? [[String]])?.count } == [32, 32, 6])
        #expect(outcomes == (0..<70).map { .score(Double($0)) })
    }

    @Test("max_batch_size sets the batch size")
    func configuredBatchSize() async throws {
        let batchSize = try await withBackend(
            kind: .tei, model: Self.model, maxBatchSize: 8, handler: { _ in .json("[]") }
        ) { _, client in
            try TEIRewardScorer(backend: client).batchSize
        }
        #expect(batchSize == 8)
    }

    @Test("a 422 batch-size refusal says to set max_batch_size")
    func batchLimitError() async throws {
        try await requiringErrorBodies {
            let message = try await withBackend(
                kind: .tei, model: Self.model, maxBatchSize: 40,
                handler: { _ in
                    .json(
                        #"{"error": "batch size 40 > maximum allowed batch size 16", "error_type": "validation"}"#,
                        status: 422)
                }
            ) { _, client in
                do {
                    _ = try await TEIRewardScorer(backend: client).score(
                        batch: (0..<40).map { request(.text("Q"), "\($0)") })
                    return ""
                } catch { return String(describing: error) }
            }
            #expect(message.contains("max_batch_size: 16"))
        }
    }

    @Test("a 422 'must have less than N tokens' fails only the over-long input")
    func tooLongInput() async throws {
        try await requiringErrorBodies {
            let (outcomes, log) = try await withBackend(
                kind: .tei, model: Self.model,
                handler: { request in
                    let inputs = request.json?["inputs"] as? [[String]] ?? []
                    if inputs.contains(where: { $0[1].hasPrefix("LONG") }) {
                        return .json(
                            #"{"error": "`inputs` must have less than 512 tokens. Given: 700", "error_type": "validation"}"#,
                            status: 422)
                    }
                    return .json(Self.predictions(inputs.map { _ in [("LABEL_0", 1.0)] }))
                }
            ) { server, client in
                (
                    try await TEIRewardScorer(backend: client).score(batch: [
                        request(.text("a"), "ok"), request(.text("b"), "LONG text"),
                    ]), server.log
                )
            }
            #expect(outcomes.first == .score(1.0))
            guard case .failure(let reason)? = outcomes.last else {
                Issue.record("expected a failure, got \(outcomes)")
                return
            }
            #expect(reason.contains("must have less than 512 tokens"))
            #expect(log.count == 3)
        }
    }

    @Test("descriptor and cache identity")
    func descriptor() async throws {
        let (descriptor, identity) = try await withBackend(
            kind: .tei, model: Self.model, options: ["label": "LABEL_0"], handler: { _ in .json("[]") }
        ) {
            _, client in
            let scorer = try TEIRewardScorer(backend: client)
            return (scorer.descriptor, scorer.cacheIdentity)
        }
        #expect(descriptor.kind == .rewardModel)
        #expect(descriptor.backend == "tei")
        #expect(descriptor.model == Self.model)
        #expect(identity?.parameters == "input=pair;label=LABEL_0;raw_scores=true")
    }
}
