import Foundation
import PlauditClients
import PlauditCore
import PlauditTesting
import Testing

@Suite("VLLMRewardScorer against a fake vLLM")
struct VLLMRewardScorerTests {
    let conversation = Prompt.messages([
        ChatMessage(role: "system", content: "Be brief."),
        ChatMessage(role: "user", content: "What is 2+2?"),
    ])

    @Test("current /pooling: messages + assistant turn, use_activation false, no task; reads data[0].data[0]")
    func currentPooling() async throws {
        let (outcome, log) = try await withBackend(kind: .vllm, handler: { _ in .json(VLLMBodies.pooling(7.3125)) }) {
            server, client in
            let scorer = try VLLMRewardScorer(backend: client)
            return (try await scorer.score(request(conversation, "4")), server.log)
        }
        #expect(outcome == .score(7.3125))
        let sent = try #require(log.first)
        #expect(sent.method == "POST")
        #expect(sent.path == "/pooling")
        #expect(
            sent.messages == [
                ["role": "system", "content": "Be brief."],
                ["role": "user", "content": "What is 2+2?"],
                ["role": "assistant", "content": "4"],
            ])
        #expect(sent.json?["use_activation"] as? Bool == false)
        #expect(sent.json?["model"] as? String == "Skywork/Skywork-Reward-V2-Llama-3.1-8B")
        #expect(sent.json?["task"] == nil)
        #expect(sent.json?["activation"] == nil)
        #expect(sent.json?["input"] == nil)
        #expect(Set(sent.json?.keys.map { $0 } ?? []) == ["model", "messages", "use_activation"])
        // Sorted keys: the body is a stable cache key.
        let text = String(decoding: sent.body, as: UTF8.self)
        #expect(text.hasPrefix(#"{"messages":"#))
    }

    @Test("0.11 /pooling adds task classify; 0.11 /classify does not and reads probs[0]")
    func version011() async throws {
        let pooled = try await withBackend(
            kind: .vllm, options: ["vllm_version": "0.11"], handler: { _ in .json(VLLMBodies.pooling(-2.5)) }
        ) {
            server, client in
            let outcome = try await VLLMRewardScorer(backend: client).score(request(.text("Hi"), "Hello!"))
            return (outcome, server.log)
        }
        #expect(pooled.0 == .score(-2.5))
        #expect(pooled.1.first?.json?["task"] as? String == "classify")
        #expect(pooled.1.first?.json?["use_activation"] as? Bool == false)
        #expect(
            pooled.1.first?.messages == [
                ["role": "user", "content": "Hi"], ["role": "assistant", "content": "Hello!"],
            ])

        let classified = try await withBackend(
            kind: .vllm, options: ["vllm_version": "0.11", "endpoint": "classify"],
            handler: { _ in .json(VLLMBodies.classify([(0, 3.75)])) }
        ) { server, client in
            (try await VLLMRewardScorer(backend: client).score(request(.text("Hi"), "Hello!")), server.log)
        }
        #expect(classified.0 == .score(3.75))
        #expect(classified.1.first?.path == "/classify")
        #expect(classified.1.first?.json?["task"] == nil)
        #expect(classified.1.first?.json?["use_activation"] as? Bool == false)
    }

    @Test("current /classify reads probs[0]")
    func currentClassify() async throws {
        let outcome = try await withBackend(
            kind: .vllm, options: ["endpoint": "classify"], handler: { _ in .json(VLLMBodies.classify([(0, -1.25)])) }
        ) {
            _, client in try await VLLMRewardScorer(backend: client).score(request(.text("Q"), "A"))
        }
        #expect(outcome == .score(-1.25))
    }

    @Test(
        "0.10: /classify with rendered input array and activation false; answers mapped by index from a shuffled data array"
    )
    func version010Batch() async throws {
        let template =
            "<|start_header_id|>user<|end_header_id|>\n\n{prompt}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n{response}<|eot_id|>"
        let (outcomes, log, batchSize) = try await withBackend(
            kind: .vllm, options: ["vllm_version": "0.10", "template": template],
            handler: { request in
                let inputs = request.json?["input"] as? [String] ?? []
                // Value = 10 × position + 0.5, answered in reverse order.
                let items = inputs.indices.reversed().map { (index: $0, value: Double($0) * 10 + 0.5) }
                return .json(VLLMBodies.classify(items))
            }
        ) { server, client in
            let scorer = try VLLMRewardScorer(backend: client)
            let batch = [
                request(.text("one"), "A {prompt} literal"), request(.text("two"), "B"), request(.text("three"), "C"),
            ]
            return (try await scorer.score(batch: batch), server.log, scorer.batchSize)
        }
        #expect(batchSize == 32)
        #expect(outcomes == [.score(0.5), .score(10.5), .score(20.5)])
        let sent = try #require(log.first)
        #expect(sent.path == "/classify")
        #expect(sent.json?["activation"] as? Bool == false)
        #expect(sent.json?["use_activation"] == nil)
        #expect(sent.json?["messages"] == nil)
        #expect(sent.json?["task"] == nil)
        let inputs = try #require(sent.json?["input"] as? [String])
        #expect(inputs.count == 3)
        #expect(
            inputs[0]
                == "<|start_header_id|>user<|end_header_id|>\n\none<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nA {prompt} literal<|eot_id|>"
        )
    }

    @Test("0.10: one request sends input as a string; a multi-turn prompt is a per-item failure")
    func version010Single() async throws {
        let (outcomes, log) = try await withBackend(
            kind: .vllm, options: ["vllm_version": "0.10.2", "template": "U: {prompt}\nA: {response}"],
            handler: { _ in .json(VLLMBodies.classify([(0, 1.5)])) }
        ) { server, client in
            let scorer = try VLLMRewardScorer(backend: client)
            return (
                [try await scorer.score(request(.text("Q"), "R")), try await scorer.score(request(conversation, "4"))],
                server.log
            )
        }
        #expect(outcomes[0] == .score(1.5))
        guard case .failure(let reason) = outcomes[1] else {
            Issue.record("expected a failure, got \(outcomes[1])")
            return
        }
        #expect(reason.contains("2 message"))
        #expect(log.count == 1)
        #expect(log.first?.json?["input"] as? String == "U: Q\nA: R")
    }

    @Test("per-token hidden states (wrong task) and base64 data are errors that say what to change")
    func unionErrors() async throws {
        let nested = try await withBackend(
            kind: .vllm, handler: { _ in .json(VLLMBodies.pooling([(0, "[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]")])) }
        ) { _, client in
            await #expect(throws: ClientError.self) {
                try await VLLMRewardScorer(backend: client).score(request(.text("Q"), "A"))
            }
            do {
                _ = try await VLLMRewardScorer(backend: client).score(request(.text("Q"), "A"))
                return ""
            } catch { return String(describing: error) }
        }
        #expect(nested.contains("hidden states"))
        #expect(nested.contains("task"))
        let encoded = try await withBackend(
            kind: .vllm, handler: { _ in .json(VLLMBodies.pooling([(0, #""AACAPw==""#)])) }
        ) { _, client in
            do {
                _ = try await VLLMRewardScorer(backend: client).score(request(.text("Q"), "A"))
                return ""
            } catch { return String(describing: error) }
        }
        #expect(encoded.contains("float"))
        let embedding = try await withBackend(
            kind: .vllm,
            handler: { _ in
                .json(VLLMBodies.pooling([(0, "[" + Array(repeating: "0.01", count: 64).joined(separator: ",") + "]")]))
            }
        ) { _, client in
            do {
                _ = try await VLLMRewardScorer(backend: client).score(request(.text("Q"), "A"))
                return ""
            } catch { return String(describing: error) }
        }
        #expect(embedding.contains("embedding"))
    }

    @Test("a context-length 400 fails only that item; other 4xx answers throw")
    func contextOverflow() async throws {
        try await requiringErrorBodies {
            let outcomes = try await withBackend(
                kind: .vllm,
                handler: { request in
                    let content = request.messages?.last?["content"] ?? ""
                    return content.hasPrefix("LONG")
                        ? .json(VLLMBodies.contextTooLong, status: 400) : .json(VLLMBodies.pooling(2.0))
                }
            ) { _, client in
                let scorer = try VLLMRewardScorer(backend: client)
                return [
                    try await scorer.score(request(.text("Q"), "short")),
                    try await scorer.score(request(.text("Q"), "LONG" + String(repeating: "x", count: 100))),
                ]
            }
            #expect(outcomes[0] == .score(2.0))
            guard case .failure(let reason) = outcomes[1] else {
                Issue.record("expected a failure, got \(outcomes[1])")
                return
            }
            #expect(reason.contains("maximum context length is 16384"))
        }
        // Not about the input: the scorer is unusable, so it throws.
        for (status, body) in [
            (400, VLLMBodies.removedField), (404, VLLMBodies.unknownModel),
            (500, #"{"error": {"message": "engine dead", "type": "InternalServerError", "param": null, "code": 500}}"#),
        ] {
            _ = try await withBackend(kind: .vllm, handler: { _ in .json(body, status: status) }) { _, client in
                await #expect(throws: ClientError.self) {
                    try await VLLMRewardScorer(backend: client).score(request(.text("Q"), "A"))
                }
            }
        }
    }

    @Test("0.10: a batch refused for one over-long input is retried one by one")
    func batchOverflowFallsBack() async throws {
        try await requiringErrorBodies {
            let (outcomes, log) = try await withBackend(
                kind: .vllm, options: ["vllm_version": "0.10", "template": "{prompt} {response}"],
                handler: { request in
                    let inputs = (request.json?["input"] as? [String]) ?? [(request.json?["input"] as? String) ?? ""]
                    if inputs.contains(where: { $0.contains("LONG") }) {
                        return .json(VLLMBodies.contextTooLong, status: 400)
                    }
                    return .json(VLLMBodies.classify(inputs.indices.map { ($0, 1.0) }))
                }
            ) { server, client in
                let scorer = try VLLMRewardScorer(backend: client)
                return (
                    try await scorer.score(batch: [
                        request(.text("a"), "ok"), request(.text("b"), "LONG"), request(.text("c"), "ok"),
                    ]), server.log
                )
            }
            #expect(outcomes.count == 3)
            #expect(outcomes[0] == .score(1.0))
            #expect(outcomes[1].value == nil)
            #expect(outcomes[2] == .score(1.0))
            #expect(log.count == 4)
        }
    }

    @Test("probe: a constant server (softmax over one label) is an error naming the fix")
    func probeConstant() async throws {
        let error = try await withBackend(kind: .vllm, handler: { _ in .json(VLLMBodies.pooling(1.0)) }) { _, client in
            do {
                _ = try await VLLMRewardScorer(backend: client).probe()
                return nil as RewardProbeError?
            } catch let error as RewardProbeError { return error }
        }
        let found = try #require(error)
        #expect(found.message.contains("softmax"))
        #expect(found.message.contains("12910"))
        #expect(found.message.contains(#"--override-pooler-config '{"softmax": false}'"#))
        #expect(found.report.samples.map(\.score) == [1.0, 1.0, 1.0])
    }

    @Test("probe: sigmoid probabilities are an error (strict) or a warning, with the values reported")
    func probeSigmoid() async throws {
        let values = ["capital of France is Paris": 0.93, "Berlin": 0.12, "spider": 0.88]
        let handler: FakeHTTPServer.Handler = { request in
            let content = request.messages?.last?["content"] ?? ""
            let value = values.first { content.contains($0.key) }?.value ?? 0.5
            return .json(VLLMBodies.pooling(value))
        }
        let (strict, lenient) = try await withBackend(kind: .vllm, handler: handler) { _, client in
            let scorer = try VLLMRewardScorer(backend: client)
            var strictError: RewardProbeError?
            do { _ = try await scorer.probe() } catch let error as RewardProbeError { strictError = error }
            return (strictError, try await scorer.probe(strict: false))
        }
        let error = try #require(strict)
        #expect(error.message.contains("sigmoid"))
        #expect(error.report.score(of: "good") == 0.93)
        #expect(lenient.warnings.count == 1)
        #expect(lenient.warnings.first?.contains("sigmoid") == true)
        #expect(lenient.score(of: "bad") == 0.12)
    }

    @Test("probe: raw logits pass; a good answer at or below a bad one is a warning")
    func probeRawLogits() async throws {
        func server(good: Double, bad: Double) -> FakeHTTPServer.Handler {
            { request in
                let content = request.messages?.last?["content"] ?? ""
                let value = content.contains("Berlin") ? bad : content.contains("spider") ? 4.0 : good
                return .json(VLLMBodies.pooling(value))
            }
        }
        let report = try await withBackend(kind: .vllm, handler: server(good: 12.5, bad: -8.25)) { _, client in
            try await VLLMRewardScorer(backend: client).probe()
        }
        #expect(report.warnings.isEmpty)
        #expect(report.samples.map(\.score) == [12.5, -8.25, 4.0])
        #expect(report.description.contains("good=12.5"))
        let inverted = try await withBackend(kind: .vllm, handler: server(good: -3, bad: 5)) { _, client in
            try await VLLMRewardScorer(backend: client).probe()
        }
        #expect(inverted.warnings.count == 1)
        #expect(inverted.warnings.first?.contains("bad answer") == true)
    }

    @Test("configuration errors name the option")
    func configurationErrors() async throws {
        let cases: [([String: String], String)] = [
            (["vllm_version": "0.10"], "template"),
            (["vllm_version": "0.10", "template": "<|begin_of_text|>{prompt}{response}"], "BOS"),
            (["vllm_version": "0.10", "template": "{prompt}"], "{response}"),
            (["vllm_version": "0.10", "template": "{prompt}{response}", "endpoint": "pooling"], "hidden states"),
            (["template": "{prompt}{response}"], "0.10"),
            (["vllm_version": "0.9.2"], "override-pooler-config"),
            (["vllm_version": "1.0"], "vllm_version"),
            (["endpoint": "score"], "endpoint"),
            (["use_activation": "false"], "unknown option use_activation"),
        ]
        for (options, expected) in cases {
            try await withBackend(kind: .vllm, options: options, handler: { _ in .json("{}") }) { _, client in
                do {
                    _ = try VLLMRewardScorer(backend: client)
                    Issue.record("no error for \(options)")
                } catch {
                    #expect(String(describing: error).contains(expected), "\(options): \(error)")
                }
            }
        }
    }

    @Test("descriptor and cache identity: kind, backend, endpoint and version, and never the key")
    func descriptorAndIdentity() async throws {
        let key = "sk-secret-abc123"
        let (descriptor, identity, batchSize, authorization) = try await withBackend(
            kind: .vllm, options: ["endpoint": "classify", "vllm_version": "0.11"], apiKeyEnv: "RM_KEY",
            environment: ["RM_KEY": key],
            handler: { _ in .json(VLLMBodies.classify([(0, 1)])) }
        ) { server, client in
            let scorer = try VLLMRewardScorer(backend: client, name: "skywork")
            _ = try await scorer.score(request(.text("Q"), "A"))
            return (
                scorer.descriptor, scorer.cacheIdentity, scorer.batchSize, server.log.first?.headers["authorization"]
            )
        }
        #expect(descriptor.name == "skywork")
        #expect(descriptor.kind == .rewardModel)
        #expect(descriptor.backend == "vllm")
        #expect(descriptor.model == "Skywork/Skywork-Reward-V2-Llama-3.1-8B")
        #expect(identity?.parameters == "endpoint=classify;version=0.11")
        #expect(identity?.backendKind == "vllm")
        #expect(batchSize == 1)
        #expect(authorization == "Bearer \(key)")
        #expect(!"\(descriptor) \(String(describing: identity))".contains(key))
    }
}
