import Foundation
import PlauditClients
import PlauditCore
import PlauditTesting
import Testing

/// `/v1/completions` with the legacy logprobs shape, and llama.cpp's chat-shaped variant.
@Suite("OpenAICompletionsClient over the fake server")
struct OpenAICompletionsClientTests {
    /// vLLM and OpenAI: `tokens`, `token_logprobs`, `top_logprobs: [{token: logprob}]`.
    static let legacy = """
        {"id": "cmpl-1", "object": "text_completion", "created": 0, "model": "m",
         "choices": [{"index": 0, "text": " blue.", "finish_reason": "stop", "stop_reason": null,
           "logprobs": {"text_offset": [0, 5], "tokens": [" blue", "."], "token_logprobs": [-0.4, -0.01],
                        "top_logprobs": [{" blue": -0.4, " grey": -1.6, " red": -9999.0, " green": -0.9}, {".": -0.01}]}}],
         "usage": {"prompt_tokens": 6, "completion_tokens": 2, "total_tokens": 8}}
        """

    static let llamaCpp = """
        {"choices": [{"text": " blue", "index": 0, "finish_reason": "length",
           "logprobs": {"content": [{"id": 5, "token": " blue", "logprob": -0.4, "bytes": [32],
              "top_logprobs": [{"id": 9, "token": " grey", "logprob": -1.6, "bytes": [32]}, {"id": 5, "token": " blue", "logprob": -0.4, "bytes": [32]}]}]}}],
         "created": 0, "model": "smollm2", "object": "text_completion",
         "usage": {"completion_tokens": 1, "prompt_tokens": 6, "total_tokens": 7}, "id": "cmpl-2"}
        """

    @Test("vllm: prompt, max_tokens, temperature, seed, integer logprobs; legacy answer sorted")
    func legacyShape() async throws {
        let (completion, logged) = try await withFakeBackend(Script(.json(Self.legacy)).handler) { fake in
            let client = try OpenAICompletionsClient(client: fake.client(.vllm, model: "m"))
            return (try await client.complete(prompt: "The sky is", maxTokens: 2, temperature: 0, seed: 1, topLogprobs: 4), fake.server.log)
        }
        #expect(logged[0].path == "/v1/completions")
        let body = try #require(logged[0].json)
        #expect(Set(body.keys) == ["model", "prompt", "max_tokens", "temperature", "seed", "logprobs"])
        #expect(body["prompt"] as? String == "The sky is")
        #expect(body["max_tokens"] as? Int == 2)
        #expect(body["logprobs"] as? Int == 4)
        #expect(body["seed"] as? Int == 1)
        #expect(completion.text == " blue.")
        #expect(completion.finishReason == "stop")
        #expect(completion.usage == TokenUsage(promptTokens: 6, completionTokens: 2))
        #expect(completion.tokens.map(\.token) == [" blue", "."])
        #expect(completion.tokens[0].top.map(\.token) == [" blue", " green", " grey"])
        #expect(completion.tokens[1].top == [TokenLogprob(token: ".", logprob: -0.01)])
    }

    @Test("llama.cpp: integer logprobs; its chat-shaped answer read")
    func llamaCppShape() async throws {
        let (completion, body) = try await withFakeBackend(Script(.json(Self.llamaCpp)).handler) { fake in
            let client = try OpenAICompletionsClient(client: fake.client(.llamaCpp))
            return (try await client.complete(prompt: "The sky is", maxTokens: 1, topLogprobs: 3), fake.bodies[0])
        }
        #expect(body["model"] == nil)
        #expect(body["logprobs"] as? Int == 3)
        #expect(Set(body.keys) == ["prompt", "max_tokens", "temperature", "logprobs"])
        #expect(completion.tokens[0].top.map(\.token) == [" blue", " grey"])
    }

    @Test("openai: logprobs capped at 5 and a model required; tgi sends model tgi; no logprobs unless asked")
    func caps() async throws {
        let bodies = try await withFakeBackend(Script(.json(Self.legacy)).handler) { fake in
            #expect(throws: ClientError.self) { try OpenAICompletionsClient(client: fake.client(.openai)) }
            #expect(throws: ClientError.self) { try OpenAICompletionsClient(client: fake.client(.anthropic, model: "m")) }
            _ = try await OpenAICompletionsClient(client: fake.client(.openai, model: "gpt-3.5-turbo-instruct")).complete(prompt: "x", maxTokens: 1, topLogprobs: 20)
            _ = try await OpenAICompletionsClient(client: fake.client(.tgi)).complete(prompt: "x", maxTokens: 1)
            return fake.bodies
        }
        #expect(bodies[0]["logprobs"] as? Int == 5)
        #expect(bodies[1]["model"] as? String == "tgi")
        #expect(bodies[1]["logprobs"] == nil)
    }
}
