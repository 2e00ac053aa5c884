import Foundation
import PlauditClients
import PlauditCore
import PlauditTesting
import Testing

/// `/v1/messages` against the shapes of research/serving_apis.md §6.
@Suite("AnthropicChatGenerator over the fake server")
struct AnthropicChatGeneratorTests {
    static let answer = """
        {"id": "msg_01", "type": "message", "role": "assistant", "model": "claude-test",
         "content": [{"type": "thinking", "thinking": "Let me weigh it.", "signature": "sig"},
                     {"type": "text", "text": "Rating: "},
                     {"type": "tool_use", "id": "toolu_1", "name": "noop", "input": {}},
                     {"type": "text", "text": "7"}],
         "stop_reason": "end_turn", "stop_sequence": null,
         "usage": {"input_tokens": 120, "output_tokens": 4}}
        """

    static let overloaded = #"{"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}, "request_id": "req_1"}"#
    static let invalid = #"{"type": "error", "error": {"type": "invalid_request_error", "message": "prompt is too long: 250000 tokens > 200000 maximum"}, "request_id": "req_2"}"#

    static let request = ChatRequest(
        messages: [
            ChatMessage(role: "system", content: "Be terse."), ChatMessage(role: "user", content: "Rate this."),
            ChatMessage(role: "assistant", content: "Rating (1-9): "),
        ],
        system: "You are a judge.", maxTokens: 8, temperature: 0, topP: 0.5, seed: 3, topLogprobs: 20, stop: ["\n"]
    )

    @Test("x-api-key and anthropic-version 2023-06-01 by default; system field; prefill trimmed; text blocks joined")
    func defaults() async throws {
        let (completion, logged) = try await withFakeBackend(Script(.json(Self.answer)).handler) { fake in
            let generator = try AnthropicChatGenerator(
                configuration: fake.configuration(.anthropic, model: "claude-test", apiKeyEnv: "TEST_ANTHROPIC_KEY"), transport: fake.transport,
                environment: ["TEST_ANTHROPIC_KEY": "sk-ant-secret"]
            )
            #expect(generator.capabilities == ChatCapabilities(maxTopLogprobs: 0, assistantPrefill: true, jsonSchema: false, seed: false))
            // The anthropic-version header is part of where answers come from (cache keys).
            #expect(generator.descriptor.backend == "anthropic" && generator.descriptor.model == "claude-test")
            #expect(generator.descriptor.baseURL.hasPrefix(fake.server.baseURL + "#headers="))
            #expect(!"\(generator.descriptor)".contains("sk-ant-secret"))
            return (try await generator.complete(Self.request), fake.server.log)
        }
        let request = try #require(logged.first)
        #expect(request.path == "/v1/messages")
        #expect(request.headers["x-api-key"] == "sk-ant-secret")
        #expect(request.headers["authorization"] == nil)
        #expect(request.headers["anthropic-version"] == "2023-06-01")
        #expect(request.headers["content-type"] == "application/json")
        let body = try #require(request.json)
        #expect(Set(body.keys) == ["model", "max_tokens", "messages", "system", "temperature", "top_p", "stop_sequences"])
        #expect(body["model"] as? String == "claude-test")
        #expect(body["max_tokens"] as? Int == 8)
        #expect(body["system"] as? String == "You are a judge.\n\nBe terse.")
        #expect(body["top_p"] as? Double == 0.5)
        #expect(body["stop_sequences"] as? [String] == ["\n"])
        #expect(body["messages"] as? [[String: String]] == [
            ["role": "user", "content": "Rate this."], ["role": "assistant", "content": "Rating (1-9):"],
        ])
        #expect(keysAppearInOrder(["max_tokens", "messages", "model", "stop_sequences", "system", "temperature", "top_p"], in: request.body))

        #expect(completion.text == "Rating: 7")
        #expect(completion.finishReason == "end_turn")
        #expect(completion.tokens.isEmpty)
        #expect(completion.usage == TokenUsage(promptTokens: 120, completionTokens: 4))
    }

    @Test("auth: bearer sends Authorization: Bearer; option anthropic_version sets the header")
    func bearerAndVersion() async throws {
        let request = try await withFakeBackend(Script(.json(Self.answer)).handler) { fake in
            let configuration = fake.configuration(
                .anthropic, model: "claude-test", options: ["anthropic_version": "2026-10-21"], apiKeyEnv: "TEST_ANTHROPIC_KEY", auth: .bearer
            )
            let client = try BackendClient(
                configuration: AnthropicChatGenerator.clientConfiguration(configuration), transport: fake.transport,
                environment: ["TEST_ANTHROPIC_KEY": "sk-ant-secret"]
            )
            _ = try await AnthropicChatGenerator(client: client).complete(ChatRequest(messages: [ChatMessage(role: "user", content: "Hi")], maxTokens: 4))
            return fake.server.log[0]
        }
        #expect(request.headers["authorization"] == "Bearer sk-ant-secret")
        #expect(request.headers["x-api-key"] == nil)
        #expect(request.headers["anthropic-version"] == "2026-10-21")
        #expect(request.json?["system"] == nil)
    }

    @Test("a client without the version header, another kind, or no model is refused")
    func configurationErrors() async throws {
        try await withFakeBackend(Script(.json(Self.answer)).handler) { fake in
            let bare = #expect(throws: ClientError.self) { try AnthropicChatGenerator(client: fake.client(.anthropic, model: "claude-test")) }
            #expect(bare?.description.contains("clientConfiguration") == true)
            #expect(throws: ClientError.self) {
                try AnthropicChatGenerator(configuration: fake.configuration(.openai, model: "m"), transport: fake.transport, environment: [:])
            }
            #expect(throws: ClientError.self) {
                try AnthropicChatGenerator(configuration: fake.configuration(.anthropic), transport: fake.transport, environment: [:])
            }
            // A configured header of the same name is kept.
            let kept = AnthropicChatGenerator.clientConfiguration(fake.configuration(.anthropic, headers: ["Anthropic-Version": "2024-01-01"]))
            #expect(kept.headers == ["Anthropic-Version": "2024-01-01"])
        }
    }

    @Test("error bodies: 529 overloaded is retried, 400 invalid_request_error is not")
    func errors() async throws {
        try await withFakeBackend(Script(.json(Self.overloaded, status: 529), .json(Self.answer)).handler) { fake in
            let generator = try AnthropicChatGenerator(configuration: fake.configuration(.anthropic, model: "claude-test", maxRetries: 2), transport: fake.transport, environment: [:])
            #expect(try await generator.complete(Self.request).text == "Rating: 7")
            #expect(fake.server.log.count == 2)
        }
        try await withFakeBackend(Script(.json(Self.invalid, status: 400)).handler) { fake in
            let generator = try AnthropicChatGenerator(configuration: fake.configuration(.anthropic, model: "claude-test", maxRetries: 2), transport: fake.transport, environment: [:])
            let error = await #expect(throws: ClientError.self) { try await generator.complete(Self.request) }
            #expect(error?.code == .httpStatus(400))
            #expect(fake.server.log.count == 1)
        }
    }
}
