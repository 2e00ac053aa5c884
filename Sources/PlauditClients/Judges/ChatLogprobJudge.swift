public import PlauditCore
import Foundation

/// A pointwise judge on any ``ChatGenerator``: the score is the expected rating under the
/// judge's distribution over rating tokens when the backend returns log-probabilities, else
/// the rating parsed from its reply.
///
/// - Prefill: the rubric's `response_prefix`, when set, is sent as a final assistant message
///   only when the generator continues one (``ChatCapabilities/assistantPrefill``: llama.cpp,
///   vLLM, Anthropic), so that the next token is the rating.
/// - Log-probabilities (``ChatCapabilities/maxTopLogprobs`` > 0): with a prefill, one token is
///   asked for and its alternatives are read; without one, a short reply is asked for and the
///   alternatives are read at the first generated token that spells a rating
///   (research/serving_apis.md §3.1). Tokens spelling the same rating add up ("7" and " 7")
///   and the expectation is renormalised over the rating tokens present.
/// - Otherwise, or when no rating token is among the alternatives, the reply is parsed; then a
///   longer reply is asked for once. A judge that still gives no rating is a
///   ``ScoreOutcome/failure(_:)``, never a middle score.
///
/// With a pairwise rubric the request carries both answers (``ScoringRequest/second``) and the
/// score is the expected rating on the rubric's A-to-B scale.
///
/// Requests run at temperature 0 with seed 0.
public struct ChatLogprobJudge: RewardScorer {
    public let name: String
    public let generator: any ChatGenerator
    public let rubric: Rubric
    /// Alternatives asked for per token; capped at the backend's limit.
    public let topLogprobs: Int
    /// Tokens for a reply that is parsed (or read for a rating position) on the first try.
    public let replyTokens: Int
    /// Tokens for the one longer retry.
    public let retryTokens: Int

    public init(
        name: String, generator: any ChatGenerator, rubric: Rubric, topLogprobs: Int = 20, replyTokens: Int = 16,
        retryTokens: Int = 64
    ) {
        self.name = name
        self.generator = generator
        self.rubric = rubric
        self.topLogprobs = topLogprobs
        self.replyTokens = replyTokens
        self.retryTokens = retryTokens
    }

    public var descriptor: ScorerDescriptor {
        ScorerDescriptor(
            name: name, kind: rubric.mode == .pairwise ? .pairwiseJudge : .judge, backend: generator.descriptor.backend, model: generator.descriptor.model,
            rubric: rubric.reference
        )
    }

    /// Backend, URL, model, rubric and every setting that changes the rating.
    public var cacheIdentity: ScorerCacheIdentity? {
        let generator = generator.descriptor
        return ScorerCacheIdentity(
            backendKind: generator.backend, baseURL: generator.baseURL, model: generator.model, rubricSHA256: rubric.sha256,
            parameters: "judge=chat-logprob;top_logprobs=\(effectiveTopLogprobs);prefill=\(usesPrefill);"
                + "reply_tokens=\(replyTokens);retry_tokens=\(retryTokens);temperature=0;seed=0"
        )
    }

    /// Whether the rubric's prefix is sent as a prefill.
    var usesPrefill: Bool {
        rubric.responsePrefix != nil && generator.capabilities.assistantPrefill
    }

    var effectiveTopLogprobs: Int {
        max(0, min(topLogprobs, generator.capabilities.maxTopLogprobs))
    }

    public func score(_ request: ScoringRequest) async throws -> ScoreOutcome {
        do {
            return try await rate(request)
        } catch let error as ClientError where error.rejectedInput != nil {
            // Too long for the judge's context: this response fails alone.
            return .failure(error.rejectedInput!)
        }
    }

    private func rate(_ request: ScoringRequest) async throws -> ScoreOutcome {
        let top = effectiveTopLogprobs
        let first = try await complete(request, maxTokens: top > 0 && usesPrefill ? 1 : replyTokens, topLogprobs: top)
        if top > 0, let expected = expectedRating(first) {
            return .score(expected)
        }
        if let rating = RatingExtraction.firstRating(in: first.text, scale: rubric.scale) {
            return .score(Double(rating))
        }
        let longer = try await complete(request, maxTokens: retryTokens, topLogprobs: 0)
        if let rating = RatingExtraction.firstRating(in: longer.text, scale: rubric.scale) {
            return .score(Double(rating))
        }
        let looked = top > 0 ? "among the top \(top) tokens or " : ""
        return .failure("no rating in \(rubric.scale) \(looked)in the reply \"\(longer.text.prefix(80))\"")
    }

    /// The expected rating at the rating position: the first token with a prefill, else the
    /// first generated token that spells a rating.
    func expectedRating(_ completion: ChatCompletion) -> Double? {
        let position: TokenLogprobs?
        if usesPrefill {
            position = completion.tokens.first
        } else {
            position = completion.tokens.first { token in
                Int(token.token.trimmingCharacters(in: .whitespacesAndNewlines)).map { rubric.scale.contains($0) } ?? false
            }
        }
        guard let position else { return nil }
        let candidates = position.top.map { (token: $0.token, logprob: $0.logprob) }
        return RatingExtraction.expectedRating(candidates: candidates, scale: rubric.scale)?.rating
    }

    private func complete(_ request: ScoringRequest, maxTokens: Int, topLogprobs: Int) async throws -> ChatCompletion {
        let text =
            if let second = request.second {
                rubric.render(prompt: request.prompt.text, first: request.response, second: second)
            } else {
                rubric.render(prompt: request.prompt.text, response: request.response)
            }
        var messages = [ChatMessage(role: "user", content: text)]
        if usesPrefill, let prefix = rubric.responsePrefix {
            messages.append(ChatMessage(role: "assistant", content: prefix))
        }
        return try await generator.complete(
            ChatRequest(
                messages: messages, maxTokens: maxTokens, temperature: 0, seed: 0,
                topLogprobs: topLogprobs > 0 ? topLogprobs : nil
            )
        )
    }
}
