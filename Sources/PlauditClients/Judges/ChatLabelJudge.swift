public import PlauditCore
import Foundation

/// A categorical judge on any ``ChatGenerator``: the rubric's template is filled with the
/// prompt and the response, and the reply is read for exactly one of the rubric's labels
/// (``LabelRubric/label(in:)``).
///
/// - Prefill: the rubric's `response_prefix`, when set, is sent as a final assistant message
///   only when the generator continues one (``ChatCapabilities/assistantPrefill``), so the
///   reply starts at the label.
/// - A reply with no label, or with two different labels, is asked again once with a longer
///   reply; if that also names no single label the response is a ``LabelOutcome/failure(_:)``,
///   never a default label.
/// - A response too long for the judge's context fails alone.
///
/// Requests run at temperature 0 with seed 0.
public struct ChatLabelJudge: LabelJudge {
    public let name: String
    public let generator: any ChatGenerator
    public let rubric: LabelRubric
    /// Tokens for the first reply.
    public let replyTokens: Int
    /// Tokens for the one longer retry.
    public let retryTokens: Int

    public init(name: String, generator: any ChatGenerator, rubric: LabelRubric, replyTokens: Int = 8, retryTokens: Int = 48) {
        self.name = name
        self.generator = generator
        self.rubric = rubric
        self.replyTokens = replyTokens
        self.retryTokens = retryTokens
    }

    public var labels: [String] { rubric.labels }

    public var descriptor: ScorerDescriptor {
        ScorerDescriptor(
            name: name, kind: .judge, backend: generator.descriptor.backend, model: generator.descriptor.model, rubric: rubric.reference)
    }

    /// Backend, URL, model, rubric and every setting that changes the label.
    public var cacheIdentity: ScorerCacheIdentity? {
        let generator = generator.descriptor
        return ScorerCacheIdentity(
            backendKind: generator.backend, baseURL: generator.baseURL, model: generator.model, rubricSHA256: rubric.sha256,
            parameters: "judge=chat-label;prefill=\(usesPrefill);reply_tokens=\(replyTokens);retry_tokens=\(retryTokens);temperature=0;seed=0"
        )
    }

    /// Whether the rubric's prefix is sent as a prefill.
    var usesPrefill: Bool {
        rubric.responsePrefix != nil && generator.capabilities.assistantPrefill
    }

    public func label(_ request: ScoringRequest) async throws -> LabelOutcome {
        do {
            let first = try await complete(request, maxTokens: replyTokens)
            if let label = rubric.label(in: first.text) { return .label(label) }
            let longer = try await complete(request, maxTokens: retryTokens)
            if let label = rubric.label(in: longer.text) { return .label(label) }
            let reply = longer.text.prefix(80).replacingOccurrences(of: "\n", with: " ")
            return .failure("no single label of \(rubric.labels.joined(separator: ", ")) in the reply \"\(reply)\"")
        } catch let error as ClientError where error.rejectedInput != nil {
            return .failure(error.rejectedInput!)
        }
    }

    private func complete(_ request: ScoringRequest, maxTokens: Int) async throws -> ChatCompletion {
        var messages = [ChatMessage(role: "user", content: rubric.render(prompt: request.prompt.text, response: request.response))]
        if usesPrefill, let prefix = rubric.responsePrefix {
            messages.append(ChatMessage(role: "assistant", content: prefix))
        }
        return try await generator.complete(ChatRequest(messages: messages, maxTokens: maxTokens, temperature: 0, seed: 0))
    }
}
