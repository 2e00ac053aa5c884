public import PlauditCore
public import Foundation

/// A ``ChatGenerator`` over the Anthropic Messages API, `POST /v1/messages`
/// (research/serving_apis.md §6).
///
/// - The `anthropic-version` header comes from option `anthropic_version` (default
///   `2023-06-01`). ``BackendClient`` sends only the configuration's headers, so the header is
///   put into the configuration the client is built from: build the client from
///   ``clientConfiguration(_:)``, or use ``init(configuration:transport:environment:)``.
/// - The key is sent by ``BackendClient`` as `x-api-key` by default, or as
///   `Authorization: Bearer` when the backend says `auth: bearer`.
/// - System prompts go in the top-level `system` field (``ChatRequest/system`` and any
///   `system` messages, joined by blank lines), because the API has no `system` role.
/// - A final assistant message is continued (prefill). The API refuses a final assistant
///   message that ends in whitespace, so trailing whitespace is trimmed from it; the server
///   does not repeat the prefill in its answer.
/// - There are no log-probabilities and no `seed`: ``ChatCapabilities/maxTopLogprobs`` is 0
///   and judges parse the reply. The answer is the concatenation of the `text` blocks;
///   `stop_reason` becomes ``ChatCompletion/finishReason``.
public struct AnthropicChatGenerator: ChatGenerator {
    /// The default `anthropic-version`, the long-documented one.
    public static let defaultVersion = "2023-06-01"

    /// The backend this generator posts to.
    public let client: BackendClient
    let model: String

    /// `configuration` with the `anthropic-version` header added from option
    /// `anthropic_version` (default ``defaultVersion``), unless a header of that name is
    /// already configured.
    public static func clientConfiguration(_ configuration: BackendConfiguration) -> BackendConfiguration {
        var configured = configuration
        if !configured.headers.keys.contains(where: { $0.lowercased() == "anthropic-version" }) {
            configured.headers["anthropic-version"] = configured.options["anthropic_version"] ?? defaultVersion
        }
        return configured
    }

    /// - Parameter client: a client built from ``clientConfiguration(_:)``.
    /// - Throws: ``ClientError`` (`configuration`) when the backend is not of kind
    ///   `anthropic`, names no model, or its configuration has no `anthropic-version` header.
    public init(client: BackendClient) throws {
        let configuration = client.configuration
        guard configuration.kind == .anthropic else {
            throw ClientError(.configuration, "backend '\(configuration.name)' is of kind '\(configuration.kind.rawValue)', not anthropic")
        }
        guard let model = configuration.model, !model.isEmpty else {
            throw ClientError(.configuration, "backend '\(configuration.name)' (anthropic): `model` is required")
        }
        guard configuration.headers.keys.contains(where: { $0.lowercased() == "anthropic-version" }) else {
            throw ClientError(
                .configuration,
                "backend '\(configuration.name)': no anthropic-version header; build its client from AnthropicChatGenerator.clientConfiguration(_:)"
            )
        }
        self.client = client
        self.model = model
    }

    /// Builds its own ``BackendClient`` from ``clientConfiguration(_:)``.
    public init(
        configuration: BackendConfiguration,
        transport: any HTTPTransport,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        try self.init(
            client: BackendClient(configuration: Self.clientConfiguration(configuration), transport: transport, environment: environment)
        )
    }

    public var descriptor: GeneratorDescriptor {
        GeneratorDescriptor(backend: BackendKind.anthropic.rawValue, baseURL: client.cacheURL, model: model)
    }

    public var capabilities: ChatCapabilities {
        ChatCapabilities(maxTopLogprobs: 0, assistantPrefill: true, jsonSchema: false, seed: false)
    }

    public func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        let response = try await client.post("/v1/messages", body: wireRequest(request), as: AnthropicMessagesWire.Response.self)
        let text = response.content.filter { $0.type == "text" }.compactMap(\.text).joined()
        return ChatCompletion(
            text: text, finishReason: response.stopReason,
            usage: response.usage.map { TokenUsage(promptTokens: $0.inputTokens, completionTokens: $0.outputTokens) }
        )
    }

    /// The body for `request`.
    func wireRequest(_ request: ChatRequest) -> AnthropicMessagesWire.Request {
        var systems = request.system.map { [$0] } ?? []
        var messages: [ChatMessage] = []
        for message in request.messages {
            if message.role == "system" { systems.append(message.content) } else { messages.append(message) }
        }
        if var last = messages.last, last.role == "assistant" {
            while let end = last.content.last, end.isWhitespace { last.content.removeLast() }
            messages[messages.count - 1] = last
        }
        return AnthropicMessagesWire.Request(
            model: model, maxTokens: request.maxTokens, messages: messages,
            system: systems.isEmpty ? nil : systems.joined(separator: "\n\n"),
            temperature: request.temperature, topP: request.topP, stopSequences: request.stop
        )
    }
}
