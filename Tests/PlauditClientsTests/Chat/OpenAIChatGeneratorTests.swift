import Foundation
import PlauditClients
import PlauditCore
import PlauditTesting
import Testing

/// `/v1/chat/completions` in each dialect, against the response shapes of
/// research/serving_apis.md §3-§5.
@Suite("OpenAIChatGenerator over the fake server")
struct OpenAIChatGeneratorTests {
    /// OpenAI's reference answer (§3.1).
    static let openAIAnswer = """
        {"id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": "gpt-test",
         "system_fingerprint": "fp_1",
         "choices": [{"index": 0, "finish_reason": "stop",
           "message": {"role": "assistant", "content": "7"},
           "logprobs": {"content": [
             {"token": "7", "logprob": -0.21, "bytes": [55],
              "top_logprobs": [{"token": "7", "logprob": -0.21, "bytes": [55]},
                               {"token": "8", "logprob": -1.73, "bytes": [56]},
                               {"token": "6", "logprob": -3.02, "bytes": null}]}]}}],
         "usage": {"prompt_tokens": 120, "completion_tokens": 1, "total_tokens": 121}}
        """

    /// vLLM's order caveat (§3.2): the sampled token first, a `-9999` placeholder.
    static let vLLMAnswer = """
        {"id": "chatcmpl-2", "object": "chat.completion", "created": 0, "model": "judge",
         "choices": [{"index": 0, "finish_reason": "length",
           "message": {"role": "assistant", "content": "6", "reasoning_content": null, "tool_calls": []},
           "logprobs": {"content": [
             {"token": "6", "logprob": -1.5, "bytes": [54],
              "top_logprobs": [{"token": "6", "logprob": -1.5, "bytes": [54]},
                               {"token": "7", "logprob": -0.3, "bytes": [55]},
                               {"token": "x", "logprob": -9999.0, "bytes": [120]},
                               {"token": " 7", "logprob": -2.25, "bytes": [32, 55]}]}]},
           "stop_reason": null}],
         "usage": {"prompt_tokens": 50, "completion_tokens": 1, "total_tokens": 51, "prompt_tokens_details": null},
         "prompt_logprobs": null}
        """

    /// llama.cpp (§5): the prefill echoed, a `timings` object.
    static let llamaCppAnswer = """
        {"choices": [{"finish_reason": "length", "index": 0,
           "message": {"role": "assistant", "content": "Rating (1-9): 8"},
           "logprobs": {"content": [{"id": 23, "token": "8", "logprob": -0.5, "bytes": [56],
              "top_logprobs": [{"id": 22, "token": "7", "logprob": -1.2, "bytes": [55]},
                               {"id": 23, "token": "8", "logprob": -0.5, "bytes": [56]}]}]}}],
         "created": 0, "model": "smollm2", "system_fingerprint": "b1", "object": "chat.completion",
         "usage": {"completion_tokens": 1, "prompt_tokens": 80, "total_tokens": 81},
         "id": "chatcmpl-x", "timings": {"prompt_n": 80, "prompt_ms": 12.0, "predicted_n": 1, "predicted_ms": 3.0}}
        """

    /// TGI (§3.3): no `bytes`.
    static let tgiAnswer = """
        {"object": "chat.completion", "id": "", "created": 0, "model": "tgi", "system_fingerprint": "3.3.6",
         "choices": [{"index": 0, "message": {"role": "assistant", "content": "5"},
           "logprobs": {"content": [{"token": "5", "logprob": -0.1,
              "top_logprobs": [{"token": "4", "logprob": -3.0}, {"token": "5", "logprob": -0.1}]}]},
           "finish_reason": "length"}],
         "usage": {"prompt_tokens": 10, "completion_tokens": 1, "total_tokens": 11}}
        """

    static let schema = JSONSchemaFormat(
        name: "rating", schemaJSON: #"{"type":"object","properties":{"rating":{"type":"integer"}},"required":["rating"]}"#
    )

    static var fullRequest: ChatRequest {
        ChatRequest(
            messages: [ChatMessage(role: "user", content: "Rate this.")], system: "You are a judge.", maxTokens: 5,
            temperature: 0, topP: 0.9, seed: 7, topLogprobs: 30, jsonSchema: schema, stop: ["\n"]
        )
    }

    static let prefilled = ChatRequest(
        messages: [ChatMessage(role: "user", content: "Rate this."), ChatMessage(role: "assistant", content: "Rating (1-9): ")],
        maxTokens: 1, topLogprobs: 20
    )

    @Test("openai: max_completion_tokens, top_logprobs capped at 20, json_schema with name and strict, sorted keys")
    func openAIBody() async throws {
        let (completion, requests) = try await withFakeBackend(Script(.json(Self.openAIAnswer)).handler) { fake in
            let generator = try OpenAIChatGenerator(client: fake.client(.openai, model: "gpt-test"))
            #expect(generator.capabilities == ChatCapabilities(maxTopLogprobs: 20, assistantPrefill: false, jsonSchema: true, seed: true))
            #expect(generator.descriptor == GeneratorDescriptor(backend: "openai", baseURL: fake.server.baseURL, model: "gpt-test"))
            return (try await generator.complete(Self.fullRequest), fake.server.log)
        }
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.path == "/v1/chat/completions")
        let body = try #require(request.json)
        #expect(Set(body.keys) == ["model", "messages", "max_completion_tokens", "temperature", "top_p", "seed", "stop", "logprobs", "top_logprobs", "response_format"])
        #expect(body["model"] as? String == "gpt-test")
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages == [["role": "system", "content": "You are a judge."], ["role": "user", "content": "Rate this."]])
        #expect(body["max_completion_tokens"] as? Int == 5)
        #expect(body["temperature"] as? Double == 0)
        #expect(body["top_p"] as? Double == 0.9)
        #expect(body["seed"] as? Int == 7)
        #expect(body["stop"] as? [String] == ["\n"])
        #expect(body["logprobs"] as? Bool == true)
        #expect(body["top_logprobs"] as? Int == 20)
        let format = try #require(body["response_format"] as? [String: Any])
        #expect(format["type"] as? String == "json_schema")
        let schema = try #require(format["json_schema"] as? [String: Any])
        #expect(Set(schema.keys) == ["name", "schema", "strict"])
        #expect(schema["name"] as? String == "rating")
        #expect(schema["strict"] as? Bool == true)
        #expect((schema["schema"] as? [String: Any])?["required"] as? [String] == ["rating"])
        #expect(keysAppearInOrder(["logprobs", "max_completion_tokens", "messages", "model", "response_format", "seed", "stop", "temperature", "top_logprobs", "top_p"], in: request.body))

        #expect(completion.text == "7")
        #expect(completion.finishReason == "stop")
        #expect(completion.usage == TokenUsage(promptTokens: 120, completionTokens: 1))
        #expect(completion.tokens.count == 1)
        #expect(completion.tokens[0].token == "7")
        #expect(completion.tokens[0].logprob == -0.21)
        #expect(completion.tokens[0].top.map(\.token) == ["7", "8", "6"])
    }

    @Test("openai: a final assistant message is sent as it is and never stripped (no prefill)")
    func openAINoPrefill() async throws {
        let answer = Self.openAIAnswer.replacingOccurrences(of: #""content": "7""#, with: #""content": "Rating (1-9): 7""#)
        let (completion, body) = try await withFakeBackend(Script(.json(answer)).handler) { fake in
            let generator = try OpenAIChatGenerator(client: fake.client(.openai, model: "gpt-test"))
            return (try await generator.complete(Self.prefilled), fake.bodies[0])
        }
        #expect(body["continue_final_message"] == nil)
        #expect(body["add_generation_prompt"] == nil)
        #expect((body["messages"] as? [[String: String]])?.last == ["role": "assistant", "content": "Rating (1-9): "])
        #expect(completion.text == "Rating (1-9): 7")
    }

    @Test("vllm: max_tokens, continue_final_message with add_generation_prompt false, no model when none is configured")
    func vLLMPrefill() async throws {
        let (completion, bodies) = try await withFakeBackend(Script(.json(Self.vLLMAnswer)).handler) { fake in
            let generator = try OpenAIChatGenerator(client: fake.client(.vllm))
            #expect(generator.capabilities.assistantPrefill)
            #expect(generator.capabilities.maxTopLogprobs == 20)
            let completion = try await generator.complete(Self.prefilled)
            _ = try await generator.complete(ChatRequest(messages: [ChatMessage(role: "user", content: "Hi")], maxTokens: 3))
            return (completion, fake.bodies)
        }
        let body = bodies[0]
        #expect(Set(body.keys) == ["messages", "max_tokens", "temperature", "logprobs", "top_logprobs", "continue_final_message", "add_generation_prompt"])
        #expect(body["max_tokens"] as? Int == 1)
        #expect(body["continue_final_message"] as? Bool == true)
        #expect(body["add_generation_prompt"] as? Bool == false)
        #expect(body["top_logprobs"] as? Int == 20)
        // A conversation that ends with the user gets neither flag, and no logprobs unless asked.
        #expect(Set(bodies[1].keys) == ["messages", "max_tokens", "temperature"])

        // Sorted by logprob, the -9999 placeholder dropped.
        #expect(completion.tokens[0].top.map(\.token) == ["7", "6", " 7"])
        #expect(completion.tokens[0].top.map(\.logprob) == [-0.3, -1.5, -2.25])
        #expect(completion.text == "6")
        #expect(completion.finishReason == "length")
    }

    @Test("llama.cpp: its json_schema form, native prefill, the echoed prefill stripped")
    func llamaCpp() async throws {
        let (completion, bodies) = try await withFakeBackend(Script(.json(Self.llamaCppAnswer)).handler) { fake in
            let generator = try OpenAIChatGenerator(client: fake.client(.llamaCpp, model: "smollm2"))
            #expect(generator.capabilities.assistantPrefill)
            var request = Self.prefilled
            request.jsonSchema = Self.schema
            return (try await generator.complete(request), fake.bodies)
        }
        let body = bodies[0]
        #expect(Set(body.keys) == ["model", "messages", "max_tokens", "temperature", "logprobs", "top_logprobs", "response_format"])
        let format = try #require(body["response_format"] as? [String: Any])
        #expect(format["type"] as? String == "json_schema")
        let inner = try #require(format["json_schema"] as? [String: Any])
        #expect(Set(inner.keys) == ["schema"])
        #expect(completion.text == "8")
        #expect(completion.tokens[0].top.map(\.token) == ["8", "7"])
        #expect(completion.usage == TokenUsage(promptTokens: 80, completionTokens: 1))
    }

    @Test("tgi: model \"tgi\", top_logprobs capped at 5, its own response_format; a configured model wins")
    func tgi() async throws {
        let (completion, bodies) = try await withFakeBackend(Script(.json(Self.tgiAnswer)).handler) { fake in
            let generator = try OpenAIChatGenerator(client: fake.client(.tgi))
            #expect(generator.capabilities.maxTopLogprobs == 5)
            #expect(!generator.capabilities.assistantPrefill)
            #expect(generator.descriptor.model == "tgi")
            let completion = try await generator.complete(Self.fullRequest)
            _ = try await OpenAIChatGenerator(client: fake.client(.tgi, model: "adapter-1")).complete(Self.fullRequest)
            return (completion, fake.bodies)
        }
        let body = bodies[0]
        #expect(body["model"] as? String == "tgi")
        #expect(body["max_tokens"] as? Int == 5)
        #expect(body["max_completion_tokens"] == nil)
        #expect(body["top_logprobs"] as? Int == 5)
        let format = try #require(body["response_format"] as? [String: Any])
        #expect(Set(format.keys) == ["type", "value"])
        #expect(format["type"] as? String == "json")
        #expect((format["value"] as? [String: Any])?["type"] as? String == "object")
        #expect(bodies[1]["model"] as? String == "adapter-1")
        #expect(completion.tokens[0].top.map(\.token) == ["5", "4"])
    }

    @Test("ollama: /v1/chat/completions with max_tokens; a model is required")
    func ollama() async throws {
        let bodies = try await withFakeBackend(Script(.json(Self.openAIAnswer)).handler) { fake in
            #expect(throws: ClientError.self) { try OpenAIChatGenerator(client: fake.client(.ollama)) }
            let generator = try OpenAIChatGenerator(client: fake.client(.ollama, model: "llama3.2"))
            #expect(!generator.capabilities.assistantPrefill)
            _ = try await generator.complete(Self.fullRequest)
            #expect(fake.server.log.map(\.path) == ["/v1/chat/completions"])
            return fake.bodies
        }
        #expect(bodies[0]["model"] as? String == "llama3.2")
        #expect(bodies[0]["max_tokens"] as? Int == 5)
        #expect((bodies[0]["response_format"] as? [String: Any])?["type"] as? String == "json_schema")
    }

    @Test("option max_top_logprobs raises the cap; kinds without chat are refused")
    func options() async throws {
        try await withFakeBackend(Script(.json(Self.vLLMAnswer)).handler) { fake in
            let raised = try OpenAIChatGenerator(client: fake.client(.vllm, options: ["max_top_logprobs": "50"]))
            #expect(raised.capabilities.maxTopLogprobs == 50)
            var request = Self.prefilled
            request.topLogprobs = 40
            _ = try await raised.complete(request)
            #expect(fake.bodies[0]["top_logprobs"] as? Int == 40)
            for kind in [BackendKind.anthropic, .tei, .httpTemplate, .subprocess] {
                let error = #expect(throws: ClientError.self) { try OpenAIChatGenerator(client: fake.client(kind, model: "m")) }
                #expect(error?.code == .configuration)
            }
            #expect(throws: ClientError.self) { try OpenAIChatGenerator(client: fake.client(.vllm, options: ["max_top_logprobs": "many"])) }
        }
    }

    @Test("error bodies: 400 is not retried, 503 is, 422 from TGI fails; an unparsable schema sends nothing")
    func errors() async throws {
        let openAIError = #"{"error": {"message": "This model's maximum context length is 8192 tokens.", "type": "invalid_request_error", "param": "messages", "code": "context_length_exceeded"}}"#
        try await withFakeBackend(Script(.json(openAIError, status: 400)).handler) { fake in
            let generator = try OpenAIChatGenerator(client: fake.client(.openai, model: "gpt-test", maxRetries: 3))
            let error = await #expect(throws: ClientError.self) { try await generator.complete(Self.fullRequest) }
            #expect(error?.code == .httpStatus(400))
            #expect(fake.server.log.count == 1)
        }
        let vLLMBusy = #"{"error": {"message": "engine busy", "type": "ServiceUnavailableError", "param": null, "code": 503}}"#
        try await withFakeBackend(Script(.json(vLLMBusy, status: 503), .json(Self.vLLMAnswer)).handler) { fake in
            let generator = try OpenAIChatGenerator(client: fake.client(.vllm, maxRetries: 2))
            let completion = try await generator.complete(Self.prefilled)
            #expect(completion.text == "6")
            #expect(fake.server.log.count == 2)
        }
        let tgiError = #"{"error": "Input validation error: `top_n_tokens` must be <= 5. Given: 20", "error_type": "validation"}"#
        try await withFakeBackend(Script(.json(tgiError, status: 422)).handler) { fake in
            let generator = try OpenAIChatGenerator(client: fake.client(.tgi, maxRetries: 2))
            let error = await #expect(throws: ClientError.self) { try await generator.complete(Self.fullRequest) }
            #expect(error?.code == .httpStatus(422))
            #expect(fake.server.log.count == 1)
        }
        try await withFakeBackend(Script(.json(#"{"object": "chat.completion", "choices": []}"#)).handler) { fake in
            let generator = try OpenAIChatGenerator(client: fake.client(.vllm))
            let error = await #expect(throws: ClientError.self) { try await generator.complete(Self.prefilled) }
            #expect(error?.code == .unexpectedResponse)

            var broken = Self.fullRequest
            broken.jsonSchema = JSONSchemaFormat(name: "x", schemaJSON: "{not json")
            let schemaError = await #expect(throws: ClientError.self) { try await generator.complete(broken) }
            #expect(schemaError?.code == .configuration)
            #expect(fake.server.log.count == 1)
        }
    }

    @Test("the API key goes only into the Authorization header, never into the descriptor")
    func keyStaysInHeader() async throws {
        let request = try await withFakeBackend(Script(.json(Self.openAIAnswer)).handler) { fake in
            let client = try fake.client(.openai, model: "gpt-test", apiKeyEnv: "TEST_OPENAI_KEY", environment: ["TEST_OPENAI_KEY": "sk-secret-42"])
            let generator = try OpenAIChatGenerator(client: client)
            _ = try await generator.complete(Self.fullRequest)
            #expect(!"\(generator.descriptor)".contains("sk-secret-42"))
            return fake.server.log[0]
        }
        #expect(request.headers["authorization"] == "Bearer sk-secret-42")
        #expect(!String(decoding: request.body, as: UTF8.self).contains("sk-secret-42"))
    }
}
