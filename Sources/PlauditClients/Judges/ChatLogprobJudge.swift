public import PlauditCore

/// A pointwise judge over an OpenAI-compatible chat-completions endpoint: the score is the
/// expected rating over the rating tokens' `top_logprobs`.
///
/// The rubric's `response_prefix`, when set, is sent as a final assistant message that the
/// server continues (llama.cpp and vLLM do; OpenAI does not), so the next token is the
/// rating. When no rating token is among the top candidates, the reply is parsed instead, and
/// then a longer reply is asked for once; a judge that still gives no rating is a
/// ``ScoreOutcome/failure(_:)``, never a middle score.
public struct ChatLogprobJudge: RewardScorer {
    public let name: String
    public let http: JSONHTTPClient
    public let baseURL: String
    public let model: String
    public let rubric: Rubric
    public let topLogprobs: Int

    public init(name: String, http: JSONHTTPClient, baseURL: String, model: String, rubric: Rubric, topLogprobs: Int = 20) {
        self.name = name
        self.http = http
        self.baseURL = baseURL
        self.model = model
        self.rubric = rubric
        self.topLogprobs = topLogprobs
    }

    public var descriptor: ScorerDescriptor {
        ScorerDescriptor(name: name, kind: .judge, backend: "openai-chat", model: model, rubric: rubric.reference)
    }

    public func score(_ request: ScoringRequest) async throws -> ScoreOutcome {
        let first = try await complete(request, maxTokens: 1, logprobs: true)
        let candidates = (first.logprobs?.content?.first?.topLogprobs ?? []).map { ($0.token, $0.logprob) }
        if let expected = RatingExtraction.expectedRating(candidates: candidates, scale: rubric.scale) {
            return .score(expected.rating)
        }
        if let rating = RatingExtraction.firstRating(in: reply(first), scale: rubric.scale) {
            return .score(Double(rating))
        }
        let longer = try await complete(request, maxTokens: 16, logprobs: false)
        if let rating = RatingExtraction.firstRating(in: reply(longer), scale: rubric.scale) {
            return .score(Double(rating))
        }
        return .failure("no rating in \(rubric.scale) among the top \(topLogprobs) tokens or in the reply \"\(reply(longer).prefix(80))\"")
    }

    /// The reply without the prefix, which llama.cpp echoes back.
    private func reply(_ choice: ChatCompletionWire.Response.Choice) -> String {
        let content = choice.message.content
        if let prefix = rubric.responsePrefix, content.hasPrefix(prefix) {
            return String(content.dropFirst(prefix.count))
        }
        return content
    }

    private func complete(
        _ request: ScoringRequest,
        maxTokens: Int,
        logprobs: Bool
    ) async throws -> ChatCompletionWire.Response.Choice {
        var messages = [ChatCompletionWire.Message(role: "user", content: rubric.render(prompt: request.prompt.text, response: request.response))]
        if let prefix = rubric.responsePrefix {
            messages.append(.init(role: "assistant", content: prefix))
        }
        let body = ChatCompletionWire.Request(
            model: model, messages: messages, maxTokens: maxTokens, temperature: 0, logprobs: logprobs,
            topLogprobs: logprobs ? topLogprobs : nil, seed: 0
        )
        let response = try await http.post(baseURL + "/v1/chat/completions", body: body, as: ChatCompletionWire.Response.self)
        guard let choice = response.choices.first else {
            throw ClientError(.unexpectedResponse, "\(baseURL)/v1/chat/completions answered with no choices")
        }
        return choice
    }
}
