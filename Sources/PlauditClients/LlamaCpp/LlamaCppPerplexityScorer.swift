public import PlauditCore
import Foundation

/// Score = − perplexity of the response given the prompt, from a llama.cpp server.
///
/// llama.cpp has no prompt log-probabilities, so the response is teacher-forced: it is
/// tokenized by the server, and `/completion` is run on the chat-templated prompt with a
/// grammar whose terminals are exactly those token ids (`<[id]>`), `n_probs: 1` and
/// temperature 0. `n_probs` reports each forced token's log-probability from the plain
/// softmax, before the grammar; forcing token ids (not the text) keeps the canonical
/// tokenization, which a text grammar does not (greedy decoding under a text grammar may
/// spell `".` as `"` + `.`). Perplexity = exp(mean negative log-probability) over the
/// response's own tokens; the end-of-turn token after them is not counted.
///
/// It talks to the server through a ``BackendClient`` of kind `llama.cpp` whose URL is the
/// server's base URL (for a server plaudit starts: ``LlamaServer/backendConfiguration(name:)``).
public struct LlamaCppPerplexityScorer: RewardScorer {
    public let name: String
    public let client: BackendClient
    /// The model name reported in manifests and cache keys (the server serves one model).
    public let model: String

    public init(name: String, client: BackendClient, model: String) {
        self.name = name
        self.client = client
        self.model = model
    }

    public var descriptor: ScorerDescriptor {
        ScorerDescriptor(name: name, kind: .perplexity, backend: BackendKind.llamaCpp.rawValue, model: model)
    }

    /// Server, model and method: the same response to the same prompt always gets the same
    /// score from the same model file.
    public var cacheIdentity: ScorerCacheIdentity? {
        ScorerCacheIdentity(
            backendKind: BackendKind.llamaCpp.rawValue, baseURL: client.cacheURL, model: model,
            parameters: "scorer=perplexity;method=forced-token-grammar;n_probs=1;temperature=0;seed=0"
        )
    }

    public func score(_ request: ScoringRequest) async throws -> ScoreOutcome {
        let logprobs: Result<[Double], ForcingFailure>
        do {
            logprobs = try await tokenLogprobs(request)
        } catch let error as ClientError where error.rejectedInput != nil {
            // Too long for the server's context: this response fails alone.
            return .failure(error.rejectedInput!)
        } catch let error as ClientError where error.description.contains(Self.splitCharacterError) {
            return .failure(Self.splitCharacterReason)
        }
        guard case .success(let values) = logprobs else {
            if case .failure(let reason) = logprobs { return .failure(reason.message) }
            return .failure("unknown")
        }
        let meanNLL = -values.reduce(0, +) / Double(values.count)
        return .score(-exp(meanNLL))
    }

    /// What llama.cpp answers (HTTP 500, on every attempt) when a forced token is part of a
    /// character split across tokens, as byte-level tokenizers split most emoji: its grammar
    /// cannot accept a token-id terminal whose piece is an incomplete UTF-8 sequence.
    static let splitCharacterError = "Unexpected empty grammar stack"
    static let splitCharacterReason =
        "llama.cpp cannot force this response's tokens: a character (an emoji, say) is split across tokens, which its grammar rejects"

    /// Why forcing a response failed.
    public struct ForcingFailure: Error, Sendable {
        public let message: String
    }

    /// The log-probability of each of the response's tokens given the templated prompt and the
    /// tokens before it.
    public func tokenLogprobs(_ request: ScoringRequest) async throws -> Result<[Double], ForcingFailure> {
        let tokens = try await client.post(
            "/tokenize", body: LlamaCppWire.TokenizeRequest(content: request.response, addSpecial: false),
            as: LlamaCppWire.TokenizeResponse.self
        ).tokens
        guard !tokens.isEmpty else { return .failure(ForcingFailure(message: "empty response: no tokens to score")) }
        let prompt = try await client.post(
            "/apply-template",
            body: LlamaCppWire.ApplyTemplateRequest(messages: request.prompt.messages),
            as: LlamaCppWire.ApplyTemplateResponse.self
        ).prompt
        let completion = try await client.post(
            "/completion",
            body: LlamaCppWire.CompletionRequest(
                prompt: prompt, grammar: "root ::= " + tokens.map { "<[\($0)]>" }.joined(separator: " "),
                nProbs: 1, nPredict: tokens.count + 1, temperature: 0, cachePrompt: true, seed: 0
            ),
            as: LlamaCppWire.CompletionResponse.self
        )
        let forced = completion.completionProbabilities ?? []
        guard forced.count >= tokens.count, zip(forced, tokens).allSatisfy({ $0.id == $1 }) else {
            return .failure(
                ForcingFailure(
                    message: "the server did not follow the forced tokens (\(forced.prefix(tokens.count).map(\.id)) vs \(tokens))"
                )
            )
        }
        return .success(forced.prefix(tokens.count).map(\.logprob))
    }
}
