import Foundation
import PlauditClients
import PlauditCore
import Testing

/// Against the real llama.cpp server with SmolLM2-135M-Instruct, on 127.0.0.1, started and
/// stopped by the test. Serialized: one server at a time on a 2-core machine.
@Suite("llama.cpp integration", .serialized, .enabled(if: LocalModel.shouldRun, "local model not installed"))
struct LlamaServerIntegrationTests {
    /// Four prompts' responses, each scored twice by both scorers: every response of the
    /// fixtures goes through the same adapters in the command-line tests, so repeating all
    /// of them here would only add minutes of sequential requests.
    @Test("Judge and perplexity give finite scores for four fixture prompts' responses, identical on a second run")
    func fixtureResponses() async throws {
        #expect(LocalModel.assets.hasLocalModel, "run `plaudit assets install` (PLAUDIT_REQUIRE_LOCAL_MODEL=1 is set)")
        var dataset = try LocalModel.fixtures()
        dataset.items = Array(dataset.items.prefix(4))
        let rubric = try LocalModel.rubric()
        let http = AsyncHTTPTransport(connectionsPerHost: 2)
        let pid = try await LlamaServer.withRunning(.smolLM2(LocalModel.assets, threads: 2)) { server in
            let client = try BackendClient(configuration: server.backendConfiguration(), transport: http, environment: [:])
            let judge = ChatLogprobJudge(name: "judge", generator: try OpenAIChatGenerator(client: client), rubric: rubric)
            let perplexity = LlamaCppPerplexityScorer(name: "ppl", client: client, model: "smollm2")
            for scorer in [judge, perplexity] as [any RewardScorer] {
                var first: [Double] = []
                for item in dataset.items {
                    for response in item.responses {
                        let request = ScoringRequest(itemID: item.id, responseID: response.id, prompt: item.prompt, response: response.text)
                        let outcome = try await scorer.score(request)
                        let value = try #require(outcome.value, "\(scorer.descriptor.name) \(item.id)/\(response.id): \(outcome)")
                        #expect(value.isFinite)
                        if scorer is ChatLogprobJudge { #expect(rubric.scale.lowerBound <= Int(value) && value <= 9) }
                        if scorer is LlamaCppPerplexityScorer { #expect(value <= -1) }
                        first.append(value)
                    }
                }
                var second: [Double] = []
                for item in dataset.items {
                    for response in item.responses {
                        let request = ScoringRequest(itemID: item.id, responseID: response.id, prompt: item.prompt, response: response.text)
                        second.append(try #require(try await scorer.score(request).value))
                    }
                }
                #expect(first.count == dataset.responseCount)
                #expect(first == second, "\(scorer.descriptor.name) changed between runs")
            }
            return server.pid
        }
        try await http.shutdown()
        #expect(kill(pid, 0) != 0, "server process \(pid) still alive after withRunning returned")
    }

    /// The teacher-forced route (a grammar of token ids, `n_probs: 1`) against a direct
    /// computation: the canonical tokens of the prompt and response prefix are sent as the
    /// prompt, and the next token's log-probability is read among the top 200 candidates.
    @Test("Forced-token log-probabilities equal the direct next-token computation")
    func perplexityRouteMatchesDirectComputation() async throws {
        #expect(LocalModel.assets.hasLocalModel)
        let http = AsyncHTTPTransport(connectionsPerHost: 2)
        try await LlamaServer.withRunning(.smolLM2(LocalModel.assets)) { server in
            let client = try BackendClient(configuration: server.backendConfiguration(), transport: http, environment: [:])
            let scorer = LlamaCppPerplexityScorer(name: "ppl", client: client, model: "smollm2")
            let request = ScoringRequest(
                itemID: "i", responseID: "r", prompt: .text("Write a metaphor about time."),
                response: "Time is a river that carries us \"forward\"."
            )
            let forced = try scorer.tokenLogprobsOrThrow(try await scorer.tokenLogprobs(request))

            let templated = try await client.post(
                "/apply-template", body: ["messages": [["role": "user", "content": "Write a metaphor about time."]]],
                as: [String: String].self
            )["prompt"]!
            struct Tokenize: Encodable { var content: String; var add_special = false; var parse_special: Bool }
            struct Tokens: Decodable { var tokens: [Int] }
            let promptTokens = try await client.post("/tokenize", body: Tokenize(content: templated, parse_special: true), as: Tokens.self).tokens
            let responseTokens = try await client.post("/tokenize", body: Tokenize(content: request.response, parse_special: false), as: Tokens.self).tokens
            #expect(responseTokens.count == forced.count)

            struct Next: Encodable { var prompt: [Int]; var n_predict = 1; var n_probs = 200; var temperature = 0.0 }
            struct Answer: Decodable {
                struct Position: Decodable {
                    struct Candidate: Decodable { var id: Int; var logprob: Double }
                    var top_logprobs: [Candidate]
                }
                var completion_probabilities: [Position]
            }
            var compared = 0
            for (i, token) in responseTokens.enumerated() {
                let answer = try await client.post("/completion", body: Next(prompt: promptTokens + responseTokens[..<i]), as: Answer.self)
                guard let direct = answer.completion_probabilities.first?.top_logprobs.first(where: { $0.id == token }) else { continue }
                #expect(abs(direct.logprob - forced[i]) < 1e-3, "token \(i): direct \(direct.logprob) vs forced \(forced[i])")
                compared += 1
            }
            // Tokens outside the top 200 cannot be read directly; most must be comparable.
            #expect(compared >= responseTokens.count - 2, "compared \(compared) of \(responseTokens.count)")

            // An emoji split across byte-level tokens cannot be forced (llama.cpp answers HTTP 500
            // on every attempt): that response fails alone, and the next one scores.
            let emoji = ScoringRequest(itemID: "i", responseID: "e", prompt: .text("Name a poodle."), response: "HIMALA LIGHTZER! 🐩🐩🐩🐩")
            let failed = try await scorer.score(emoji)
            #expect(failed.value == nil && "\(failed)".contains("split across tokens"), "\(failed)")
            #expect(try await scorer.score(request).value?.isFinite == true)
        }
        try await http.shutdown()
    }

    @Test("OpenAI-compatible chat with top_logprobs and a prefill, and /v1/completions, through the adapters")
    func chatAndCompletions() async throws {
        #expect(LocalModel.assets.hasLocalModel)
        let http = AsyncHTTPTransport(connectionsPerHost: 2)
        try await LlamaServer.withRunning(.smolLM2(LocalModel.assets, threads: 2)) { server in
            let client = try BackendClient(configuration: server.backendConfiguration(), transport: http, environment: [:])
            let generator = try OpenAIChatGenerator(client: client)
            #expect(generator.capabilities.assistantPrefill)
            let prefix = "The capital of France is"
            let request = ChatRequest(
                messages: [ChatMessage(role: "user", content: "What is the capital of France?"), ChatMessage(role: "assistant", content: prefix)],
                maxTokens: 3, temperature: 0, seed: 0, topLogprobs: 5
            )
            let first = try await generator.complete(request)
            #expect(!first.text.hasPrefix(prefix), "the echoed prefill is stripped: \(first.text)")
            #expect(!first.text.isEmpty)
            #expect(first.tokens.count >= 1 && first.tokens.count <= 3)
            for position in first.tokens {
                #expect(!position.top.isEmpty && position.top.count <= 5)
                #expect(position.top.map(\.logprob) == position.top.map(\.logprob).sorted(by: >), "sorted, highest first")
                #expect(position.top.allSatisfy { $0.logprob.isFinite && $0.logprob <= 0 })
            }
            // Greedy: the generated token is the top candidate, and the text is what the tokens spell.
            #expect(first.tokens.first?.token == first.tokens.first?.top.first?.token)
            #expect(first.text == first.tokens.map(\.token).joined())
            #expect((first.usage?.completionTokens ?? 0) >= 1)
            #expect(try await generator.complete(request) == first, "temperature 0 and a seed repeat the answer")

            // Without a prefill the model answers from the generation prompt.
            let plain = try await generator.complete(
                ChatRequest(messages: [ChatMessage(role: "user", content: "Say hello.")], maxTokens: 4, temperature: 0, seed: 0)
            )
            #expect(!plain.text.isEmpty)
            #expect(plain.tokens.isEmpty, "no logprobs unless asked")

            let completions = try OpenAICompletionsClient(client: client)
            let raw = try await completions.complete(prompt: "One, two, three,", maxTokens: 3, temperature: 0, seed: 0, topLogprobs: 4)
            #expect(!raw.text.isEmpty)
            #expect(raw.tokens.count >= 1 && raw.tokens.count <= 3)
            for position in raw.tokens {
                #expect(!position.top.isEmpty && position.top.count <= 4)
                #expect(position.top.map(\.logprob) == position.top.map(\.logprob).sorted(by: >))
            }
            #expect(raw.text == raw.tokens.map(\.token).joined())
            #expect(try await completions.complete(prompt: "One, two, three,", maxTokens: 3, temperature: 0, seed: 0, topLogprobs: 4) == raw)
        }
        try await http.shutdown()
    }

    @Test("Embedding mode: /v1/embeddings gives finite, L2-normalised, repeatable vectors in input order")
    func embeddings() async throws {
        #expect(LocalModel.assets.hasLocalModel)
        let http = AsyncHTTPTransport(connectionsPerHost: 2)
        let pid = try await LlamaServer.withRunning(.smolLM2(LocalModel.assets, threads: 2, embeddings: .mean)) { server in
            var configuration = server.backendConfiguration()
            configuration.maxBatchSize = 2
            let client = try BackendClient(configuration: configuration, transport: http, environment: [:])
            let embedder = try await OpenAIEmbedder.connect(client: client)
            let dimension = embedder.descriptor.dimension
            #expect(dimension == 576, "SmolLM2-135M's hidden size")
            let texts = ["A cat sat on the mat.", "Stock markets fell sharply today.", "A cat sat on the mat.", "Photosynthesis needs light.", "Le chat dort."]
            let vectors = try await embedder.embed(texts)
            #expect(vectors.count == texts.count)
            for vector in vectors {
                #expect(vector.count == dimension)
                #expect(vector.allSatisfy { $0.isFinite })
                let norm = vector.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
                #expect(abs(norm - 1) < 1e-3, "L2 norm \(norm)")
            }
            #expect(vectors[0] == vectors[2], "identical text, identical vector (in different batches)")
            #expect(vectors[0] != vectors[1])
            // Order: each text alone gives the vector it got in the batch.
            for index in [4, 1, 3] {
                let alone = try await embedder.embed([texts[index]])[0]
                let difference = zip(alone, vectors[index]).map { abs($0 - $1) }.max() ?? 1
                #expect(difference < 1e-4, "text \(index) differs by \(difference) alone")
            }
            return server.pid
        }
        try await http.shutdown()
        #expect(kill(pid, 0) != 0)
    }

    @Test("A missing model file is a clear error and starts nothing")
    func missingModel() async throws {
        var configuration = LlamaServer.Configuration.smolLM2(LocalModel.assets)
        configuration.model = URL(fileURLWithPath: "/nonexistent/model.gguf")
        let error = await #expect(throws: ClientError.self) { try await LlamaServer.start(configuration) }
        #expect(error?.code == .assetMissing)
        #expect(error?.description.contains("plaudit assets install") == true)
    }
}

extension LlamaCppPerplexityScorer {
    func tokenLogprobsOrThrow(_ result: Result<[Double], ForcingFailure>) throws -> [Double] {
        try result.get()
    }
}
