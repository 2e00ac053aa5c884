import Foundation
import PlauditClients
import PlauditCore
import PlauditTesting
import Testing

/// A vector that names its text: `[i, i + 0.5]` where `i` is the number in "t<i>".
private func vector(for text: String) -> [Float] {
    let number = Float(text.dropFirst()) ?? -1
    return [number, number + 0.5]
}

private func json(_ value: Any) -> String {
    String(decoding: try! JSONSerialization.data(withJSONObject: value), as: UTF8.self)
}

/// Answers `/v1/embeddings` in the OpenAI shape, items in reverse order.
private let shuffledOpenAI: FakeHTTPServer.Handler = { request in
    let inputs = request.json?["input"] as? [String] ?? []
    let data = inputs.enumerated().reversed().map { index, text in
        ["index": index, "object": "embedding", "embedding": vector(for: text)] as [String: Any]
    }
    return .json(json(["object": "list", "model": "e5", "data": data, "usage": ["prompt_tokens": 9, "total_tokens": 9]]))
}

/// TEI's `/embed`: a bare array of arrays in input order.
private let tei: FakeHTTPServer.Handler = { request in
    let inputs = request.json?["inputs"] as? [String] ?? []
    return .json(json(inputs.map(vector(for:))))
}

/// Ollama's `/api/embed`.
private let ollama: FakeHTTPServer.Handler = { request in
    let inputs = request.json?["input"] as? [String] ?? []
    return .json(json(["model": "nomic-embed-text", "embeddings": inputs.map(vector(for:)), "total_duration": 14143917, "load_duration": 1019500, "prompt_eval_count": 8]))
}

private let texts = (0..<70).map { "t\($0)" }

@Suite("Embedders over the fake server")
struct EmbedderTests {
    @Test("OpenAIEmbedder: results mapped by index from a shuffled answer; 70 inputs → 32/32/6 for vllm")
    func openAIIndexAndBatches() async throws {
        let (vectors, logged) = try await withFakeBackend(shuffledOpenAI) { fake in
            let embedder = try OpenAIEmbedder(client: fake.client(.vllm, model: "e5"), dimension: 2)
            return (try await embedder.embed(texts), fake.server.log)
        }
        #expect(vectors == texts.map(vector(for:)))
        #expect(logged.map(\.path) == Array(repeating: "/v1/embeddings", count: 3))
        let batches = logged.compactMap { $0.json?["input"] as? [String] }.sorted { $0.first! < $1.first! }
        #expect(batches.map(\.count).sorted() == [6, 32, 32])
        #expect(batches.flatMap { $0 }.sorted() == texts.sorted())
        let body = try #require(logged.first?.json)
        #expect(Set(body.keys) == ["model", "input", "encoding_format"])
        #expect(body["model"] as? String == "e5")
        #expect(body["encoding_format"] as? String == "float")
    }

    @Test("OpenAIEmbedder: 2048 per request by default for openai, max_batch_size otherwise")
    func openAIBatchSize() async throws {
        let many = (0..<2100).map { "t\($0)" }
        let counts = try await withFakeBackend(shuffledOpenAI) { fake in
            let embedder = try OpenAIEmbedder(client: fake.client(.openai, model: "text-embedding-3-small"), dimension: 2)
            #expect(try await embedder.embed(many) == many.map(vector(for:)))
            let small = try OpenAIEmbedder(client: fake.client(.tei, maxBatchSize: 3), dimension: 2)
            #expect(try await small.embed(Array(texts.prefix(7))) == texts.prefix(7).map(vector(for:)))
            return fake.server.log.map { ($0.json?["input"] as? [String])?.count ?? 0 }
        }
        #expect(counts.prefix(2).sorted() == [52, 2048])
        #expect(counts.dropFirst(2).sorted() == [1, 3, 3])
    }

    @Test("connect: the dimension is learned from one probe, or taken from option dimension without a request")
    func connect() async throws {
        try await withFakeBackend(shuffledOpenAI) { fake in
            let probed = try await OpenAIEmbedder.connect(client: fake.client(.llamaCpp))
            #expect(probed.descriptor.dimension == 2)
            #expect(probed.descriptor.name == "llama.cpp:default")
            #expect(probed.descriptor.parameters["encoding_format"] == "float")
            #expect(fake.server.log.count == 1)
            #expect(fake.server.log[0].json?["model"] == nil)
            let configured = try await OpenAIEmbedder.connect(client: fake.client(.vllm, options: ["dimension": "768"]))
            #expect(configured.descriptor.dimension == 768)
            #expect(fake.server.log.count == 1)
            // Vectors must have the descriptor's dimension.
            let error = await #expect(throws: ClientError.self) { try await configured.embed(["t1"]) }
            #expect(error?.code == .unexpectedResponse)
            #expect(try await configured.embed([]) == [])
            #expect(throws: ClientError.self) { try OpenAIEmbedder(client: fake.client(.openai), dimension: 2) }
            #expect(throws: ClientError.self) { try OpenAIEmbedder(client: fake.client(.anthropic, model: "m"), dimension: 2) }
        }
    }

    @Test("OpenAIEmbedder: a repeated, missing or out-of-range index is an error")
    func badIndices() async throws {
        let repeated = #"{"object": "list", "data": [{"index": 0, "object": "embedding", "embedding": [1, 2]}, {"index": 0, "object": "embedding", "embedding": [3, 4]}], "model": "m"}"#
        let outOfRange = #"{"object": "list", "data": [{"index": 1, "object": "embedding", "embedding": [1, 2]}], "model": "m"}"#
        for (answer, inputs) in [(repeated, ["a", "b"]), (outOfRange, ["a"])] {
            try await withFakeBackend(Script(.json(answer)).handler) { fake in
                let embedder = try OpenAIEmbedder(client: fake.client(.vllm), dimension: 2)
                let error = await #expect(throws: ClientError.self) { try await embedder.embed(inputs) }
                #expect(error?.code == .unexpectedResponse)
                #expect(error?.description.contains("out of range or repeated") == true)
            }
        }
        try await withFakeBackend(Script(.json(outOfRange)).handler) { fake in
            let embedder = try OpenAIEmbedder(client: fake.client(.vllm), dimension: 2)
            let error = await #expect(throws: ClientError.self) { try await embedder.embed(["a", "b"]) }
            #expect(error?.description.contains("no vector for input 0") == true)
        }
    }

    @Test("TEI /v1/embeddings error body (no error wrapper) is a non-retried 422")
    func teiOpenAIError() async throws {
        let body = #"{"message": "batch size 40 > maximum allowed batch size 32", "code": 422, "type": "validation"}"#
        try await withFakeBackend(Script(.json(body, status: 422)).handler) { fake in
            let embedder = try OpenAIEmbedder(client: fake.client(.tei, maxBatchSize: 40, maxRetries: 2), dimension: 2)
            let error = await #expect(throws: ClientError.self) { try await embedder.embed(Array(texts.prefix(40))) }
            #expect(error?.code == .httpStatus(422))
            #expect(fake.server.log.count == 1)
        }
    }

    @Test("TEIEmbedder: /embed, inputs in order, 70 → 32/32/6, normalize and truncate false")
    func teiEmbed() async throws {
        let (vectors, logged) = try await withFakeBackend(tei) { fake in
            let embedder = try await TEIEmbedder.connect(client: fake.client(.tei))
            #expect(embedder.descriptor.dimension == 2)
            #expect(embedder.descriptor.parameters["normalize"] == "true")
            return (try await embedder.embed(texts), Array(fake.server.log.dropFirst()))
        }
        #expect(vectors == texts.map(vector(for:)))
        #expect(logged.map(\.path) == ["/embed", "/embed", "/embed"])
        #expect(logged.compactMap { ($0.json?["inputs"] as? [String])?.count }.sorted() == [6, 32, 32])
        let body = try #require(logged.first?.json)
        #expect(Set(body.keys) == ["inputs", "normalize", "truncate"])
        #expect(body["normalize"] as? Bool == true)
        #expect(body["truncate"] as? Bool == false)

        let unnormalized = try await withFakeBackend(tei) { fake in
            let embedder = try TEIEmbedder(client: fake.client(.tei, options: ["normalize": "false"]), dimension: 2)
            _ = try await embedder.embed(["t1"])
            #expect(throws: ClientError.self) { try TEIEmbedder(client: fake.client(.tei, options: ["normalize": "maybe"]), dimension: 2) }
            #expect(throws: ClientError.self) { try TEIEmbedder(client: fake.client(.vllm), dimension: 2) }
            return fake.bodies[0]
        }
        #expect(unnormalized["normalize"] as? Bool == false)
    }

    @Test("TEIEmbedder: native error bodies; 429 overloaded is retried, 422 validation is not; a short answer is an error")
    func teiErrors() async throws {
        let overloaded = #"{"error": "Model is overloaded", "error_type": "overloaded"}"#
        let validation = #"{"error": "`inputs` must have less than 512 tokens. Given: 600", "error_type": "validation"}"#
        try await withFakeBackend(Script(.json(overloaded, status: 429), .json("[[1, 2]]")).handler) { fake in
            let embedder = try TEIEmbedder(client: fake.client(.tei, maxRetries: 2), dimension: 2)
            #expect(try await embedder.embed(["t1"]) == [[1, 2]])
            #expect(fake.server.log.count == 2)
        }
        try await withFakeBackend(Script(.json(validation, status: 422)).handler) { fake in
            let embedder = try TEIEmbedder(client: fake.client(.tei, maxRetries: 2), dimension: 2)
            let error = await #expect(throws: ClientError.self) { try await embedder.embed(["t1"]) }
            #expect(error?.code == .httpStatus(422))
            #expect(fake.server.log.count == 1)
        }
        try await withFakeBackend(Script(.json("[[1, 2]]")).handler) { fake in
            let embedder = try TEIEmbedder(client: fake.client(.tei), dimension: 2)
            let error = await #expect(throws: ClientError.self) { try await embedder.embed(["t1", "t2"]) }
            #expect(error?.description.contains("1 vectors for 2 inputs") == true)
        }
    }

    @Test("OllamaEmbedder: /api/embed with model, input and truncate false; a model is required")
    func ollamaEmbed() async throws {
        let (vectors, logged) = try await withFakeBackend(ollama) { fake in
            #expect(throws: ClientError.self) { try OllamaEmbedder(client: fake.client(.ollama), dimension: 2) }
            let embedder = try await OllamaEmbedder.connect(client: fake.client(.ollama, model: "nomic-embed-text"))
            #expect(embedder.descriptor.dimension == 2)
            #expect(embedder.descriptor.name == "ollama:nomic-embed-text")
            return (try await embedder.embed(texts), Array(fake.server.log.dropFirst()))
        }
        #expect(vectors == texts.map(vector(for:)))
        #expect(logged.map(\.path) == ["/api/embed", "/api/embed", "/api/embed"])
        let body = try #require(logged.first?.json)
        #expect(Set(body.keys) == ["model", "input", "truncate"])
        #expect(body["model"] as? String == "nomic-embed-text")
        #expect(body["truncate"] as? Bool == false)
        #expect(logged.compactMap { ($0.json?["input"] as? [String])?.count }.sorted() == [6, 32, 32])
    }

    @Test("Ollama native error body is a 404 that is not retried")
    func ollamaError() async throws {
        let notFound = #"{"error": "model \"nomic-embed-text\" not found, try pulling it first"}"#
        try await withFakeBackend(Script(.json(notFound, status: 404)).handler) { fake in
            let error = await #expect(throws: ClientError.self) {
                try await OllamaEmbedder.connect(client: fake.client(.ollama, model: "nomic-embed-text", maxRetries: 2))
            }
            #expect(error?.code == .httpStatus(404))
            #expect(fake.server.log.count == 1)
        }
    }
}
